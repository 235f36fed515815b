package io.ringwall.tools.validation;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Monte Carlo over a run's trade sequence ({@link io.ringwall.tools.backtest.SessionFigures#tradePnls}): each run
 * draws a new sequence, by the bootstrap (n trades drawn with replacement) or by a shuffle (the same trades in a
 * random order), and measures the path it makes from the initial equity. Run i draws from its own generator,
 * seeded from the seed and i, so a run's outcome does not depend on how many runs there are or who runs them.
 *
 * <p>The Sharpe ratio here is per trade, annualised by the trades a year held: mean / sample deviation x
 * sqrt(trades per year). A shuffle keeps the trades, so it leaves the final return and the Sharpe ratio as they
 * were and moves only the drawdown; the bootstrap moves all three.
 */
public final class TradeResampling
{
    /** How a run draws its sequence. */
    public enum Method
    {
        BOOTSTRAP, SHUFFLE
    }

    /** The outcomes of every run, indexed by run. */
    public record Outcomes(double[] finalReturn, double[] sharpe, double[] maxDrawdown)
    {
    }

    private TradeResampling()
    {
    }

    /**
     * @param initialEquity  money units.
     * @param tradePnls      money units, in the order traded.
     * @param tradesPerYear  to annualise the per-trade Sharpe ratio.
     */
    public static Outcomes run(final Method method, final long initialEquity, final long[] tradePnls,
        final double tradesPerYear, final int runs, final long seed)
    {
        final double[] finalReturn = new double[runs];
        final double[] sharpe = new double[runs];
        final double[] maxDrawdown = new double[runs];
        // Each run writes only its own slots, from its own generator: the outcome arrays are the same whatever
        // threads the stream uses.
        IntStream.range(0, runs).parallel().forEach(r ->
        {
            final long[] drawn = new long[tradePnls.length];
            draw(method, tradePnls, drawn, new SplittableRandom(runSeed(seed, r)));
            final double[] outcome = measure(initialEquity, drawn, tradesPerYear);
            finalReturn[r] = outcome[0];
            sharpe[r] = outcome[1];
            maxDrawdown[r] = outcome[2];
        });
        return new Outcomes(finalReturn, sharpe, maxDrawdown);
    }

    /** A seed per run from the run's index (SplitMix64's golden-ratio step), so runs never share a stream. */
    static long runSeed(final long seed, final int run)
    {
        return seed + 0x9E3779B97F4A7C15L * (run + 1L);
    }

    static void draw(final Method method, final long[] trades, final long[] into, final SplittableRandom random)
    {
        final int n = trades.length;
        if (method == Method.BOOTSTRAP)
        {
            for (int i = 0; i < n; i++)
            {
                into[i] = trades[random.nextInt(n)];
            }
            return;
        }
        System.arraycopy(trades, 0, into, 0, n);
        for (int i = n - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final long swap = into[i];
            into[i] = into[j];
            into[j] = swap;
        }
    }

    /** @return {final return, annualised per-trade Sharpe, max drawdown fraction} of the path. */
    static double[] measure(final long initialEquity, final long[] trades, final double tradesPerYear)
    {
        long equity = initialEquity;
        long peak = initialEquity;
        double maxDrawdown = 0;
        // Welford's running mean and sum of squared deviations: one pass, nothing allocated per trade.
        double mean = 0;
        double squares = 0;
        for (int i = 0; i < trades.length; i++)
        {
            final double tradeReturn = (double)trades[i] / initialEquity;
            final double delta = tradeReturn - mean;
            mean += delta / (i + 1);
            squares += delta * (tradeReturn - mean);
            equity += trades[i];
            peak = Math.max(peak, equity);
            if (peak > 0)
            {
                maxDrawdown = Math.max(maxDrawdown, (double)(peak - equity) / peak);
            }
        }
        final double deviation = trades.length < 2 ? Double.NaN : StrictMath.sqrt(squares / (trades.length - 1));
        final double perTrade = deviation > 0 ? mean / deviation : Double.NaN;
        return new double[] {(double)(equity - initialEquity) / initialEquity,
            perTrade * StrictMath.sqrt(tradesPerYear), maxDrawdown};
    }
}
