package io.ringwall.engine;

import java.nio.file.Path;

import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.RingConfig;

/**
 * Everything an engine run is built from, validated on construction.
 *
 * @param journalDir       where journal "in", journal "out" and the manifest go.
 * @param logic            what the business logic is made of (recorded in the manifest).
 * @param ring             ring sizes, batch limit, wait mode.
 * @param clockMode        what stamps input time at ingress.
 * @param lockStep         wait for the pipeline to go quiet after each market-data input, so venue
 *                         answers interleave identically on every run (backtest determinism).
 * @param timerIntervalNs  timer tick period in engine time; 0 for none.
 * @param ratePerSecond    pace market data to this rate; 0 for as fast as possible.
 */
public record EngineConfig(Path journalDir, LogicConfig logic, RingConfig ring, ClockMode clockMode, boolean lockStep,
    long timerIntervalNs, long ratePerSecond)
{
    public static final long DEFAULT_TIMER_INTERVAL_NS = 1_000_000_000L;

    public EngineConfig
    {
        if (journalDir == null || logic == null || ring == null || clockMode == null)
        {
            throw new IllegalArgumentException("journalDir, logic, ring and clockMode are required");
        }
        if (timerIntervalNs < 0)
        {
            throw new IllegalArgumentException("timer interval " + timerIntervalNs + " ns is negative");
        }
        if (ratePerSecond < 0)
        {
            throw new IllegalArgumentException("rate " + ratePerSecond + "/s is negative");
        }
    }
}
