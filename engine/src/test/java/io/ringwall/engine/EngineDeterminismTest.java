package io.ringwall.engine;

import java.nio.file.Path;
import java.util.List;

import io.ringwall.engine.marketdata.DataFiles;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.TradeCsvSource;
import io.ringwall.engine.ring.StageThreading;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.StrategyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole engine (rings, threads, journals, simulated venue) run twice on the same recorded trades
 * with event time from the data produces byte-identical journals.
 */
class EngineDeterminismTest
{
    @TempDir
    Path dir;

    @Test
    void twoRunsOnTheRealBitstampTradesWriteByteIdenticalJournals()
    {
        final RunSummary first = run(dir.resolve("first"));
        final RunSummary second = run(dir.resolve("second"));
        assertThat(first.failure()).isNull();
        assertThat(first.counters().ordersSent).as("the strategies must trade for this to mean anything")
            .isGreaterThan(100);
        assertThat(first.counters().fills).as("the venue fills them").isGreaterThan(100);

        final List<JournalDump.Entry> outFirst = JournalDump.outputs(dir.resolve("first"));
        final List<JournalDump.Entry> outSecond = JournalDump.outputs(dir.resolve("second"));
        assertThat(outFirst.stream().filter(e -> e.templateId() == io.ringwall.codecs.NewOrderDecoder.TEMPLATE_ID))
            .hasSize((int)first.counters().ordersSent);
        assertThat(outSecond).isEqualTo(outFirst);
        assertThat(JournalDump.inputs(dir.resolve("second"))).isEqualTo(JournalDump.inputs(dir.resolve("first")));
        assertThat(second.realizedPnl()).isEqualTo(first.realizedPnl());
        assertThat(second.equity()).isEqualTo(first.equity());
    }

    /** Threading decides who runs the stages, never what they write. */
    @Test
    void dedicatedAndSharedStageThreadsWriteByteIdenticalJournals()
    {
        final RunSummary dedicated = run(dir.resolve("dedicated"), StageThreading.DEDICATED,
            EngineFixtures.MA, EngineFixtures.MEAN_REVERSION);
        final RunSummary shared = run(dir.resolve("shared"), StageThreading.SHARED,
            EngineFixtures.MA, EngineFixtures.MEAN_REVERSION);
        assertThat(shared.failure()).isNull();
        assertThat(shared.counters().ordersSent).isGreaterThan(100);
        assertThat(JournalDump.inputs(dir.resolve("shared"))).isEqualTo(JournalDump.inputs(dir.resolve("dedicated")));
        assertThat(JournalDump.outputs(dir.resolve("shared"))).isEqualTo(JournalDump.outputs(dir.resolve("dedicated")));
        assertThat(shared.equity()).isEqualTo(dedicated.equity());
    }

    /** Flips between long and flat on every timer tick: orders caused by timers, not trades. */
    public static final class TimerTrader implements Strategy
    {
        private StrategyContext context;
        private boolean longNow;

        public TimerTrader(final StrategyParameters parameters)
        {
        }

        @Override
        public void onStart(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onTimer(final int timerId, final long timeNs)
        {
            longNow = !longNow;
            context.setTargetPosition(0, longNow ? Fixed.QUANTITY_SCALE : 0);
        }
    }

    @Test
    void ordersCausedByTimerTicksAreAnsweredInTheSamePlaceEveryRun()
    {
        final RunSummary first = run(dir.resolve("timer-first"), TimerTrader.class.getName());
        final RunSummary second = run(dir.resolve("timer-second"), TimerTrader.class.getName());
        assertThat(first.counters().timerInputs).isGreaterThan(1000);
        assertThat(first.counters().ordersSent).isGreaterThan(1000);
        assertThat(JournalDump.inputs(dir.resolve("timer-second"))).isEqualTo(JournalDump.inputs(dir.resolve("timer-first")));
        assertThat(JournalDump.outputs(dir.resolve("timer-second")))
            .isEqualTo(JournalDump.outputs(dir.resolve("timer-first")));
        assertThat(second.realizedPnl()).isEqualTo(first.realizedPnl());
    }

    private static RunSummary run(final Path journal)
    {
        return run(journal, EngineFixtures.MA, EngineFixtures.MEAN_REVERSION);
    }

    private static RunSummary run(final Path journal, final String... strategies)
    {
        return run(journal, StageThreading.DEDICATED, strategies);
    }

    private static RunSummary run(final Path journal, final StageThreading threading, final String... strategies)
    {
        try (Engine engine = new Engine(EngineFixtures.recorded(journal, threading, strategies)))
        {
            return engine.run(new TradeCsvSource(DataFiles.BITSTAMP_TRADES, 0, new MalformedLineReporter()));
        }
    }
}
