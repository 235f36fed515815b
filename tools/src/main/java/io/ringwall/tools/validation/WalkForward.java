package io.ringwall.tools.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.tools.backtest.BacktestReport;

/**
 * Walk-forward validation: for each window, every grid point is backtested on the training slice and the one
 * with the best Sharpe ratio is taken to the test slice that follows. Every grid point is also run on every
 * test slice, which gives the grid's per-window performance matrix the probability of backtest overfitting
 * (CSCV) is computed from; the chosen point's test run is read from that matrix, not run again.
 *
 * <p>An undefined Sharpe ratio (a flat equity: nothing traded, or fewer than two periods) counts as 0, both
 * when choosing (it ranks with a zero Sharpe, below any positive one) and in the averages. Ties go to the
 * earlier grid point, so the choice is the same on every run.
 */
public final class WalkForward
{
    private WalkForward()
    {
    }

    /**
     * Runs the walk-forward.
     *
     * @param base the configuration every run starts from; only its strategy is replaced, by each grid point's.
     */
    public static WalkForwardResult run(final RecordedMarketData data, final LogicConfig base, final StrategyGrid grid,
        final List<WalkForwardWindows.Window> windows, final BatchBacktester batch,
        final BatchBacktester.Progress progress)
    {
        final int points = grid.size();
        final List<BatchBacktester.Job> jobs = new ArrayList<>(2 * windows.size() * points);
        for (final WalkForwardWindows.Window window : windows)
        {
            for (int g = 0; g < points; g++)
            {
                jobs.add(new BatchBacktester.Job("window " + window.index() + " train " + grid.describe(g),
                    withStrategy(base, grid.spec(g)), data.slice(window.trainFromNs(), window.trainToNs())));
            }
        }
        for (final WalkForwardWindows.Window window : windows)
        {
            for (int g = 0; g < points; g++)
            {
                jobs.add(new BatchBacktester.Job("window " + window.index() + " test " + grid.describe(g),
                    withStrategy(base, grid.spec(g)), data.slice(window.testFromNs(), window.testToNs())));
            }
        }
        final List<BacktestReport> reports = batch.run(jobs, progress);
        final int testOffset = windows.size() * points;
        final List<WalkForwardResult.WindowResult> results = new ArrayList<>(windows.size());
        final double[][] testReturns = new double[windows.size()][points];
        for (final WalkForwardWindows.Window window : windows)
        {
            final int w = window.index();
            final List<BacktestReport> train = reports.subList(w * points, (w + 1) * points);
            final List<BacktestReport> test = reports.subList(testOffset + w * points, testOffset + (w + 1) * points);
            final int best = bestBySharpe(train);
            for (int g = 0; g < points; g++)
            {
                testReturns[w][g] = totalReturn(test.get(g));
            }
            final ReturnMoments chosenInSample = ReturnMoments.of(train.get(best).periodReturns());
            final double inSampleDsr = chosenInSample.deflatedSharpe(points, sharpeVarianceOf(train));
            results.add(new WalkForwardResult.WindowResult(window, best, grid.describe(best), train.get(best),
                test.get(best), inSampleDsr));
        }
        return new WalkForwardResult(grid.size(), results, stitchedOutOfSampleDsr(reports, testOffset, windows.size(),
            points, results), overfitting(testReturns));
    }

    /** @return the index of the highest Sharpe (undefined = 0), the first of equals. */
    static int bestBySharpe(final List<BacktestReport> reports)
    {
        int best = 0;
        for (int g = 1; g < reports.size(); g++)
        {
            if (sharpeOrZero(reports.get(g)) > sharpeOrZero(reports.get(best)))
            {
                best = g;
            }
        }
        return best;
    }

    static double sharpeOrZero(final BacktestReport report)
    {
        return report.sharpe() == null ? 0 : report.sharpe();
    }

    /** @return 1 - OOS / IS; NaN when the in-sample figure is not positive (degradation of nothing). */
    public static double degradation(final double inSample, final double outOfSample)
    {
        return inSample > 0 ? 1 - outOfSample / inSample : Double.NaN;
    }

    static LogicConfig withStrategy(final LogicConfig base, final String spec)
    {
        return new LogicConfig(base.instruments(), List.of(spec), base.initialCash(), base.maxWorkingOrders(),
            base.risk(), base.breakers(), base.market(), base.statusTimeouts());
    }

    private static double totalReturn(final BacktestReport report)
    {
        return report.totalReturn() == null ? 0 : report.totalReturn();
    }

    private static double sharpeVarianceOf(final List<BacktestReport> trials)
    {
        final double[] sharpes = new double[trials.size()];
        for (int g = 0; g < sharpes.length; g++)
        {
            sharpes[g] = ReturnMoments.of(trials.get(g).periodReturns()).sharpePerPeriod();
        }
        return ReturnMoments.varianceOf(sharpes);
    }

    /**
     * The DSR of the chosen points' test returns stitched end to end, as the best of the grid's trials: the
     * variance is that of each grid point's own stitched test returns' Sharpe ratios.
     */
    private static double stitchedOutOfSampleDsr(final List<BacktestReport> reports, final int testOffset,
        final int windows, final int points, final List<WalkForwardResult.WindowResult> results)
    {
        final double[] sharpes = new double[points];
        for (int g = 0; g < points; g++)
        {
            double[] stitched = new double[0];
            for (int w = 0; w < windows; w++)
            {
                stitched = concat(stitched, reports.get(testOffset + w * points + g).periodReturns());
            }
            sharpes[g] = ReturnMoments.of(stitched).sharpePerPeriod();
        }
        double[] chosen = new double[0];
        for (final WalkForwardResult.WindowResult window : results)
        {
            chosen = concat(chosen, window.outOfSample().periodReturns());
        }
        return ReturnMoments.of(chosen).deflatedSharpe(points, ReturnMoments.varianceOf(sharpes));
    }

    /** PBO over the windows' test returns; NaN with fewer than 2 windows or 2 grid points. */
    private static double overfitting(final double[][] testReturns)
    {
        final int windows = testReturns.length;
        final int blocks = Math.min(16, windows - windows % 2);
        if (blocks < 2 || testReturns[0].length < 2)
        {
            return Double.NaN;
        }
        return BacktestOverfitting.estimate(testReturns, blocks).probability();
    }

    private static double[] concat(final double[] a, final double[] b)
    {
        final double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
