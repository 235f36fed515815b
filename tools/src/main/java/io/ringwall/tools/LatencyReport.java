package io.ringwall.tools;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.HdrHistogram.Histogram;

/**
 * The text of {@code ringwall latency-report}: a percentile table per stage, and a before/after
 * comparison of two logs. Figures are microseconds.
 */
final class LatencyReport
{
    /** The percentiles of the table, in percent. */
    static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};
    private static final String[] NAMES = {"p50", "p90", "p99", "p99.9", "p99.99", "max"};

    private LatencyReport()
    {
    }

    /**
     * @return the figure of column {@code column} of {@link #NAMES}, in nanoseconds.
     */
    static long figure(final Histogram histogram, final int column)
    {
        return column < PERCENTILES.length ? histogram.getValueAtPercentile(PERCENTILES[column]) : histogram.getMaxValue();
    }

    /**
     * @return one line per stage: count, p50, p90, p99, p99.9, p99.99, max (us), under a title line.
     */
    static String table(final LatencyLog log)
    {
        final StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %d intervals from %.1f s to %.1f s after the start (%s)%n",
            log.file(), log.intervals(), log.firstSec(), log.lastSec(), log.startTime()));
        text.append(String.format(Locale.ROOT, "%-18s %12s", "stage", "count"));
        for (final String name : NAMES)
        {
            text.append(String.format(Locale.ROOT, " %11s", name + " us"));
        }
        text.append('\n');
        for (final LatencyLog.Stage stage : log.stages())
        {
            text.append(String.format(Locale.ROOT, "%-18s %,12d", stage.tag(), stage.histogram().getTotalCount()));
            for (int column = 0; column < NAMES.length; column++)
            {
                text.append(String.format(Locale.ROOT, " %11s", micros(figure(stage.histogram(), column))));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * @return per stage and percentile: the baseline's figure, this log's, and the change in percent.
     */
    static String compare(final LatencyLog before, final LatencyLog after)
    {
        final StringBuilder text = new StringBuilder();
        text.append("before: ").append(before.file()).append('\n');
        text.append("after:  ").append(after.file()).append('\n');
        text.append(String.format(Locale.ROOT, "%-18s %-10s %12s %12s %9s%n", "stage", "percentile", "before us",
            "after us", "change"));
        final Set<String> tags = new LinkedHashSet<>();
        after.stages().forEach(s -> tags.add(s.tag()));
        before.stages().forEach(s -> tags.add(s.tag()));
        for (final String tag : tags)
        {
            final LatencyLog.Stage was = before.stage(tag);
            final LatencyLog.Stage is = after.stage(tag);
            for (int column = 0; column < NAMES.length; column++)
            {
                final long wasNs = was == null ? -1 : figure(was.histogram(), column);
                final long isNs = is == null ? -1 : figure(is.histogram(), column);
                text.append(String.format(Locale.ROOT, "%-18s %-10s %12s %12s %9s%n", tag, NAMES[column],
                    wasNs < 0 ? "-" : micros(wasNs), isNs < 0 ? "-" : micros(isNs), change(wasNs, isNs)));
            }
        }
        return text.toString();
    }

    /**
     * @return the change from {@code before} to {@code after} in percent, e.g. "-12.5%", or "n/a".
     */
    static String change(final long before, final long after)
    {
        if (before <= 0 || after < 0)
        {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (after - before) * 100.0 / before);
    }

    static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e3);
    }
}
