package io.ringwall.tools.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Against the published example of Bailey and López de Prado (2014, "The Deflated Sharpe Ratio", section 5):
 * 100 trials whose annualised Sharpe ratios vary by 0.5, the chosen one 2.5 annualised over five years of
 * daily returns (1,250) with skewness -3 and kurtosis 10: SR0 = 0.1132 and DSR = 0.9004. The other figures
 * were worked by hand from the papers' formulas (Python's statistics.NormalDist for the normal quantiles).
 */
class SharpeStatisticsTest
{
    private static final double DAYS_PER_YEAR = 250;
    private static final double DAILY_VARIANCE = 0.5 / DAYS_PER_YEAR;
    private static final double DAILY_SHARPE = 2.5 / Math.sqrt(DAYS_PER_YEAR);

    @Test
    void theBestOfAHundredTrialsReachesThePublishedThreshold()
    {
        assertThat(SharpeStatistics.expectedMaximumSharpe(100, DAILY_VARIANCE)).isCloseTo(0.1132, within(0.00005));
    }

    @Test
    void theDeflatedSharpeRatioOfThePublishedExampleIs0point9004()
    {
        assertThat(SharpeStatistics.deflatedSharpe(DAILY_SHARPE, 1_250, -3, 10, 100, DAILY_VARIANCE))
            .isCloseTo(0.9004, within(0.00005));
    }

    @Test
    void theProbabilisticSharpeRatioOfNormalReturns()
    {
        // a daily Sharpe of 0.1 over 252 normal returns: z = 0.1 x sqrt(251) / sqrt(1 + 0.01 / 2) = 1.5804
        assertThat(SharpeStatistics.probabilisticSharpe(0.1, 0, 252, 0, 3)).isCloseTo(0.942987, within(0.000001));
        assertThat(SharpeStatistics.probabilisticSharpe(0.1, 0.1, 252, 0, 3)).as("at the benchmark").isEqualTo(0.5);
    }

    @Test
    void negativeSkewAndFatTailsLowerTheConfidence()
    {
        final double normal = SharpeStatistics.probabilisticSharpe(0.1, 0.05, 500, 0, 3);
        final double skewed = SharpeStatistics.probabilisticSharpe(0.1, 0.05, 500, -3, 10);
        assertThat(skewed).isLessThan(normal);
    }

    @Test
    void theMinimumTrackRecordLength()
    {
        // 1 + (1 + 0.01 / 2) x (1.6449 / 0.1)^2 = 272.907 observations of normal returns
        assertThat(SharpeStatistics.minimumTrackRecordLength(0.1, 0, 0, 3, 0.95)).isCloseTo(272.9071, within(0.0001));
        // the published example against its own SR0: 2,051.3 days
        assertThat(SharpeStatistics.minimumTrackRecordLength(DAILY_SHARPE,
            SharpeStatistics.expectedMaximumSharpe(100, DAILY_VARIANCE), -3, 10, 0.95)).isCloseTo(2051.27, within(0.01));
        assertThat(SharpeStatistics.minimumTrackRecordLength(0.05, 0.05, 0, 3, 0.95)).isInfinite();
    }

    @Test
    void inputsWithoutMeaningAreRefused()
    {
        assertThatThrownBy(() -> SharpeStatistics.probabilisticSharpe(0.1, 0, 1, 0, 3)).hasMessageContaining("2 observations");
        assertThatThrownBy(() -> SharpeStatistics.expectedMaximumSharpe(1, 0.1)).hasMessageContaining("2 trials");
        assertThatThrownBy(() -> SharpeStatistics.expectedMaximumSharpe(10, -0.1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> SharpeStatistics.minimumTrackRecordLength(0.1, 0, 0, 3, 1)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> SharpeStatistics.probabilisticSharpe(1, 0, 100, 5, 1)).hasMessageContaining("no positive variance");
    }
}
