package io.ringwall.engine.marketdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a CSV file line by line for the adapters: skips the header and blank lines, splits on commas
 * into reusable field bounds, and hands each data line to a parser that either accepts it or says why
 * not; refusals go to the {@link MalformedLineReporter} and the reading goes on (unless the reporter's budget
 * is spent: then its {@link MarketDataRefusedException} ends the read).
 */
final class CsvLines
{
    /** Parses one data line; returns null when accepted, else why it was refused. */
    @FunctionalInterface
    interface LineParser
    {
        String parse(CsvLines line);
    }

    private final String location;
    private final String header;
    private final int[] starts;
    private final int[] ends;
    private String text;
    private int fields;

    CsvLines(final String location, final String header, final int fieldCount)
    {
        this.location = location;
        this.header = header;
        this.starts = new int[fieldCount];
        this.ends = new int[fieldCount];
    }

    SourceStats read(final MalformedLineReporter reporter, final LineParser parser)
    {
        long lineNumber = 0;
        long events = 0;
        long malformed = 0;
        try (BufferedReader reader = DataFiles.open(location))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                lineNumber++;
                if (line.isBlank() || (lineNumber == 1 && line.trim().equalsIgnoreCase(header)))
                {
                    continue;
                }
                final String why = split(line) ? parser.parse(this) :
                    "expected " + starts.length + " fields (" + header + "), found " + fields;
                if (why == null)
                {
                    events++;
                }
                else
                {
                    malformed++;
                    reporter.report(location, lineNumber, line, why);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + location + " after line " + lineNumber, ex);
        }
        return new SourceStats(lineNumber, events, malformed);
    }

    String text()
    {
        return text;
    }

    int start(final int field)
    {
        return starts[field];
    }

    int end(final int field)
    {
        return ends[field];
    }

    String field(final int field)
    {
        return text.substring(starts[field], ends[field]);
    }

    private boolean split(final String line)
    {
        text = line;
        fields = 0;
        int from = 0;
        while (true)
        {
            final int comma = line.indexOf(',', from);
            final int end = comma < 0 ? line.length() : comma;
            if (fields < starts.length)
            {
                starts[fields] = trimStart(line, from, end);
                ends[fields] = trimEnd(line, starts[fields], end);
            }
            fields++;
            if (comma < 0)
            {
                return fields == starts.length;
            }
            from = comma + 1;
        }
    }

    private static int trimStart(final String line, final int from, final int end)
    {
        int i = from;
        while (i < end && line.charAt(i) <= ' ')
        {
            i++;
        }
        return i;
    }

    private static int trimEnd(final String line, final int start, final int end)
    {
        int i = end;
        while (i > start && line.charAt(i - 1) <= ' ')
        {
            i--;
        }
        return i;
    }
}
