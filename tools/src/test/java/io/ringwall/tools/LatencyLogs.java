package io.ringwall.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes latency logs with known contents, the way the engine's interval logger does.
 */
final class LatencyLogs implements AutoCloseable
{
    static final long START_MS = 1_700_000_000_000L;

    private final PrintStream out;
    private final HistogramLogWriter writer;

    LatencyLogs(final Path file) throws IOException
    {
        out = new PrintStream(file.toFile(), "US-ASCII");
        writer = new HistogramLogWriter(out);
        writer.outputLogFormatVersion();
        writer.outputStartTime(START_MS);
        writer.setBaseTime(START_MS);
        writer.outputBaseTime(START_MS);
        writer.outputLegend();
    }

    /**
     * Writes one interval of {@code tag} starting {@code atSec} after the start, 1 s long, holding the
     * values from {@code first} to {@code last} step {@code step} (nanoseconds).
     */
    LatencyLogs interval(final String tag, final double atSec, final long first, final long last, final long step)
    {
        final Histogram histogram = new Histogram(60_000_000_000L, 3);
        for (long value = first; value <= last; value += step)
        {
            histogram.recordValue(value);
        }
        histogram.setTag(tag);
        histogram.setStartTimeStamp(START_MS + (long)(atSec * 1000));
        histogram.setEndTimeStamp(START_MS + (long)(atSec * 1000) + 1000);
        writer.outputIntervalHistogram(histogram);
        return this;
    }

    @Override
    public void close()
    {
        out.close();
    }
}
