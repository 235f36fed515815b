package io.ringwall.engine.fix;

import java.nio.file.Path;
import java.util.List;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrderAcceptedDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderReplacedDecoder;
import io.ringwall.codecs.ReplaceOrderDecoder;
import io.ringwall.codecs.ReplaceRejectedDecoder;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.logic.OrderStatus;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;

import static io.ringwall.engine.fix.FixHarness.SYMBOL;
import static io.ringwall.engine.fix.FixScript.price;
import static io.ringwall.engine.fix.FixScript.quantity;
import static io.ringwall.engine.fix.SentFixMessages.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amends end to end (issue 18 point 6): strategy, risk, OMS, FIX gateway (35=G out; ExecType=5 and 35=9 with
 * CxlRejResponseTo=2 in) and {@code ringwall fix-venue}, which replaces the resting order, or refuses every amend
 * with {@code --reject-amends}; a fill for the old ClOrdID while the amend is pending applies; a session-level Reject
 * of a 35=G refuses that amend.
 */
class FixAmendsTest
{
    private static final SessionID VENUE = new SessionID("FIX.4.4", "VENUE", "RINGWALL");
    private static final SessionID ENGINE = new SessionID("FIX.4.4", "RINGWALL", "VENUE");

    @TempDir
    Path dir;

    @Test
    void anAmendTheVenueTakesReplacesTheRestingOrderWhichThenFillsUnderItsNewId() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            start(fix);
            final long order = restingBuy(fix);
            fix.signal(FixScript.AMEND_LAST, "100");
            FixHarness.await(() -> fix.count(fix.inputs(), OrderReplacedDecoder.TEMPLATE_ID) == 1, "replace journaled");
            final long amendId = only(fix.outputs(), ReplaceOrderDecoder.TEMPLATE_ID, new ReplaceOrderDecoder()).clOrdId();
            final List<String> amends = SentFixMessages.sent(ENGINE, "G");
            fix.awaitApplied();
            assertThat(fix.engine.logic().orderStatus(order)).isEqualTo(OrderStatus.ACCEPTED);

            fix.printUntil("59", "10", () -> fix.venue.position(SYMBOL) == quantity(FixScript.AMENDED_QUANTITY),
                "the amended order fills at its new limit and quantity");
            FixHarness.await(() -> fix.engine.logic().workingOrders() == 0, "filled");
            fix.stopEngine();

            assertThat(amends).hasSize(1);
            final String g = amends.get(0);
            assertThat(field(g, 11)).isEqualTo(Long.toString(amendId));
            assertThat(field(g, 41)).isEqualTo(Long.toString(order));
            assertThat(field(g, 54)).isEqualTo("1");
            assertThat(field(g, 55)).isEqualTo(SYMBOL);
            assertThat(field(g, 40)).isEqualTo("2");
            assertThat(Double.parseDouble(field(g, 38))).isEqualTo(0.2);
            assertThat(Double.parseDouble(field(g, 44))).isEqualTo(60.0);
            assertThat(field(g, 60)).isNotEmpty();
            final OrderReplacedDecoder replaced = only(fix.inputs(), OrderReplacedDecoder.TEMPLATE_ID,
                new OrderReplacedDecoder());
            assertThat(replaced.clOrdId()).isEqualTo(amendId);
            assertThat(replaced.origClOrdId()).isEqualTo(order);
            assertThat(replaced.quantity()).isEqualTo(quantity("0.2"));
            assertThat(replaced.limitPrice()).isEqualTo(price("60"));
            assertThat(replaced.leavesQuantity()).isEqualTo(quantity("0.2"));
            assertThat(fills(fix.inputs())).allMatch(f -> f.clOrdId() == amendId && f.lastPrice() == price("60"));
            assertThat(fix.engine.logic().portfolio().position(0)).isEqualTo(quantity("0.2"));
            assertThat(fix.engine.logic().counters().replaces).isEqualTo(1);
            assertThat(fix.engine.logic().counters().invalidTransitions).isZero();
            assertThat(fix.engine.logic().counters().unknownOrderEvents).isZero();
            assertThat(fix.venue.amendsReceived()).isEqualTo(1);
            assertThat(fix.gateway.hasOpenOrders()).as("the gateway follows the order to its new id").isFalse();
        }
    }

    @Test
    void anAmendTheVenueRefusesLeavesTheOrderWorkingWithItsOldTerms() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0, FixHarness.Options.DEFAULT.withVenue(v -> v.rejectAmends(true))))
        {
            start(fix);
            final long order = restingBuy(fix);
            fix.signal(FixScript.AMEND_LAST, "100");
            FixHarness.await(() -> fix.count(fix.inputs(), ReplaceRejectedDecoder.TEMPLATE_ID) == 1, "35=9 journaled");
            fix.printUntil("49", "10", () -> fix.venue.position(SYMBOL) == quantity("0.1"),
                "the order fills at its old limit and quantity");
            FixHarness.await(() -> fix.engine.logic().workingOrders() == 0, "filled");
            fix.stopEngine();

            final ReplaceRejectedDecoder rejected = only(fix.inputs(), ReplaceRejectedDecoder.TEMPLATE_ID,
                new ReplaceRejectedDecoder());
            assertThat(rejected.origClOrdId()).isEqualTo(order);
            assertThat(rejected.reason()).isEqualTo(VenueRejectReason.OTHER);
            assertThat(fills(fix.inputs())).allMatch(f -> f.clOrdId() == order && f.lastPrice() == price("50"));
            assertThat(fix.engine.logic().portfolio().position(0)).isEqualTo(quantity("0.1"));
            assertThat(fix.engine.logic().counters().replaceRejects).isEqualTo(1);
            assertThat(fix.engine.logic().counters().venueRejects).isZero();
            assertThat(fix.engine.logic().counters().invalidTransitions).isZero();
        }
    }

    @Test
    void aFillForTheOldIdWhileTheAmendIsPendingAppliesThenTheReplaceHolds() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            start(fix);
            final long order = restingBuy(fix);
            // the venue fills part of the order, then takes the amend, before the engine hears of either
            fix.venue.holdAnswers(true);
            fix.printUntil("49", "2", () -> fix.venue.position(SYMBOL) > 0, "a partial fill at the venue");
            final long filledFirst = fix.venue.position(SYMBOL);
            fix.signal(FixScript.AMEND_LAST, "100");
            FixHarness.await(() -> fix.venue.amendsReceived() == 1, "the amend at the venue");
            FixHarness.await(() -> fix.engine.logic().orderStatus(order) == OrderStatus.PENDING_REPLACE,
                "pending replace");
            fix.venue.holdAnswers(false);
            FixHarness.await(() -> fix.count(fix.inputs(), OrderReplacedDecoder.TEMPLATE_ID) == 1, "replace journaled");
            fix.awaitApplied();
            assertThat(fix.engine.logic().portfolio().position(0)).isEqualTo(filledFirst);
            assertThat(fix.engine.logic().orderStatus(order)).isEqualTo(OrderStatus.PARTIALLY_FILLED);

            fix.printUntil("59", "10", () -> fix.venue.position(SYMBOL) == quantity("0.2"), "the rest fills");
            FixHarness.await(() -> fix.engine.logic().workingOrders() == 0, "filled");
            fix.stopEngine();

            final List<OrderFilledDecoder> fills = fills(fix.inputs());
            assertThat(fills.get(0).clOrdId()).as("the fill while pending names the old id").isEqualTo(order);
            final OrderReplacedDecoder replaced = only(fix.inputs(), OrderReplacedDecoder.TEMPLATE_ID,
                new OrderReplacedDecoder());
            assertThat(replaced.cumQuantity()).isEqualTo(filledFirst);
            assertThat(replaced.leavesQuantity()).isEqualTo(quantity("0.2") - filledFirst);
            assertThat(fix.engine.logic().portfolio().position(0)).isEqualTo(quantity("0.2"));
            assertThat(fix.engine.logic().counters().invalidTransitions).isZero();
            assertThat(fix.engine.logic().counters().unknownOrderEvents).isZero();
        }
    }

    @Test
    void aSessionLevelRejectOfAnAmendRefusesThatAmendAndCountsAsAVenueReject() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            start(fix);
            final long order = restingBuy(fix);
            fix.venue.holdAnswers(true);
            fix.signal(FixScript.AMEND_LAST, "100");
            FixHarness.await(() -> fix.venue.amendsReceived() == 1, "the amend at the venue");
            final long amendId = only(fix.outputs(), ReplaceOrderDecoder.TEMPLATE_ID, new ReplaceOrderDecoder()).clOrdId();
            assertThat(Session.sendToTarget(sessionReject(SentFixMessages.seqNum(ENGINE, amendId, "G")), VENUE)).isTrue();
            FixHarness.await(() -> fix.count(fix.inputs(), ReplaceRejectedDecoder.TEMPLATE_ID) == 1, "35=3 journaled");
            fix.stopEngine();

            final ReplaceRejectedDecoder rejected = only(fix.inputs(), ReplaceRejectedDecoder.TEMPLATE_ID,
                new ReplaceRejectedDecoder());
            assertThat(rejected.clOrdId()).isEqualTo(amendId);
            assertThat(rejected.origClOrdId()).isEqualTo(order);
            assertThat(rejected.reason()).isEqualTo(VenueRejectReason.SESSION_REJECT);
            assertThat(fix.engine.logic().orderStatus(order)).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(fix.engine.logic().counters().venueRejects).isEqualTo(1);
            assertThat(fix.gateway.unmatchedRejects()).isZero();
        }
    }

    @Test
    void theReconciliationAfterAReplaceFindsTheOrderUnderItsNewIdAndMatches() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 300))
        {
            start(fix);
            final long order = restingBuy(fix);
            fix.signal(FixScript.AMEND_LAST, "100");
            FixHarness.await(() -> fix.count(fix.inputs(), OrderReplacedDecoder.TEMPLATE_ID) == 1, "replace journaled");
            final long endsBefore = fix.count(fix.inputs(), io.ringwall.codecs.ReconciliationEndDecoder.TEMPLATE_ID);
            FixHarness.await(() -> fix.count(fix.inputs(), io.ringwall.codecs.ReconciliationEndDecoder.TEMPLATE_ID) >=
                endsBefore + 2, "two reconciliations after the replace");
            fix.stopEngine();

            final long amendId = only(fix.outputs(), ReplaceOrderDecoder.TEMPLATE_ID, new ReplaceOrderDecoder()).clOrdId();
            final List<io.ringwall.codecs.VenueOpenOrderDecoder> open = fix.inputs().stream()
                .filter(e -> e.templateId() == io.ringwall.codecs.VenueOpenOrderDecoder.TEMPLATE_ID)
                .map(e -> new io.ringwall.codecs.VenueOpenOrderDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()),
                    0, new MessageHeaderDecoder())).toList();
            assertThat(open.get(open.size() - 1).clOrdId()).as("the venue reports the order by its latest id")
                .isEqualTo(amendId);
            final List<io.ringwall.codecs.ReconciliationReportDecoder> reports = fix.outputs().stream()
                .filter(e -> e.templateId() == io.ringwall.codecs.ReconciliationReportDecoder.TEMPLATE_ID)
                .map(e -> new io.ringwall.codecs.ReconciliationReportDecoder().wrapAndApplyHeader(
                    new UnsafeBuffer(e.frame()), 0, new MessageHeaderDecoder()))
                .filter(r -> r.instrumentId() == 0).toList();
            final io.ringwall.codecs.ReconciliationReportDecoder last = reports.get(reports.size() - 1);
            assertThat(last.venueOpenOrders()).isEqualTo(1);
            assertThat(last.unknownVenueOrders()).isZero();
            assertThat(fix.engine.logic().breakerState(io.ringwall.codecs.BreakerType.RECONCILIATION))
                .isEqualTo(io.ringwall.codecs.BreakerState.ACTIVE);
            assertThat(fix.engine.logic().orderStatus(order)).isEqualTo(OrderStatus.ACCEPTED);
        }
    }

    @Test
    void anAmendedOrderIsKnownToTheVenueUnderEachOfItsIdsForStatusRequestsAndCancels() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            start(fix);
            final long order = restingBuy(fix);
            fix.signal(FixScript.AMEND_LAST, "100");
            FixHarness.await(() -> fix.count(fix.inputs(), OrderReplacedDecoder.TEMPLATE_ID) == 1, "replace journaled");
            final long amendId = only(fix.outputs(), ReplaceOrderDecoder.TEMPLATE_ID, new ReplaceOrderDecoder()).clOrdId();
            // a broker takes the order's first id as well as its latest: asked by either, it reports it working
            for (final long id : new long[] {order, amendId})
            {
                assertThat(Session.sendToTarget(FixMessages.orderStatusRequest("Q-test-" + id, id, SYMBOL, '1',
                    System.currentTimeMillis() * 1_000_000L), ENGINE)).isTrue();
            }
            FixHarness.await(() -> fix.count(fix.inputs(), io.ringwall.codecs.VenueOrderStatusDecoder.TEMPLATE_ID) == 2,
                "both answers journaled");
            assertThat(fix.inputs().stream()
                .filter(e -> e.templateId() == io.ringwall.codecs.VenueOrderStatusDecoder.TEMPLATE_ID)
                .map(e -> new io.ringwall.codecs.VenueOrderStatusDecoder().wrapAndApplyHeader(
                    new UnsafeBuffer(e.frame()), 0, new MessageHeaderDecoder()).venueState()).toList())
                .containsExactly(io.ringwall.codecs.OrderState.ACCEPTED, io.ringwall.codecs.OrderState.ACCEPTED);

            // a cancel naming the first id cancels the order the amend renamed
            final quickfix.fix44.OrderCancelRequest cancel = new quickfix.fix44.OrderCancelRequest();
            cancel.setString(quickfix.field.ClOrdID.FIELD, "990001");
            cancel.setString(quickfix.field.OrigClOrdID.FIELD, Long.toString(order));
            cancel.setString(quickfix.field.Symbol.FIELD, SYMBOL);
            cancel.setChar(quickfix.field.Side.FIELD, '1');
            cancel.setString(quickfix.field.OrderQty.FIELD, FixScript.AMENDED_QUANTITY);
            cancel.setUtcTimeStamp(quickfix.field.TransactTime.FIELD, java.time.LocalDateTime.now(), true);
            assertThat(Session.sendToTarget(cancel, ENGINE)).isTrue();
            FixHarness.await(() -> fix.venue.openOrders() == 0 &&
                fix.count(fix.inputs(), io.ringwall.codecs.OrderCancelledDecoder.TEMPLATE_ID) == 1, "cancelled");
            fix.awaitApplied();
            fix.stopEngine();

            assertThat(fix.count(fix.inputs(), io.ringwall.codecs.CancelRejectedDecoder.TEMPLATE_ID)).isZero();
            assertThat(fix.engine.logic().orderStatus(order)).as("cancelled and released").isNull();
            assertThat(fix.engine.logic().counters().invalidTransitions).isZero();
        }
    }

    /**
     * A crash after an amend was journaled and before the FIX session took it (the venue was unreachable): the
     * resumed gateway finds it unanswered in journal "out" and absent from the FIX store, and sends it once.
     */
    @Test
    void anAmendJournaledButNeverHandedToFixBeforeACrashIsSentOnceAfterTheResume() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            start(fix);
            final long order = restingBuy(fix);
            fix.venue.refuseLogons(true);
            fix.venue.dropSession();
            FixHarness.await(() -> !fix.gateway.isLoggedOn(), "the session down");
            fix.signal(FixScript.AMEND_LAST, "100");
            FixHarness.await(() -> fix.count(fix.outputs(), ReplaceOrderDecoder.TEMPLATE_ID) == 1, "amend journaled");
            fix.awaitApplied();
            assertThat(fix.engine.logic().orderStatus(order)).isEqualTo(OrderStatus.PENDING_REPLACE);
            assertThat(SentFixMessages.sent(ENGINE, "G")).as("never handed to FIX").isEmpty();
            fix.stopEngine();

            fix.resumeEngine();
            assertThat(fix.engine.recoveryReport().venueDescription()).contains("1 amend(s) journaled but never handed");
            fix.venue.refuseLogons(false);
            FixHarness.await(() -> fix.count(fix.inputs(), OrderReplacedDecoder.TEMPLATE_ID) == 1, "replace journaled");
            fix.awaitApplied();
            final List<String> amends = SentFixMessages.sent(ENGINE, "G");
            fix.stopEngine();

            final long amendId = only(fix.outputs(), ReplaceOrderDecoder.TEMPLATE_ID, new ReplaceOrderDecoder()).clOrdId();
            assertThat(amends).hasSize(1).allMatch(g -> field(g, 11).equals(
                Long.toString(amendId)) && field(g, 41).equals(Long.toString(order)));
            assertThat(fix.venue.amendsReceived()).isEqualTo(1);
            assertThat(fix.venue.duplicateOrders()).isZero();
            assertThat(fix.engine.logic().orderStatus(order)).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(fix.engine.logic().counters().replaces).isEqualTo(1);
            assertThat(fix.engine.logic().counters().invalidTransitions).isZero();
        }
    }

    /**
     * A cancel asked for while the amend is pending waits for the amend's answer (one open request per order) and then
     * names the order as the venue knows it after the replace: OrigClOrdID the amend's id, OrderQty the new quantity.
     */
    @Test
    void aCancelAskedForWhileAnAmendIsPendingGoesAfterTheReplaceUnderTheAmendsId() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            start(fix);
            final long order = restingBuy(fix);
            fix.venue.holdAnswers(true);
            fix.signal(FixScript.AMEND_LAST, "100");
            FixHarness.await(() -> fix.venue.amendsReceived() == 1, "the amend at the venue");
            FixHarness.await(() -> fix.engine.logic().orderStatus(order) == OrderStatus.PENDING_REPLACE,
                "pending replace");
            fix.signal(FixScript.CANCEL_LAST, "100");
            fix.signal(0, "100");
            fix.awaitApplied();
            assertThat(fix.count(fix.outputs(), io.ringwall.codecs.CancelOrderDecoder.TEMPLATE_ID))
                .as("queued behind the amend").isZero();
            fix.venue.holdAnswers(false);
            FixHarness.await(() -> fix.venue.openOrders() == 0 &&
                fix.count(fix.inputs(), io.ringwall.codecs.OrderCancelledDecoder.TEMPLATE_ID) == 1, "cancelled");
            fix.awaitApplied();
            final List<String> cancels = SentFixMessages.sent(ENGINE, "F");
            fix.stopEngine();

            final long amendId = only(fix.outputs(), ReplaceOrderDecoder.TEMPLATE_ID, new ReplaceOrderDecoder()).clOrdId();
            assertThat(cancels).hasSize(1);
            assertThat(field(cancels.get(0), 41)).isEqualTo(Long.toString(amendId));
            assertThat(field(cancels.get(0), 54)).isEqualTo("1");
            assertThat(Double.parseDouble(field(cancels.get(0), 38))).isEqualTo(0.2);
            assertThat(fix.count(fix.inputs(), io.ringwall.codecs.CancelRejectedDecoder.TEMPLATE_ID)).isZero();
            assertThat(fix.engine.logic().orderStatus(order)).as("cancelled and released").isNull();
            assertThat(fix.engine.logic().counters().invalidTransitions).isZero();
            assertThat(fix.engine.logic().counters().unknownOrderEvents).isZero();
        }
    }

    private static void start(final FixHarness fix)
    {
        FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
        FixHarness.await(() -> fix.count(fix.inputs(), io.ringwall.codecs.ReconciliationEndDecoder.TEMPLATE_ID) == 1,
            "start-up reconciliation");
        fix.venue.trade(SYMBOL, price("100"), quantity("10"));
        fix.signal(0, "100");
    }

    /** @return a resting limit buy (0.1 at 50), acknowledged. */
    private static long restingBuy(final FixHarness fix)
    {
        fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
        FixHarness.await(() -> fix.venue.openOrders() == 1 &&
            fix.count(fix.inputs(), OrderAcceptedDecoder.TEMPLATE_ID) == 1, "resting buy acknowledged");
        return only(fix.outputs(), NewOrderDecoder.TEMPLATE_ID, new NewOrderDecoder()).clOrdId();
    }

    private static Message sessionReject(final long refSeqNum)
    {
        final quickfix.fix44.Reject reject = new quickfix.fix44.Reject();
        reject.setInt(quickfix.field.RefSeqNum.FIELD, (int)refSeqNum);
        reject.setString(quickfix.field.RefMsgType.FIELD, "G");
        reject.setInt(quickfix.field.SessionRejectReason.FIELD, quickfix.field.SessionRejectReason.OTHER);
        reject.setString(quickfix.field.Text.FIELD, "refused by the test");
        return reject;
    }

    private static List<OrderFilledDecoder> fills(final List<JournalDump.Entry> in)
    {
        return in.stream().filter(e -> e.templateId() == OrderFilledDecoder.TEMPLATE_ID)
            .map(e -> new OrderFilledDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                new MessageHeaderDecoder())).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> T only(final List<JournalDump.Entry> entries, final int templateId, final T decoder)
    {
        final List<JournalDump.Entry> found = entries.stream().filter(e -> e.templateId() == templateId).toList();
        assertThat(found).as("template %d", templateId).hasSize(1);
        try
        {
            decoder.getClass().getMethod("wrapAndApplyHeader", org.agrona.DirectBuffer.class, int.class,
                MessageHeaderDecoder.class).invoke(decoder, new UnsafeBuffer(found.get(0).frame()), 0,
                new MessageHeaderDecoder());
            return decoder;
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
