package io.ringwall.tools.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.market.CostModel;
import io.ringwall.engine.market.MarketModel;
import io.ringwall.engine.market.VenueRules;
import io.ringwall.engine.marketdata.MarketDataSource;

/**
 * Monte Carlo over the paper venue's frictions: run i backtests the same strategy on the same data with the
 * commission rate, slippage, impact coefficient and the ack and fill latencies each multiplied by its own factor
 * drawn uniformly from [1 - spread, 1 + spread]. Run i's factors come from a generator seeded from the seed and
 * i ({@link TradeResampling#runSeed}), so they do not depend on the thread count.
 */
public final class CostPerturbation
{
    private CostPerturbation()
    {
    }

    /** @return one backtest per run, in run order. */
    public static List<BatchBacktester.Job> jobs(final LogicConfig base, final MarketDataSource data, final int runs,
        final long seed, final double spread)
    {
        if (!(spread >= 0 && spread <= 1))
        {
            throw new IllegalArgumentException("--cost-spread " + spread + " is not in [0, 1]");
        }
        final List<BatchBacktester.Job> jobs = new ArrayList<>(runs);
        for (int r = 0; r < runs; r++)
        {
            jobs.add(new BatchBacktester.Job("cost run " + r, perturbed(base, new SplittableRandom(
                TradeResampling.runSeed(seed, r)), spread), data));
        }
        return jobs;
    }

    static LogicConfig perturbed(final LogicConfig base, final SplittableRandom random, final double spread)
    {
        final MarketModel market = base.market();
        final CostModel costs = market.costs();
        final VenueRules venue = market.venue();
        final CostModel newCosts = new CostModel(costs.commissionPerUnit(),
            rate(costs.commissionPpm(), random, spread), costs.commissionMinimum(),
            rate(costs.slippagePpm(), random, spread), costs.chargeHalfSpread(),
            scaled(costs.impactCoefficientPpm(), random, spread));
        final VenueRules newVenue = new VenueRules(scaled(venue.ackLatencyNs(), random, spread),
            scaled(venue.fillLatencyNs(), random, spread), venue.volumeLimitPpm(), venue.outsideHours());
        return new LogicConfig(base.instruments(), base.strategySpecs(), base.initialCash(), base.maxWorkingOrders(),
            base.risk(), base.breakers(), market.withCosts(newCosts).withVenue(newVenue), base.statusTimeouts());
    }

    private static long rate(final long ppm, final SplittableRandom random, final double spread)
    {
        return Math.min(CostModel.PPM, scaled(ppm, random, spread));
    }

    private static long scaled(final long value, final SplittableRandom random, final double spread)
    {
        final double factor = 1 - spread + 2 * spread * random.nextDouble();
        return Math.round(value * factor);
    }
}
