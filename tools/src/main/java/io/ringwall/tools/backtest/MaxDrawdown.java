package io.ringwall.tools.backtest;

/**
 * The deepest peak-to-trough fall of an equity series, fed one sample at a time. The fraction and
 * the money figure are each the worst of their own kind, so they may come from different peaks (a
 * small early fall can be the deepest in percent while a later one loses more money).
 */
public final class MaxDrawdown
{
    private long peak;
    private long maxMoney;
    private double maxFraction;

    /** @param startEquity the equity before the first sample, the first peak. */
    public MaxDrawdown(final long startEquity)
    {
        peak = startEquity;
    }

    public void add(final long equity)
    {
        if (equity > peak)
        {
            peak = equity;
            return;
        }
        final long fall = peak - equity;
        maxMoney = Math.max(maxMoney, fall);
        if (peak > 0)
        {
            maxFraction = Math.max(maxFraction, (double)fall / peak);
        }
    }

    /** @return the largest fall below a running peak in money units (1e-4 of the quote currency), >= 0. */
    public long maxMoney()
    {
        return maxMoney;
    }

    /** @return the largest fall below a running peak as a fraction of that peak, in [0, 1] while equity stays >= 0. */
    public double maxFraction()
    {
        return maxFraction;
    }
}
