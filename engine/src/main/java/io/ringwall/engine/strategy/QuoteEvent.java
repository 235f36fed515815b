package io.ringwall.engine.strategy;

/**
 * A top-of-book quote. A reused flyweight: read it during the callback, do not keep it.
 */
public final class QuoteEvent
{
    int instrumentId;
    long bidPrice;
    long bidQuantity;
    long askPrice;
    long askQuantity;
    long timeNs;

    public int instrumentId()
    {
        return instrumentId;
    }

    public long bidPrice()
    {
        return bidPrice;
    }

    public long bidQuantity()
    {
        return bidQuantity;
    }

    public long askPrice()
    {
        return askPrice;
    }

    public long askQuantity()
    {
        return askQuantity;
    }

    public long timeNs()
    {
        return timeNs;
    }

    /**
     * Fills the flyweight; called by the engine before the callback.
     */
    public QuoteEvent set(final int instrumentId, final long bidPrice, final long bidQuantity, final long askPrice,
        final long askQuantity, final long timeNs)
    {
        this.instrumentId = instrumentId;
        this.bidPrice = bidPrice;
        this.bidQuantity = bidQuantity;
        this.askPrice = askPrice;
        this.askQuantity = askQuantity;
        this.timeNs = timeNs;
        return this;
    }
}
