package io.ringwall.tools.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the validation commands' lines: a whole number and a unit, d, h, m or s ("5d", "12h"). */
public final class Durations
{
    public static final long DAY_NS = 86_400_000_000_000L;
    private static final long YEAR_NS = 365 * DAY_NS;
    private static final Pattern TEXT = Pattern.compile("([0-9]{1,9})(d|h|m|s)");

    private Durations()
    {
    }

    /**
     * @return nanoseconds, positive.
     * @throws IllegalArgumentException naming {@code option} for anything else.
     */
    public static long parse(final String option, final String text)
    {
        final Matcher matcher = TEXT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0)
        {
            throw new IllegalArgumentException(option + " " + text + " is not a positive duration like 5d, 12h, 30m");
        }
        final long unitNs = switch (matcher.group(2))
        {
            case "d" -> DAY_NS;
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 1_000_000_000L;
        };
        return Math.multiplyExact(Long.parseLong(matcher.group(1)), unitNs);
    }

    /** @return return periods of this length in a 365-day year, at least 1 (1d: 365, 1h: 8,760). */
    public static int periodsPerYear(final long periodNs)
    {
        return (int)Math.max(1, Math.round((double)YEAR_NS / periodNs));
    }
}
