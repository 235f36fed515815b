package io.ringwall.tools.validation;

import java.util.Arrays;
import java.util.List;

import io.ringwall.tools.backtest.BacktestReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WalkForwardTest
{
    private static final RecordedMarketData DAYS = ValidationData.firstHours(40);

    @Test
    void degradationIsOneMinusOutOfSampleOverInSample()
    {
        assertThat(WalkForward.degradation(2.0, 1.5)).isEqualTo(0.25);
        assertThat(WalkForward.degradation(1.0, -1.0)).isEqualTo(2.0);
        assertThat(WalkForward.degradation(1.0, 1.25)).isEqualTo(-0.25);
        assertThat(WalkForward.degradation(0.0, 1.0)).isNaN();
        assertThat(WalkForward.degradation(-1.0, 1.0)).isNaN();
    }

    @Test
    void theBestSharpeIsChosenAnUndefinedOneCountingAsZeroAndTiesGoingToTheFirst()
    {
        assertThat(WalkForward.bestBySharpe(List.of(report(-1.0), report(null), report(0.5), report(0.5))))
            .isEqualTo(2);
        assertThat(WalkForward.bestBySharpe(List.of(report(-1.0), report(null), report(-0.5)))).isEqualTo(1);
    }

    @Test
    void theReportIsTheSameBytesOnOneThreadAndOnThree()
    {
        final StrategyGrid grid = StrategyGrid.parse("ma-crossover:symbol=BTCUSD,qty=0.5",
            List.of("fast=10,30", "slow=60,120"));
        final List<WalkForwardWindows.Window> windows = WalkForwardWindows.of(DAYS.firstTimeNs(), DAYS.lastTimeNs() + 1,
            4, 12 * ValidationData.HOUR_NS, 6 * ValidationData.HOUR_NS, false);

        final byte[] one = WalkForwardOutputs.json(WalkForward.run(DAYS, ValidationData.config("x"), grid, windows,
            new BatchBacktester(1, 60_000_000_000L, ValidationData.HOUR_NS, 8760), BatchBacktester.Progress.NONE),
            "s", "d", false);
        final WalkForwardResult threeThreads = WalkForward.run(DAYS, ValidationData.config("x"), grid, windows,
            new BatchBacktester(3, 60_000_000_000L, ValidationData.HOUR_NS, 8760), BatchBacktester.Progress.NONE);
        final byte[] three = WalkForwardOutputs.json(threeThreads, "s", "d", false);

        assertThat(three).isEqualTo(one);
        assertThat(threeThreads.windows()).hasSize(4);
        assertThat(threeThreads.windows().get(0).inSample().fills()).isPositive();
        assertThat(threeThreads.windows().get(0).outOfSample().inputs()).isPositive();
        assertThat(threeThreads.overfitProbability()).isBetween(0.0, 1.0);
        assertThat(threeThreads.windows()).allSatisfy(w -> assertThat(w.parameters()).isEqualTo(
            grid.describe(w.chosenPoint())));
    }

    private static BacktestReport report(final Double sharpe)
    {
        final double[] none = new double[0];
        return new BacktestReport(List.of("x"), null, null, 0, 0, 100, 100, 0.0, null, 365, 0, sharpe, null, 0, 0, 0,
            0, 0, null, 0, null, 0, null, 0, 0, 0, 0, null, 0, 0, List.of(), Arrays.copyOf(none, 0));
    }
}
