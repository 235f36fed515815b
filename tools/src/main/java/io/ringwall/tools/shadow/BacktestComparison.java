package io.ringwall.tools.shadow;

import java.nio.file.Path;
import java.util.List;

import io.ringwall.tools.backtest.BacktestAnalyzer;
import io.ringwall.tools.backtest.ProgressListener;
import io.ringwall.tools.readiness.JsonTree;

/**
 * {@code shadow-report --against-backtest REPORT}: the shadow session's daily returns (measured as a backtest
 * measures them, {@link BacktestAnalyzer}) against the backtest report's {@code returns.periodReturns}, period by
 * period from the first of each: their Pearson correlation, and the dynamic-time-warping distance between the two
 * equity curves those returns compound to (each starting at 1; absolute differences, no window).
 *
 * @param periods the periods compared: the shorter of the two series.
 */
public record BacktestComparison(int periods, double correlation, double dtwDistance)
{
    /**
     * @throws IllegalArgumentException when the report has no {@code returns.periodReturns}.
     */
    public static BacktestComparison of(final Path session, final Path backtestReport)
    {
        final Object returns = JsonTree.read(backtestReport).at("returns.periodReturns");
        if (!(returns instanceof List<?> list))
        {
            throw new IllegalArgumentException(backtestReport + " has no returns.periodReturns (a backtest-report.json " +
                "of 'ringwall backtest' has)");
        }
        final double[] backtest = list.stream().mapToDouble(v -> v instanceof Number n ? n.doubleValue() : Double.NaN)
            .toArray();
        final double[] live = new BacktestAnalyzer().analyze(session, ProgressListener.NONE).report().periodReturns();
        return of(live, backtest);
    }

    public static BacktestComparison of(final double[] live, final double[] backtest)
    {
        final int n = Math.min(live.length, backtest.length);
        return new BacktestComparison(n, correlation(live, backtest, n), dtw(equity(live), equity(backtest)));
    }

    /** @return Pearson's correlation of the first {@code n} values; NaN for fewer than 2 or a constant series. */
    static double correlation(final double[] a, final double[] b, final int n)
    {
        if (n < 2)
        {
            return Double.NaN;
        }
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++)
        {
            meanA += a[i] / n;
            meanB += b[i] / n;
        }
        double covariance = 0;
        double varianceA = 0;
        double varianceB = 0;
        for (int i = 0; i < n; i++)
        {
            covariance += (a[i] - meanA) * (b[i] - meanB);
            varianceA += (a[i] - meanA) * (a[i] - meanA);
            varianceB += (b[i] - meanB) * (b[i] - meanB);
        }
        return varianceA == 0 || varianceB == 0 ? Double.NaN : covariance / Math.sqrt(varianceA * varianceB);
    }

    /** @return the curve 1, (1 + r1), (1 + r1)(1 + r2), ... */
    static double[] equity(final double[] returns)
    {
        final double[] curve = new double[returns.length + 1];
        curve[0] = 1;
        for (int i = 0; i < returns.length; i++)
        {
            curve[i + 1] = curve[i] * (1 + returns[i]);
        }
        return curve;
    }

    /** @return the classic dynamic-time-warping distance with |a - b| as the cost, O(n x m) time, O(m) memory. */
    static double dtw(final double[] a, final double[] b)
    {
        double[] previous = new double[b.length + 1];
        double[] current = new double[b.length + 1];
        java.util.Arrays.fill(previous, Double.POSITIVE_INFINITY);
        previous[0] = 0;
        for (int i = 1; i <= a.length; i++)
        {
            current[0] = Double.POSITIVE_INFINITY;
            for (int j = 1; j <= b.length; j++)
            {
                current[j] = Math.abs(a[i - 1] - b[j - 1]) +
                    Math.min(previous[j - 1], Math.min(previous[j], current[j - 1]));
            }
            final double[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
