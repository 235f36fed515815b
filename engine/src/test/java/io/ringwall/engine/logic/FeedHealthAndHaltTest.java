package io.ringwall.engine.logic;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.FeedHealthState;
import io.ringwall.codecs.InstrumentTradingState;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.ReplaceOrderDecoder;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.config.BreakerRule;
import io.ringwall.engine.config.RiskLimits;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import static io.ringwall.engine.logic.RiskDesk.AAPL;
import static io.ringwall.engine.logic.RiskDesk.BTC;
import static io.ringwall.engine.logic.RiskDesk.BTCUSD;
import static io.ringwall.engine.logic.RiskDesk.LOT;
import static io.ringwall.engine.logic.RiskDesk.USD;
import static io.ringwall.engine.logic.RiskDesk.reason;
import static io.ringwall.engine.logic.RiskDesk.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 point 5 in the logic: an exchange feed's gap or silence (a journaled FeedHealth input) trips STALE_DATA at
 * once, and an exchange's halt of an instrument (a journaled TradingStatus input) refuses that instrument's new
 * exposure, and only its, until the exchange says it trades again; the halt outlives a checkpoint.
 */
class FeedHealthAndHaltTest
{
    private static final long PRICE = 100 * USD;
    private static final long SECOND = 1_000_000_000L;

    /** Stale data as the shipped rule has it (but halting), with ages far off so only the feed's report trips it. */
    private static RiskDesk staleDesk(final BreakerRule rule)
    {
        final BreakerLimits limits = with(with(with(BreakerLimits.off(), "staleData", rule), "feedStaleNs",
            3_600 * SECOND), "instrumentStaleNs", 3_600 * SECOND);
        return new RiskDesk(RiskLimits.permissive(), limits, 1_000_000 * USD).prices(PRICE, PRICE, PRICE);
    }

    private static RiskDesk desk()
    {
        return new RiskDesk(RiskLimits.permissive()).prices(PRICE, PRICE, PRICE);
    }

    @Test
    void aFeedGapTripsStaleDataAtOnceWithTheMessagesMissedAndCancelsTheWorkingOrders()
    {
        final RiskDesk desk = staleDesk(BreakerRule.halting());
        final long working = desk.limit(BTCUSD, Side.BUY, LOT, PRICE);
        assertThat(working).isPositive();
        desk.harness.accepted(working, BTCUSD);

        desk.harness.advance(1).feedHealth(FeedHealthState.GAP, 5, 8, 0);

        final BreakerStateChangeDecoder trip = desk.lastBreakerChange();
        assertThat(trip.breakerType()).isEqualTo(BreakerType.STALE_DATA);
        assertThat(trip.fromState()).isEqualTo(BreakerState.ACTIVE);
        assertThat(trip.toState()).isEqualTo(BreakerState.HALTED);
        assertThat(trip.observedValue()).as("messages missed").isEqualTo(3);
        assertThat(trip.thresholdValue()).as("0: reported by the feed, no age trip has it").isZero();
        assertThat(trip.instrumentId()).isEqualTo(-1);
        assertThat(trip.causeSequence()).isEqualTo(desk.harness.lastSequence());
        assertThat(desk.cancels()).as("the rule cancels open orders").isEqualTo(1);
        assertThat(desk.harness.logic().counters().breakerTrips(BreakerType.STALE_DATA)).isEqualTo(1);
        final long orders = desk.newOrders();
        assertThat(reason(desk.market(BTCUSD, Side.BUY, LOT))).isEqualTo(RiskRejectReason.TRADING_HALTED);
        assertThat(desk.newOrders()).isEqualTo(orders);

        // fresh data is no proof the book is right again: only an operator's reset (with a reason) clears it
        desk.harness.advance(1).trade(BTCUSD, PRICE, LOT);
        assertThat(desk.harness.logic().breakerState(BreakerType.STALE_DATA)).isEqualTo(BreakerState.HALTED);
        desk.harness.command(OperatorCommandType.RESET_BREAKER, BreakerType.STALE_DATA, "feed restarted from a snapshot");
        assertThat(desk.harness.logic().breakerState(BreakerType.STALE_DATA)).isEqualTo(BreakerState.ACTIVE);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, LOT))).isEqualTo(RiskRejectReason.NULL_VAL);
    }

    @Test
    void aSilentFeedTripsStaleDataWithTheSilenceToTheConfiguredState()
    {
        final RiskDesk desk = staleDesk(BreakerRule.reducing());

        desk.harness.feedHealth(FeedHealthState.SILENT, 0, 0, 5 * SECOND);

        final BreakerStateChangeDecoder trip = desk.lastBreakerChange();
        assertThat(trip.breakerType()).isEqualTo(BreakerType.STALE_DATA);
        assertThat(trip.toState()).isEqualTo(BreakerState.REDUCING);
        assertThat(trip.observedValue()).isEqualTo(5 * SECOND);
        assertThat(trip.thresholdValue()).isZero();
        assertThat(reason(desk.market(BTCUSD, Side.BUY, LOT))).isEqualTo(RiskRejectReason.REDUCING_ONLY);
        assertThat(desk.harness.logic().counters().marketDataInputs).as("3 prices and the report").isEqualTo(4);
    }

    @Test
    void withTheStaleDataRuleOffAFeedReportTripsNothing()
    {
        final RiskDesk desk = desk();

        desk.harness.feedHealth(FeedHealthState.GAP, 5, 8, 0);

        assertThat(desk.count(BreakerStateChangeDecoder.TEMPLATE_ID)).isZero();
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void aHaltRefusesTheInstrumentsNewOrdersOnlyCancelsStillGoAndTradingResumesIt()
    {
        final RiskDesk desk = desk();
        final long working = desk.limit(AAPL, Side.BUY, 2 * BTC, PRICE);
        desk.harness.accepted(working, AAPL);

        desk.harness.tradingStatus(AAPL, InstrumentTradingState.HALTED, "LUDP");

        assertThat(desk.harness.logic().tradingState(AAPL)).isEqualTo(InstrumentTradingState.HALTED);
        assertThat(reason(desk.limit(AAPL, Side.BUY, BTC, PRICE))).isEqualTo(RiskRejectReason.INSTRUMENT_HALTED);
        final RiskRejectDecoder reject = desk.lastReject();
        assertThat(reject.reason()).isEqualTo(RiskRejectReason.INSTRUMENT_HALTED);
        assertThat(reject.limitValue()).isEqualTo(InstrumentTradingState.TRADING.value());
        assertThat(reject.observedValue()).isEqualTo(InstrumentTradingState.HALTED.value());
        assertThat(reason(desk.market(AAPL, Side.SELL, BTC))).as("a sell too: the exchange trades nothing")
            .isEqualTo(RiskRejectReason.INSTRUMENT_HALTED);
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, LOT, PRICE))).as("another instrument trades on")
            .isEqualTo(RiskRejectReason.NULL_VAL);
        // an amend that adds exposure is refused; one that takes some away goes, and so does a cancel
        assertThat(reason(desk.hand.context.amend(working, 3 * BTC, PRICE)))
            .isEqualTo(RiskRejectReason.INSTRUMENT_HALTED);
        final long smaller = desk.hand.context.amend(working, BTC, PRICE);
        assertThat(smaller).isPositive();
        assertThat(desk.count(ReplaceOrderDecoder.TEMPLATE_ID)).isEqualTo(1);
        desk.harness.replaced(smaller, working, AAPL, BTC, PRICE, BTC, 0);
        assertThat(desk.hand.context.cancel(working)).isTrue();
        assertThat(desk.count(CancelOrderDecoder.TEMPLATE_ID)).isEqualTo(1);
        assertThat(desk.harness.logic().counters().riskRejects(RiskRejectReason.INSTRUMENT_HALTED)).isEqualTo(3);
        assertThat(desk.harness.logic().breakerState()).as("a halt is the instrument's, not a breaker")
            .isEqualTo(BreakerState.ACTIVE);

        desk.harness.tradingStatus(AAPL, InstrumentTradingState.PAUSED, "LUDP");
        assertThat(reason(desk.limit(AAPL, Side.BUY, BTC, PRICE))).isEqualTo(RiskRejectReason.INSTRUMENT_HALTED);
        desk.harness.tradingStatus(AAPL, InstrumentTradingState.QUOTATION_ONLY, "");
        assertThat(reason(desk.limit(AAPL, Side.BUY, BTC, PRICE))).isEqualTo(RiskRejectReason.INSTRUMENT_HALTED);
        assertThat(desk.lastReject().observedValue()).isEqualTo(InstrumentTradingState.QUOTATION_ONLY.value());

        desk.harness.tradingStatus(AAPL, InstrumentTradingState.TRADING, "");
        final long orders = desk.newOrders();
        assertThat(reason(desk.limit(AAPL, Side.BUY, BTC, PRICE))).isEqualTo(RiskRejectReason.NULL_VAL);
        assertThat(desk.newOrders()).isEqualTo(orders + 1);
        assertThat(desk.lastNewOrder().instrumentId()).isEqualTo(AAPL);
    }

    @Test
    void aHaltOutlivesACheckpoint()
    {
        final RiskDesk desk = desk();
        desk.harness.tradingStatus(AAPL, InstrumentTradingState.HALTED, "T1");
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(desk.harness.logic().maxSnapshotLength());
        final int length = desk.harness.logic().captureState(snapshot, 0);

        final RiskDesk restored = new RiskDesk(RiskLimits.permissive());
        restored.harness.logic().restoreState(snapshot, 0, length);

        assertThat(restored.harness.logic().tradingState(AAPL)).isEqualTo(InstrumentTradingState.HALTED);
        assertThat(restored.harness.logic().tradingState(BTCUSD)).isEqualTo(InstrumentTradingState.TRADING);
        restored.prices(PRICE, PRICE, PRICE);
        assertThat(reason(restored.limit(AAPL, Side.BUY, BTC, PRICE))).isEqualTo(RiskRejectReason.INSTRUMENT_HALTED);
        assertThat(reason(restored.limit(BTCUSD, Side.BUY, LOT, PRICE))).isEqualTo(RiskRejectReason.NULL_VAL);
        // and a fresh logic, which never heard the halt, would have sent it: the state came from the snapshot
        final RiskDesk fresh = desk();
        assertThat(reason(fresh.limit(AAPL, Side.BUY, BTC, PRICE))).isEqualTo(RiskRejectReason.NULL_VAL);
    }

    @Test
    void aSnapshotOfTheLayoutBeforeTradingStatesIsRefusedNotMisread()
    {
        final RiskDesk desk = desk();
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(desk.harness.logic().maxSnapshotLength());
        final int length = desk.harness.logic().captureState(snapshot, 0);
        // a version 2 snapshot (schema before the trading states) holds 8 components
        snapshot.putShort(io.ringwall.codecs.snapshot.MessageHeaderEncoder.versionEncodingOffset(), (short)2,
            java.nio.ByteOrder.LITTLE_ENDIAN);

        final RiskDesk restored = new RiskDesk(RiskLimits.permissive());
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            restored.harness.logic().restoreState(snapshot, 0, length))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9 components, expected 8");
    }

    @Test
    void aTradingStatusOfAnUnknownInstrumentOrStateChangesNothing()
    {
        final RiskDesk desk = desk();
        final long unknownBefore = desk.harness.logic().counters().unknownFrames;

        desk.harness.tradingStatus(7, InstrumentTradingState.HALTED, "");
        desk.harness.tradingStatus(AAPL, InstrumentTradingState.NULL_VAL, "");

        assertThat(desk.harness.logic().counters().unknownFrames).isEqualTo(unknownBefore + 2);
        assertThat(desk.harness.logic().tradingState(AAPL)).isEqualTo(InstrumentTradingState.TRADING);
        assertThat(reason(desk.limit(AAPL, Side.BUY, BTC, PRICE))).isEqualTo(RiskRejectReason.NULL_VAL);
        assertThat(desk.count(NewOrderDecoder.TEMPLATE_ID)).isEqualTo(1);
    }
}
