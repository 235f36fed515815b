package io.ringwall.tools.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BacktestOverfittingTest
{
    @Test
    void aTrialBestInEveryBlockIsNeverOverfit()
    {
        // every block holds one up and one down period; trial 0 has the highest mean at the same spread
        final double[][] returns = new double[8][];
        for (int t = 0; t < returns.length; t++)
        {
            final double swing = t % 2 == 0 ? 1 : -1;
            returns[t] = new double[] {2 + swing, 1 + swing, swing};
        }
        final BacktestOverfitting.Result result = BacktestOverfitting.estimate(returns, 4);
        assertThat(result.logits()).hasSize(6);
        for (final double logit : result.logits())
        {
            assertThat(logit).as("rank 3 of 3: w = 3/4").isCloseTo(Math.log(3), within(1e-12));
        }
        assertThat(result.probability()).isZero();
    }

    @Test
    void aChoiceThatAlwaysReversesOutOfSampleIsAlwaysOverfit()
    {
        // trial 0 wins the first half and loses the second, trial 1 the opposite: whichever half is in sample,
        // its winner is the loser out of sample (rank 1 of 2: w = 1/3, logit ln(1/2))
        final double[][] returns = {{3, 1}, {1, 0}, {3, 1}, {1, 0}, {0, 1}, {1, 3}, {0, 1}, {1, 3}};
        final BacktestOverfitting.Result result = BacktestOverfitting.estimate(returns, 2);
        assertThat(result.logits()).containsExactly(new double[] {Math.log(0.5), Math.log(0.5)}, within(1e-12));
        assertThat(result.probability()).isEqualTo(1.0);
    }

    @Test
    void aMixedCaseMatchesAnIndependentComputation()
    {
        // 24 periods x 4 trials in 6 blocks (20 splits); the expected PBO (9 of 20 splits at or under 0) and the
        // logits come from a separate Python implementation of the paper's procedure
        final double[][] returns = new double[24][4];
        for (int t = 0; t < 24; t++)
        {
            for (int n = 0; n < 4; n++)
            {
                returns[t][n] = ((7 * t + 13 * n * n + 3 * t * n) % 11 - 5) / 100.0 + (t % 2 == 0 ? 0.01 * n : -0.004 * n);
            }
        }
        final BacktestOverfitting.Result result = BacktestOverfitting.estimate(returns, 6);
        assertThat(result.probability()).isEqualTo(0.45);
        assertThat(result.logits()).hasSize(20);
        assertThat(result.logits()[1]).isCloseTo(-1.3863, within(0.0001));
        assertThat(result.logits()[6]).isCloseTo(-0.4055, within(0.0001));
        assertThat(result.logits()[0]).isCloseTo(0.4055, within(0.0001));
    }

    @Test
    void splitsThatCannotBeMadeAreRefused()
    {
        final double[][] two = {{1, 2}, {2, 1}};
        assertThatThrownBy(() -> BacktestOverfitting.estimate(two, 3)).hasMessageContaining("even");
        assertThatThrownBy(() -> BacktestOverfitting.estimate(two, 4)).hasMessageContaining("2 periods cannot make 4 blocks");
        assertThatThrownBy(() -> BacktestOverfitting.estimate(new double[][] {{1}, {2}}, 2)).hasMessageContaining("at least 2 trials");
        assertThatThrownBy(() -> BacktestOverfitting.estimate(new double[][] {{1, 2}, {2}}, 2)).hasMessageContaining("every period");
    }
}
