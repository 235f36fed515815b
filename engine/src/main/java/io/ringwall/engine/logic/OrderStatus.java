package io.ringwall.engine.logic;

/**
 * Where an order is in its life. Terminal states release the order.
 */
public enum OrderStatus
{
    PENDING_NEW(false),
    ACCEPTED(false),
    PARTIALLY_FILLED(false),
    PENDING_CANCEL(false),
    FILLED(true),
    CANCELLED(true),
    REJECTED(true),
    EXPIRED(true);

    private final boolean terminal;

    OrderStatus(final boolean terminal)
    {
        this.terminal = terminal;
    }

    public boolean isTerminal()
    {
        return terminal;
    }
}
