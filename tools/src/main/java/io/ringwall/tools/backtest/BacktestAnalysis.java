package io.ringwall.tools.backtest;

/**
 * What one analysis yields: the figures, and the per-input equity series the picture is drawn from.
 *
 * @param report the figures.
 * @param equity equity after each input, in journal order.
 */
public record BacktestAnalysis(BacktestReport report, EquitySeries equity)
{
}
