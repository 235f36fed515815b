package io.ringwall.tools.validation;

import java.util.Arrays;

/**
 * The probability of backtest overfitting by combinatorially symmetric cross-validation (Bailey, Borwein,
 * López de Prado and Zhu, "The Probability of Backtest Overfitting", Journal of Computational Finance 20(4),
 * 2017). The returns of N trials (parameter sets) over T periods are cut into S blocks of consecutive periods;
 * every way of choosing S/2 blocks as in-sample (the rest out-of-sample, in time order) picks the trial with
 * the best in-sample Sharpe ratio and asks where it ranks out of sample. Its relative rank w = rank / (N + 1)
 * gives the logit ln(w / (1 - w)); the PBO is the share of splits whose logit is at most 0: the in-sample
 * choice did no better than the median trial out of sample.
 *
 * <p>Deterministic: ties in sample go to the lowest trial index, ties out of sample take their average rank.
 */
public final class BacktestOverfitting
{
    /** Blocks a split may use; C(16, 8) = 12,870 splits. */
    static final int MAX_BLOCKS = 16;

    /**
     * @param probability the PBO.
     * @param logits      one per split, in the order of the splits (in-sample blocks as a rising bit mask).
     */
    public record Result(double probability, double[] logits)
    {
    }

    private BacktestOverfitting()
    {
    }

    /**
     * @param returns returns[period][trial], every row as long as the first.
     * @param blocks  S: even, 2..16, at most the number of periods.
     */
    public static Result estimate(final double[][] returns, final int blocks)
    {
        final int periods = returns.length;
        if (blocks < 2 || blocks % 2 != 0 || blocks > MAX_BLOCKS)
        {
            throw new IllegalArgumentException("blocks must be even and in 2.." + MAX_BLOCKS + ", not " + blocks);
        }
        if (periods < blocks)
        {
            throw new IllegalArgumentException(periods + " periods cannot make " + blocks + " blocks");
        }
        final int trials = returns[0].length;
        if (trials < 2)
        {
            throw new IllegalArgumentException("the PBO compares at least 2 trials, not " + trials);
        }
        for (final double[] row : returns)
        {
            if (row.length != trials)
            {
                throw new IllegalArgumentException("every period needs a return for each of the " + trials + " trials");
            }
        }
        final int[] blockOf = blockOfPeriod(periods, blocks);
        final double[] logits = new double[binomial(blocks, blocks / 2)];
        int split = 0;
        int overfit = 0;
        final double[] inSample = new double[trials];
        final double[] outOfSample = new double[trials];
        for (int mask = 0; mask < 1 << blocks; mask++)
        {
            if (Integer.bitCount(mask) != blocks / 2)
            {
                continue;
            }
            sharpeByTrial(returns, blockOf, mask, true, inSample);
            sharpeByTrial(returns, blockOf, mask, false, outOfSample);
            final int chosen = indexOfBest(inSample);
            final double relativeRank = averageRank(outOfSample, chosen) / (trials + 1.0);
            final double logit = Math.log(relativeRank / (1 - relativeRank));
            logits[split++] = logit;
            overfit += logit <= 0 ? 1 : 0;
        }
        return new Result(overfit / (double)logits.length, logits);
    }

    /** Blocks of consecutive periods as equal as can be: the first (periods mod blocks) get one more. */
    private static int[] blockOfPeriod(final int periods, final int blocks)
    {
        final int[] blockOf = new int[periods];
        final int base = periods / blocks;
        final int longer = periods % blocks;
        int period = 0;
        for (int block = 0; block < blocks; block++)
        {
            final int length = base + (block < longer ? 1 : 0);
            Arrays.fill(blockOf, period, period + length, block);
            period += length;
        }
        return blockOf;
    }

    /** Sharpe ratio (mean over sample deviation) of each trial over the periods in, or out of, the mask's blocks. */
    private static void sharpeByTrial(final double[][] returns, final int[] blockOf, final int mask, final boolean in,
        final double[] sharpe)
    {
        for (int trial = 0; trial < sharpe.length; trial++)
        {
            double sum = 0;
            double squares = 0;
            int count = 0;
            for (int period = 0; period < returns.length; period++)
            {
                if (((mask >>> blockOf[period]) & 1) == (in ? 1 : 0))
                {
                    final double r = returns[period][trial];
                    sum += r;
                    squares += r * r;
                    count++;
                }
            }
            final double mean = sum / count;
            final double variance = count > 1 ? Math.max(0, (squares - count * mean * mean) / (count - 1)) : 0;
            sharpe[trial] = variance > 0 ? mean / Math.sqrt(variance) : mean == 0 ? 0 : Math.copySign(Double.MAX_VALUE, mean);
        }
    }

    private static int indexOfBest(final double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }

    /** 1-based ascending rank of values[index]; equal values share their average rank. */
    private static double averageRank(final double[] values, final int index)
    {
        int below = 0;
        int equal = 0;
        for (final double value : values)
        {
            below += value < values[index] ? 1 : 0;
            equal += value == values[index] ? 1 : 0;
        }
        return below + (equal + 1) / 2.0;
    }

    private static int binomial(final int n, final int k)
    {
        long result = 1;
        for (int i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }
        return (int)result;
    }
}
