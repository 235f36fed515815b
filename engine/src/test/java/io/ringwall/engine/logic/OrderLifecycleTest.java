package io.ringwall.engine.logic;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static io.ringwall.engine.logic.OrderLifecycle.Event.ACCEPT;
import static io.ringwall.engine.logic.OrderLifecycle.Event.CANCEL_CONFIRM;
import static io.ringwall.engine.logic.OrderLifecycle.Event.CANCEL_REJECT;
import static io.ringwall.engine.logic.OrderLifecycle.Event.CANCEL_REQUEST;
import static io.ringwall.engine.logic.OrderLifecycle.Event.EXPIRE;
import static io.ringwall.engine.logic.OrderLifecycle.Event.FILL;
import static io.ringwall.engine.logic.OrderLifecycle.Event.PARTIAL_FILL;
import static io.ringwall.engine.logic.OrderLifecycle.Event.REJECT;
import static org.assertj.core.api.Assertions.assertThat;

class OrderLifecycleTest
{
    @Test
    void theHappyPathsOfAnOrder()
    {
        assertThat(OrderLifecycle.next(OrderStatus.PENDING_NEW, ACCEPT)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(OrderLifecycle.next(OrderStatus.ACCEPTED, PARTIAL_FILL)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(OrderLifecycle.next(OrderStatus.PARTIALLY_FILLED, PARTIAL_FILL)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(OrderLifecycle.next(OrderStatus.PARTIALLY_FILLED, FILL)).isEqualTo(OrderStatus.FILLED);
        assertThat(OrderLifecycle.next(OrderStatus.PENDING_NEW, REJECT)).isEqualTo(OrderStatus.REJECTED);
        assertThat(OrderLifecycle.next(OrderStatus.ACCEPTED, CANCEL_REQUEST)).isEqualTo(OrderStatus.PENDING_CANCEL);
        assertThat(OrderLifecycle.next(OrderStatus.PENDING_CANCEL, CANCEL_CONFIRM)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderLifecycle.next(OrderStatus.PENDING_CANCEL, FILL)).isEqualTo(OrderStatus.FILLED);
        assertThat(OrderLifecycle.next(OrderStatus.ACCEPTED, EXPIRE)).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void terminalStatesAcceptNothingAndRejectOnlyBeforeAcceptance()
    {
        for (final OrderStatus status : EnumSet.of(OrderStatus.FILLED, OrderStatus.CANCELLED, OrderStatus.REJECTED,
            OrderStatus.EXPIRED))
        {
            assertThat(status.isTerminal()).isTrue();
            for (final OrderLifecycle.Event event : OrderLifecycle.Event.values())
            {
                assertThat(OrderLifecycle.next(status, event)).as("%s x %s", status, event).isNull();
            }
        }
        assertThat(OrderLifecycle.next(OrderStatus.ACCEPTED, REJECT)).isNull();
        assertThat(OrderLifecycle.next(OrderStatus.ACCEPTED, CANCEL_REJECT)).isNull();
        assertThat(OrderLifecycle.next(OrderStatus.PENDING_CANCEL, CANCEL_REQUEST)).isNull();
    }

    @Test
    void aCancelRejectRestoresTheStatusBeforeTheCancelAndAnInvalidEventIsCountedNotApplied()
    {
        final EngineCounters counters = new EngineCounters();
        final OrderManager orders = new OrderManager(4, 1, counters);
        orders.beginInput(7, 0);
        final Order order = orders.open(orders.nextClOrdId(), 0, 0, io.ringwall.codecs.Side.BUY,
            io.ringwall.codecs.OrdType.LIMIT, io.ringwall.codecs.TimeInForce.GTC, 100, 10, 10);
        assertThat(order.clOrdId).isEqualTo(7L * OrderManager.MAX_ORDERS_PER_INPUT);

        assertThat(orders.apply(order, ACCEPT)).isTrue();
        orders.fill(order, 40);
        assertThat(orders.apply(order, PARTIAL_FILL)).isTrue();
        assertThat(orders.apply(order, CANCEL_REQUEST)).isTrue();
        assertThat(order.status).isEqualTo(OrderStatus.PENDING_CANCEL);
        assertThat(orders.apply(order, CANCEL_REJECT)).isTrue();
        assertThat(order.status).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(orders.openQuantity(0)).isEqualTo(60);

        // an acknowledgement and a partial fill while a cancel is pending: a reject restores the latest
        final Order second = orders.open(orders.nextClOrdId(), 0, 0, io.ringwall.codecs.Side.SELL,
            io.ringwall.codecs.OrdType.LIMIT, io.ringwall.codecs.TimeInForce.GTC, 100, 10, 10);
        assertThat(orders.apply(second, CANCEL_REQUEST)).isTrue();
        assertThat(orders.apply(second, ACCEPT)).isTrue();
        assertThat(orders.apply(second, CANCEL_REJECT)).isTrue();
        assertThat(second.status).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(orders.apply(second, CANCEL_REQUEST)).isTrue();
        orders.fill(second, 10);
        assertThat(orders.apply(second, PARTIAL_FILL)).isTrue();
        assertThat(orders.apply(second, CANCEL_REJECT)).isTrue();
        assertThat(second.status).isEqualTo(OrderStatus.PARTIALLY_FILLED);

        assertThat(orders.apply(order, REJECT)).isFalse();
        assertThat(order.status).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(counters.invalidTransitions).isEqualTo(1);
    }
}
