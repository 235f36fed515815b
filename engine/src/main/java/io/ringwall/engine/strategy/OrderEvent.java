package io.ringwall.engine.strategy;

import io.ringwall.codecs.Side;
import io.ringwall.codecs.VenueRejectReason;

/**
 * Something happened to one of the strategy's orders. A reused flyweight: read it during the callback.
 */
public final class OrderEvent
{
    /** What happened. */
    public enum Type
    {
        ACCEPTED, PARTIALLY_FILLED, FILLED, REJECTED, CANCELLED, CANCEL_REJECTED, EXPIRED,
        /** The venue took an amend: the order works with its new quantity and price (same client order id). */
        REPLACED,
        /** The venue refused an amend: the order works on unchanged; {@link #rejectReason()} says why. */
        REPLACE_REJECTED
    }

    Type type;
    long clOrdId;
    int instrumentId;
    Side side;
    long lastPrice;
    long lastQuantity;
    long leavesQuantity;
    long fee;
    VenueRejectReason rejectReason;

    public Type type()
    {
        return type;
    }

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

    /** @return the fill price (fills only). */
    public long lastPrice()
    {
        return lastPrice;
    }

    /** @return the filled quantity (fills only). */
    public long lastQuantity()
    {
        return lastQuantity;
    }

    /** @return quantity still working after this event. */
    public long leavesQuantity()
    {
        return leavesQuantity;
    }

    /** @return the fee of this fill, money units. */
    public long fee()
    {
        return fee;
    }

    /** @return why the venue refused (rejects only), else {@link VenueRejectReason#NULL_VAL}. */
    public VenueRejectReason rejectReason()
    {
        return rejectReason;
    }

    /**
     * Fills the flyweight; called by the engine before the callback.
     */
    public OrderEvent set(final Type type, final long clOrdId, final int instrumentId, final Side side,
        final long lastPrice, final long lastQuantity, final long leavesQuantity, final long fee,
        final VenueRejectReason rejectReason)
    {
        this.type = type;
        this.clOrdId = clOrdId;
        this.instrumentId = instrumentId;
        this.side = side;
        this.lastPrice = lastPrice;
        this.lastQuantity = lastQuantity;
        this.leavesQuantity = leavesQuantity;
        this.fee = fee;
        this.rejectReason = rejectReason;
        return this;
    }
}
