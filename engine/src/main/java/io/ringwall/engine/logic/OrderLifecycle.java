package io.ringwall.engine.logic;

import io.ringwall.codecs.LifecycleEvent;

/**
 * The order state machine as one exhaustive table: (status, event) to the next status. A pair the
 * table leaves empty is an invalid transition: it is counted and journaled ({@code InvalidTransition}) and
 * the order is left unchanged. Terminal states have no row: a terminal order is released at once, so any
 * later event for it finds no order (counted as an unknown-order event).
 */
public final class OrderLifecycle
{
    /** What can happen to an order. */
    public enum Event
    {
        ACCEPT(LifecycleEvent.ACCEPT),
        PARTIAL_FILL(LifecycleEvent.PARTIAL_FILL),
        FILL(LifecycleEvent.FILL),
        REJECT(LifecycleEvent.REJECT),
        CANCEL_REQUEST(LifecycleEvent.CANCEL_REQUEST),
        CANCEL_CONFIRM(LifecycleEvent.CANCEL_CONFIRM),
        CANCEL_REJECT(LifecycleEvent.CANCEL_REJECT),
        EXPIRE(LifecycleEvent.EXPIRE);

        private final LifecycleEvent wire;

        Event(final LifecycleEvent wire)
        {
            this.wire = wire;
        }

        /** @return the code an invalid transition is journaled with. */
        public LifecycleEvent wire()
        {
            return wire;
        }
    }

    private static final OrderStatus[][] NEXT = new OrderStatus[OrderStatus.values().length][Event.values().length];

    static
    {
        // A venue may skip the acknowledgement and fill or cancel straight away.
        row(OrderStatus.PENDING_NEW,
            Event.ACCEPT, OrderStatus.ACCEPTED,
            Event.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED,
            Event.FILL, OrderStatus.FILLED,
            Event.REJECT, OrderStatus.REJECTED,
            Event.CANCEL_REQUEST, OrderStatus.PENDING_CANCEL,
            Event.CANCEL_CONFIRM, OrderStatus.CANCELLED,
            Event.EXPIRE, OrderStatus.EXPIRED);
        row(OrderStatus.ACCEPTED,
            Event.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED,
            Event.FILL, OrderStatus.FILLED,
            Event.CANCEL_REQUEST, OrderStatus.PENDING_CANCEL,
            Event.CANCEL_CONFIRM, OrderStatus.CANCELLED,
            Event.EXPIRE, OrderStatus.EXPIRED);
        row(OrderStatus.PARTIALLY_FILLED,
            Event.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED,
            Event.FILL, OrderStatus.FILLED,
            Event.CANCEL_REQUEST, OrderStatus.PENDING_CANCEL,
            Event.CANCEL_CONFIRM, OrderStatus.CANCELLED,
            Event.EXPIRE, OrderStatus.EXPIRED);
        // While a cancel is pending the order still trades; a cancel reject restores the prior status
        // (the caller keeps it), marked here by PENDING_CANCEL itself.
        row(OrderStatus.PENDING_CANCEL,
            Event.ACCEPT, OrderStatus.PENDING_CANCEL,
            Event.PARTIAL_FILL, OrderStatus.PENDING_CANCEL,
            Event.FILL, OrderStatus.FILLED,
            Event.REJECT, OrderStatus.REJECTED,
            Event.CANCEL_CONFIRM, OrderStatus.CANCELLED,
            Event.CANCEL_REJECT, OrderStatus.PENDING_CANCEL,
            Event.EXPIRE, OrderStatus.EXPIRED);
    }

    private OrderLifecycle()
    {
    }

    /**
     * @return the status after {@code event}, or null when the pair is not a valid transition.
     */
    public static OrderStatus next(final OrderStatus status, final Event event)
    {
        return NEXT[status.ordinal()][event.ordinal()];
    }

    private static void row(final OrderStatus from, final Object... eventThenStatus)
    {
        for (int i = 0; i < eventThenStatus.length; i += 2)
        {
            NEXT[from.ordinal()][((Event)eventThenStatus[i]).ordinal()] = (OrderStatus)eventThenStatus[i + 1];
        }
    }
}
