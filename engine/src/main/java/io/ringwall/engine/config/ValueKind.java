package io.ringwall.engine.config;

import io.ringwall.codecs.BreakerState;
import io.ringwall.engine.Fixed;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the text of one configuration value becomes the long the records hold, and back. Every value is
 * carried as a long (fixed point, nanoseconds, 0/1, or an index into a list of names) so that YAML, environment
 * overrides and the manifest share one parser and one printer, and {@code parse(format(v)) == v} for every v.
 */
enum ValueKind
{
    /** Parts per million of a plain decimal: {@code 0.10} is 100,000. */
    FRACTION(6),
    /** Price units, 4 implied decimals (money and prices share a scale). */
    MONEY(Fixed.PRICE_DECIMALS),
    /** Quantity units, 8 implied decimals. */
    QUANTITY(Fixed.QUANTITY_DECIMALS),
    INTEGER(0),
    /** Nanoseconds, written as a whole number with a unit: {@code 250ms}, {@code 5m}. */
    DURATION(-1),
    BOOLEAN(-1),
    PARTICIPATION_MODE(-1),
    TRIP_TO(-1),
    /** full | orders-only | off: {@link ReconciliationMode}. */
    RECONCILIATION_MODE(-1);

    /** Thrown by {@link #parse}; the caller adds the source and the key, which this class does not know. */
    static final class BadValue extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        BadValue(final String problem)
        {
            super(problem, null, false, false);
        }
    }

    // Plain decimals only: no exponent, no '_' separators, so what an operator reads is what is applied.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final Pattern DURATION_TEXT = Pattern.compile("([0-9]+)(ns|us|ms|s|m|h)");
    private static final String[] DURATION_UNITS = {"h", "m", "s", "ms", "us", "ns"};
    private static final long[] DURATION_NANOS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L,
        1_000_000L, 1_000L, 1L};
    // Index = the long a value is carried as.
    private static final String[] BOOLEAN_NAMES = {"false", "true"};
    private static final BreakerState[] TRIP_STATES = {BreakerState.REDUCING, BreakerState.HALTED};
    private static final String[] MODE_NAMES = java.util.Arrays.stream(ReconciliationMode.values())
        .map(ReconciliationMode::text).toArray(String[]::new);

    private final int decimals;

    ValueKind(final int decimals)
    {
        this.decimals = decimals;
    }

    /**
     * @return the value of {@code text}.
     * @throws BadValue naming what is wrong with the text (not its range: {@link ConfigKey} checks that).
     */
    long parse(final String text)
    {
        return switch (this)
        {
            case FRACTION, MONEY, QUANTITY, INTEGER -> parseDecimal(text);
            case DURATION -> parseDuration(text);
            case BOOLEAN -> nameIndex(text, BOOLEAN_NAMES);
            case PARTICIPATION_MODE -> nameIndex(text, names(ParticipationMode.values()));
            case TRIP_TO -> nameIndex(text, names(TRIP_STATES));
            case RECONCILIATION_MODE -> nameIndex(text, MODE_NAMES);
        };
    }

    /** @return the canonical text of {@code value}, which {@link #parse} reads back to the same value. */
    String format(final long value)
    {
        return switch (this)
        {
            case FRACTION, MONEY, QUANTITY, INTEGER -> Fixed.format(value, decimals);
            case DURATION -> formatDuration(value);
            case BOOLEAN -> BOOLEAN_NAMES[(int)value];
            case PARTICIPATION_MODE -> names(ParticipationMode.values())[(int)value];
            case TRIP_TO -> names(TRIP_STATES)[(int)value];
            case RECONCILIATION_MODE -> MODE_NAMES[(int)value];
        };
    }

    /** What the kind looks like, for error messages. */
    String label()
    {
        return switch (this)
        {
            case FRACTION -> "fraction";
            case MONEY -> "money";
            case QUANTITY -> "quantity";
            case INTEGER -> "integer";
            case DURATION -> "duration";
            case BOOLEAN -> String.join(" | ", BOOLEAN_NAMES);
            case PARTICIPATION_MODE -> String.join(" | ", names(ParticipationMode.values()));
            case TRIP_TO -> String.join(" | ", names(TRIP_STATES));
            case RECONCILIATION_MODE -> String.join(" | ", MODE_NAMES);
        };
    }

    /** Whether a range is worth printing: the named kinds' texts already say every allowed value. */
    boolean isNumeric()
    {
        return decimals >= 0 || this == DURATION;
    }

    static long tripTo(final BreakerState state)
    {
        for (int i = 0; i < TRIP_STATES.length; i++)
        {
            if (TRIP_STATES[i] == state)
            {
                return i;
            }
        }
        throw new IllegalArgumentException("a breaker trips to REDUCING or HALTED, not " + state);
    }

    static BreakerState tripState(final long value)
    {
        return TRIP_STATES[(int)value];
    }

    private long parseDecimal(final String text)
    {
        if (!DECIMAL.matcher(text).matches())
        {
            throw new BadValue("is not " + (decimals == 0 ? "an integer" : "a plain decimal number"));
        }
        final BigDecimal scaled = new BigDecimal(text).movePointRight(decimals);
        if (scaled.stripTrailingZeros().scale() > 0)
        {
            throw new BadValue(decimals == 0 ? "is not an integer" : "has more than " + decimals + " decimals");
        }
        try
        {
            return scaled.longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            throw new BadValue("is too large");
        }
    }

    private static long parseDuration(final String text)
    {
        final Matcher m = DURATION_TEXT.matcher(text);
        if (!m.matches())
        {
            throw new BadValue("is not a duration: a whole number and one of ns, us, ms, s, m, h, like 250ms");
        }
        final long unitNanos = DURATION_NANOS[indexOf(DURATION_UNITS, m.group(2))];
        try
        {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unitNanos);
        }
        catch (final ArithmeticException | NumberFormatException ex)
        {
            throw new BadValue("is too large");
        }
    }

    /** The largest unit that divides the value exactly, so {@code 60000000000} prints as {@code 1m}. */
    private static String formatDuration(final long nanos)
    {
        if (nanos == 0)
        {
            return "0s";
        }
        for (int i = 0; i < DURATION_UNITS.length; i++)
        {
            if (nanos % DURATION_NANOS[i] == 0)
            {
                return (nanos / DURATION_NANOS[i]) + DURATION_UNITS[i];
            }
        }
        throw new AssertionError("1ns divides every duration");
    }

    private long nameIndex(final String text, final String[] names)
    {
        final int index = indexOf(names, text);
        if (index < 0)
        {
            throw new BadValue("is not one of " + label());
        }
        return index;
    }

    private static int indexOf(final String[] names, final String text)
    {
        for (int i = 0; i < names.length; i++)
        {
            if (names[i].equals(text))
            {
                return i;
            }
        }
        return -1;
    }

    private static String[] names(final Enum<?>[] constants)
    {
        final String[] names = new String[constants.length];
        for (int i = 0; i < constants.length; i++)
        {
            names[i] = constants[i].name().toLowerCase(Locale.ROOT);
        }
        return names;
    }
}
