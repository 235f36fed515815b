package io.ringwall.tools.backtest;

import java.util.Arrays;

/**
 * Equity at the last input of each UTC calendar day. Days inside the data's span on which no input
 * arrived carry the previous day's close (equity did not change without an input), so the series has
 * one close per calendar day, which is what annualising with 365 periods a year assumes.
 *
 * <p>The validation tools measure shorter periods (an hour) the same way: {@link #DailyCloses(long)}.
 */
public final class DailyCloses
{
    static final long DAY_NS = 86_400_000_000_000L;

    private final long periodNs;
    private long[] closes = new long[64];
    private int days;
    private long currentDay = Long.MIN_VALUE;
    private long currentClose;

    /** Closes of UTC calendar days. */
    public DailyCloses()
    {
        this(DAY_NS);
    }

    /** @param periodNs the period's length; periods are aligned on the epoch (a day: UTC midnight). */
    public DailyCloses(final long periodNs)
    {
        if (periodNs <= 0)
        {
            throw new IllegalArgumentException("period " + periodNs + " ns is not positive");
        }
        this.periodNs = periodNs;
    }

    /** Takes the equity after one input; inputs come in time order. */
    public void add(final long timeNs, final long equity)
    {
        final long day = Math.floorDiv(timeNs, periodNs);
        if (currentDay != Long.MIN_VALUE && day > currentDay)
        {
            for (long d = currentDay; d < day; d++)
            {
                push(currentClose);
            }
        }
        currentDay = day;
        currentClose = equity;
    }

    /** @return one close per calendar day from the first input's day to the last input's day. */
    public long[] closes()
    {
        if (currentDay == Long.MIN_VALUE)
        {
            return new long[0];
        }
        final long[] all = Arrays.copyOf(closes, days + 1);
        all[days] = currentClose;
        return all;
    }

    /**
     * Simple daily returns: the first day's is measured from {@code startEquity} (the equity before the
     * first input), each later one from the previous day's close.
     */
    public double[] returns(final long startEquity)
    {
        final long[] all = closes();
        final double[] returns = new double[all.length];
        long previous = startEquity;
        for (int i = 0; i < all.length; i++)
        {
            returns[i] = previous == 0 ? 0 : (double)(all[i] - previous) / previous;
            previous = all[i];
        }
        return returns;
    }

    private void push(final long close)
    {
        if (days == closes.length)
        {
            closes = Arrays.copyOf(closes, days * 2);
        }
        closes[days++] = close;
    }
}
