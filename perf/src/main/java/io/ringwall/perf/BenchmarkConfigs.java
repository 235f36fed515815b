package io.ringwall.perf;

import java.util.List;
import java.util.Map;

import io.ringwall.engine.config.ConfigLoader;
import io.ringwall.engine.config.LoadedConfig;
import io.ringwall.engine.logic.LogicConfig;

/**
 * The logic the benchmarks measure: the shipped configuration (every pre-trade check and breaker on, the
 * bundled reference data of four instruments in three sectors), loaded the way {@code ringwall run} loads
 * it, except the orders-per-day cap, which a benchmark's millions of orders would hit.
 */
final class BenchmarkConfigs
{
    static final String SYMBOL = "BTCUSD";

    private BenchmarkConfigs()
    {
    }

    static LogicConfig allChecksOn(final List<String> strategySpecs)
    {
        final LoadedConfig config = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of(ConfigLoader.variableName("risk.max-orders-per-day"), Integer.toString(Integer.MAX_VALUE)));
        if (!config.instruments().get(0).symbol().equals(SYMBOL))
        {
            // The benchmarks' frames carry instrument id 0.
            throw new IllegalStateException("the bundled reference data must list " + SYMBOL + " first");
        }
        return new LogicConfig(config.instruments(), strategySpecs, LogicConfig.DEFAULT_INITIAL_CASH,
            LogicConfig.DEFAULT_MAX_WORKING_ORDERS, config.risk(), config.breakers());
    }
}
