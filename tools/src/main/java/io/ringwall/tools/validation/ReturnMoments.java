package io.ringwall.tools.validation;

/**
 * The moments of a return series that the Sharpe statistics need: count, mean, sample standard deviation,
 * skewness and kurtosis (the plain fourth standardised moment, 3 for a normal distribution), all per period.
 * Skewness and kurtosis are the population (biased) moments, as Bailey and López de Prado use them.
 */
public record ReturnMoments(int count, double mean, double deviation, double skewness, double kurtosis)
{
    public static ReturnMoments of(final double[] returns)
    {
        final int n = returns.length;
        if (n == 0)
        {
            return new ReturnMoments(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (final double r : returns)
        {
            sum += r;
        }
        final double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (final double r : returns)
        {
            final double d = r - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        final double deviation = n < 2 ? Double.NaN : StrictMath.sqrt(m2 * n / (n - 1));
        final double skewness = m2 == 0 ? Double.NaN : m3 / StrictMath.pow(m2, 1.5);
        final double kurtosis = m2 == 0 ? Double.NaN : m4 / (m2 * m2);
        return new ReturnMoments(n, mean, deviation, skewness, kurtosis);
    }

    /** @return mean over sample deviation, per period; NaN when undefined (fewer than 2 returns, no variation). */
    public double sharpePerPeriod()
    {
        return count < 2 || !(deviation > 0) ? Double.NaN : mean / deviation;
    }

    /**
     * The deflated Sharpe ratio of this series, selected as the best of {@code trials} whose per-period Sharpe
     * ratios vary by {@code sharpeVariance}; NaN when a figure it needs is undefined.
     */
    public double deflatedSharpe(final int trials, final double sharpeVariance)
    {
        final double sharpe = sharpePerPeriod();
        if (Double.isNaN(sharpe) || Double.isNaN(skewness) || trials < 2 || !(sharpeVariance >= 0))
        {
            return Double.NaN;
        }
        try
        {
            return SharpeStatistics.deflatedSharpe(sharpe, count, skewness, kurtosis, trials, sharpeVariance);
        }
        catch (final IllegalArgumentException undefined)
        {
            // moments that make the estimate's variance non-positive: no DSR for this series
            return Double.NaN;
        }
    }

    /** @return the sample variance of the finite values; NaN with fewer than 2. */
    public static double varianceOf(final double[] values)
    {
        int n = 0;
        double sum = 0;
        for (final double v : values)
        {
            if (Double.isFinite(v))
            {
                n++;
                sum += v;
            }
        }
        if (n < 2)
        {
            return Double.NaN;
        }
        final double mean = sum / n;
        double squares = 0;
        for (final double v : values)
        {
            if (Double.isFinite(v))
            {
                squares += (v - mean) * (v - mean);
            }
        }
        return squares / (n - 1);
    }
}
