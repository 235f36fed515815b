package io.ringwall.engine.config;

import java.util.Locale;

/**
 * One entry of the catalogue ({@link ConfigCatalogue}): a dotted key, its kind and allowed range, and where
 * its value sits in the records. The range is the one the record's constructor requires, checked here first
 * so that the error names the key an operator wrote rather than a record component.
 */
final class ConfigKey
{
    /** Reads this key's value, as {@link ValueKind} carries it, out of built records (for the manifest). */
    @FunctionalInterface
    interface Reader
    {
        long read(RiskLimits risk, BreakerLimits breakers);
    }

    private static final String ENV_PREFIX = "RINGWALL_";

    final String name;
    final ValueKind kind;
    final long min;
    final long max;
    /** Index into {@link ConfigValues}' arrays: the key's position in the catalogue; -1 for instrument fields. */
    final int index;
    private final String unit;
    private final Reader reader;

    ConfigKey(final int index, final String name, final ValueKind kind, final String unit, final long min,
        final long max, final Reader reader)
    {
        this.index = index;
        this.name = name;
        this.kind = kind;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.reader = reader;
    }

    /**
     * @param source the file or variable the text came from, named first in an error.
     * @return the value of {@code text}.
     * @throws ConfigException when the text is not of this key's kind or its value is out of range.
     */
    long parse(final String source, final String text)
    {
        return parse(source, name, text);
    }

    /** As {@link #parse(String, String)}, for a field whose key in errors carries a position. */
    long parse(final String source, final String shownName, final String text)
    {
        if (text.isEmpty())
        {
            throw new ConfigException(source + ": " + shownName + " has no value (" + range() + ")");
        }
        final long value;
        try
        {
            value = kind.parse(text);
        }
        catch (final ValueKind.BadValue ex)
        {
            // A named kind's problem already lists every allowed value; a number's gains its range.
            throw new ConfigException(source + ": " + shownName + " = " + text + " " + ex.getMessage() +
                (kind.isNumeric() ? " (" + range() + ")" : ""));
        }
        if (value < min || value > max)
        {
            throw new ConfigException(source + ": " + shownName + " = " + text + " is not allowed: " + range());
        }
        return value;
    }

    String format(final long value)
    {
        return kind.format(value);
    }

    long read(final RiskLimits risk, final BreakerLimits breakers)
    {
        return reader.read(risk, breakers);
    }

    /** {@code risk.max-order-notional} is overridden by {@code RINGWALL_RISK_MAX_ORDER_NOTIONAL}. */
    String environmentVariable()
    {
        return environmentVariable(name);
    }

    static String environmentVariable(final String key)
    {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Kind and allowed values, for errors: {@code money >= 0}, {@code fraction of equity, 0..100}. */
    String range()
    {
        if (!kind.isNumeric())
        {
            return unit;
        }
        return max == Long.MAX_VALUE ? unit + " >= " + format(min) : unit + ", " + format(min) + ".." + format(max);
    }

    @Override
    public String toString()
    {
        return name;
    }
}
