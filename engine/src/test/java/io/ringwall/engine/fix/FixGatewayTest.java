package io.ringwall.engine.fix;

import java.nio.file.Path;
import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelRejectedDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrderAcceptedDecoder;
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.codecs.OrderExpiredDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.codecs.ReconciliationEndDecoder;
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.ReconciliationReportDecoder;
import io.ringwall.codecs.ReconciliationVerdict;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.ring.ClockMode;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.DoNotSend;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.PossDupFlag;

import static io.ringwall.engine.fix.FixHarness.SYMBOL;
import static io.ringwall.engine.fix.FixScript.quantity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The FIX gateway against the venue simulator, an independent QuickFIX/J acceptor on 127.0.0.1: every order type,
 * partial fills, a venue reject, a cancel and a cancel reject, a session drop mid-flow, a venue that lost its store
 * and asks for everything again, an order lost on the way in, and a position break that halts trading. Positions are
 * checked on both sides and in the journals.
 */
class FixGatewayTest
{
    @TempDir
    Path dir;

    @Test
    void everyOrderTypePartialFillsRejectCancelAndCancelRejectReachPositionsAndJournals() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            FixHarness.await(() -> fix.count(fix.inputs(), ReconciliationEndDecoder.TEMPLATE_ID) == 1, "start-up reconciliation");
            fix.venue.trade(SYMBOL, FixScript.price("100"), quantity("10"));
            fix.signal(0, "100");

            fix.signal(FixScript.MARKET_BUY, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 1, "market order at the venue");
            fix.printUntil("100", "10", () -> fix.venue.position(SYMBOL) == quantity("0.1"), "market fill");

            fix.signal(FixScript.LIMIT_BUY_PARTIAL, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 2, "limit order at the venue");
            // 2.5 % of a 10-unit print is 0.25: the 0.5 limit order fills in two parts.
            fix.printUntil("100", "10", () -> fix.venue.position(SYMBOL) == quantity("0.6"), "limit fills");

            fix.signal(FixScript.STOP_SELL, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 3, "stop order at the venue");
            fix.printUntil("94", "10", () -> fix.venue.position(SYMBOL) == quantity("0.5"), "stop triggered and filled");

            fix.signal(FixScript.IOC_LIMIT_SELL, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 4, "IOC order at the venue");
            // Prints at 98 never trade through the 99 limit: the IOC expires at its first opportunity.
            fix.printUntil("98", "10", () -> fix.venue.openOrders() == 0, "IOC expiry");

            fix.signal(FixScript.HUGE_MARKET_BUY, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 5, "oversized order at the venue");

            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 6 && fix.venue.openOrders() == 1, "resting order");
            fix.signal(FixScript.CANCEL_LAST, "100");
            FixHarness.await(() -> fix.venue.openOrders() == 0 && fix.venue.cancelsReceived() == 1, "cancel");

            // A cancel that arrives after the order filled: the venue holds its answers so the engine cannot know.
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 7 && fix.venue.openOrders() == 1, "second resting order");
            fix.venue.holdAnswers(true);
            fix.printUntil("40", "10", () -> fix.venue.position(SYMBOL) == quantity("0.6"), "resting order filled");
            fix.signal(FixScript.CANCEL_LAST, "100");
            FixHarness.await(() -> fix.venue.cancelsReceived() == 2, "late cancel at the venue");
            fix.venue.holdAnswers(false);

            FixHarness.await(() -> fix.count(fix.inputs(), CancelRejectedDecoder.TEMPLATE_ID) == 1, "cancel reject journaled");
            fix.stopEngine();

            final List<JournalDump.Entry> in = fix.inputs();
            final List<JournalDump.Entry> out = fix.outputs();
            assertThat(fix.count(out, NewOrderDecoder.TEMPLATE_ID)).isEqualTo(7);
            assertThat(fix.count(in, OrderAcceptedDecoder.TEMPLATE_ID)).isEqualTo(6);
            assertThat(fix.count(in, OrderRejectedDecoder.TEMPLATE_ID)).isEqualTo(1);
            assertThat(rejectReasons(in)).containsExactly(VenueRejectReason.INSUFFICIENT_BUYING_POWER);
            assertThat(fix.count(in, OrderExpiredDecoder.TEMPLATE_ID)).isEqualTo(1);
            assertThat(fix.count(in, OrderCancelledDecoder.TEMPLATE_ID)).isEqualTo(1);
            assertThat(fix.count(in, CancelRejectedDecoder.TEMPLATE_ID)).isEqualTo(1);
            // market 1, limit 2 (partial then full), stop 1, late-cancelled limit 1
            assertThat(fix.count(in, OrderFilledDecoder.TEMPLATE_ID)).isEqualTo(5);
            assertThat(partialFills(in)).isEqualTo(1);

            assertThat(fix.engine.logic().portfolio().position(0)).isEqualTo(quantity("0.6"))
                .isEqualTo(fix.venue.position(SYMBOL));
            assertThat(fix.engine.logic().portfolio().cash()).isEqualTo(fix.venue.cash());
            assertThat(fix.engine.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.ACTIVE);
            assertThat(fix.venue.duplicateOrders()).isZero();
        }
    }

    @Test
    void aSessionDropMidFlowReconnectsRecoversSequenceReconcilesAndLosesNothing() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            fix.venue.trade(SYMBOL, FixScript.price("100"), quantity("10"));
            fix.signal(0, "100");
            fix.signal(FixScript.LIMIT_BUY_PARTIAL, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 1 && fix.venue.openOrders() == 1, "order at the venue");
            fix.printUntil("100", "10", () -> fix.venue.position(SYMBOL) == quantity("0.25"), "first partial fill");

            // The network fails; while it is down the venue fills the rest and the engine sends another order.
            fix.venue.holdAnswers(true);
            fix.venue.dropSession();
            FixHarness.await(() -> !fix.gateway.isLoggedOn(), "the engine sees the drop");
            fix.venue.trade(SYMBOL, FixScript.price("100"), quantity("10"));
            fix.venue.holdAnswers(false);
            fix.signal(FixScript.MARKET_BUY, "100");

            FixHarness.await(() -> fix.gateway.logons() >= 2, "reconnect");
            FixHarness.await(() -> fix.venue.ordersReceived() == 2, "queued order sent after the reconnect");
            fix.printUntil("100", "10", () -> fix.venue.position(SYMBOL) == quantity("0.6"), "market order filled");
            FixHarness.await(() -> fix.count(fix.inputs(), OrderFilledDecoder.TEMPLATE_ID) == 3, "every fill journaled");
            FixHarness.await(() -> completeReconciliations(fix.inputs()) >= 2, "reconciliation after the reconnect");
            fix.stopEngine();

            assertThat(fix.venue.duplicateOrders()).isZero();
            assertThat(fix.count(fix.outputs(), NewOrderDecoder.TEMPLATE_ID)).isEqualTo(2);
            assertThat(fix.engine.logic().portfolio().position(0)).isEqualTo(fix.venue.position(SYMBOL));
            assertThat(fix.engine.logic().portfolio().cash()).isEqualTo(fix.venue.cash());
            assertThat(fix.engine.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.ACTIVE);
            assertThat(verdicts(fix.outputs())).doesNotContain(ReconciliationVerdict.BREACH, ReconciliationVerdict.NO_ANSWER,
                ReconciliationVerdict.MISSING);
        }
    }

    @Test
    void aResendOfAnOrderACancelOrAnAmendIsGapFilledAndCountedAndNothingElseIs() throws Exception
    {
        final FixGateway gateway = new FixGateway(FixGatewayConfig.local("127.0.0.1", FixHarness.freePort(),
            dir.resolve("store")), List.of(), null, ClockMode.WALL);
        final SessionID id = new SessionID("FIX.4.4", "RINGWALL", "VENUE");
        for (final Message entry : List.of(new quickfix.fix44.NewOrderSingle(), new quickfix.fix44.OrderCancelRequest(),
            new quickfix.fix44.OrderCancelReplaceRequest()))
        {
            assertThatCode(() -> gateway.toApp(entry, id)).as("sent the first time").doesNotThrowAnyException();
            entry.getHeader().setBoolean(PossDupFlag.FIELD, true);
            assertThatThrownBy(() -> gateway.toApp(entry, id)).as("resent").isInstanceOf(DoNotSend.class);
        }
        final Message request = new quickfix.fix44.RequestForPositions();
        request.getHeader().setBoolean(PossDupFlag.FIELD, true);
        assertThatCode(() -> gateway.toApp(request, id)).doesNotThrowAnyException();
        assertThat(gateway.suppressedResends()).isEqualTo(3);
    }

    /**
     * The reported break: a counterparty that lost its message store asks for everything from 1 and takes what is
     * resent as new, so a resent NewOrderSingle filled a second time. Every order and cancel is gap-filled instead.
     */
    @Test
    void aVenueThatLostItsStoreAndAsksForEverythingAgainGetsGapFillsAndFillsNoOrderTwice() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            fix.venue.wipeStoreOnRestart(1);
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            fix.venue.trade(SYMBOL, FixScript.price("100"), quantity("10"));
            fix.signal(0, "100");
            for (int i = 1; i <= 3; i++)
            {
                final int n = i;
                fix.signal(FixScript.MARKET_BUY, "100");
                FixHarness.await(() -> fix.venue.ordersReceived() == n, "market order " + n + " at the venue");
                fix.printUntil("100", "10", () -> fix.venue.position(SYMBOL) == n * quantity("0.1"), "fill " + n);
            }
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 4 && fix.venue.openOrders() == 1, "resting order");
            fix.signal(FixScript.CANCEL_LAST, "100");
            FixHarness.await(() -> fix.venue.openOrders() == 0 && fix.venue.cancelsReceived() == 1, "cancel");
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 5 && fix.venue.openOrders() == 1, "order left open");
            FixHarness.await(() -> fix.count(fix.inputs(), OrderAcceptedDecoder.TEMPLATE_ID) == 5 &&
                fix.count(fix.inputs(), OrderCancelledDecoder.TEMPLATE_ID) == 1, "every answer journaled");

            // The venue restarts without its store: it expects sequence number 1 and asks for everything again.
            fix.venue.dropSession();
            FixHarness.await(() -> fix.gateway.logons() >= 2 && fix.venue.storeWipes() == 1, "logon to a wiped venue");
            FixHarness.await(() -> fix.gateway.suppressedResends() >= 6, "5 orders and 1 cancel gap-filled");
            FixHarness.await(() -> completeReconciliations(fix.inputs()) >= 2, "reconciliation after the reconnect");
            // prints that would fill any market order the venue had taken again
            for (int i = 0; i < 5; i++)
            {
                fix.venue.trade(SYMBOL, FixScript.price("100"), quantity("10"));
            }
            fix.stopEngine();

            assertThat(fix.venue.ordersReceived()).as("each order reached the venue once").isEqualTo(5);
            assertThat(fix.venue.duplicateOrders()).isZero();
            assertThat(fix.venue.openOrders()).as("the cancelled order did not come back").isEqualTo(1);
            assertThat(fix.venue.position(SYMBOL)).as("no order filled twice").isEqualTo(quantity("0.3"))
                .isEqualTo(fix.engine.logic().portfolio().position(0));
            assertThat(fix.engine.logic().portfolio().cash()).isEqualTo(fix.venue.cash());
            assertThat(fix.gateway.sentAgain()).as("the venue knew every order").isZero();
            assertThat(fix.count(fix.outputs(), NewOrderDecoder.TEMPLATE_ID)).isEqualTo(5);
            assertThat(fix.engine.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.ACTIVE);
        }
    }

    /**
     * An order the venue's session counted but its book never saw: gap-filled on the resend like any other, its
     * status comes back unknown, and it is sent once more as a new message, so it reaches the book exactly once.
     */
    @Test
    void anOrderTheVenueNeverGotIsSentOnceMoreWhenItsStatusComesBackUnknown() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            fix.venue.wipeStoreOnRestart(1);
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            fix.venue.trade(SYMBOL, FixScript.price("100"), quantity("10"));
            fix.signal(0, "100");
            fix.signal(FixScript.MARKET_BUY, "100");
            fix.printUntil("100", "10", () -> fix.venue.position(SYMBOL) == quantity("0.1"), "first fill");
            FixHarness.await(() -> fix.count(fix.inputs(), OrderFilledDecoder.TEMPLATE_ID) == 1, "fill journaled");

            fix.venue.loseNextOrders(1);
            fix.signal(FixScript.MARKET_BUY, "100");
            FixHarness.await(() -> fix.venue.ordersLost() == 1, "the second order lost on the way in");
            fix.venue.dropSession();
            FixHarness.await(() -> fix.gateway.logons() >= 2 && fix.venue.storeWipes() == 1, "logon to a wiped venue");
            FixHarness.await(() -> fix.gateway.sentAgain() == 1, "the lost order sent again after its status");
            fix.printUntil("100", "10", () -> fix.venue.position(SYMBOL) == quantity("0.2"), "the lost order filled");
            FixHarness.await(() -> fix.count(fix.inputs(), OrderFilledDecoder.TEMPLATE_ID) == 2, "its fill journaled");
            fix.stopEngine();

            assertThat(fix.gateway.suppressedResends()).isGreaterThanOrEqualTo(2);
            assertThat(fix.venue.ordersReceived()).isEqualTo(2);
            assertThat(fix.venue.duplicateOrders()).isZero();
            assertThat(fix.gateway.sentAgain()).isEqualTo(1);
            assertThat(fix.count(fix.outputs(), NewOrderDecoder.TEMPLATE_ID)).isEqualTo(2);
            assertThat(fix.engine.logic().portfolio().position(0)).isEqualTo(fix.venue.position(SYMBOL));
            assertThat(fix.engine.logic().portfolio().cash()).isEqualTo(fix.venue.cash());
            assertThat(fix.engine.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.ACTIVE);
        }
    }

    /**
     * An amend the venue's session counted but its book never saw, then gap-filled when the venue, its store lost,
     * asks for everything again: asked about by its own ClOrdID, unknown there, sent once more; it is applied once.
     */
    @Test
    void anAmendTheVenueNeverGotIsAskedAboutAfterTheGapFillAndSentOnceMore() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            fix.venue.wipeStoreOnRestart(1);
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            fix.venue.trade(SYMBOL, FixScript.price("100"), quantity("10"));
            fix.signal(0, "100");
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            FixHarness.await(() -> fix.venue.openOrders() == 1 &&
                fix.count(fix.inputs(), OrderAcceptedDecoder.TEMPLATE_ID) == 1, "resting buy acknowledged");
            final long order = fix.outputs().stream().filter(e -> e.templateId() == NewOrderDecoder.TEMPLATE_ID)
                .map(e -> new NewOrderDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                    new MessageHeaderDecoder()).clOrdId()).findFirst().orElseThrow();

            fix.venue.loseNextAmends(1);
            fix.signal(FixScript.AMEND_LAST, "100");
            FixHarness.await(() -> fix.venue.amendsReceived() == 1, "the amend lost on the way in");
            fix.venue.dropSession();
            FixHarness.await(() -> fix.gateway.logons() >= 2 && fix.venue.storeWipes() == 1, "logon to a wiped venue");
            FixHarness.await(() -> fix.count(fix.inputs(), io.ringwall.codecs.OrderReplacedDecoder.TEMPLATE_ID) == 1,
                "the amend sent again after its status and replaced");
            fix.awaitApplied();
            fix.stopEngine();

            assertThat(fix.gateway.sentAgain()).isEqualTo(1);
            assertThat(fix.venue.amendsReceived()).as("lost once, taken once").isEqualTo(2);
            assertThat(fix.venue.duplicateOrders()).isZero();
            assertThat(fix.engine.logic().orderStatus(order)).isEqualTo(io.ringwall.engine.logic.OrderStatus.ACCEPTED);
            assertThat(fix.engine.logic().counters().replaces).isEqualTo(1);
            assertThat(fix.engine.logic().counters().invalidTransitions).isZero();
            assertThat(fix.engine.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.ACTIVE);
        }
    }

    /**
     * An amend in doubt after a gap-fill that the venue's own messages answer first (its refusal, held back until
     * after the reconnect): the refusal settles the doubt, and the venue's status answer (unknown: a refused amend's id
     * names no order there) sends nothing again.
     */
    @Test
    void anAmendInDoubtThatTheVenueRefusedMeanwhileIsNotSentAgain() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            fix.venue.wipeStoreOnRestart(1);
            fix.venue.rejectAmends(true);
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            fix.venue.trade(SYMBOL, FixScript.price("100"), quantity("10"));
            fix.signal(0, "100");
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            FixHarness.await(() -> fix.venue.openOrders() == 1 &&
                fix.count(fix.inputs(), OrderAcceptedDecoder.TEMPLATE_ID) == 1, "resting buy acknowledged");

            fix.venue.holdAnswers(true);
            fix.signal(FixScript.AMEND_LAST, "100");
            FixHarness.await(() -> fix.venue.amendsReceived() == 1, "the amend refused, its answer held");
            fix.venue.dropSession();
            FixHarness.await(() -> fix.gateway.logons() >= 2 && fix.venue.storeWipes() == 1, "logon to a wiped venue");
            FixHarness.await(() -> fix.gateway.suppressedResends() >= 2, "the order and the amend gap-filled");
            fix.venue.holdAnswers(false);
            FixHarness.await(() -> fix.count(fix.inputs(), io.ringwall.codecs.ReplaceRejectedDecoder.TEMPLATE_ID) == 1 &&
                completeReconciliations(fix.inputs()) >= 2, "the refusal and the reconciliation after the reconnect");
            fix.signal(0, "100");
            fix.awaitApplied();
            fix.stopEngine();

            assertThat(fix.venue.amendsReceived()).as("the amend reached the venue once").isEqualTo(1);
            assertThat(fix.gateway.sentAgain()).isZero();
            assertThat(fix.engine.logic().counters().replaceRejects).isEqualTo(1);
            assertThat(fix.engine.logic().counters().invalidTransitions).isZero();
        }
    }

    @Test
    void anInjectedPositionMismatchHaltsTradingWithAReport() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 300))
        {
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            fix.venue.trade(SYMBOL, FixScript.price("100"), quantity("10"));
            fix.signal(0, "100");
            fix.signal(FixScript.MARKET_BUY, "100");
            fix.printUntil("100", "10", () -> fix.venue.position(SYMBOL) == quantity("0.1"), "fill");

            fix.venue.injectPositionOffset(SYMBOL, quantity("0.05"));
            FixHarness.await(() -> verdicts(fix.outputs()).contains(ReconciliationVerdict.BREACH), "breach report");
            fix.signal(FixScript.MARKET_BUY, "100");
            fix.signal(0, "100");
            fix.stopEngine();

            assertThat(fix.engine.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.HALTED);
            assertThat(fix.count(fix.outputs(), NewOrderDecoder.TEMPLATE_ID)).as("no order after the halt").isEqualTo(1);
            final ReconciliationReportDecoder breach = reports(fix.outputs()).stream()
                .filter(r -> r.verdict() == ReconciliationVerdict.BREACH).findFirst().orElseThrow();
            assertThat(breach.instrumentId()).isZero();
            assertThat(breach.localValue()).isEqualTo(quantity("0.1"));
            assertThat(breach.venueValue()).isEqualTo(quantity("0.15"));
            assertThat(breach.difference()).isEqualTo(quantity("0.05"));
        }
    }

    @Test
    void noAnswerFromTheVenueFailsClosed() throws Exception
    {
        final int port = FixHarness.freePort();
        final var config = io.ringwall.engine.EngineFixtures.freeRunning(dir.resolve("journal"), FixScript.class.getName());
        final FixGatewayConfig fix = FixGatewayConfig.local("127.0.0.1", port, dir.resolve("store"))
            .withReconciliation(0, 500_000_000L, FixGatewayConfig.DEFAULT_TOLERANCE_PPM);
        try (io.ringwall.engine.Engine engine = new io.ringwall.engine.Engine(config, "fix",
            publisher -> new FixGateway(fix, config.logic().instruments(), publisher, config.clockMode())))
        {
            engine.start();
            FixHarness.await(() -> JournalDump.inputs(dir.resolve("journal")).stream()
                .anyMatch(e -> e.templateId() == ReconciliationEndDecoder.TEMPLATE_ID), "the reconciliation deadline");
            engine.stop();
            assertThat(engine.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.HALTED);
            assertThat(verdicts(JournalDump.outputs(dir.resolve("journal")))).contains(ReconciliationVerdict.NO_ANSWER);
        }
    }

    private static List<VenueRejectReason> rejectReasons(final List<JournalDump.Entry> in)
    {
        return in.stream().filter(e -> e.templateId() == OrderRejectedDecoder.TEMPLATE_ID)
            .map(e -> new OrderRejectedDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                new MessageHeaderDecoder()).reason()).toList();
    }

    private static long partialFills(final List<JournalDump.Entry> in)
    {
        return in.stream().filter(e -> e.templateId() == OrderFilledDecoder.TEMPLATE_ID)
            .map(e -> new OrderFilledDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0, new MessageHeaderDecoder()))
            .filter(f -> f.leavesQuantity() > 0).count();
    }

    private static long completeReconciliations(final List<JournalDump.Entry> in)
    {
        return in.stream().filter(e -> e.templateId() == ReconciliationEndDecoder.TEMPLATE_ID)
            .map(e -> new ReconciliationEndDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                new MessageHeaderDecoder()))
            .filter(r -> r.outcome() == ReconciliationOutcome.COMPLETE).count();
    }

    static List<ReconciliationReportDecoder> reports(final List<JournalDump.Entry> out)
    {
        return out.stream().filter(e -> e.templateId() == ReconciliationReportDecoder.TEMPLATE_ID)
            .map(e -> new ReconciliationReportDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                new MessageHeaderDecoder())).toList();
    }

    private static List<ReconciliationVerdict> verdicts(final List<JournalDump.Entry> out)
    {
        return reports(out).stream().map(ReconciliationReportDecoder::verdict).toList();
    }
}
