package io.ringwall.engine.ring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.ringwall.codecs.Side;
import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.marketdata.SyntheticTradeSource;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The logic waits on the outbound ring while the venue waits on the inbound ring: with tiny rings and
 * a strategy that sends a burst of orders on every trade, the reserve kept for venue answers must let
 * the run finish instead of deadlocking.
 */
class RingCapacityTest
{
    /** Sends 100 one-unit buys per trade. */
    public static final class Flood implements Strategy
    {
        private StrategyContext context;

        public Flood(final StrategyParameters parameters)
        {
        }

        @Override
        public void onStart(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onTrade(final TradeEvent trade)
        {
            for (int i = 0; i < 100; i++)
            {
                context.submitMarket(trade.instrumentId(), Side.BUY, 1);
            }
        }
    }

    @TempDir
    Path dir;

    /**
     * Shared: the logic, waiting for outbound room, must run the gateway itself (nobody else will).
     */
    @ParameterizedTest
    @EnumSource(StageThreading.class)
    void aBurstOfOrdersLargerThanBothRingsCannotDeadlockTheLogicAndTheVenue(final StageThreading threading)
    {
        final long trades = 3_000;
        final EngineConfig config = new EngineConfig(dir,
            LogicConfig.unrestricted(List.of("BTCUSD"), List.of(Flood.class.getName()), LogicConfig.DEFAULT_INITIAL_CASH,
                LogicConfig.MAX_WORKING_ORDERS_LIMIT),
            new RingConfig(256, 64, RingConfig.DEFAULT_MAX_BATCH, WaitMode.YIELDING, threading), ClockMode.WALL, false,
            0, 0);
        final RunSummary summary = assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
        {
            try (Engine engine = new Engine(config))
            {
                return engine.run(new SyntheticTradeSource(0, trades, 5, 1_700_000_000_000_000_000L, 1_000_000));
            }
        });
        assertThat(summary.failure()).isNull();
        // Every order is either sent and filled, or refused because the burst outran the order pool.
        assertThat(summary.counters().ordersSent + summary.counters().riskRejects).isEqualTo(trades * 100);
        assertThat(summary.counters().riskRejects)
            .isEqualTo(summary.counters().riskRejects(io.ringwall.codecs.RiskRejectReason.ORDER_TABLE_FULL));
        // more orders than the pool holds: orders were recycled
        assertThat(summary.counters().ordersSent).isGreaterThan(LogicConfig.MAX_WORKING_ORDERS_LIMIT);
        assertThat(summary.counters().fills).isEqualTo(summary.counters().ordersSent);
    }
}
