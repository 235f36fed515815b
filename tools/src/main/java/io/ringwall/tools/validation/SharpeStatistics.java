package io.ringwall.tools.validation;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Whether a Sharpe ratio is skill or luck (Bailey and López de Prado): the probabilistic Sharpe ratio, the
 * Sharpe ratio a best-of-N selection reaches by chance, the deflated Sharpe ratio and the minimum track
 * record length. Every Sharpe ratio here is per period (daily returns give a daily ratio: divide an annual
 * one by the square root of the periods in a year), and kurtosis is the plain fourth standardised moment
 * (3 for a normal distribution), as in the papers.
 *
 * <ul>
 *   <li>Bailey, D. and López de Prado, M. (2012), "The Sharpe Ratio Efficient Frontier", Journal of Risk
 *       15(2): PSR and MinTRL.</li>
 *   <li>Bailey, D. and López de Prado, M. (2014), "The Deflated Sharpe Ratio: Correcting for Selection Bias,
 *       Backtest Overfitting and Non-Normality", Journal of Portfolio Management 40(5): SR0 and DSR.</li>
 * </ul>
 */
public final class SharpeStatistics
{
    /** The Euler–Mascheroni constant, in the expected maximum of N standard normals. */
    static final double EULER_GAMMA = 0.5772156649015329;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private SharpeStatistics()
    {
    }

    /**
     * The probabilistic Sharpe ratio: the probability that the true Sharpe ratio exceeds {@code benchmark},
     * given the observed one over {@code observations} returns of the given skewness and kurtosis.
     *
     * @throws IllegalArgumentException for fewer than two observations, or moments that make the variance of
     * the estimate non-positive.
     */
    public static double probabilisticSharpe(final double sharpe, final double benchmark, final long observations,
        final double skewness, final double kurtosis)
    {
        if (observations < 2)
        {
            throw new IllegalArgumentException("the probabilistic Sharpe ratio needs at least 2 observations, not " +
                observations);
        }
        final double z = (sharpe - benchmark) * Math.sqrt(observations - 1.0) / estimateDeviation(sharpe, skewness, kurtosis);
        return STANDARD_NORMAL.cumulativeProbability(z);
    }

    /**
     * The Sharpe ratio the best of {@code trials} independent strategies with no skill reaches on average:
     * the threshold SR0 a selected strategy must beat.
     *
     * @param sharpeVariance the variance of the Sharpe ratios across the trials (per period).
     */
    public static double expectedMaximumSharpe(final long trials, final double sharpeVariance)
    {
        if (trials < 2)
        {
            throw new IllegalArgumentException("the expected maximum needs at least 2 trials, not " + trials);
        }
        if (!(sharpeVariance >= 0))
        {
            throw new IllegalArgumentException("the variance of the trials' Sharpe ratios must be >= 0, not " +
                sharpeVariance);
        }
        final double n = trials;
        return Math.sqrt(sharpeVariance) * ((1 - EULER_GAMMA) * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1 / n) +
            EULER_GAMMA * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1 / (n * Math.E)));
    }

    /** The deflated Sharpe ratio: the probabilistic Sharpe ratio against the best-of-N threshold SR0. */
    public static double deflatedSharpe(final double sharpe, final long observations, final double skewness,
        final double kurtosis, final long trials, final double sharpeVariance)
    {
        return probabilisticSharpe(sharpe, expectedMaximumSharpe(trials, sharpeVariance), observations, skewness,
            kurtosis);
    }

    /**
     * The minimum track record length: how many observations it takes for the observed Sharpe ratio to exceed
     * {@code benchmark} with confidence {@code confidence} (0.95: 95 %).
     *
     * @return observations; infinite when the observed ratio does not exceed the benchmark.
     */
    public static double minimumTrackRecordLength(final double sharpe, final double benchmark, final double skewness,
        final double kurtosis, final double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new IllegalArgumentException("the confidence must be inside (0, 1), not " + confidence);
        }
        if (sharpe <= benchmark)
        {
            return Double.POSITIVE_INFINITY;
        }
        final double z = STANDARD_NORMAL.inverseCumulativeProbability(confidence);
        final double deviation = estimateDeviation(sharpe, skewness, kurtosis);
        final double ratio = z / (sharpe - benchmark);
        return 1 + deviation * deviation * ratio * ratio;
    }

    /** sqrt(1 - skew x SR + (kurtosis - 1) / 4 x SR^2): the Sharpe estimate's deviation per sqrt(observation). */
    private static double estimateDeviation(final double sharpe, final double skewness, final double kurtosis)
    {
        final double variance = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(variance > 0))
        {
            throw new IllegalArgumentException("skewness " + skewness + " and kurtosis " + kurtosis + " with Sharpe " +
                sharpe + " leave the estimate no positive variance");
        }
        return Math.sqrt(variance);
    }
}
