package io.ringwall.tools.validation;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.market.MarketModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MonteCarloTest
{
    @Test
    void percentilesFollowTheNearestRankRule()
    {
        final double[] values = {40, 15, 50, 35, 20};

        assertThat(Percentiles.of(values, 5)).isEqualTo(15);
        assertThat(Percentiles.of(values, 40)).isEqualTo(20);
        assertThat(Percentiles.of(values, 50)).isEqualTo(35);
        assertThat(Percentiles.of(values, 95)).isEqualTo(50);
        assertThat(Percentiles.of(values, 0)).isEqualTo(15);
        assertThat(Percentiles.of(values, 100)).isEqualTo(50);
        assertThat(Percentiles.of(new double[0], 50)).isNaN();
    }

    @Test
    void ruinIsTheShareOfRunsAtOrPastTheLimit()
    {
        final double[] drawdowns = {0.05, 0.2, 0.25, 0.1};

        assertThat(Percentiles.shareAtLeast(drawdowns, 0.2)).isEqualTo(0.5);
        assertThat(Percentiles.shareAtLeast(drawdowns, 0.3)).isEqualTo(0.0);
        assertThat(Percentiles.shareAtLeast(drawdowns, 0.05)).isEqualTo(1.0);
    }

    @Test
    void aPathIsMeasuredFromTheInitialEquity()
    {
        // equity 100 -> 110 -> 90 -> 95 -> 110: return 10 %, deepest fall 20 from the peak 110
        final double[] outcome = TradeResampling.measure(100, new long[] {10, -20, 5, 15}, 4);

        assertThat(outcome[0]).isCloseTo(0.1, within(1e-12));
        assertThat(outcome[2]).isCloseTo(20.0 / 110, within(1e-12));
        // returns .1 -.2 .05 .15: mean .025, sample deviation sqrt(.0725 / 3); x sqrt(4 trades a year)
        assertThat(outcome[1]).isCloseTo(0.025 / Math.sqrt(0.0725 / 3) * 2, within(1e-12));
    }

    @Test
    void aShuffleKeepsTheTradesAndABootstrapDrawsFromThem()
    {
        final long[] trades = {10, -20, 5, 15, -3, 7};
        final long[] shuffled = new long[trades.length];
        final long[] drawn = new long[trades.length];
        TradeResampling.draw(TradeResampling.Method.SHUFFLE, trades, shuffled, new SplittableRandom(1));
        TradeResampling.draw(TradeResampling.Method.BOOTSTRAP, trades, drawn, new SplittableRandom(1));

        assertThat(shuffled).containsExactlyInAnyOrder(trades);
        assertThat(Arrays.stream(drawn).boxed().toList()).allSatisfy(t -> assertThat(trades).contains(t));
    }

    @Test
    void theSameSeedGivesTheSameOutcomesAndAnotherSeedOthers()
    {
        final long[] trades = new long[500];
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < trades.length; i++)
        {
            trades[i] = random.nextLong(-100, 120);
        }
        final TradeResampling.Outcomes first = TradeResampling.run(TradeResampling.Method.BOOTSTRAP, 10_000, trades,
            250, 300, 42);
        final TradeResampling.Outcomes again = TradeResampling.run(TradeResampling.Method.BOOTSTRAP, 10_000, trades,
            250, 300, 42);
        final TradeResampling.Outcomes other = TradeResampling.run(TradeResampling.Method.BOOTSTRAP, 10_000, trades,
            250, 300, 43);
        final TradeResampling.Outcomes shuffled = TradeResampling.run(TradeResampling.Method.SHUFFLE, 10_000, trades,
            250, 300, 42);

        assertThat(again.finalReturn()).containsExactly(first.finalReturn());
        assertThat(again.maxDrawdown()).containsExactly(first.maxDrawdown());
        assertThat(other.finalReturn()).isNotEqualTo(first.finalReturn());
        final double total = Arrays.stream(trades).sum() / 10_000.0;
        assertThat(Arrays.stream(shuffled.finalReturn()).boxed().toList()).allSatisfy(r -> assertThat(r).isCloseTo(total, within(1e-12)));
        assertThat(Percentiles.of(shuffled.maxDrawdown(), 5)).isLessThan(Percentiles.of(shuffled.maxDrawdown(), 95));
    }

    @Test
    void perturbedFrictionsStayInsideTheSpreadAndRepeatWithTheSeed()
    {
        final LogicConfig frictionless = ValidationData.config("x");
        final LogicConfig base = new LogicConfig(frictionless.instruments(), frictionless.strategySpecs(),
            frictionless.initialCash(), frictionless.maxWorkingOrders(), frictionless.risk(), frictionless.breakers(),
            MarketModel.defaults(), frictionless.statusTimeouts());
        final MarketModel market = base.market();
        assertThat(market.costs().commissionPpm()).isEqualTo(1000);
        final List<BatchBacktester.Job> jobs = CostPerturbation.jobs(base, ValidationData.BITSTAMP.all(), 50, 42, 0.5);
        final List<BatchBacktester.Job> again = CostPerturbation.jobs(base, ValidationData.BITSTAMP.all(), 50, 42, 0.5);

        for (int i = 0; i < jobs.size(); i++)
        {
            final MarketModel perturbed = jobs.get(i).config().market();
            assertThat(perturbed.costs().commissionPpm()).isBetween(market.costs().commissionPpm() / 2,
                market.costs().commissionPpm() * 3 / 2);
            assertThat(perturbed).isEqualTo(again.get(i).config().market());
        }
        assertThat(jobs.stream().map(j -> j.config().market().costs().commissionPpm()).distinct().count())
            .isGreaterThan(10);
    }
}
