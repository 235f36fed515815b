package io.ringwall.engine.logic;

import io.ringwall.engine.Fixed;

import static io.ringwall.engine.config.RiskLimits.PPM;

/**
 * High and low trade price per instrument over a rolling window, for the market-move breaker, without
 * allocating: the window is cut into {@link #BUCKETS} time buckets each holding its own high and low, so
 * the range covers the current bucket and the {@code BUCKETS - 1} before it (between
 * {@code window * (BUCKETS - 1) / BUCKETS} and {@code window} of history). The window's high and low are
 * recomputed over the buckets only when a new bucket starts; inside a bucket a price can only widen them.
 */
final class PriceRangeWindow
{
    static final int BUCKETS = 32;

    private final long bucketNs;
    private final long[] bucket;
    private final long[] high;
    private final long[] low;
    private final long[] currentBucket;
    private final long[] windowHigh;
    private final long[] windowLow;

    PriceRangeWindow(final int instruments, final long windowNs)
    {
        bucketNs = Math.max(1, windowNs / BUCKETS);
        bucket = new long[instruments * BUCKETS];
        high = new long[instruments * BUCKETS];
        low = new long[instruments * BUCKETS];
        currentBucket = new long[instruments];
        windowHigh = new long[instruments];
        windowLow = new long[instruments];
        clear();
    }

    void onPrice(final int instrumentId, final long price, final long nowNs)
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
        if (current != currentBucket[instrumentId])
        {
            currentBucket[instrumentId] = current;
            recompute(instrumentId, current);
        }
        else
        {
            windowHigh[instrumentId] = Math.max(windowHigh[instrumentId], price);
            windowLow[instrumentId] = Math.min(windowLow[instrumentId], price);
        }
    }

    /** @return whether (high - low) / low inside the window is at least {@code thresholdPpm}. */
    boolean movedAtLeast(final int instrumentId, final long thresholdPpm)
    {
        return Fixed.productAtLeast(windowHigh[instrumentId] - windowLow[instrumentId], PPM, thresholdPpm,
            windowLow[instrumentId]);
    }

    /** @return (high - low) / low inside the window, ppm. */
    long movePpm(final int instrumentId)
    {
        return Fixed.mulDiv(windowHigh[instrumentId] - windowLow[instrumentId], PPM, windowLow[instrumentId]);
    }

    void clear()
    {
        java.util.Arrays.fill(bucket, Long.MIN_VALUE);
        java.util.Arrays.fill(currentBucket, Long.MIN_VALUE);
        java.util.Arrays.fill(windowHigh, 0);
        java.util.Arrays.fill(windowLow, Long.MAX_VALUE);
    }

    private void recompute(final int instrumentId, final long current)
    {
        long rangeHigh = 0;
        long rangeLow = Long.MAX_VALUE;
        final int base = instrumentId * BUCKETS;
        for (int i = base; i < base + BUCKETS; i++)
        {
            if (bucket[i] > current - BUCKETS && bucket[i] <= current)
            {
                rangeHigh = Math.max(rangeHigh, high[i]);
                rangeLow = Math.min(rangeLow, low[i]);
            }
        }
        windowHigh[instrumentId] = rangeHigh;
        windowLow[instrumentId] = rangeLow;
    }

    /** Checkpoints: buckets and the window's current high and low, verbatim. */
    void writeState(final StateCursor cursor)
    {
        cursor.putLongs(bucket);
        cursor.putLongs(high);
        cursor.putLongs(low);
        cursor.putLongs(currentBucket);
        cursor.putLongs(windowHigh);
        cursor.putLongs(windowLow);
    }

    void readState(final StateCursor cursor)
    {
        cursor.getLongs(bucket);
        cursor.getLongs(high);
        cursor.getLongs(low);
        cursor.getLongs(currentBucket);
        cursor.getLongs(windowHigh);
        cursor.getLongs(windowLow);
    }
}
