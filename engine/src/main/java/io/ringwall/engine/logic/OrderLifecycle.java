package io.ringwall.engine.logic;

/**
 * The order state machine as one exhaustive table: (status, event) to the next status. A pair the
 * table leaves empty is an invalid transition: the caller counts it and leaves the order unchanged.
 */
public final class OrderLifecycle
{
    /** What can happen to an order. */
    public enum Event
    {
        ACCEPT, PARTIAL_FILL, FILL, REJECT, CANCEL_REQUEST, CANCEL_CONFIRM, CANCEL_REJECT, EXPIRE
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
