package io.ringwall.tools.validation;

import java.util.List;

import io.ringwall.tools.backtest.BacktestReport;

/**
 * What a walk-forward found.
 *
 * @param gridSize           grid points tried in each window (the trials of the DSR).
 * @param windows            one result per window, in time order.
 * @param outOfSampleDsr     deflated Sharpe ratio of the stitched test returns (probability); NaN when undefined.
 * @param overfitProbability PBO by CSCV over the grid's per-window test returns; NaN when undefined.
 */
public record WalkForwardResult(int gridSize, List<WindowResult> windows, double outOfSampleDsr,
    double overfitProbability)
{
    public WalkForwardResult
    {
        windows = List.copyOf(windows);
    }

    /**
     * @param window        the slices.
     * @param chosenPoint   the grid point with the best training Sharpe.
     * @param parameters    its parameters, "fast=10 slow=200".
     * @param inSample      its training run.
     * @param outOfSample   its test run.
     * @param inSampleDsr   DSR of its training Sharpe as the best of the grid; NaN when undefined.
     */
    public record WindowResult(WalkForwardWindows.Window window, int chosenPoint, String parameters,
        BacktestReport inSample, BacktestReport outOfSample, double inSampleDsr)
    {
        public double inSampleSharpe()
        {
            return WalkForward.sharpeOrZero(inSample);
        }

        public double outOfSampleSharpe()
        {
            return WalkForward.sharpeOrZero(outOfSample);
        }

        public double degradation()
        {
            return WalkForward.degradation(inSampleSharpe(), outOfSampleSharpe());
        }
    }

    public double averageInSampleSharpe()
    {
        return windows.stream().mapToDouble(WindowResult::inSampleSharpe).average().orElse(Double.NaN);
    }

    public double averageOutOfSampleSharpe()
    {
        return windows.stream().mapToDouble(WindowResult::outOfSampleSharpe).average().orElse(Double.NaN);
    }

    /** 1 - average OOS Sharpe / average IS Sharpe; NaN when the IS average is not positive. */
    public double degradation()
    {
        return WalkForward.degradation(averageInSampleSharpe(), averageOutOfSampleSharpe());
    }
}
