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
    static final int MANY_WORKING_ORDERS = LogicConfig.MAX_WORKING_ORDERS_LIMIT;

    private BenchmarkConfigs()
    {
    }

    static LogicConfig allChecksOn(final List<String> strategySpecs)
    {
        return load(strategySpecs, LogicConfig.DEFAULT_MAX_WORKING_ORDERS,
            Map.of(ConfigLoader.variableName("risk.max-orders-per-day"), Integer.toString(Integer.MAX_VALUE)));
    }

    /**
     * The latency harness's logic: {@link #allChecksOn} with the four limits that exist to stop an order
     * rate (orders per day and per rolling second, the duplicate window, the order-rate breaker) switched off,
     * because the harness sends an order on every trade at up to 1 M trades/s. Every other check and breaker
     * stays on and is evaluated on every order. The order table is as large as the logic allows: a full
     * inbound ring of trades can stand between an order and its fill, and each of those trades orders too.
     */
    static LogicConfig orderOnEveryTradeAtAnyRate(final List<String> strategySpecs)
    {
        return load(strategySpecs, MANY_WORKING_ORDERS, Map.of(
            ConfigLoader.variableName("risk.max-orders-per-day"), Integer.toString(Integer.MAX_VALUE),
            ConfigLoader.variableName("risk.max-orders-per-second"), "0",
            ConfigLoader.variableName("risk.duplicate-window"), "0s",
            ConfigLoader.variableName("breakers.order-rate.enabled"), "false"));
    }

    private static LogicConfig load(final List<String> strategySpecs, final int maxWorkingOrders,
        final Map<String, String> overrides)
    {
        final LoadedConfig config = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", overrides);
        if (!config.instruments().get(0).symbol().equals(SYMBOL))
        {
            // The benchmarks' frames carry instrument id 0.
            throw new IllegalStateException("the bundled reference data must list " + SYMBOL + " first");
        }
        return new LogicConfig(config.instruments(), strategySpecs, LogicConfig.DEFAULT_INITIAL_CASH,
            maxWorkingOrders, config.risk(), config.breakers());
    }
}
