package io.ringwall.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.ringwall.engine.market.MarketModel;
import java.util.TreeMap;

/**
 * Loads the risk limits, breakers and instruments a session runs with, once at start-up, and refuses any
 * configuration it cannot read completely and exactly.
 *
 * <p>Layers, each replacing single values of the one before:
 * <ol>
 *   <li>{@code ringwall.yaml}, the base: must define every key of the catalogue by itself.</li>
 *   <li>{@code ringwall-<environment>.yaml}: any subset of the keys. It must exist, for a directory as for the
 *       classpath, even if it is empty: a production start from a directory that lacks the production overlay
 *       would otherwise trade with the base's full-size limits without a word. An empty file says "as the
 *       base" on purpose.</li>
 *   <li>Environment variables: {@code RINGWALL_} and the key upper-cased with '.' and '-' as '_', e.g.
 *       {@code RINGWALL_RISK_MAX_ORDER_NOTIONAL=5000}. Any other variable starting {@code RINGWALL_RISK_} or
 *       {@code RINGWALL_BREAKERS_} is an error, so a misspelt override is never silently ignored.</li>
 * </ol>
 * Merging is per key: the limits files hold only maps of single values, so replacing leaf by leaf is the deep
 * merge of the two trees. Every value of every layer is checked, even one a later layer replaces.
 * {@code instruments.yaml} (required) is read from the same location and has no overlay.
 */
public final class ConfigLoader
{
    /** The files the engine jar ships. */
    public static final String DEFAULT_LOCATION = ConfigLocation.CLASSPATH_PREFIX + "ringwall/config";
    public static final List<String> ENVIRONMENTS = List.of("development", "staging", "production");
    public static final String BASE_FILE = "ringwall.yaml";
    public static final String INSTRUMENTS_FILE = "instruments.yaml";
    private static final List<String> OVERRIDE_PREFIXES = List.of("RINGWALL_RISK_", "RINGWALL_BREAKERS_",
        "RINGWALL_CHECKPOINT_", "RINGWALL_SHUTDOWN_", "RINGWALL_JOURNAL_",
        "RINGWALL_MARKET_DATA_", "RINGWALL_RECONCILIATION_", "RINGWALL_ORDERS_", "RINGWALL_RETENTION_",
        "RINGWALL_SHADOW_");

    private ConfigLoader()
    {
    }

    /**
     * @return the environment variable that overrides {@code key}: {@code risk.max-order-notional} is
     * {@code RINGWALL_RISK_MAX_ORDER_NOTIONAL} (so a command-line override takes the same checked path).
     */
    public static String variableName(final String key)
    {
        return ConfigKey.environmentVariable(key);
    }

    /** @return the overlay file of an environment: {@code ringwall-production.yaml}. */
    /**
     * Reads a bar interval given on the command line ({@code --bar-interval 24h}) as the YAML key
     * {@code breakers.stale-data.bar-interval} takes it, except that 0 is refused too: there it means "detect it",
     * which an explicit option cannot mean.
     *
     * @return nanoseconds, positive.
     * @throws ConfigException (one line) for a value that is not a positive duration in range.
     */
    public static long barIntervalOption(final String option, final String text)
    {
        final long intervalNs;
        try
        {
            intervalNs = ValueKind.DURATION.parse(text == null ? "" : text.trim());
        }
        catch (final ValueKind.BadValue ex)
        {
            throw new ConfigException(option + " " + text + " " + ex.getMessage());
        }
        if (intervalNs <= 0 || intervalNs > BreakerLimits.MAX_BAR_INTERVAL_NS)
        {
            throw new ConfigException(option + " " + text + " is not allowed: a bar interval is a positive duration " +
                "of at most " + ValueKind.DURATION.format(BreakerLimits.MAX_BAR_INTERVAL_NS) + ", like 5m or 24h");
        }
        return intervalNs;
    }

    public static String overlayFile(final String environment)
    {
        return "ringwall-" + environment + ".yaml";
    }

    /**
     * @param location             a directory, or {@code classpath:<folder>} ({@link #DEFAULT_LOCATION}).
     * @param environment          development, staging or production: picks the overlay.
     * @param environmentVariables the process environment ({@code System.getenv()}); only {@code RINGWALL_RISK_*},
     *                             {@code RINGWALL_BREAKERS_*}, {@code RINGWALL_CHECKPOINT_*} and
     *                             {@code RINGWALL_SHUTDOWN_*}, {@code RINGWALL_JOURNAL_*} and {@code RINGWALL_MARKET_DATA_*} are read.
     * @throws ConfigException naming the file or variable, the key, the value and what is allowed.
     */
    public static LoadedConfig load(final String location, final String environment,
        final Map<String, String> environmentVariables)
    {
        Objects.requireNonNull(environmentVariables, "environmentVariables");
        if (!ENVIRONMENTS.contains(environment))
        {
            throw new ConfigException("environment '" + environment + "' is not one of " +
                String.join(", ", ENVIRONMENTS));
        }
        final ConfigLocation files = ConfigLocation.of(location);
        final List<String> sources = new ArrayList<>();
        final ConfigValues values = new ConfigValues();
        applyFile(files, BASE_FILE, values, sources);
        // Complete on its own, so a key that only some overlay sets fails in every environment, not just one.
        values.requireAll(files.describe(BASE_FILE));
        applyFile(files, overlayFile(environment), values, sources);
        final String instrumentsSource = files.describe(INSTRUMENTS_FILE);
        final List<InstrumentSpec> instruments = InstrumentFields.fromYaml(instrumentsSource,
            required(files, INSTRUMENTS_FILE));
        sources.add(instrumentsSource);
        // Optional: a configuration without it trades against the default market.
        final MarketModel loadedMarket = MarketFile.loadOrNull(files);
        if (loadedMarket != null)
        {
            sources.add(files.describe(MarketFile.FILE));
        }
        final MarketModel market = loadedMarket != null ? loadedMarket : MarketModel.defaults();
        applyOverrides(environmentVariables, values, sources);
        values.refuseUnsafeInProduction(environment);

        final String base = files.describe(BASE_FILE);
        return new LoadedConfig(values.risk(base), values.breakers(base), instruments, market, environment, sources,
            values.lifecycle(base), values.maxMalformedPpm(), values.reconciliationMode(),
            values.statusTimeoutNs(), values.statusTries(), values.journalBatching(base), values.retentionKeepDays(),
            values.shadow(base));
    }

    private static void applyFile(final ConfigLocation files, final String fileName, final ConfigValues values,
        final List<String> sources)
    {
        final String source = files.describe(fileName);
        applyTree(source, "", required(files, fileName), values);
        sources.add(source);
    }

    /** Walks the nested maps; the dotted path of a single value is its catalogue key. */
    private static void applyTree(final String source, final String path, final Map<?, ?> tree,
        final ConfigValues values)
    {
        for (final Map.Entry<?, ?> entry : tree.entrySet())
        {
            final String key = path.isEmpty() ? (String)entry.getKey() : path + "." + entry.getKey();
            final Object value = entry.getValue();
            if (ConfigCatalogue.isSection(key))
            {
                if (!(value instanceof Map<?, ?> section))
                {
                    throw new ConfigException(source + ": " + key + " is not a map of keys");
                }
                applyTree(source, key, section, values);
                continue;
            }
            final ConfigKey configKey = ConfigCatalogue.byName(key);
            if (configKey == null)
            {
                throw new ConfigException(source + ": unknown key " + key);
            }
            if (!(value instanceof String text))
            {
                throw new ConfigException(source + ": " + key + " is not a single value (" + configKey.range() + ")");
            }
            values.set(configKey, source, text);
        }
    }

    private static void applyOverrides(final Map<String, String> environmentVariables, final ConfigValues values,
        final List<String> sources)
    {
        // Sorted, so the sources list (and which of two errors is reported) does not depend on hash order.
        for (final Map.Entry<String, String> variable : new TreeMap<>(environmentVariables).entrySet())
        {
            final String name = variable.getKey();
            if (OVERRIDE_PREFIXES.stream().noneMatch(name::startsWith))
            {
                continue;
            }
            final ConfigKey key = ConfigCatalogue.byEnvironmentVariable(name);
            if (key == null)
            {
                throw new ConfigException("environment variable " + name + " is not a configuration key (" +
                    String.join("* and ", OVERRIDE_PREFIXES) + "* variables override catalogue keys, like " +
                    ConfigCatalogue.MAX_ORDER_NOTIONAL.environmentVariable() + ")");
            }
            final String text = variable.getValue().strip();
            values.set(key, "environment variable " + name, text);
            sources.add(name + "=" + text);
        }
    }

    private static Map<String, Object> required(final ConfigLocation files, final String fileName)
    {
        final Map<String, Object> tree = YamlFile.readOrNull(files, fileName);
        if (tree == null)
        {
            throw new ConfigException(files.describe(fileName) + ": is missing (" + BASE_FILE + ", " +
                INSTRUMENTS_FILE + " and the environment's overlay, which may be empty, are all required)");
        }
        return tree;
    }
}
