package io.ringwall.engine.strategy;

/**
 * An OHLCV bar, delivered when it closes. A reused flyweight: read it during the callback, do not keep it.
 */
public final class BarEvent
{
    int instrumentId;
    long open;
    long high;
    long low;
    long close;
    long volume;
    long startTimeNs;
    long durationNs;

    public int instrumentId()
    {
        return instrumentId;
    }

    public long open()
    {
        return open;
    }

    public long high()
    {
        return high;
    }

    public long low()
    {
        return low;
    }

    public long close()
    {
        return close;
    }

    public long volume()
    {
        return volume;
    }

    public long startTimeNs()
    {
        return startTimeNs;
    }

    public long durationNs()
    {
        return durationNs;
    }

    /**
     * Fills the flyweight; called by the engine before the callback.
     */
    public BarEvent set(final int instrumentId, final long open, final long high, final long low, final long close,
        final long volume, final long startTimeNs, final long durationNs)
    {
        this.instrumentId = instrumentId;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.startTimeNs = startTimeNs;
        this.durationNs = durationNs;
        return this;
    }
}
