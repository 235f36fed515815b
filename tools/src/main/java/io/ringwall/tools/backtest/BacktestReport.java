package io.ringwall.tools.backtest;

import java.util.List;

/**
 * The figures of one session, recomputed from its journal. Units: money in 1e-4 of the quote currency
 * ({@code *Money}), quantity in 1e-8 of the base unit ({@code *Quantity}), returns and fractions as plain
 * ratios (0.05 = 5 %). A {@code Double} is {@code null} when the figure is undefined for this session
 * (see each component); the JSON writes null and the text "n/a".
 *
 * @param strategies            the strategy specs from the session manifest.
 * @param start                 record time of the first input, ISO-8601 UTC; null without inputs.
 * @param end                   record time of the last input, ISO-8601 UTC; null without inputs.
 * @param inputs                inputs replayed.
 * @param elapsedDays           end - start in days (86,400 s).
 * @param initialEquityMoney    equity before the first input (the configured initial cash).
 * @param finalEquityMoney      equity after the last input.
 * @param totalReturn           final / initial - 1; null when the initial equity is not positive.
 * @param annualisedReturn      (1 + total)^(365.25 days / elapsed) - 1; null when no time elapsed.
 * @param periodsPerYear        daily periods per year used to annualise Sharpe and Sortino.
 * @param dailyPeriods          UTC calendar days in the data (daily returns measured).
 * @param sharpe                annualised, from daily returns; see {@link RiskAdjustedReturns}.
 * @param sortino               annualised, from daily returns; see {@link RiskAdjustedReturns}.
 * @param maxDrawdownFraction   deepest fall below a running peak, fraction of the peak (per-input equity).
 * @param maxDrawdownMoney      largest fall below a running peak in money (per-input equity).
 * @param fills                 OrderFilled inputs (the trades).
 * @param closingFills          fills against an open position; see {@link TradeTally}.
 * @param winningClosingFills   closing fills that realised a gain.
 * @param winRate               winning / closing fills; null without closing fills.
 * @param tradedNotionalMoney   sum of price x quantity over fills.
 * @param turnover              traded notional / average per-input equity; null when that average is not positive.
 * @param feesMoney             sum of the fills' fees.
 * @param costBps               fees / traded notional x 10,000; null without fills.
 * @param realizedPnlMoney      realised PnL at the end, gross of fees.
 * @param ordersSent            NewOrder frames in journal "out".
 * @param orderedQuantity       sum of their quantities.
 * @param filledQuantity        sum of the fills' quantities.
 * @param fillRate              filled / ordered quantity; null when nothing was ordered.
 * @param venueRejects          OrderRejected inputs.
 * @param cancels               OrderCancelled inputs.
 * @param attention             why the session did not trade as expected, in plain words (breaker trips, no
 *                              orders); shown first in the text and the JSON; empty when nothing needs saying.
 * @param periodReturns         the simple return of each period Sharpe and Sortino are measured on (daily for the
 *                              backtest report): PSR and DSR need their count, skewness and kurtosis.
 */
public record BacktestReport(
    List<String> strategies,
    String start,
    String end,
    long inputs,
    double elapsedDays,
    long initialEquityMoney,
    long finalEquityMoney,
    Double totalReturn,
    Double annualisedReturn,
    int periodsPerYear,
    int dailyPeriods,
    Double sharpe,
    Double sortino,
    double maxDrawdownFraction,
    long maxDrawdownMoney,
    long fills,
    long closingFills,
    long winningClosingFills,
    Double winRate,
    long tradedNotionalMoney,
    Double turnover,
    long feesMoney,
    Double costBps,
    long realizedPnlMoney,
    long ordersSent,
    long orderedQuantity,
    long filledQuantity,
    Double fillRate,
    long venueRejects,
    long cancels,
    List<String> attention,
    double[] periodReturns)
{
    public BacktestReport
    {
        strategies = List.copyOf(strategies);
        attention = List.copyOf(attention);
        periodReturns = periodReturns.clone();
    }

    /** @return a copy of the period returns. */
    @Override
    public double[] periodReturns()
    {
        return periodReturns.clone();
    }

    public BacktestReport withAttention(final List<String> lines)
    {
        return new BacktestReport(strategies, start, end, inputs, elapsedDays, initialEquityMoney, finalEquityMoney,
            totalReturn, annualisedReturn, periodsPerYear, dailyPeriods, sharpe, sortino, maxDrawdownFraction,
            maxDrawdownMoney, fills, closingFills, winningClosingFills, winRate, tradedNotionalMoney, turnover,
            feesMoney, costBps, realizedPnlMoney, ordersSent, orderedQuantity, filledQuantity, fillRate, venueRejects,
            cancels, lines, periodReturns);
    }
}
