package io.ringwall.engine.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ringwall.engine.market.MarketModel;

/**
 * The configuration as flat properties, for the session journal's manifest: replay rebuilds the exact limits
 * and instruments the session ran with, whatever the YAML files or environment say by then. Keys are the
 * catalogue's dotted keys, {@code instruments} (the count) and {@code instrument.<i>.<field>}; values are the
 * canonical text the YAML parsers read, so {@code fromProperties(toProperties(x))} equals x exactly.
 */
public final class ConfigManifest
{
    /** The source named in errors and in {@link LoadedConfig#sources()}; also the loaded environment. */
    public static final String SOURCE = "manifest";
    public static final String INSTRUMENT_COUNT = "instruments";
    private static final String INSTRUMENT_PREFIX = "instrument.";
    private static final ConfigKey COUNT = new ConfigKey(-1, INSTRUMENT_COUNT, ValueKind.INTEGER,
        "number of instruments", 0, Integer.MAX_VALUE, null);

    private ConfigManifest()
    {
    }

    /** @return every value, in catalogue order then instrument by instrument. */
    public static Map<String, String> toProperties(final RiskLimits risk, final BreakerLimits breakers,
        final List<InstrumentSpec> instruments)
    {
        final Map<String, String> properties = new LinkedHashMap<>();
        for (final ConfigKey key : ConfigCatalogue.KEYS)
        {
            if (!isImpliedWhenAbsent(key, breakers))
            {
                properties.put(key.name, key.format(key.read(risk, breakers)));
            }
        }
        properties.put(INSTRUMENT_COUNT, COUNT.format(instruments.size()));
        for (int i = 0; i < instruments.size(); i++)
        {
            final String prefix = INSTRUMENT_PREFIX + i + ".";
            InstrumentFields.format(instruments.get(i)).forEach((field, text) -> properties.put(prefix + field, text));
        }
        return properties;
    }

    /**
     * @return the configuration the properties describe, with environment {@value #SOURCE}.
     * @throws ConfigException for a missing, unknown or invalid key, as for the YAML files.
     */
    /**
     * @return whether a manifest key belongs to this configuration (the manifest also holds the session's
     * other entries).
     */
    /**
     * The bar keys are left out where they hold the value {@link #fromProperties} gives them when absent (trade
     * data), so the manifest of a session from before they existed is still the manifest this engine writes for
     * it, and the session resumes; the round trip stays exact.
     */
    private static boolean isImpliedWhenAbsent(final ConfigKey key, final BreakerLimits breakers)
    {
        return key == ConfigCatalogue.BAR_INTERVAL && breakers.barIntervalNs() == 0 ||
            key == ConfigCatalogue.STALE_BAR_INTERVALS && breakers.staleBarIntervals() == BreakerLimits.DEFAULT_STALE_BAR_INTERVALS;
    }

    /** @return the market model as manifest entries, every key under {@code market.}. */
    public static Map<String, String> marketToProperties(final MarketModel market)
    {
        final Map<String, String> properties = new LinkedHashMap<>();
        MarketFile.format(market).forEach((key, value) -> properties.put(MarketFile.PREFIX + key, value));
        return properties;
    }

    /**
     * @return the market model of a manifest's {@code market.} entries; the defaults for a session written
     * before the market model existed (it has none).
     */
    public static MarketModel marketFromProperties(final Map<String, String> properties)
    {
        final Map<String, String> flat = new LinkedHashMap<>();
        properties.forEach((key, value) ->
        {
            if (key.startsWith(MarketFile.PREFIX))
            {
                flat.put(key.substring(MarketFile.PREFIX.length()), value);
            }
        });
        return flat.isEmpty() ? MarketModel.defaults() : MarketFile.parse(SOURCE, flat);
    }

    public static boolean isConfigKey(final String key)
    {
        return key.startsWith("risk.") || key.startsWith("breakers.") || key.equals(INSTRUMENT_COUNT) ||
            key.startsWith(INSTRUMENT_PREFIX);
    }

    public static LoadedConfig fromProperties(final Map<String, String> properties)
    {
        final String countText = properties.get(INSTRUMENT_COUNT);
        if (countText == null)
        {
            throw new ConfigException(SOURCE + ": " + INSTRUMENT_COUNT + " is missing (" + COUNT.range() + ")");
        }
        final int count = (int)COUNT.parse(SOURCE, countText);
        final ConfigValues values = new ConfigValues();
        // Sessions journaled before bar intervals existed measured staleness by the two ages alone: that is 0s.
        values.setParsed(ConfigCatalogue.BAR_INTERVAL, SOURCE, 0);
        values.setParsed(ConfigCatalogue.STALE_BAR_INTERVALS, SOURCE, BreakerLimits.DEFAULT_STALE_BAR_INTERVALS);
        final Map<Integer, Map<String, String>> fields = new HashMap<>();
        for (final Map.Entry<String, String> property : properties.entrySet())
        {
            final String name = property.getKey();
            final ConfigKey key = ConfigCatalogue.byName(name);
            if (key != null)
            {
                values.set(key, SOURCE, property.getValue());
            }
            else if (name.startsWith(INSTRUMENT_PREFIX))
            {
                final int dot = name.indexOf('.', INSTRUMENT_PREFIX.length());
                final int index = dot < 0 ? -1 : instrumentIndex(name.substring(INSTRUMENT_PREFIX.length(), dot), count);
                if (index < 0)
                {
                    throw new ConfigException(SOURCE + ": unknown key " + name + " (instruments are " +
                        INSTRUMENT_PREFIX + "0 to " + INSTRUMENT_PREFIX + (count - 1) + ")");
                }
                fields.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(name.substring(dot + 1),
                    property.getValue());
            }
            else if (!INSTRUMENT_COUNT.equals(name))
            {
                throw new ConfigException(SOURCE + ": unknown key " + name);
            }
        }
        final List<InstrumentSpec> instruments = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            instruments.add(InstrumentFields.parse(SOURCE, INSTRUMENT_PREFIX + i + ".", fields.getOrDefault(i,
                Map.of())));
        }
        InstrumentFields.requireUniqueSymbols(SOURCE, instruments, i -> INSTRUMENT_PREFIX + i + "." +
            InstrumentFields.SYMBOL);
        return new LoadedConfig(values.risk(SOURCE), values.breakers(SOURCE), instruments, MarketModel.defaults(), SOURCE,
            List.of(SOURCE), values.lifecycle(SOURCE), values.maxMalformedPpm(), values.reconciliationMode(),
            values.statusTimeoutNs(), values.statusTries(), values.journalBatching(SOURCE), values.retentionKeepDays(),
            values.shadow(SOURCE));
    }

    /** @return the index, or -1 unless it is a canonical number below {@code count} ("01" is not). */
    private static int instrumentIndex(final String text, final int count)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) < '0' || text.charAt(i) > '9')
            {
                return -1;
            }
        }
        if (text.isEmpty() || text.length() > 9 || (text.length() > 1 && text.charAt(0) == '0'))
        {
            return -1;
        }
        final int index = Integer.parseInt(text);
        return index < count ? index : -1;
    }
}
