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
        EXPIRE(LifecycleEvent.EXPIRE),
        REPLACE_REQUEST(LifecycleEvent.REPLACE_REQUEST),
        REPLACE_CONFIRM(LifecycleEvent.REPLACE_CONFIRM),
        REPLACE_REJECT(LifecycleEvent.REPLACE_REJECT);

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
            Event.REPLACE_REQUEST, OrderStatus.PENDING_REPLACE,
            Event.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED,
            Event.FILL, OrderStatus.FILLED,
            Event.CANCEL_REQUEST, OrderStatus.PENDING_CANCEL,
            Event.CANCEL_CONFIRM, OrderStatus.CANCELLED,
            Event.EXPIRE, OrderStatus.EXPIRED);
        row(OrderStatus.PARTIALLY_FILLED,
            Event.REPLACE_REQUEST, OrderStatus.PENDING_REPLACE,
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
        // While an amend is pending the order still trades under its old terms (fills for the old ClOrdID apply);
        // the venue's answer, either way, returns it to its working status, which the caller keeps (marked here
        // by PENDING_REPLACE itself). Only acknowledged orders are amended, and not while a cancel is pending:
        // one open request per order, as brokers enforce.
        row(OrderStatus.PENDING_REPLACE,
            Event.PARTIAL_FILL, OrderStatus.PENDING_REPLACE,
            Event.FILL, OrderStatus.FILLED,
            Event.CANCEL_CONFIRM, OrderStatus.CANCELLED,
            Event.EXPIRE, OrderStatus.EXPIRED,
            Event.REPLACE_CONFIRM, OrderStatus.PENDING_REPLACE,
            Event.REPLACE_REJECT, OrderStatus.PENDING_REPLACE);
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
