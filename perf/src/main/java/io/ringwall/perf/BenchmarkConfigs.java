package io.ringwall.perf;

import java.util.List;

import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.config.RiskLimits;
import io.ringwall.engine.logic.LogicConfig;

/**
 * The logic the benchmarks measure: production limits (every pre-trade check and breaker on, at the
 * shipped defaults), so a figure includes the full risk chain.
 */
final class BenchmarkConfigs
{
    static final String SYMBOL = "BTCUSD";

    private BenchmarkConfigs()
    {
    }

    static LogicConfig allChecksOn(final List<String> strategySpecs)
    {
        return new LogicConfig(List.of(new InstrumentSpec(SYMBOL, "crypto", 1, 100, 20_000 * 100_000_000L, 100_000)),
            strategySpecs, LogicConfig.DEFAULT_INITIAL_CASH, LogicConfig.DEFAULT_MAX_WORKING_ORDERS,
            RiskLimits.defaults(), BreakerLimits.defaults());
    }
}
