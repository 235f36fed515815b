package io.ringwall.engine.fix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.CancelRejectedDecoder;
import io.ringwall.codecs.InvalidTransitionDecoder;
import io.ringwall.codecs.LifecycleEvent;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrderAcceptedDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.codecs.OrderState;
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
 * A venue that refuses messages, skips acknowledgements, repeats executions or executes too much, against the FIX
 * gateway and the engine: session-level Rejects (35=3) and BusinessMessageRejects (35=j) of orders and cancels are
 * matched to what they refuse and journaled; an OrderCancelReject puts the order back to work; a cancel request
 * names the order's side and quantity; a fill without a NEW ack is the ack; a repeated ExecID is dropped and an
 * overfill halts. The venue misbehaves through its own switches ({@code --no-new-ack},
 * {@code --session-reject-every}) or, for what no switch covers, the test sends on the venue's session directly.
 */
class FixRejectsTest
{
    /** The venue's session (it sends) and the engine's (its store holds what the engine sent). */
    private static final SessionID VENUE = new SessionID("FIX.4.4", "VENUE", "RINGWALL");
    private static final SessionID ENGINE = new SessionID("FIX.4.4", "RINGWALL", "VENUE");

    @TempDir
    Path dir;

    @Test
    void aSessionLevelRejectOfANewOrderRejectsThatOrderAndCountsAsAVenueReject() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            fix.venue.sessionRejectEvery(2);
            start(fix);
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 1 && fix.venue.openOrders() == 1, "first order");
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            FixHarness.await(() -> fix.count(fix.inputs(), OrderRejectedDecoder.TEMPLATE_ID) == 1, "reject journaled");
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 2 &&
                fix.count(fix.inputs(), OrderAcceptedDecoder.TEMPLATE_ID) == 2, "third order");
            fix.stopEngine();

            final List<Long> orders = newOrders(fix.outputs());
            assertThat(orders).hasSize(3);
            assertThat(rejects(fix.inputs())).containsExactly(orders.get(1) + " " + VenueRejectReason.SESSION_REJECT);
            assertThat(fix.venue.sessionRejects()).isEqualTo(1);
            assertThat(fix.engine.logic().orderStatus(orders.get(0))).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(fix.engine.logic().orderStatus(orders.get(1))).as("rejected, so released").isNull();
            assertThat(fix.engine.logic().orderStatus(orders.get(2))).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(fix.engine.logic().counters().venueRejects).isEqualTo(1);
            assertThat(fix.engine.logic().counters().invalidTransitions).isZero();
            assertThat(fix.gateway.unmatchedRejects()).isZero();
        }
    }

    @Test
    void aBusinessRejectOfANewOrderWithOrWithoutBusinessRejectRefIdRejectsThatOrder() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            // No acknowledgements: the orders are PENDING_NEW when refused, as a venue refusing them leaves them.
            fix.venue.noNewAck(true);
            start(fix);
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 2, "two orders at the venue");
            final List<Long> orders = newOrders(fix.outputs());

            venueSends(businessReject("D", Long.toString(orders.get(0)), 0));
            venueSends(businessReject("D", null, SentFixMessages.seqNum(ENGINE, orders.get(1), "D", "F")));
            // a refused reconciliation request is the reconciliation's business, not an order's
            venueSends(businessReject("AN", "P1", 0));
            FixHarness.await(() -> fix.count(fix.inputs(), OrderRejectedDecoder.TEMPLATE_ID) == 2, "rejects journaled");
            fix.stopEngine();

            assertThat(rejects(fix.inputs())).containsExactly(orders.get(0) + " " + VenueRejectReason.BUSINESS_REJECT,
                orders.get(1) + " " + VenueRejectReason.BUSINESS_REJECT);
            assertThat(fix.engine.logic().workingOrders()).isZero();
            assertThat(fix.engine.logic().counters().venueRejects).isEqualTo(2);
            assertThat(fix.gateway.hasOpenOrders()).isFalse();
        }
    }

    @Test
    void aRefusedCancelOfAnyKindPutsTheOrderBackToWorkAndTheCancelNamesTheOrdersSideAndQuantity() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            start(fix);
            fix.signal(FixScript.MARKET_BUY, "100");
            fix.printUntil("100", "10", () -> fix.venue.position(SYMBOL) == quantity("0.1"), "market fill");
            fix.signal(FixScript.RESTING_LIMIT_SELL, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 2 && fix.venue.openOrders() == 1 &&
                fix.count(fix.inputs(), OrderAcceptedDecoder.TEMPLATE_ID) == 2, "resting sell");
            final long sell = newOrders(fix.outputs()).get(1);
            // The venue's own answers to the cancels wait: the test answers them.
            fix.venue.holdAnswers(true);

            final long tooLate = cancelAt(fix, 1);
            venueSends(cancelReject(tooLate, sell));
            FixHarness.await(() -> fix.count(fix.inputs(), CancelRejectedDecoder.TEMPLATE_ID) == 1, "35=9 journaled");
            final long sessionRefused = cancelAt(fix, 2);
            venueSends(sessionReject("F", SentFixMessages.seqNum(ENGINE, sessionRefused, "D", "F")));
            FixHarness.await(() -> fix.count(fix.inputs(), CancelRejectedDecoder.TEMPLATE_ID) == 2, "35=3 journaled");
            final long businessRefused = cancelAt(fix, 3);
            venueSends(businessReject("F", Long.toString(businessRefused), 0));
            FixHarness.await(() -> fix.count(fix.inputs(), CancelRejectedDecoder.TEMPLATE_ID) == 3, "35=j journaled");
            // the engine's session (and its store) is gone once the engine stops
            final List<String> cancels = SentFixMessages.sent(ENGINE, "F");
            fix.stopEngine();

            assertThat(cancelRejects(fix.inputs())).containsExactly(
                tooLate + " " + sell + " " + VenueRejectReason.TOO_LATE_TO_CANCEL,
                sessionRefused + " " + sell + " " + VenueRejectReason.SESSION_REJECT,
                businessRefused + " " + sell + " " + VenueRejectReason.BUSINESS_REJECT);
            assertThat(fix.engine.logic().orderStatus(sell)).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(fix.engine.logic().counters().venueRejects).as("the message-level refusals").isEqualTo(2);
            assertThat(cancels).hasSize(3).allSatisfy(cancel ->
            {
                assertThat(field(cancel, 41)).isEqualTo(Long.toString(sell));
                assertThat(field(cancel, 54)).isEqualTo("2");
                assertThat(FixScript.quantity(field(cancel, 38))).isEqualTo(quantity("0.1"));
            });
        }
    }

    @Test
    void aFillWithNoNewAckBeforeItIsTheAckForTheStateAndTheSendToAckTime() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            fix.venue.noNewAck(true);
            start(fix);
            fix.signal(FixScript.MARKET_BUY, "100");
            fix.printUntil("100", "10", () -> fix.venue.position(SYMBOL) == quantity("0.1"), "market fill");
            fix.signal(FixScript.LIMIT_BUY_PARTIAL, "100");
            FixHarness.await(() -> fix.venue.ordersReceived() == 2 && fix.venue.openOrders() == 1, "limit order");
            fix.venue.trade(SYMBOL, price("100"), quantity("10"));
            FixHarness.await(() -> fix.count(fix.inputs(), OrderFilledDecoder.TEMPLATE_ID) == 2, "partial fill");
            fix.stopEngine();

            final List<Long> orders = newOrders(fix.outputs());
            assertThat(fix.count(fix.inputs(), OrderAcceptedDecoder.TEMPLATE_ID)).isZero();
            assertThat(fix.count(fix.outputs(), InvalidTransitionDecoder.TEMPLATE_ID)).isZero();
            assertThat(fix.engine.logic().orderStatus(orders.get(0))).as("filled").isNull();
            assertThat(fix.engine.logic().orderStatus(orders.get(1))).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(fix.gateway.roundTripNs().getTotalCount()).as("one send->ack time per order").isEqualTo(2);
            assertThat(fix.engine.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        }
    }

    @Test
    void aRepeatedExecIdIsDroppedBeforeTheJournalAndAnOverfillHaltsTrading() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            start(fix);
            fix.signal(FixScript.LIMIT_BUY_PARTIAL, "100");
            FixHarness.await(() -> fix.count(fix.inputs(), OrderAcceptedDecoder.TEMPLATE_ID) == 1, "limit order");
            final long order = newOrders(fix.outputs()).get(0);
            // 2.5 % of a 10-unit print: 0.25 of the 0.5
            fix.venue.trade(SYMBOL, price("100"), quantity("10"));
            FixHarness.await(() -> fix.count(fix.inputs(), OrderFilledDecoder.TEMPLATE_ID) == 1, "partial fill");
            final long execId = fills(fix.inputs()).get(0).execId();

            venueSends(fill(order, Long.toString(execId), "0.25", "0.25", "0.25"));
            venueSends(fill(order, "X-9", "0.5", "0", "0.75"));
            FixHarness.await(() -> fix.count(fix.outputs(), InvalidTransitionDecoder.TEMPLATE_ID) == 1, "overfill");
            fix.signal(FixScript.MARKET_BUY, "100");
            fix.signal(0, "100");
            fix.stopEngine();

            assertThat(fix.gateway.droppedDuplicates()).isEqualTo(1);
            assertThat(fills(fix.inputs())).extracting(OrderFilledDecoder::execId)
                .containsExactly(execId, FixMessages.execKey("X-9"));
            final InvalidTransitionDecoder invalid = new InvalidTransitionDecoder().wrapAndApplyHeader(
                new UnsafeBuffer(only(fix.outputs(), InvalidTransitionDecoder.TEMPLATE_ID).frame()), 0,
                new MessageHeaderDecoder());
            assertThat(invalid.clOrdId()).isEqualTo(order);
            assertThat(invalid.fromState()).isEqualTo(OrderState.PARTIALLY_FILLED);
            assertThat(invalid.lifecycleEvent()).isEqualTo(LifecycleEvent.FILL);
            assertThat(fix.engine.logic().breakerState(BreakerType.OVERFILL)).isEqualTo(BreakerState.HALTED);
            assertThat(fix.count(fix.outputs(), NewOrderDecoder.TEMPLATE_ID)).as("no order after the halt")
                .isEqualTo(1);
            assertThat(fix.engine.logic().portfolio().position(0)).as("booked as the venue reported")
                .isEqualTo(quantity("0.75"));
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

    /** @return the id of the {@code n}-th cancel, once the venue has it. */
    private static long cancelAt(final FixHarness fix, final int n)
    {
        fix.signal(FixScript.CANCEL_LAST, "100");
        FixHarness.await(() -> fix.venue.cancelsReceived() == n, "cancel " + n + " at the venue");
        final List<Long> ids = new ArrayList<>();
        for (final JournalDump.Entry e : fix.outputs())
        {
            if (e.templateId() == CancelOrderDecoder.TEMPLATE_ID)
            {
                ids.add(new CancelOrderDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                    new MessageHeaderDecoder()).clOrdId());
            }
        }
        assertThat(ids).hasSize(n);
        return ids.get(n - 1);
    }

    private static void venueSends(final Message message) throws Exception
    {
        assertThat(Session.sendToTarget(message, VENUE)).as("sent on the venue's session").isTrue();
    }

    private static Message businessReject(final String refMsgType, final String refId, final long refSeqNum)
    {
        final quickfix.fix44.BusinessMessageReject reject = new quickfix.fix44.BusinessMessageReject();
        reject.setString(quickfix.field.RefMsgType.FIELD, refMsgType);
        reject.setInt(quickfix.field.BusinessRejectReason.FIELD, quickfix.field.BusinessRejectReason.OTHER);
        if (refId != null)
        {
            reject.setString(quickfix.field.BusinessRejectRefID.FIELD, refId);
        }
        if (refSeqNum > 0)
        {
            reject.setInt(quickfix.field.RefSeqNum.FIELD, (int)refSeqNum);
        }
        reject.setString(quickfix.field.Text.FIELD, "refused by the test");
        return reject;
    }

    private static Message sessionReject(final String refMsgType, final long refSeqNum)
    {
        final quickfix.fix44.Reject reject = new quickfix.fix44.Reject();
        reject.setInt(quickfix.field.RefSeqNum.FIELD, (int)refSeqNum);
        reject.setString(quickfix.field.RefMsgType.FIELD, refMsgType);
        reject.setInt(quickfix.field.SessionRejectReason.FIELD, quickfix.field.SessionRejectReason.OTHER);
        reject.setString(quickfix.field.Text.FIELD, "refused by the test");
        return reject;
    }

    private static Message cancelReject(final long cancel, final long order)
    {
        final quickfix.fix44.OrderCancelReject reject = new quickfix.fix44.OrderCancelReject();
        reject.setString(quickfix.field.OrderID.FIELD, "NONE");
        reject.setString(quickfix.field.ClOrdID.FIELD, Long.toString(cancel));
        reject.setString(quickfix.field.OrigClOrdID.FIELD, Long.toString(order));
        reject.setChar(quickfix.field.OrdStatus.FIELD, quickfix.field.OrdStatus.NEW);
        reject.setChar(quickfix.field.CxlRejResponseTo.FIELD, quickfix.field.CxlRejResponseTo.ORDER_CANCEL_REQUEST);
        reject.setInt(quickfix.field.CxlRejReason.FIELD, quickfix.field.CxlRejReason.TOO_LATE_TO_CANCEL);
        return reject;
    }

    private static Message fill(final long order, final String execId, final String lastQty, final String leaves,
        final String cumQty)
    {
        final quickfix.fix44.ExecutionReport report = new quickfix.fix44.ExecutionReport();
        report.setString(quickfix.field.OrderID.FIELD, "1");
        report.setString(quickfix.field.ExecID.FIELD, execId);
        report.setString(quickfix.field.ClOrdID.FIELD, Long.toString(order));
        report.setChar(quickfix.field.ExecType.FIELD, quickfix.field.ExecType.TRADE);
        report.setChar(quickfix.field.OrdStatus.FIELD, quickfix.field.OrdStatus.PARTIALLY_FILLED);
        report.setString(quickfix.field.Symbol.FIELD, SYMBOL);
        report.setChar(quickfix.field.Side.FIELD, quickfix.field.Side.BUY);
        report.setString(quickfix.field.OrderQty.FIELD, "0.5");
        report.setString(quickfix.field.LastQty.FIELD, lastQty);
        report.setString(quickfix.field.LastPx.FIELD, "100");
        report.setString(quickfix.field.LeavesQty.FIELD, leaves);
        report.setString(quickfix.field.CumQty.FIELD, cumQty);
        report.setString(quickfix.field.AvgPx.FIELD, "100");
        report.setUtcTimeStamp(quickfix.field.TransactTime.FIELD, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC),
            true);
        return report;
    }

    private static List<Long> newOrders(final List<JournalDump.Entry> out)
    {
        return out.stream().filter(e -> e.templateId() == NewOrderDecoder.TEMPLATE_ID)
            .map(e -> new NewOrderDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                new MessageHeaderDecoder()).clOrdId()).toList();
    }

    private static List<String> rejects(final List<JournalDump.Entry> in)
    {
        return in.stream().filter(e -> e.templateId() == OrderRejectedDecoder.TEMPLATE_ID)
            .map(e -> new OrderRejectedDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                new MessageHeaderDecoder()))
            .map(r -> r.clOrdId() + " " + r.reason()).toList();
    }

    private static List<String> cancelRejects(final List<JournalDump.Entry> in)
    {
        return in.stream().filter(e -> e.templateId() == CancelRejectedDecoder.TEMPLATE_ID)
            .map(e -> new CancelRejectedDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                new MessageHeaderDecoder()))
            .map(r -> r.clOrdId() + " " + r.origClOrdId() + " " + r.reason()).toList();
    }

    private static List<OrderFilledDecoder> fills(final List<JournalDump.Entry> in)
    {
        return in.stream().filter(e -> e.templateId() == OrderFilledDecoder.TEMPLATE_ID)
            .map(e -> new OrderFilledDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                new MessageHeaderDecoder())).toList();
    }

    private static JournalDump.Entry only(final List<JournalDump.Entry> entries, final int templateId)
    {
        final List<JournalDump.Entry> found = entries.stream().filter(e -> e.templateId() == templateId).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
