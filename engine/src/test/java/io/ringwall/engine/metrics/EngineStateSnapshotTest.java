package io.ringwall.engine.metrics;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.logic.LogicHarness;
import org.agrona.concurrent.EpochClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineStateSnapshotTest
{
    private static final long PRICE_100 = 100 * Fixed.PRICE_SCALE;
    private static final long PRICE_110 = 110 * Fixed.PRICE_SCALE;
    private static final long TWO = 2 * Fixed.QUANTITY_SCALE;

    private final LogicHarness harness = new LogicHarness(LogicHarness.config(), List.of());
    private final EngineStateSnapshot snapshot = new EngineStateSnapshot(List.of("BTCUSD", "ETHUSD"));
    private final AtomicLong wallMs = new AtomicLong(5_000);
    private final EpochClock clock = wallMs::get;

    @Test
    void nothingIsPublishedBeforeTheFirstCapture()
    {
        final EngineState state = snapshot.newState();
        assertThat(snapshot.read(state)).isFalse();
        assertThat(state.published()).isFalse();
        assertThat(snapshot.captures()).isZero();
    }

    @Test
    void captureCopiesTheLogicsPublicFigures()
    {
        harness.trade(0, PRICE_100, TWO);
        harness.filled(7, 0, Side.BUY, PRICE_100, TWO, 0, 0);
        harness.trade(0, PRICE_110, TWO);
        harness.command(OperatorCommandType.HALT, BreakerType.NULL_VAL, "test");
        final StatePublisher publisher = new StatePublisher(harness.logic(), snapshot, clock, 1_000, 1_000);
        publisher.afterInput(42_000, true);

        final EngineState state = snapshot.newState();
        assertThat(snapshot.read(state)).isTrue();
        assertThat(state.inputs()).isEqualTo(4);
        assertThat(state.marketDataInputs()).isEqualTo(2);
        assertThat(state.fills()).isEqualTo(1);
        assertThat(state.position(0)).isEqualTo(TWO);
        assertThat(state.position(1)).isZero();
        assertThat(state.unrealizedPnl()).isEqualTo(20 * Fixed.PRICE_SCALE);
        assertThat(state.equity()).isEqualTo(harness.logic().portfolio().equity())
            .isEqualTo(1_000_020 * Fixed.PRICE_SCALE);
        assertThat(state.cash()).isEqualTo(999_800 * Fixed.PRICE_SCALE);
        assertThat(state.breakerState(BreakerType.KILL_SWITCH)).isEqualTo(BreakerState.HALTED);
        assertThat(state.breakerState(BreakerType.DRAWDOWN)).isEqualTo(BreakerState.ACTIVE);
        assertThat(state.worstBreakerState()).isEqualTo(BreakerState.HALTED);
        assertThat(state.breakerTrips(BreakerType.KILL_SWITCH)).isEqualTo(1);
        assertThat(state.equityHighWaterMark()).as("the portfolio's figures, not a copy")
            .isEqualTo(harness.logic().portfolio().highWaterMark()).isEqualTo(1_000_020 * Fixed.PRICE_SCALE);
        assertThat(state.dailyPnl()).isEqualTo(harness.logic().portfolio().dailyPnl());
        assertThat(state.drawdown()).isZero();
        assertThat(state.costBasis(0)).isEqualTo(200 * Fixed.PRICE_SCALE);
        assertThat(state.ordersShown()).as("the fill was of an order the logic never sent").isZero();
        assertThat(state.lastInputSequence()).isEqualTo(harness.lastSequence());
        assertThat(state.logicTimeNs()).isEqualTo(42_000);
        assertThat(state.publishedWallMs()).isEqualTo(5_000);
        assertThat(state.lastMarketDataWallMs()).isEqualTo(5_000);
    }

    @Test
    void publisherIsDueByInputCountOrByEngineTimeAtABatchEnd()
    {
        harness.trade(0, PRICE_100, TWO);
        final StatePublisher publisher = new StatePublisher(harness.logic(), snapshot, clock, 3, 1_000);
        publisher.afterInput(100, true);
        assertThat(snapshot.captures()).as("first batch end publishes").isEqualTo(1);

        publisher.afterInput(200, false);
        publisher.afterInput(300, true);
        assertThat(snapshot.captures()).as("not due: 2 inputs, 200 ns").isEqualTo(1);
        publisher.afterInput(400, false);
        assertThat(snapshot.captures()).as("3 inputs, even mid-batch").isEqualTo(2);

        publisher.afterInput(1_399, true);
        assertThat(snapshot.captures()).isEqualTo(2);
        publisher.afterInput(1_400, false);
        assertThat(snapshot.captures()).as("time alone waits for the batch end").isEqualTo(2);
        publisher.afterInput(1_401, true);
        assertThat(snapshot.captures()).isEqualTo(3);
    }

    @Test
    void feedStalenessClocksMoveOnlyWithMarketData()
    {
        final StatePublisher publisher = new StatePublisher(harness.logic(), snapshot, clock, 1, 0);
        harness.trade(0, PRICE_100, TWO);
        publisher.afterInput(1_000, true);
        wallMs.set(9_000);
        harness.command(OperatorCommandType.CANCEL_ALL, BreakerType.NULL_VAL, "no market data");
        publisher.afterInput(4_000, true);

        final EngineState state = snapshot.newState();
        snapshot.read(state);
        assertThat(state.lastMarketDataTimeNs()).isEqualTo(1_000);
        assertThat(state.logicTimeNs()).isEqualTo(4_000);
        assertThat(state.lastMarketDataWallMs()).isEqualTo(5_000);
        assertThat(state.publishedWallMs()).isEqualTo(9_000);
    }

    /**
     * The writer stamps the four time slots with the same k on every capture; a torn read (half of one
     * capture, half of the next) would see them differ.
     */
    @Test
    void readersNeverSeeAMixOfTwoCapturesUnderConcurrentWrites() throws Exception
    {
        harness.trade(0, PRICE_100, TWO);
        harness.filled(7, 0, Side.BUY, PRICE_100, TWO, 0, 0);
        final int captures = 300_000;
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicReference<String> torn = new AtomicReference<>();
        final AtomicLong reads = new AtomicLong();
        final Runnable reader = () ->
        {
            final EngineState state = snapshot.newState();
            long lastK = 0;
            while (!done.get() && torn.get() == null)
            {
                if (snapshot.read(state))
                {
                    final long k = state.logicTimeNs();
                    if (state.lastMarketDataTimeNs() != k || state.publishedWallMs() != k ||
                        state.lastMarketDataWallMs() != k || k < lastK || state.position(0) != TWO)
                    {
                        torn.set("torn read at k=" + k + ": " + state.lastMarketDataTimeNs() + ", " +
                            state.publishedWallMs() + ", " + state.lastMarketDataWallMs() + " after " + lastK +
                            ", position " + state.position(0));
                    }
                    lastK = k;
                    reads.incrementAndGet();
                }
            }
        };
        final Thread first = new Thread(reader);
        final Thread second = new Thread(reader);
        first.start();
        second.start();
        for (long k = 1; k <= captures; k++)
        {
            snapshot.capture(harness.logic(), k, k, k, k);
        }
        done.set(true);
        first.join();
        second.join();

        assertThat(torn.get()).isNull();
        assertThat(reads.get()).isPositive();
        assertThat(snapshot.captures()).isEqualTo(captures);
        final EngineState last = snapshot.newState();
        snapshot.read(last);
        assertThat(last.logicTimeNs()).isEqualTo(captures);
    }
}
