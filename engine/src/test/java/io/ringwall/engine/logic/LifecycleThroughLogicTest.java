package io.ringwall.engine.logic;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.ringwall.codecs.InvalidTransitionDecoder;
import io.ringwall.codecs.InvalidTransitionEncoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.Side;
import io.ringwall.engine.strategy.OrderEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static io.ringwall.engine.logic.OrderLifecycle.Event.ACCEPT;
import static io.ringwall.engine.logic.OrderLifecycle.Event.CANCEL_CONFIRM;
import static io.ringwall.engine.logic.OrderLifecycle.Event.CANCEL_REJECT;
import static io.ringwall.engine.logic.OrderLifecycle.Event.CANCEL_REQUEST;
import static io.ringwall.engine.logic.OrderLifecycle.Event.EXPIRE;
import static io.ringwall.engine.logic.OrderLifecycle.Event.FILL;
import static io.ringwall.engine.logic.OrderLifecycle.Event.PARTIAL_FILL;
import static io.ringwall.engine.logic.OrderLifecycle.Event.REJECT;
import static io.ringwall.engine.logic.OrderLifecycle.Event.REPLACE_CONFIRM;
import static io.ringwall.engine.logic.OrderLifecycle.Event.REPLACE_REJECT;
import static io.ringwall.engine.logic.OrderLifecycle.Event.REPLACE_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every (status, event) pair of the order lifecycle driven through the business logic as journaled
 * inputs would drive it: the order is brought into the status by real venue events, the event is applied,
 * and the resulting status, the strategy's notification and the journaled outputs are checked against a
 * table written out here by hand (so a change to {@link OrderLifecycle} must be made twice to pass).
 */
class LifecycleThroughLogicTest
{
    private static final long BTC = 100_000_000L;
    private static final long USD = 10_000L;
    private static final long PRICE = 800 * USD;
    private static final long QUANTITY = 10 * BTC;
    /** Marks a pair the lifecycle must refuse. */
    private static final OrderStatus INVALID = null;

    /** The expected table: row = status the order is in, column = event, cell = status after (null: invalid). */
    private static final Map<OrderStatus, Map<OrderLifecycle.Event, OrderStatus>> EXPECTED =
        new EnumMap<>(OrderStatus.class);

    static
    {
        // Columns: ACCEPT, PARTIAL_FILL, FILL, REJECT, CANCEL_REQUEST, CANCEL_CONFIRM, CANCEL_REJECT, EXPIRE,
        // REPLACE_REQUEST, REPLACE_CONFIRM, REPLACE_REJECT. Only an acknowledged order with nothing pending is amended.
        row(OrderStatus.PENDING_NEW, OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED,
            OrderStatus.REJECTED, OrderStatus.PENDING_CANCEL, OrderStatus.CANCELLED, INVALID, OrderStatus.EXPIRED,
            INVALID, INVALID, INVALID);
        row(OrderStatus.ACCEPTED, INVALID, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED,
            INVALID, OrderStatus.PENDING_CANCEL, OrderStatus.CANCELLED, INVALID, OrderStatus.EXPIRED,
            OrderStatus.PENDING_REPLACE, INVALID, INVALID);
        row(OrderStatus.PARTIALLY_FILLED, INVALID, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED,
            INVALID, OrderStatus.PENDING_CANCEL, OrderStatus.CANCELLED, INVALID, OrderStatus.EXPIRED,
            OrderStatus.PENDING_REPLACE, INVALID, INVALID);
        // Reached from ACCEPTED here: a cancel reject restores ACCEPTED; the order still trades meanwhile.
        row(OrderStatus.PENDING_CANCEL, OrderStatus.PENDING_CANCEL, OrderStatus.PENDING_CANCEL, OrderStatus.FILLED,
            OrderStatus.REJECTED, INVALID, OrderStatus.CANCELLED, OrderStatus.ACCEPTED, OrderStatus.EXPIRED,
            INVALID, INVALID, INVALID);
        // Reached from ACCEPTED here: the amend's answer either way returns the order to ACCEPTED; it trades meanwhile
        // (old terms), and no cancel is taken while the amend is open (one request per order).
        row(OrderStatus.PENDING_REPLACE, INVALID, OrderStatus.PENDING_REPLACE, OrderStatus.FILLED,
            INVALID, INVALID, OrderStatus.CANCELLED, INVALID, OrderStatus.EXPIRED,
            INVALID, OrderStatus.ACCEPTED, OrderStatus.ACCEPTED);
    }

    private static void row(final OrderStatus from, final OrderStatus... afterEachEvent)
    {
        final Map<OrderLifecycle.Event, OrderStatus> row = new EnumMap<>(OrderLifecycle.Event.class);
        final OrderLifecycle.Event[] events = {ACCEPT, PARTIAL_FILL, FILL, REJECT, CANCEL_REQUEST, CANCEL_CONFIRM,
            CANCEL_REJECT, EXPIRE, REPLACE_REQUEST, REPLACE_CONFIRM, REPLACE_REJECT};
        for (int i = 0; i < events.length; i++)
        {
            row.put(events[i], afterEachEvent[i]);
        }
        EXPECTED.put(from, row);
    }

    private final ScriptedOrders script = new ScriptedOrders(QUANTITY, PRICE);
    private final LogicHarness harness = new LogicHarness(LogicHarness.config(), List.of(script));

    @Test
    void theHandWrittenTableIsTheEngineTable()
    {
        for (final OrderStatus from : OrderStatus.values())
        {
            for (final OrderLifecycle.Event event : OrderLifecycle.Event.values())
            {
                final OrderStatus expected = from.isTerminal() ? null : EXPECTED.get(from).get(event);
                // PENDING_CANCEL + CANCEL_REJECT is marked in the table by PENDING_CANCEL (the order keeps its
                // prior status); the logic restores it, as the driven test below checks.
                final OrderStatus engine = OrderLifecycle.next(from, event);
                if (from == OrderStatus.PENDING_CANCEL && event == CANCEL_REJECT)
                {
                    assertThat(engine).isEqualTo(OrderStatus.PENDING_CANCEL);
                }
                else if (from == OrderStatus.PENDING_REPLACE && (event == REPLACE_CONFIRM || event == REPLACE_REJECT))
                {
                    // likewise marked by PENDING_REPLACE: the logic returns the order to its working status
                    assertThat(engine).isEqualTo(OrderStatus.PENDING_REPLACE);
                }
                else
                {
                    assertThat(engine).as("%s x %s", from, event).isEqualTo(expected);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PENDING_NEW", "ACCEPTED", "PARTIALLY_FILLED", "PENDING_CANCEL",
        "PENDING_REPLACE"})
    void everyEventOnAWorkingOrderThroughTheLogic(final OrderStatus from)
    {
        for (final OrderLifecycle.Event event : OrderLifecycle.Event.values())
        {
            final LifecycleThroughLogicTest fresh = new LifecycleThroughLogicTest();
            fresh.applyAndCheck(from, event, EXPECTED.get(from).get(event));
        }
    }

    @Test
    void anEventForATerminalOrderIsAnUnknownOrderEventCountedButNotAnInvalidTransition()
    {
        final long clOrdId = bringTo(OrderStatus.ACCEPTED);
        harness.filled(clOrdId, 0, Side.BUY, PRICE, QUANTITY, 0, 0);
        assertThat(harness.logic().orderStatus(clOrdId)).isNull();
        final int outputsBefore = harness.outputs().size();
        final long unknownBefore = harness.logic().counters().unknownOrderEvents;

        harness.accepted(clOrdId, 0);
        harness.cancelled(clOrdId, 0, QUANTITY);

        assertThat(harness.logic().counters().unknownOrderEvents).isEqualTo(unknownBefore + 2);
        assertThat(harness.outputs()).hasSize(outputsBefore);
        assertThat(script.notifications).containsExactly(OrderEvent.Type.ACCEPTED, OrderEvent.Type.FILLED);
    }

    private void applyAndCheck(final OrderStatus from, final OrderLifecycle.Event event, final OrderStatus expected)
    {
        final long clOrdId = bringTo(from);
        final String pair = from + " x " + event;
        assertThat(harness.logic().orderStatus(clOrdId)).as(pair + " (set-up)").isEqualTo(from);
        final int outputsBefore = harness.outputs().size();
        final int notificationsBefore = script.notifications.size();

        apply(clOrdId, event, from);

        final List<LogicHarness.Output> produced = harness.outputs().subList(outputsBefore, harness.outputs().size());
        if (expected == INVALID)
        {
            assertThat(harness.logic().orderStatus(clOrdId)).as(pair + ": unchanged").isEqualTo(from);
            assertThat(script.notifications).as(pair + ": nobody told").hasSize(notificationsBefore);
            if (event == CANCEL_REQUEST)
            {
                // A cancel request comes from a strategy, not the venue: it is refused as a value, nothing sent; behind
                // a pending amend it is taken and waits for the amend's answer (AmendTest), nothing sent yet either.
                assertThat(script.lastCancel).as(pair).isEqualTo(from == OrderStatus.PENDING_REPLACE);
                assertThat(produced).as(pair).isEmpty();
                return;
            }
            if (event == REPLACE_REQUEST)
            {
                // likewise an amend: 0 (not amendable), nothing journaled, counted
                assertThat(script.lastAmend).as(pair).isZero();
                assertThat(produced).as(pair).isEmpty();
                assertThat(harness.logic().counters().amendsRefused).as(pair).isEqualTo(1);
                return;
            }
            assertThat(produced).as(pair + ": journaled").hasSize(1);
            final InvalidTransitionDecoder invalid = new InvalidTransitionDecoder();
            invalid.wrapAndApplyHeader(produced.get(0).buffer(), 0, new MessageHeaderDecoder());
            assertThat(produced.get(0).templateId()).isEqualTo(InvalidTransitionEncoder.TEMPLATE_ID);
            assertThat(invalid.clOrdId()).isEqualTo(clOrdId);
            assertThat(invalid.fromState()).isEqualTo(from.wire());
            assertThat(invalid.lifecycleEvent()).isEqualTo(event.wire());
            assertThat(invalid.causeSequence()).isEqualTo(harness.lastSequence());
            return;
        }
        if (expected.isTerminal())
        {
            assertThat(harness.logic().orderStatus(clOrdId)).as(pair + ": released").isNull();
            assertThat(harness.logic().workingOrders()).isZero();
        }
        else
        {
            assertThat(harness.logic().orderStatus(clOrdId)).as(pair).isEqualTo(expected);
        }
        assertThat(produced).as(pair + ": no invalid transition")
            .noneMatch(output -> output.templateId() == InvalidTransitionEncoder.TEMPLATE_ID);
        if (event == CANCEL_REQUEST)
        {
            assertThat(script.lastCancel).isTrue();
            assertThat(harness.logic().counters().cancelsSent).isEqualTo(1);
        }
        else if (event == REPLACE_REQUEST)
        {
            assertThat(script.lastAmend).as(pair).isPositive();
            assertThat(harness.logic().counters().amendsSent).isEqualTo(1);
        }
        else
        {
            assertThat(script.notifications).as(pair + ": owner told").hasSize(notificationsBefore + 1);
        }
    }

    /** @return the order's id once real venue events have brought it to {@code status}. */
    private long bringTo(final OrderStatus status)
    {
        script.submitNext = true;
        harness.trade(0, PRICE, BTC);
        final long clOrdId = script.lastResult;
        assertThat(clOrdId).isPositive();
        if (status == OrderStatus.PENDING_NEW)
        {
            return clOrdId;
        }
        harness.accepted(clOrdId, 0);
        if (status == OrderStatus.PARTIALLY_FILLED)
        {
            harness.filled(clOrdId, 0, Side.BUY, PRICE, BTC, QUANTITY - BTC, 0);
        }
        if (status == OrderStatus.PENDING_CANCEL)
        {
            script.cancelNext = clOrdId;
            harness.trade(0, PRICE, BTC);
        }
        if (status == OrderStatus.PENDING_REPLACE)
        {
            amendOnNextTrade(clOrdId);
            harness.trade(0, PRICE, BTC);
            replaceId = script.lastAmend;
            assertThat(replaceId).isPositive();
        }
        return clOrdId;
    }

    private long replaceId;

    private void amendOnNextTrade(final long clOrdId)
    {
        script.amendNext = clOrdId;
        script.amendQuantity = QUANTITY + BTC;
        script.amendPrice = PRICE - USD;
    }

    private void apply(final long clOrdId, final OrderLifecycle.Event event, final OrderStatus from)
    {
        // an amend's answer names the amend; with none pending, an id the venue might have made up
        final long answered = replaceId != 0 ? replaceId : clOrdId + 7;
        final long filled = from == OrderStatus.PARTIALLY_FILLED ? BTC : 0;
        switch (event)
        {
            case ACCEPT -> harness.accepted(clOrdId, 0);
            case PARTIAL_FILL -> harness.filled(clOrdId, 0, Side.BUY, PRICE, BTC, QUANTITY - filled - BTC, 0);
            case FILL -> harness.filled(clOrdId, 0, Side.BUY, PRICE, QUANTITY - filled, 0, 0);
            case REJECT -> harness.rejected(clOrdId, 0);
            case CANCEL_REQUEST ->
            {
                script.cancelNext = clOrdId;
                harness.trade(0, PRICE, BTC);
            }
            case CANCEL_CONFIRM -> harness.cancelled(clOrdId, 0, QUANTITY - filled);
            case CANCEL_REJECT -> harness.cancelRejected(clOrdId + 1, clOrdId);
            case EXPIRE -> harness.expired(clOrdId, 0, QUANTITY - filled);
            case REPLACE_REQUEST ->
            {
                amendOnNextTrade(clOrdId);
                harness.trade(0, PRICE, BTC);
            }
            case REPLACE_CONFIRM -> harness.replaced(answered, clOrdId, 0, QUANTITY + BTC, PRICE - USD,
                QUANTITY + BTC - filled, filled);
            case REPLACE_REJECT -> harness.replaceRejected(answered, clOrdId,
                io.ringwall.codecs.VenueRejectReason.OTHER);
        }
    }
}
