package io.ringwall.tools;

import java.util.Locale;

/**
 * Durations as a person reads them in a summary: the two largest units ("3d 4h", "19h 30m", "5m", "2.5s").
 * Exact figures stay in {@code ringwall risk-events}; this is for the plain-words lines.
 */
final class HumanDuration
{
    private static final long SECOND_NS = 1_000_000_000L;
    private static final long[] UNIT_NS = {86_400 * SECOND_NS, 3_600 * SECOND_NS, 60 * SECOND_NS, SECOND_NS};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s"};

    private HumanDuration()
    {
    }

    static String format(final long nanos)
    {
        if (nanos < 0)
        {
            return "-" + format(-nanos);
        }
        if (nanos < 60 * SECOND_NS)
        {
            final String seconds = String.format(Locale.ROOT, "%.3f", nanos / (double)SECOND_NS);
            return seconds.replaceAll("\\.?0+$", "") + "s";
        }
        final StringBuilder text = new StringBuilder();
        long rest = nanos;
        int parts = 0;
        for (int i = 0; i < UNIT_NS.length && parts < 2; i++)
        {
            final long count = rest / UNIT_NS[i];
            rest -= count * UNIT_NS[i];
            if (count > 0 || parts > 0)
            {
                if (count > 0)
                {
                    text.append(text.length() == 0 ? "" : " ").append(count).append(UNIT_NAMES[i]);
                }
                parts++;
            }
        }
        return text.toString();
    }
}
