package io.ringwall.tools.backtest;

import java.util.Arrays;

/**
 * Equity (money units, 1e-4 of the quote currency) sampled after each input, with the input's record
 * time. Grows by doubling; a 10 M input journal costs 160 MB, which a report run can afford.
 */
public final class EquitySeries
{
    private long[] timeNs = new long[1024];
    private long[] equity = new long[1024];
    private int size;

    /** Appends one sample; times must not decrease (journal order). */
    public void add(final long sampleTimeNs, final long equityMoney)
    {
        if (size == timeNs.length)
        {
            timeNs = Arrays.copyOf(timeNs, size * 2);
            equity = Arrays.copyOf(equity, size * 2);
        }
        timeNs[size] = sampleTimeNs;
        equity[size] = equityMoney;
        size++;
    }

    public int size()
    {
        return size;
    }

    public long timeNs(final int index)
    {
        return timeNs[index];
    }

    public long equity(final int index)
    {
        return equity[index];
    }

    /** @return the mean of the samples in money units, 0 for an empty series. */
    public double averageEquity()
    {
        double sum = 0;
        for (int i = 0; i < size; i++)
        {
            sum += equity[i];
        }
        return size == 0 ? 0 : sum / size;
    }

    /**
     * Drawdown of each sample below the running peak, as a fraction of that peak (0 at a new high).
     * The running peak starts at {@code startEquity}, the equity before the first input.
     */
    public double[] drawdownFractions(final long startEquity)
    {
        final double[] drawdown = new double[size];
        long peak = startEquity;
        for (int i = 0; i < size; i++)
        {
            peak = Math.max(peak, equity[i]);
            drawdown[i] = peak <= 0 ? 0 : (double)(peak - equity[i]) / peak;
        }
        return drawdown;
    }

    /**
     * Indices of at most about {@code maxPoints} samples that keep the curve's shape: the series is cut
     * into {@code maxPoints / 2} buckets and each keeps its lowest and highest sample in time order, so
     * troughs and peaks (and so the drawdowns) survive. The first and last samples are always kept.
     */
    public int[] downsampleIndices(final int maxPoints)
    {
        if (size <= maxPoints)
        {
            final int[] all = new int[size];
            Arrays.setAll(all, i -> i);
            return all;
        }
        final int buckets = Math.max(1, (maxPoints - 2) / 2);
        final int[] kept = new int[buckets * 2 + 2];
        int count = 0;
        kept[count++] = 0;
        for (int b = 0; b < buckets; b++)
        {
            final int from = 1 + (int)((long)(size - 2) * b / buckets);
            final int to = 1 + (int)((long)(size - 2) * (b + 1) / buckets);
            if (from >= to)
            {
                continue;
            }
            int low = from;
            int high = from;
            for (int i = from; i < to; i++)
            {
                low = equity[i] < equity[low] ? i : low;
                high = equity[i] > equity[high] ? i : high;
            }
            kept[count++] = Math.min(low, high);
            if (low != high)
            {
                kept[count++] = Math.max(low, high);
            }
        }
        kept[count++] = size - 1;
        return Arrays.copyOf(kept, count);
    }
}
