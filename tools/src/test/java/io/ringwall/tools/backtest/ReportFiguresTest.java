package io.ringwall.tools.backtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The building blocks of the report on short hand-computed series. */
class ReportFiguresTest
{
    private static final long DAY = DailyCloses.DAY_NS;

    @Test
    void drawdownFractionAndMoneyAreEachTheWorstOfTheirKind()
    {
        // 100 -> 50 is -50 % (50 lost); 1,000 -> 800 is -20 % but 200 lost
        final MaxDrawdown drawdown = new MaxDrawdown(100);
        for (final long equity : new long[] {80, 50, 120, 1_000, 900, 800, 950})
        {
            drawdown.add(equity);
        }
        assertThat(drawdown.maxFraction()).isEqualTo(0.5);
        assertThat(drawdown.maxMoney()).isEqualTo(200);
    }

    @Test
    void aSeriesThatOnlyRisesHasNoDrawdown()
    {
        final MaxDrawdown drawdown = new MaxDrawdown(100);
        drawdown.add(100);
        drawdown.add(101);
        assertThat(drawdown.maxFraction()).isZero();
        assertThat(drawdown.maxMoney()).isZero();
    }

    @Test
    void dailyClosesTakeTheLastInputOfEachUtcDayAndCarryEmptyDays()
    {
        final DailyCloses daily = new DailyCloses();
        daily.add(0, 100);
        daily.add(DAY - 1, 110);
        daily.add(DAY, 120);
        daily.add(3 * DAY + 5, 90);
        daily.add(3 * DAY + 6, 99);
        assertThat(daily.closes()).containsExactly(110, 120, 120, 99);
        // from 100: +10 %, 120/110 - 1, 0, 99/120 - 1
        assertThat(daily.returns(100)).containsExactly(new double[] {0.1, 120.0 / 110 - 1, 0, 99.0 / 120 - 1},
            within(1e-15));
    }

    @Test
    void noInputsMeansNoDailyPeriods()
    {
        assertThat(new DailyCloses().returns(100)).isEmpty();
    }

    @Test
    void sharpeAndSortinoFollowTheStatedConventions()
    {
        // mean 0.01; sample sd of (0.02, -0.01, 0.02) = sqrt((0.0001 + 0.0004 + 0.0001) / 2) = sqrt(0.0003)
        final double[] returns = {0.02, -0.01, 0.02};
        assertThat(RiskAdjustedReturns.sharpe(returns, 4)).isCloseTo(0.01 / Math.sqrt(0.0003) * 2, within(1e-12));
        // downside deviation over all three periods: sqrt(0.0001 / 3)
        assertThat(RiskAdjustedReturns.sortino(returns, 4)).isCloseTo(0.01 / Math.sqrt(0.0001 / 3) * 2, within(1e-12));
    }

    @Test
    void undefinedRatiosAreNull()
    {
        assertThat(RiskAdjustedReturns.sharpe(new double[] {0.05}, 365)).isNull();
        assertThat(RiskAdjustedReturns.sortino(new double[] {-0.05}, 365)).isNull();
        assertThat(RiskAdjustedReturns.sharpe(new double[] {0.01, 0.01, 0.01}, 365)).isNull();
        assertThat(RiskAdjustedReturns.sortino(new double[] {0.01, 0.02}, 365)).isNull();
    }

    @Test
    void downsamplingKeepsEndsPeaksAndTroughsInTimeOrder()
    {
        final EquitySeries series = new EquitySeries();
        for (int i = 0; i < 10_000; i++)
        {
            series.add(i, i == 4_321 ? 1 : i == 7_777 ? 1_000_000 : 5_000 + i % 7);
        }
        final int[] kept = series.downsampleIndices(EquityChart.MAX_POINTS);
        assertThat(kept.length).isLessThanOrEqualTo(EquityChart.MAX_POINTS);
        assertThat(kept).isSorted().contains(0, 4_321, 7_777, 9_999);
    }

    @Test
    void aShortSeriesIsNotDownsampled()
    {
        final EquitySeries series = new EquitySeries();
        series.add(1, 10);
        series.add(2, 20);
        assertThat(series.downsampleIndices(2_000)).containsExactly(0, 1);
        // drawdown from the start equity 20: 50 %, then a new high
        assertThat(series.drawdownFractions(20)).containsExactly(0.5, 0.0);
        assertThat(series.averageEquity()).isEqualTo(15.0);
    }
}
