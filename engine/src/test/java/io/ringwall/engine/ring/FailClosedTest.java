package io.ringwall.engine.ring;

import java.nio.file.Path;

import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.marketdata.SyntheticTradeSource;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unexpected exception on the logic thread halts trading: the run stops (no hang, no "log and carry
 * on"), and the summary says what failed and what to do.
 */
class FailClosedTest
{
    /** Fails on its 1000th trade. */
    public static final class BrokenStrategy implements Strategy
    {
        private int trades;

        public BrokenStrategy(final StrategyParameters parameters)
        {
        }

        @Override
        public void onTrade(final TradeEvent trade)
        {
            if (++trades == 1000)
            {
                throw new IllegalStateException("strategy bug");
            }
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StageThreading.class)
    void aStrategyExceptionHaltsTheEngineWithAnOperatorMessage(final StageThreading threading)
    {
        final RunSummary summary;
        try (Engine engine = new Engine(EngineFixtures.freeRunning(dir, threading, BrokenStrategy.class.getName())))
        {
            summary = engine.run(new SyntheticTradeSource(0, 200_000, 1, 1_700_000_000_000_000_000L, 1_000_000));
        }
        assertThat(summary.failure()).startsWith("TRADING HALTED: the logic").contains("strategy bug")
            .contains("ringwall journal");
        // The 1000th trade is the one that failed; the logic took nothing after it.
        assertThat(summary.counters().marketDataInputs).isEqualTo(1000);
    }
}
