package io.ringwall.engine.logic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ringwall.engine.Fixed;

/**
 * Everything the business logic is built from. It is written to the session manifest so that a replay
 * builds the same logic; nothing else may change what the logic does.
 *
 * @param symbols          instruments, id = position in the list.
 * @param strategySpecs    strategies, {@code name:key=value,...} (see {@link io.ringwall.engine.strategy.StrategyFactory}).
 * @param initialCash      money units (4 implied decimals).
 * @param maxWorkingOrders size of the order pool.
 */
public record LogicConfig(List<String> symbols, List<String> strategySpecs, long initialCash, int maxWorkingOrders)
{
    public static final long DEFAULT_INITIAL_CASH = 1_000_000L * Fixed.PRICE_SCALE;
    public static final int DEFAULT_MAX_WORKING_ORDERS = 4096;

    public LogicConfig
    {
        symbols = List.copyOf(symbols);
        strategySpecs = List.copyOf(strategySpecs);
        if (symbols.isEmpty())
        {
            throw new IllegalArgumentException("logic.symbols: at least one instrument is required");
        }
        if (initialCash < 0)
        {
            throw new IllegalArgumentException("logic.initialCash: " + initialCash + " is negative");
        }
        if (maxWorkingOrders < 1 || maxWorkingOrders > 1 << 20)
        {
            throw new IllegalArgumentException("logic.maxWorkingOrders: " + maxWorkingOrders + " not in [1, 1048576]");
        }
        for (final String symbol : symbols)
        {
            if (symbol.isBlank() || symbol.contains(","))
            {
                throw new IllegalArgumentException("logic.symbols: '" + symbol + "' is not a symbol");
            }
        }
    }

    /**
     * @return the manifest entries that rebuild this configuration.
     */
    public Map<String, String> toManifest()
    {
        final Map<String, String> entries = new LinkedHashMap<>();
        entries.put("logic.symbols", String.join(",", symbols));
        entries.put("logic.initialCash", Long.toString(initialCash));
        entries.put("logic.maxWorkingOrders", Integer.toString(maxWorkingOrders));
        entries.put("logic.strategies", Integer.toString(strategySpecs.size()));
        for (int i = 0; i < strategySpecs.size(); i++)
        {
            entries.put("logic.strategy." + i, strategySpecs.get(i));
        }
        return entries;
    }

    /**
     * @throws IllegalArgumentException naming the missing or bad manifest key.
     */
    public static LogicConfig fromManifest(final Map<String, String> manifest)
    {
        final int strategies = Integer.parseInt(required(manifest, "logic.strategies"));
        final List<String> specs = new ArrayList<>();
        for (int i = 0; i < strategies; i++)
        {
            specs.add(required(manifest, "logic.strategy." + i));
        }
        return new LogicConfig(
            List.of(required(manifest, "logic.symbols").split(",")),
            specs,
            Long.parseLong(required(manifest, "logic.initialCash")),
            Integer.parseInt(required(manifest, "logic.maxWorkingOrders")));
    }

    private static String required(final Map<String, String> manifest, final String key)
    {
        final String value = manifest.get(key);
        if (value == null)
        {
            throw new IllegalArgumentException("session manifest lacks '" + key + "'");
        }
        return value;
    }
}
