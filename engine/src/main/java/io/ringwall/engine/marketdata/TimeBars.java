package io.ringwall.engine.marketdata;

import java.util.Arrays;

/**
 * Builds time bars from a feed's trades: each instrument's trades in {@code [k * duration, (k + 1) * duration)} of
 * event time (Unix epoch aligned, so 60s bars start on the minute) become one bar, open/high/low/close of their
 * prices and the sum of their quantities, handed downstream in place of the trades. A bar is handed on once the feed
 * passes its end (the first trade or quote at or after it; all instruments' finished bars then, in instrument id
 * order), so bars never run ahead of the data; {@link #finish} hands on the bars still open at the end of the data.
 * An interval without trades gives no bar. Quotes pass through unchanged; bars from the source pass through too.
 *
 * <p>Runs on the feed's thread; allocates nothing per trade (arrays grow only for an instrument id past them).
 */
public final class TimeBars implements MarketDataSink
{
    private final MarketDataSink downstream;
    private final long durationNs;
    private boolean[] open = new boolean[8];
    private long[] startNs = new long[8];
    private long[] openPrice = new long[8];
    private long[] high = new long[8];
    private long[] low = new long[8];
    private long[] close = new long[8];
    private long[] volume = new long[8];
    /** The earliest end of an open bar; Long.MAX_VALUE when none is open. */
    private long nextEndNs = Long.MAX_VALUE;
    private long bars;
    private long trades;

    public TimeBars(final MarketDataSink downstream, final long durationNs)
    {
        if (durationNs <= 0)
        {
            throw new IllegalArgumentException("a bar duration must be positive: " + durationNs + " ns");
        }
        this.downstream = downstream;
        this.durationNs = durationNs;
    }

    @Override
    public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
        final long exchangeTimeNs)
    {
        handOnFinished(exchangeTimeNs);
        ensure(instrumentId);
        trades++;
        if (!open[instrumentId])
        {
            open[instrumentId] = true;
            startNs[instrumentId] = Math.floorDiv(exchangeTimeNs, durationNs) * durationNs;
            openPrice[instrumentId] = price;
            high[instrumentId] = price;
            low[instrumentId] = price;
            volume[instrumentId] = 0;
            nextEndNs = Math.min(nextEndNs, startNs[instrumentId] + durationNs);
        }
        high[instrumentId] = Math.max(high[instrumentId], price);
        low[instrumentId] = Math.min(low[instrumentId], price);
        close[instrumentId] = price;
        volume[instrumentId] += quantity;
    }

    @Override
    public void quote(final int instrumentId, final long bidPrice, final long bidQuantity, final long askPrice,
        final long askQuantity, final long exchangeTimeNs)
    {
        handOnFinished(exchangeTimeNs);
        downstream.quote(instrumentId, bidPrice, bidQuantity, askPrice, askQuantity, exchangeTimeNs);
    }

    @Override
    public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
        final long volume, final long startTimeNs, final long durationNs)
    {
        downstream.bar(instrumentId, open, high, low, close, volume, startTimeNs, durationNs);
    }

    /** The end of the data: hands on every bar still open, in instrument id order. */
    public void finish()
    {
        handOnFinished(Long.MAX_VALUE);
    }

    /** Bars handed downstream so far. */
    public long bars()
    {
        return bars;
    }

    /** Trades folded into bars so far. */
    public long trades()
    {
        return trades;
    }

    private void handOnFinished(final long nowNs)
    {
        if (nowNs < nextEndNs)
        {
            return;
        }
        long earliest = Long.MAX_VALUE;
        for (int id = 0; id < open.length; id++)
        {
            if (!open[id])
            {
                continue;
            }
            final long endNs = startNs[id] + durationNs;
            if (endNs <= nowNs)
            {
                open[id] = false;
                bars++;
                downstream.bar(id, openPrice[id], high[id], low[id], close[id], volume[id], startNs[id], durationNs);
            }
            else
            {
                earliest = Math.min(earliest, endNs);
            }
        }
        nextEndNs = earliest;
    }

    private void ensure(final int instrumentId)
    {
        if (instrumentId < open.length)
        {
            return;
        }
        final int size = Math.max(instrumentId + 1, open.length * 2);
        open = Arrays.copyOf(open, size);
        startNs = Arrays.copyOf(startNs, size);
        openPrice = Arrays.copyOf(openPrice, size);
        high = Arrays.copyOf(high, size);
        low = Arrays.copyOf(low, size);
        close = Arrays.copyOf(close, size);
        volume = Arrays.copyOf(volume, size);
    }
}
