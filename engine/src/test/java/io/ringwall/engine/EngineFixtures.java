package io.ringwall.engine;

import java.nio.file.Path;
import java.util.List;

import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.JournalBatching;
import io.ringwall.engine.ring.RingConfig;
import io.ringwall.engine.ring.StageThreading;
import io.ringwall.engine.ring.WaitMode;

/**
 * Engine configurations for tests: small rings, yielding waits (2-core CI machines).
 */
public final class EngineFixtures
{
    public static final String MA = "ma-crossover:symbol=BTCUSD,fast=20,slow=100,qty=0.5";
    public static final String MEAN_REVERSION = "mean-reversion:symbol=BTCUSD,window=100,entry=1.5,exit=0.2,qty=0.3";

    private EngineFixtures()
    {
    }

    /** Backtest-style: time from the data, lock-step venue answers. */
    public static EngineConfig recorded(final Path dir, final String... strategies)
    {
        return recorded(dir, StageThreading.DEDICATED, strategies);
    }

    public static EngineConfig recorded(final Path dir, final StageThreading threading, final String... strategies)
    {
        return config(dir, ClockMode.DATA, true, threading, strategies);
    }

    /** Live-style: wall clock, everything free-running. */
    public static EngineConfig freeRunning(final Path dir, final String... strategies)
    {
        return freeRunning(dir, StageThreading.DEDICATED, strategies);
    }

    public static EngineConfig freeRunning(final Path dir, final StageThreading threading, final String... strategies)
    {
        return config(dir, ClockMode.WALL, false, threading, strategies);
    }

    /** Free-running, its journal documents bounded by {@code batching}. */
    public static EngineConfig freeRunning(final Path dir, final StageThreading threading, final JournalBatching batching,
        final String... strategies)
    {
        return config(dir, ClockMode.WALL, false, threading, batching, strategies);
    }

    private static EngineConfig config(final Path dir, final ClockMode clock, final boolean lockStep,
        final StageThreading threading, final String... strategies)
    {
        return config(dir, clock, lockStep, threading, JournalBatching.DEFAULTS, strategies);
    }

    private static EngineConfig config(final Path dir, final ClockMode clock, final boolean lockStep,
        final StageThreading threading, final JournalBatching batching, final String... strategies)
    {
        return new EngineConfig(dir,
            LogicConfig.unrestricted(List.of("BTCUSD"), List.of(strategies), LogicConfig.DEFAULT_INITIAL_CASH, 1024),
            RingConfig.ofSize(1 << 12, WaitMode.YIELDING).withThreading(threading).withBatching(batching), clock, lockStep,
            60_000_000_000L, 0);
    }
}
