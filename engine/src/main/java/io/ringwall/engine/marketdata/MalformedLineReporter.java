package io.ringwall.engine.marketdata;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the malformed lines of one read of a market-data file (source, line number, why), keeping the first
 * few for a one-line summary: a broken file is summarised, never echoed line by line. A read may carry a budget,
 * the most malformed lines it accepts: one more ends the read with a {@link MarketDataRefusedException}.
 * Runs on the adapter's thread, never on the logic thread.
 *
 * <p>The rule (market-data.max-malformed-fraction, 1 % by default): a file whose malformed lines are more than
 * that share of its data lines (header and blank lines not counted) is refused. The CLI reads the file once
 * before trading, delivering nothing ({@link MarketDataSink#DISCARD}), and refuses it then with
 * {@link #overLimit}: so the rule holds for the whole file, a bad first line among many good ones is not a
 * halt, and a refused file has traded nothing. The trading read then gets the budget that first read found
 * ({@link #budget}), so a file that grew worse in between is stopped as soon as it passes it.
 */
public final class MalformedLineReporter
{
    /** Malformed lines a summary names. */
    public static final int SAMPLES = 3;
    private static final long PPM = 1_000_000;

    private final long budget;
    private final List<String> samples = new ArrayList<>(SAMPLES);
    private String source;
    private long count;
    private long firstLine;
    private String firstWhy;

    /** A read without a budget: every malformed line is counted and skipped. */
    public MalformedLineReporter()
    {
        this(Long.MAX_VALUE);
    }

    /**
     * @param budget the most malformed lines this read accepts.
     */
    public MalformedLineReporter(final long budget)
    {
        if (budget < 0)
        {
            throw new IllegalArgumentException("malformed-line budget " + budget + " is negative");
        }
        this.budget = budget;
    }

    /**
     * @return the most malformed lines a file of {@code dataLines} data lines may have under {@code maxPpm}
     *         (parts per million of its data lines).
     */
    public static long budget(final long dataLines, final long maxPpm)
    {
        return dataLines / PPM * maxPpm + dataLines % PPM * maxPpm / PPM;
    }

    /**
     * @param line the line's text: not kept (the reason quotes the field at fault, and the line number finds it).
     * @throws MarketDataRefusedException when this line is one more than the budget.
     */
    public void report(final String source, final long lineNumber, final String line, final String why)
    {
        count++;
        if (count == 1)
        {
            this.source = source;
            firstLine = lineNumber;
            firstWhy = why;
        }
        if (samples.size() < SAMPLES)
        {
            samples.add("line " + lineNumber + ": " + why);
        }
        if (count > budget)
        {
            throw new MarketDataRefusedException("market data refused: " + count + " malformed lines in " + source +
                " by line " + lineNumber + ", more than the " + budget + " its first read allowed (did the file " +
                "change?); the first is line " + firstLine + ": " + firstWhy);
        }
    }

    public long count()
    {
        return count;
    }

    /** @return the first malformed line's number, 0 when there was none. */
    public long firstLine()
    {
        return firstLine;
    }

    /**
     * @param dataLines the read's data lines (delivered plus malformed: {@code events + malformed} of its stats).
     * @param maxPpm    the share allowed, parts per million.
     * @return null when the malformed lines are within the share, else the one-line refusal: count, share, the
     *         first malformed line's number and why.
     */
    public String overLimit(final String location, final long dataLines, final long maxPpm)
    {
        if (count <= budget(dataLines, maxPpm))
        {
            return null;
        }
        return String.format("market data refused: %,d of %,d data lines of %s are malformed (%s, more than the %s " +
            "market-data.max-malformed-fraction allows); the first is line %d: %s", count, dataLines, location,
            percent(count, dataLines), percent(maxPpm, PPM), firstLine, firstWhy);
    }

    /**
     * @return one line: how many were malformed of how many, and the first few with line number and why; null
     *         when none was.
     */
    public String summary(final long dataLines)
    {
        if (count == 0)
        {
            return null;
        }
        return String.format("%,d of %,d data lines of %s malformed (%s), counted and skipped: %s%s", count,
            dataLines, source, percent(count, dataLines), String.join("; ", samples),
            count > samples.size() ? "; (the first " + samples.size() + ")" : "");
    }

    private static String percent(final long part, final long whole)
    {
        return whole == 0 ? "-" : String.format("%.3f %%", 100.0 * part / whole);
    }
}
