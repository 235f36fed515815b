package io.ringwall.engine.marketdata;

import java.util.function.Consumer;

/**
 * Reports malformed input lines (source, line number, why) and counts them; the run continues. Prints
 * the first {@code maxPrinted} in full, then only counts, so a broken file cannot flood the terminal.
 * Runs on the adapter's thread, never on the logic thread.
 */
public final class MalformedLineReporter
{
    private final Consumer<String> out;
    private final int maxPrinted;
    private long count;

    /**
     * @param out receives one line of text per report (stderr in the CLI).
     */
    public MalformedLineReporter(final Consumer<String> out, final int maxPrinted)
    {
        this.out = out;
        this.maxPrinted = maxPrinted;
    }

    public void report(final String source, final long lineNumber, final String line, final String why)
    {
        count++;
        if (count <= maxPrinted)
        {
            out.accept("malformed line: " + source + ":" + lineNumber + ": " + why + ": '" + abbreviate(line) + "'");
        }
        else if (count == maxPrinted + 1)
        {
            out.accept("malformed line: further reports suppressed; the total is counted");
        }
    }

    public long count()
    {
        return count;
    }

    private static String abbreviate(final String line)
    {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
