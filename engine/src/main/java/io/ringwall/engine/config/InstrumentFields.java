package io.ringwall.engine.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The fields of one instrument of reference data, once, for {@code instruments.yaml} and the manifest; ranges
 * as {@link InstrumentSpec}'s constructor requires them. A field's key in errors carries the instrument's
 * position: {@code instruments[2].sector} in YAML, {@code instrument.2.sector} in a manifest.
 */
final class InstrumentFields
{
    static final String SYMBOL = "symbol";
    static final String SECTOR = "sector";
    private static final ConfigKey LOT_SIZE = field("lot-size", ValueKind.QUANTITY, "quantity", 1);
    private static final ConfigKey TICK_SIZE = field("tick-size", ValueKind.MONEY, "price", 1);
    private static final ConfigKey AVERAGE_DAILY_VOLUME = field("average-daily-volume", ValueKind.QUANTITY,
        "quantity, 0 = unknown", 0);
    private static final ConfigKey PRICE_BAND = field("price-band", ValueKind.FRACTION,
        "fraction of the reference price, 0 = the default collar", 0);

    /** Every field name, in manifest order. */
    static final List<String> NAMES = List.of(SYMBOL, SECTOR, LOT_SIZE.name, TICK_SIZE.name,
        AVERAGE_DAILY_VOLUME.name, PRICE_BAND.name);

    private InstrumentFields()
    {
    }

    /**
     * @param prefix the instrument's key in errors, with its trailing separator: {@code instruments[2].}.
     * @param fields field name to text, as written.
     * @throws ConfigException for an unknown, missing or invalid field.
     */
    static InstrumentSpec parse(final String source, final String prefix, final Map<String, String> fields)
    {
        for (final String name : fields.keySet())
        {
            if (!NAMES.contains(name))
            {
                throw new ConfigException(source + ": unknown key " + prefix + name + " (an instrument has " +
                    String.join(", ", NAMES) + ")");
            }
        }
        final String symbol = text(source, prefix, fields, SYMBOL);
        if (symbol.contains(",") || symbol.contains("="))
        {
            // The journal and the manifest list symbols separated by ',' and '='.
            throw new ConfigException(source + ": " + prefix + SYMBOL + " = " + symbol +
                " is not allowed: a symbol without ',' or '='");
        }
        return new InstrumentSpec(symbol, text(source, prefix, fields, SECTOR),
            number(source, prefix, fields, LOT_SIZE), number(source, prefix, fields, TICK_SIZE),
            number(source, prefix, fields, AVERAGE_DAILY_VOLUME), number(source, prefix, fields, PRICE_BAND));
    }

    /** @return the instrument's fields in canonical text, which {@link #parse} reads back to an equal record. */
    static Map<String, String> format(final InstrumentSpec spec)
    {
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put(SYMBOL, spec.symbol());
        fields.put(SECTOR, spec.sector());
        fields.put(LOT_SIZE.name, LOT_SIZE.format(spec.lotSize()));
        fields.put(TICK_SIZE.name, TICK_SIZE.format(spec.tickSize()));
        fields.put(AVERAGE_DAILY_VOLUME.name, AVERAGE_DAILY_VOLUME.format(spec.averageDailyVolume()));
        fields.put(PRICE_BAND.name, PRICE_BAND.format(spec.priceBandPpm()));
        return fields;
    }

    /**
     * The symbol is the instrument's name everywhere else, so two instruments may not share one.
     *
     * @param symbolKey the key of instrument i's symbol in errors.
     */
    static void requireUniqueSymbols(final String source, final List<InstrumentSpec> instruments,
        final IntFunction<String> symbolKey)
    {
        final Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < instruments.size(); i++)
        {
            final Integer first = seen.putIfAbsent(instruments.get(i).symbol(), i);
            if (first != null)
            {
                throw new ConfigException(source + ": " + symbolKey.apply(i) + " = " + instruments.get(i).symbol() +
                    " is not allowed: the symbol of " + symbolKey.apply(first) + " already");
            }
        }
    }

    /** @return the instruments of an {@code instruments.yaml} tree: {@code instruments:} and a list of maps. */
    static List<InstrumentSpec> fromYaml(final String source, final Map<String, Object> tree)
    {
        for (final String key : tree.keySet())
        {
            if (!"instruments".equals(key))
            {
                throw new ConfigException(source + ": unknown key " + key + " (the file holds only instruments)");
            }
        }
        if (!(tree.get("instruments") instanceof List<?> list))
        {
            throw new ConfigException(source + ": instruments is missing (a list of instruments, each a map of " +
                String.join(", ", NAMES) + ")");
        }
        final List<InstrumentSpec> instruments = new ArrayList<>();
        for (final Object item : list)
        {
            final String prefix = "instruments[" + instruments.size() + "].";
            instruments.add(parse(source, prefix, scalars(source, prefix, item)));
        }
        requireUniqueSymbols(source, instruments, i -> "instruments[" + i + "]." + SYMBOL);
        return instruments;
    }

    private static Map<String, String> scalars(final String source, final String prefix, final Object item)
    {
        if (!(item instanceof Map<?, ?> map))
        {
            throw new ConfigException(source + ": " + prefix.substring(0, prefix.length() - 1) +
                " is not a map of " + String.join(", ", NAMES));
        }
        final Map<String, String> fields = new LinkedHashMap<>();
        map.forEach((name, value) ->
        {
            if (!(value instanceof String text))
            {
                throw new ConfigException(source + ": " + prefix + name + " is not a single value");
            }
            fields.put((String)name, text);
        });
        return fields;
    }

    private static String text(final String source, final String prefix, final Map<String, String> fields,
        final String name)
    {
        final String text = fields.get(name);
        if (text == null || text.isBlank())
        {
            throw new ConfigException(source + ": " + prefix + name + " is missing (text)");
        }
        return text;
    }

    private static long number(final String source, final String prefix, final Map<String, String> fields,
        final ConfigKey field)
    {
        final String text = fields.get(field.name);
        if (text == null)
        {
            throw new ConfigException(source + ": " + prefix + field.name + " is missing (" + field.range() + ")");
        }
        return field.parse(source, prefix + field.name, text);
    }

    private static ConfigKey field(final String name, final ValueKind kind, final String unit, final long min)
    {
        return new ConfigKey(-1, name, kind, unit, min, Long.MAX_VALUE, null);
    }
}
