package io.ringwall.tools.validation;

import java.util.ArrayList;
import java.util.List;

import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.tools.backtest.BacktestReport;

/**
 * Parameter sensitivity: every point of a grid around the chosen parameters is backtested on the same data, and a
 * cliff is flagged where a step to a neighbouring point (one axis, one value along) loses more than a share of
 * the Sharpe ratio: (S_point - S_neighbour) / |S_point| > cliff. A strategy whose result sits on a cliff edge is
 * fitted to the grid, not to the market. Undefined Sharpe ratios count as 0, as in the walk-forward.
 */
public final class Sensitivity
{
    /** A step from a point to a neighbour that loses more than the cliff share of its Sharpe. */
    public record Cliff(int fromPoint, int toPoint, double fromSharpe, double toSharpe, double drop)
    {
    }

    /** @param reports one per grid point, in grid order. */
    public record Result(StrategyGrid grid, List<BacktestReport> reports, double cliffShare, List<Cliff> cliffs)
    {
        public Result
        {
            reports = List.copyOf(reports);
            cliffs = List.copyOf(cliffs);
        }

        public double sharpe(final int point)
        {
            return WalkForward.sharpeOrZero(reports.get(point));
        }
    }

    private Sensitivity()
    {
    }

    public static Result run(final MarketDataSource data, final LogicConfig base, final StrategyGrid grid,
        final double cliffShare, final BatchBacktester batch, final BatchBacktester.Progress progress)
    {
        final List<BatchBacktester.Job> jobs = new ArrayList<>(grid.size());
        for (int g = 0; g < grid.size(); g++)
        {
            jobs.add(new BatchBacktester.Job(grid.describe(g), WalkForward.withStrategy(base, grid.spec(g)), data));
        }
        final List<BacktestReport> reports = batch.run(jobs, progress);
        final double[] sharpes = reports.stream().mapToDouble(WalkForward::sharpeOrZero).toArray();
        return new Result(grid, reports, cliffShare, cliffs(grid, sharpes, cliffShare));
    }

    /** Every step from a point to a neighbour that drops by more than {@code cliffShare}: by point in grid order, then axis, then the step down before the step up. */
    static List<Cliff> cliffs(final StrategyGrid grid, final double[] sharpes, final double cliffShare)
    {
        final List<Cliff> cliffs = new ArrayList<>();
        for (int point = 0; point < grid.size(); point++)
        {
            final double from = sharpes[point];
            if (from == 0)
            {
                continue;
            }
            final int[] coordinates = grid.coordinates(point);
            for (int axis = 0; axis < coordinates.length; axis++)
            {
                for (final int step : new int[] {-1, 1})
                {
                    final int along = coordinates[axis] + step;
                    if (along < 0 || along >= grid.axes().get(axis).values().size())
                    {
                        continue;
                    }
                    final int[] neighbour = coordinates.clone();
                    neighbour[axis] = along;
                    final int to = grid.point(neighbour);
                    final double drop = (from - sharpes[to]) / Math.abs(from);
                    if (drop > cliffShare)
                    {
                        cliffs.add(new Cliff(point, to, from, sharpes[to], drop));
                    }
                }
            }
        }
        return cliffs;
    }
}
