package io.ringwall.tools.readiness;

import java.nio.file.Path;

import io.ringwall.tools.backtest.BacktestReport;

/**
 * What an assessment reads; a null field is an input not given (or not found), which the assessment names as work
 * to do.
 *
 * @param backtest    the backtest report JSON ({@code ringwall backtest}).
 * @param walkForward the walk-forward report JSON ({@code ringwall validate walk-forward}).
 * @param monteCarlo  the Monte Carlo report JSON ({@code ringwall validate monte-carlo}).
 * @param paper       the paper session's figures, recomputed from its journals.
 * @param paperDir    the paper session directory, for the report.
 * @param shadow      the shadow session's figures.
 */
public record ReadinessInputs(JsonTree backtest, JsonTree walkForward, JsonTree monteCarlo, BacktestReport paper,
    Path paperDir, ShadowFigures shadow)
{
    /**
     * A shadow session's figures, from the shadow-report.json that {@code ringwall shadow-report} writes.
     *
     * @param alignment        share of signals and fills aligned with the live strategy's.
     * @param executionQuality execution quality score, a fraction.
     */
    public record ShadowFigures(double alignment, double executionQuality)
    {
    }
}
