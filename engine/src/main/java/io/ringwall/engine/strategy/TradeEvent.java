package io.ringwall.engine.strategy;

/**
 * A market trade. A reused flyweight: read it during the callback, do not keep it.
 */
public final class TradeEvent
{
    int instrumentId;
    long tradeId;
    long price;
    long quantity;
    long exchangeTimeNs;
    long timeNs;

    public int instrumentId()
    {
        return instrumentId;
    }

    public long tradeId()
    {
        return tradeId;
    }

    /** @return price mantissa, 4 implied decimals. */
    public long price()
    {
        return price;
    }

    /** @return quantity mantissa, 8 implied decimals. */
    public long quantity()
    {
        return quantity;
    }

    /** @return the source's timestamp. */
    public long exchangeTimeNs()
    {
        return exchangeTimeNs;
    }

    /** @return the engine time of this input. */
    public long timeNs()
    {
        return timeNs;
    }

    /**
     * Fills the flyweight; called by the engine before the callback.
     */
    public TradeEvent set(final int instrumentId, final long tradeId, final long price, final long quantity,
        final long exchangeTimeNs, final long timeNs)
    {
        this.instrumentId = instrumentId;
        this.tradeId = tradeId;
        this.price = price;
        this.quantity = quantity;
        this.exchangeTimeNs = exchangeTimeNs;
        this.timeNs = timeNs;
        return this;
    }
}
