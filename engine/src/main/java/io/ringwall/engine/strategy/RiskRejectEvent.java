package io.ringwall.engine.strategy;

import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;

/**
 * Pre-trade risk refused one of the strategy's orders (or, when a split sent part of it, the remainder).
 * The same refusal is journaled as a RiskReject output. A reused flyweight: read it during the callback.
 * Figures are in the reason's unit (see the reason list in the engine's risk documentation).
 */
public final class RiskRejectEvent
{
    long clOrdId;
    int instrumentId;
    Side side;
    long quantity;
    long limitPrice;
    RiskRejectReason reason;
    long limitValue;
    long observedValue;
    long amendedClOrdId;

    /** @return the id the order would have had. */
    public long clOrdId()
    {
        return clOrdId;
    }

    public int instrumentId()
    {
        return instrumentId;
    }

    public Side side()
    {
        return side;
    }

    /** @return the refused quantity. */
    public long quantity()
    {
        return quantity;
    }

    /** @return the limit price, 0 for a market order. */
    public long limitPrice()
    {
        return limitPrice;
    }

    public RiskRejectReason reason()
    {
        return reason;
    }

    /** @return the limit that was hit. */
    public long limitValue()
    {
        return limitValue;
    }

    /** @return the figure that hit it. */
    public long observedValue()
    {
        return observedValue;
    }

    /** @return for a refused amend, the order it would have amended (the id the strategy holds); 0 for a new order. */
    public long amendedClOrdId()
    {
        return amendedClOrdId;
    }

    /**
     * Fills the flyweight for a new order's refusal; called by the engine before the callback.
     */
    public RiskRejectEvent set(final long clOrdId, final int instrumentId, final Side side, final long quantity,
        final long limitPrice, final RiskRejectReason reason, final long limitValue, final long observedValue)
    {
        return set(clOrdId, instrumentId, side, quantity, limitPrice, reason, limitValue, observedValue, 0);
    }

    /**
     * Fills the flyweight; {@code amendedClOrdId} the order a refused amend would have changed, 0 for a new order.
     */
    public RiskRejectEvent set(final long clOrdId, final int instrumentId, final Side side, final long quantity,
        final long limitPrice, final RiskRejectReason reason, final long limitValue, final long observedValue,
        final long amendedClOrdId)
    {
        this.amendedClOrdId = amendedClOrdId;
        this.clOrdId = clOrdId;
        this.instrumentId = instrumentId;
        this.side = side;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.reason = reason;
        this.limitValue = limitValue;
        this.observedValue = observedValue;
        return this;
    }
}
