package io.ringwall.engine.logic;

import io.ringwall.codecs.OrderState;

/**
 * Where an order is in its life. Terminal states release the order.
 */
public enum OrderStatus
{
    PENDING_NEW(false, OrderState.PENDING_NEW),
    ACCEPTED(false, OrderState.ACCEPTED),
    PARTIALLY_FILLED(false, OrderState.PARTIALLY_FILLED),
    PENDING_CANCEL(false, OrderState.PENDING_CANCEL),
    FILLED(true, OrderState.FILLED),
    CANCELLED(true, OrderState.CANCELLED),
    REJECTED(true, OrderState.REJECTED),
    EXPIRED(true, OrderState.EXPIRED),
    /** An amend (cancel/replace) is sent and not answered; the order still works as it was. */
    PENDING_REPLACE(false, OrderState.PENDING_REPLACE);

    private final boolean terminal;
    private final OrderState wire;

    OrderStatus(final boolean terminal, final OrderState wire)
    {
        this.terminal = terminal;
        this.wire = wire;
    }

    /** @return the code this status is journaled with. */
    public OrderState wire()
    {
        return wire;
    }

    public boolean isTerminal()
    {
        return terminal;
    }
}
