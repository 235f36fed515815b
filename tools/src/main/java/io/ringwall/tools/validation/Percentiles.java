package io.ringwall.tools.validation;

import java.util.Arrays;

/**
 * Percentiles of a sample by the nearest-rank rule: the p-th percentile of n values is the ceil(p/100 x n)-th
 * smallest (the smallest for p = 0). Every figure it gives is one of the values, so a hand count checks it.
 */
public final class Percentiles
{
    private Percentiles()
    {
    }

    /** @return the percentile, NaN for an empty sample; NaN values sort last. */
    public static double of(final double[] values, final double percent)
    {
        if (!(percent >= 0 && percent <= 100))
        {
            throw new IllegalArgumentException("percentile " + percent + " is not in [0, 100]");
        }
        if (values.length == 0)
        {
            return Double.NaN;
        }
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int rank = (int)Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** @return the share of values at or above {@code threshold}, NaN for an empty sample. */
    public static double shareAtLeast(final double[] values, final double threshold)
    {
        if (values.length == 0)
        {
            return Double.NaN;
        }
        int count = 0;
        for (final double value : values)
        {
            if (value >= threshold)
            {
                count++;
            }
        }
        return (double)count / values.length;
    }
}
