package io.ringwall.perf;

import java.util.List;

import io.ringwall.engine.config.ShadowSettings;
import io.ringwall.engine.logic.EngineCounters;
import io.ringwall.engine.logic.LogicConfig;
import org.openjdk.jmh.annotations.Param;

/**
 * {@link LogicBenchmark}'s inputs and strategies with shadow trading off (the logic alone) and on (issue 20: a twin of
 * the strategy trading on the paper model inside the logic, every decision and finished order judged and journaled),
 * in one run: {@code scripts/ringwall bench ShadowBenchmark -prof gc}. The issue allows the twin at most 1.5 x the
 * logic alone per event, and 0 B/op. The SHADOW breaker is set never to trip (1,000 misalignments in a row, no
 * execution-quality floor), so both measure the trading path rather than a halted one; the report line says what
 * the twin did.
 */
public class ShadowBenchmark extends LogicBenchmark
{
    @Param({ "off", "on" })
    public String shadow;

    @Override
    LogicConfig configure(final LogicConfig logicAlone)
    {
        return switch (shadow)
        {
            case "off" -> logicAlone;
            case "on" -> logicAlone.withShadow(new ShadowSettings(true, ShadowSettings.DEFAULT_SIGNAL_TOLERANCE_PPM,
                1_000, 0, ShadowSettings.DEFAULT_EXECUTION_WINDOW, List.of()));
            default -> throw new IllegalArgumentException("shadow '" + shadow + "': off or on");
        };
    }

    @Override
    String variant()
    {
        final EngineCounters counters = logic.counters();
        return String.format("; shadow %s: decisions %,d, misaligned %,d, live orders judged %,d, twin position %d",
            shadow, counters.shadowDecisions, counters.shadowMisalignments, counters.shadowExecutions,
            logic.shadowPosition(INSTRUMENT_ID));
    }
}
