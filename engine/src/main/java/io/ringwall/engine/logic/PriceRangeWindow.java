package io.ringwall.engine.logic;

import io.ringwall.engine.Fixed;

import static io.ringwall.engine.config.RiskLimits.PPM;

/**
 * High and low trade price per instrument over a rolling window, for the market-move breaker, without
 * allocating: the window is cut into {@link #BUCKETS} time buckets each holding its own high and low, so
 * the range covers the current bucket and the {@code BUCKETS - 1} before it (between
 * {@code window * (BUCKETS - 1) / BUCKETS} and {@code window} of history).
 */
final class PriceRangeWindow
{
    static final int BUCKETS = 32;

    private final long bucketNs;
    private final long[] bucket;
    private final long[] high;
    private final long[] low;

    PriceRangeWindow(final int instruments, final long windowNs)
    {
        bucketNs = Math.max(1, windowNs / BUCKETS);
        bucket = new long[instruments * BUCKETS];
        high = new long[instruments * BUCKETS];
        low = new long[instruments * BUCKETS];
        clear();
    }

    /**
     * Adds a price and returns the instrument's move inside the window: (high - low) / low in ppm.
     */
    long onPrice(final int instrumentId, final long price, final long nowNs)
    {
        final long current = Math.floorDiv(nowNs, bucketNs);
        final int base = instrumentId * BUCKETS;
        final int slot = base + (int)Math.floorMod(current, (long)BUCKETS);
        if (bucket[slot] != current)
        {
            bucket[slot] = current;
            high[slot] = price;
            low[slot] = price;
        }
        else
        {
            high[slot] = Math.max(high[slot], price);
            low[slot] = Math.min(low[slot], price);
        }
        long windowHigh = price;
        long windowLow = price;
        for (int i = base; i < base + BUCKETS; i++)
        {
            if (bucket[i] > current - BUCKETS && bucket[i] <= current)
            {
                windowHigh = Math.max(windowHigh, high[i]);
                windowLow = Math.min(windowLow, low[i]);
            }
        }
        return Fixed.mulDiv(windowHigh - windowLow, PPM, windowLow);
    }

    void clear()
    {
        java.util.Arrays.fill(bucket, Long.MIN_VALUE);
    }
}
