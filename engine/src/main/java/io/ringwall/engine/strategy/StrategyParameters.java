package io.ringwall.engine.strategy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.ringwall.engine.Fixed;

/**
 * The {@code key=value} parameters of a strategy spec, with typed getters that name the spec, the key
 * and the allowed range when a value is bad. Unknown keys are refused (a typo must not pass silently).
 */
public final class StrategyParameters
{
    private final String spec;
    private final Map<String, String> values;
    private final Set<String> used = new HashSet<>();

    public StrategyParameters(final String spec, final Map<String, String> values)
    {
        this.spec = spec;
        this.values = Map.copyOf(values);
    }

    public String text(final String key, final String defaultValue)
    {
        used.add(key);
        return values.getOrDefault(key, defaultValue);
    }

    public int integer(final String key, final int defaultValue, final int min, final int max)
    {
        final String text = text(key, null);
        final int value;
        try
        {
            value = text == null ? defaultValue : Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            throw bad(key, text, "an integer in [" + min + ", " + max + "]");
        }
        if (value < min || value > max)
        {
            throw bad(key, text, "an integer in [" + min + ", " + max + "]");
        }
        return value;
    }

    /**
     * @return a decimal as a mantissa with {@code decimals} implied decimals.
     */
    public long decimal(final String key, final String defaultValue, final int decimals, final long minMantissa)
    {
        final String text = text(key, defaultValue);
        final long value = Fixed.parse(text, 0, text.length(), decimals);
        if (value == Long.MIN_VALUE || value < minMantissa)
        {
            throw bad(key, text, "a decimal of at most " + decimals + " places, at least " +
                Fixed.format(minMantissa, decimals));
        }
        return value;
    }

    public double real(final String key, final double defaultValue, final double min)
    {
        final String text = text(key, null);
        try
        {
            final double value = text == null ? defaultValue : Double.parseDouble(text);
            if (!(value >= min) || Double.isInfinite(value))
            {
                throw bad(key, text, "a number >= " + min);
            }
            return value;
        }
        catch (final NumberFormatException ex)
        {
            throw bad(key, text, "a number >= " + min);
        }
    }

    void requireAllUsed()
    {
        for (final String key : values.keySet())
        {
            if (!used.contains(key))
            {
                throw new IllegalArgumentException("strategy '" + spec + "': unknown parameter '" + key +
                    "' (known: " + used.stream().sorted().toList() + ")");
            }
        }
    }

    private IllegalArgumentException bad(final String key, final String value, final String expected)
    {
        return new IllegalArgumentException("strategy '" + spec + "': " + key + "=" + value + " is not " + expected);
    }
}
