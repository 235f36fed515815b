package io.ringwall.engine.logic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.config.ConfigManifest;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.config.LoadedConfig;
import io.ringwall.engine.config.RiskLimits;
import io.ringwall.engine.config.ShadowSettings;
import io.ringwall.engine.market.MarketModel;

/**
 * Everything the business logic is built from. It is written to the session manifest so that a replay
 * builds the same logic; nothing else may change what the logic does.
 *
 * @param instruments      reference data, id = position in the list.
 * @param strategySpecs    strategies, {@code name:key=value,...} (see {@link io.ringwall.engine.strategy.StrategyFactory}).
 * @param initialCash      money units (4 implied decimals).
 * @param maxWorkingOrders size of the order pool.
 * @param risk             pre-trade limits.
 * @param breakers         circuit-breaker thresholds and actions.
 * @param statusTimeouts   when a pending order or cancel is asked about, and how many questions trip VENUE.
 * @param shadow           shadow trading: a twin of each strategy against the paper model ({@link ShadowSettings#OFF}).
 */
public record LogicConfig(List<InstrumentSpec> instruments, List<String> strategySpecs, long initialCash,
    int maxWorkingOrders, RiskLimits risk, BreakerLimits breakers, MarketModel market, StatusTimeouts statusTimeouts,
    ShadowSettings shadow)
{
    private static final String SHADOW = "logic.shadow.";
    private static final String STATUS_TIMEOUT = "logic.orderStatusTimeoutNs";
    private static final String STATUS_TRIES = "logic.orderStatusTries";

    public static final long DEFAULT_INITIAL_CASH = 1_000_000L * Fixed.PRICE_SCALE;
    public static final int DEFAULT_MAX_WORKING_ORDERS = 4096;
    /** Half the client-order-id space of one input, so a cancel-all always has ids left. */
    public static final int MAX_WORKING_ORDERS_LIMIT = OrderManager.MAX_ORDERS_PER_INPUT / 2;

    public LogicConfig
    {
        instruments = List.copyOf(instruments);
        strategySpecs = List.copyOf(strategySpecs);
        if (instruments.isEmpty())
        {
            throw new IllegalArgumentException("logic.instruments: at least one instrument is required");
        }
        if (initialCash < 0)
        {
            throw new IllegalArgumentException("logic.initialCash: " + initialCash + " is negative");
        }
        if (maxWorkingOrders < 1 || maxWorkingOrders > MAX_WORKING_ORDERS_LIMIT)
        {
            throw new IllegalArgumentException("logic.maxWorkingOrders: " + maxWorkingOrders + " not in [1, " +
                MAX_WORKING_ORDERS_LIMIT + "]");
        }
        if (shadow != null && shadow.enabled() && !shadow.twinStrategySpecs().isEmpty() &&
            shadow.twinStrategySpecs().size() != strategySpecs.size())
        {
            throw new IllegalArgumentException("shadow: " + shadow.twinStrategySpecs().size() + " twin strategies for " +
                strategySpecs.size() + " strategies (give one --shadow-strategy per --strategy, in order)");
        }
        if (risk == null || breakers == null || market == null || statusTimeouts == null || shadow == null)
        {
            throw new IllegalArgumentException("logic: risk limits, breaker limits, the market model and the status " +
                "timeouts are required");
        }
    }

    /** A configuration without shadow trading ({@link ShadowSettings#OFF}). */
    public LogicConfig(final List<InstrumentSpec> instruments, final List<String> strategySpecs, final long initialCash,
        final int maxWorkingOrders, final RiskLimits risk, final BreakerLimits breakers, final MarketModel market,
        final StatusTimeouts statusTimeouts)
    {
        this(instruments, strategySpecs, initialCash, maxWorkingOrders, risk, breakers, market, statusTimeouts,
            ShadowSettings.OFF);
    }

    public LogicConfig withShadow(final ShadowSettings settings)
    {
        return new LogicConfig(instruments, strategySpecs, initialCash, maxWorkingOrders, risk, breakers, market,
            statusTimeouts, settings);
    }

    /** @return the twins' strategy specs: the live ones unless the shadow names others. */
    public List<String> twinStrategySpecs()
    {
        return shadow.twinStrategySpecs().isEmpty() ? strategySpecs : shadow.twinStrategySpecs();
    }

    /** A configuration without order-status questions ({@link StatusTimeouts#OFF}). */
    public LogicConfig(final List<InstrumentSpec> instruments, final List<String> strategySpecs, final long initialCash,
        final int maxWorkingOrders, final RiskLimits risk, final BreakerLimits breakers, final MarketModel market)
    {
        this(instruments, strategySpecs, initialCash, maxWorkingOrders, risk, breakers, market, StatusTimeouts.OFF);
    }

    public LogicConfig withStatusTimeouts(final StatusTimeouts timeouts)
    {
        return new LogicConfig(instruments, strategySpecs, initialCash, maxWorkingOrders, risk, breakers, market,
            timeouts, shadow);
    }

    /** A configuration on the default market model ({@link MarketModel#defaults()}). */
    public LogicConfig(final List<InstrumentSpec> instruments, final List<String> strategySpecs, final long initialCash,
        final int maxWorkingOrders, final RiskLimits risk, final BreakerLimits breakers)
    {
        this(instruments, strategySpecs, initialCash, maxWorkingOrders, risk, breakers, MarketModel.defaults());
    }

    public LogicConfig withMarket(final MarketModel newMarket)
    {
        return new LogicConfig(instruments, strategySpecs, initialCash, maxWorkingOrders, risk, breakers, newMarket,
            statusTimeouts, shadow);
    }

    /**
     * Symbols traded without reference data or limits (the finest lot and tick, permissive limits, breakers
     * off): for tests and benchmarks about something other than risk.
     */
    public static LogicConfig unrestricted(final List<String> symbols, final List<String> strategySpecs,
        final long initialCash, final int maxWorkingOrders)
    {
        return new LogicConfig(symbols.stream().map(InstrumentSpec::unrestricted).toList(), strategySpecs, initialCash,
            maxWorkingOrders, RiskLimits.permissive(), BreakerLimits.off(), MarketModel.frictionless());
    }

    public List<String> symbols()
    {
        return instruments.stream().map(InstrumentSpec::symbol).toList();
    }

    /**
     * @return the manifest entries that rebuild this configuration.
     */
    public Map<String, String> toManifest()
    {
        final Map<String, String> entries = new LinkedHashMap<>();
        entries.put("logic.initialCash", Long.toString(initialCash));
        entries.put("logic.maxWorkingOrders", Integer.toString(maxWorkingOrders));
        entries.put("logic.strategies", Integer.toString(strategySpecs.size()));
        for (int i = 0; i < strategySpecs.size(); i++)
        {
            entries.put("logic.strategy." + i, strategySpecs.get(i));
        }
        entries.putAll(ConfigManifest.toProperties(risk, breakers, instruments));
        entries.putAll(ConfigManifest.marketToProperties(market));
        if (statusTimeouts.enabled())
        {
            // Only when on: a session from before issue 18 has neither entry, and keeps its manifest and digest.
            entries.put(STATUS_TIMEOUT, Long.toString(statusTimeouts.timeoutNs()));
            entries.put(STATUS_TRIES, Integer.toString(statusTimeouts.tries()));
        }
        if (shadow.enabled())
        {
            // Only when on, as above: a session without the shadow keeps its manifest and digest.
            entries.put(SHADOW + "signalTolerancePpm", Long.toString(shadow.signalTolerancePpm()));
            entries.put(SHADOW + "maxMisalignments", Integer.toString(shadow.maxMisalignments()));
            entries.put(SHADOW + "minExecutionQualityPpm", Long.toString(shadow.minExecutionQualityPpm()));
            entries.put(SHADOW + "executionWindow", Integer.toString(shadow.executionWindow()));
            entries.put(SHADOW + "twins", Integer.toString(shadow.twinStrategySpecs().size()));
            for (int i = 0; i < shadow.twinStrategySpecs().size(); i++)
            {
                entries.put(SHADOW + "twin." + i, shadow.twinStrategySpecs().get(i));
            }
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
        final Map<String, String> limitEntries = new LinkedHashMap<>();
        manifest.forEach((key, value) ->
        {
            if (ConfigManifest.isConfigKey(key))
            {
                limitEntries.put(key, value);
            }
        });
        final LoadedConfig limits = ConfigManifest.fromProperties(limitEntries);
        return new LogicConfig(limits.instruments(), specs,
            Long.parseLong(required(manifest, "logic.initialCash")),
            Integer.parseInt(required(manifest, "logic.maxWorkingOrders")),
            limits.risk(), limits.breakers(), ConfigManifest.marketFromProperties(manifest),
            manifest.containsKey(STATUS_TIMEOUT) ? new StatusTimeouts(Long.parseLong(manifest.get(STATUS_TIMEOUT)),
                Integer.parseInt(required(manifest, STATUS_TRIES))) : StatusTimeouts.OFF, shadowFromManifest(manifest));
    }

    private static ShadowSettings shadowFromManifest(final Map<String, String> manifest)
    {
        if (!manifest.containsKey(SHADOW + "maxMisalignments"))
        {
            return ShadowSettings.OFF;
        }
        final List<String> twins = new ArrayList<>();
        final int count = Integer.parseInt(required(manifest, SHADOW + "twins"));
        for (int i = 0; i < count; i++)
        {
            twins.add(required(manifest, SHADOW + "twin." + i));
        }
        return new ShadowSettings(true, Long.parseLong(required(manifest, SHADOW + "signalTolerancePpm")),
            Integer.parseInt(required(manifest, SHADOW + "maxMisalignments")),
            Long.parseLong(required(manifest, SHADOW + "minExecutionQualityPpm")),
            Integer.parseInt(required(manifest, SHADOW + "executionWindow")), twins);
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
