package io.ringwall.tools.backtest;

/**
 * Sharpe and Sortino ratios of periodic simple returns, annualised by the square root of the periods in
 * a year. Risk-free rate and target return are 0. StrictMath keeps the figures identical on every JVM.
 *
 * <p>Conventions: Sharpe = mean / sample standard deviation (n - 1) x sqrt(periodsPerYear). Sortino =
 * mean / downside deviation x sqrt(periodsPerYear), where the downside deviation is
 * sqrt(sum(min(r, 0)^2) / n) over ALL n periods (positive periods count as zero shortfall; Sortino and
 * Price's target semideviation), not only over the losing ones.
 *
 * <p>An undefined ratio is {@code null}, never 0 or infinity: fewer than two periods, a zero standard
 * deviation (Sharpe) or no losing period (Sortino). 0 would read as "no edge"; null says "cannot tell".
 */
public final class RiskAdjustedReturns
{
    private RiskAdjustedReturns()
    {
    }

    public static Double sharpe(final double[] returns, final int periodsPerYear)
    {
        if (returns.length < 2)
        {
            return null;
        }
        final double mean = mean(returns);
        double squares = 0;
        for (final double r : returns)
        {
            squares += (r - mean) * (r - mean);
        }
        final double deviation = StrictMath.sqrt(squares / (returns.length - 1));
        return deviation == 0 ? null : mean / deviation * StrictMath.sqrt(periodsPerYear);
    }

    public static Double sortino(final double[] returns, final int periodsPerYear)
    {
        if (returns.length < 2)
        {
            return null;
        }
        double shortfall = 0;
        for (final double r : returns)
        {
            shortfall += r < 0 ? r * r : 0;
        }
        final double downside = StrictMath.sqrt(shortfall / returns.length);
        return downside == 0 ? null : mean(returns) / downside * StrictMath.sqrt(periodsPerYear);
    }

    private static double mean(final double[] returns)
    {
        double sum = 0;
        for (final double r : returns)
        {
            sum += r;
        }
        return sum / returns.length;
    }
}
