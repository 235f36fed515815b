package io.ringwall.perf;

import java.util.List;

import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.config.RiskLimits;
import io.ringwall.engine.logic.LogicConfig;

/**
 * The logic the benchmarks measure: production limits (every pre-trade check and breaker on, at the
 * shipped defaults, except the orders-per-day cap, which a benchmark's millions of orders would hit), and
 * three instruments in two sectors so the exposure checks loop as they would in a small book.
 */
final class BenchmarkConfigs
{
    static final String SYMBOL = "BTCUSD";

    private BenchmarkConfigs()
    {
    }

    static LogicConfig allChecksOn(final List<String> strategySpecs)
    {
        final RiskLimits defaults = RiskLimits.defaults();
        final RiskLimits limits = new RiskLimits(defaults.capitalScalePpm(), defaults.maxPositionEquityPpm(),
            defaults.maxPositionQuantity(), defaults.maxSectorEquityPpm(), defaults.maxOrderNotional(),
            defaults.minOrderQuantity(), defaults.maxOrderQuantity(), defaults.maxGrossLeveragePpm(),
            defaults.maxNetExposurePpm(), Integer.MAX_VALUE, defaults.maxOrdersPerSecond(),
            defaults.defaultPriceCollarPpm(), defaults.duplicateWindowNs(), defaults.maxParticipationPpm(),
            defaults.participationMode(), defaults.checkBuyingPower(), defaults.feeEstimateBps());
        return new LogicConfig(List.of(
            new InstrumentSpec(SYMBOL, "crypto", 1, 100, 20_000 * 100_000_000L, 100_000),
            new InstrumentSpec("ETHUSD", "crypto", 1, 100, 200_000 * 100_000_000L, 100_000),
            new InstrumentSpec("AAPL", "technology", 100_000_000L, 100, 80_000_000 * 100_000_000L, 100_000)),
            strategySpecs, LogicConfig.DEFAULT_INITIAL_CASH, LogicConfig.DEFAULT_MAX_WORKING_ORDERS, limits,
            BreakerLimits.defaults());
    }
}
