package io.ringwall.engine.metrics;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A thread, off the hot path, that every interval swaps out each stage's interval histogram and
 * appends it to an HdrHistogram log ({@code latency.hlog}), tagged with the stage's
 * {@link LatencyStage#tag()}. Intervals in which a stage recorded nothing are not written.
 *
 * <p>The log starts with the format version, a comment, the start time and the base time (interval
 * time stamps are seconds since the start), and the legend. {@link #close()} writes the last, partial
 * interval, flushes and closes the file. It also keeps the whole run's total per stage.
 */
public final class LatencyIntervalLogger implements AutoCloseable, StageLatencySource
{
    /** Percentiles reported to metrics per stage. */
    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999, 1.0};

    /** The log's name inside a journal directory. */
    public static final String FILE_NAME = "latency.hlog";
    /** Default interval between two histograms of a stage. */
    public static final long DEFAULT_INTERVAL_MS = 1_000;

    private final StageLatencies latencies;
    private final Path file;
    private final long intervalNs;
    private final Histogram[] recycled = new Histogram[LatencyStage.count()];
    private final Histogram[] totals = new Histogram[LatencyStage.count()];
    /** The last interval of each stage, for metrics; guarded by itself (this thread vs. the scrape thread). */
    private final Histogram[] lastIntervals = new Histogram[LatencyStage.count()];
    private volatile boolean running;
    private Thread thread;
    private PrintStream out;
    private HistogramLogWriter writer;
    private volatile Throwable failure;

    /**
     * @param file       the log to create (replaced if it exists).
     * @param intervalMs how often the interval histograms are taken, at least 1.
     */
    public LatencyIntervalLogger(final StageLatencies latencies, final Path file, final long intervalMs)
    {
        if (intervalMs < 1)
        {
            throw new IllegalArgumentException("latency log interval " + intervalMs + " ms is not positive");
        }
        this.latencies = latencies;
        this.file = file;
        this.intervalNs = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        for (int i = 0; i < totals.length; i++)
        {
            totals[i] = new Histogram(StageLatencies.HIGHEST_TRACKABLE_NS, StageLatencies.SIGNIFICANT_DIGITS);
            lastIntervals[i] = new Histogram(StageLatencies.HIGHEST_TRACKABLE_NS, StageLatencies.SIGNIFICANT_DIGITS);
        }
    }

    /**
     * Opens the log, writes its header, discards anything recorded before now and starts the thread.
     *
     * @throws UncheckedIOException when the log cannot be created.
     */
    public void start()
    {
        if (thread != null)
        {
            return;
        }
        try
        {
            out = new PrintStream(new BufferedOutputStream(new FileOutputStream(file.toFile()), 1 << 16), false,
                "US-ASCII");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create the latency log " + file, ex);
        }
        // Taken before the recorders are reset, so that no interval starts before the log does.
        final long startMs = System.currentTimeMillis();
        for (final LatencyStage stage : LatencyStage.values())
        {
            recycled[stage.ordinal()] = latencies.intervalHistogram(stage, null);
        }
        writer = new HistogramLogWriter(out);
        writer.outputLogFormatVersion();
        writer.outputComment("Ringwall per-stage latency in nanoseconds, one tag per stage: " + tags());
        writer.outputStartTime(startMs);
        writer.setBaseTime(startMs);
        writer.outputBaseTime(startMs);
        writer.outputLegend();
        out.flush();
        running = true;
        thread = new Thread(this::run, "ringwall-latency-log");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the thread after it wrote the last interval, and closes the log.
     *
     * @throws IllegalStateException when writing the log failed.
     */
    @Override
    public void close()
    {
        if (thread == null || !running)
        {
            return;
        }
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(10_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (failure != null)
        {
            throw new IllegalStateException("the latency log " + file + " could not be written: " + failure, failure);
        }
    }

    /**
     * @return everything the stage recorded while the logger ran; read it after {@link #close()}.
     */
    public Histogram total(final LatencyStage stage)
    {
        return totals[stage.ordinal()];
    }

    /**
     * @return the log file.
     */
    public Path file()
    {
        return file;
    }

    /**
     * Reports each stage's last logged interval (metrics' scrape thread): its percentiles, count and sum. The
     * recorders have one reader, this logger, so metrics read what it logged rather than swap them again.
     */
    @Override
    public void reportTo(final Report report)
    {
        synchronized (lastIntervals)
        {
            for (final LatencyStage stage : LatencyStage.values())
            {
                final Histogram interval = lastIntervals[stage.ordinal()];
                final long count = interval.getTotalCount();
                if (count > 0)
                {
                    for (final double quantile : QUANTILES)
                    {
                        report.quantile(stage.tag(), quantile, interval.getValueAtPercentile(quantile * 100));
                    }
                }
                report.totals(stage.tag(), count, interval.getMean() * count);
            }
        }
    }

    private void run()
    {
        try
        {
            long deadlineNs = System.nanoTime() + intervalNs;
            while (running)
            {
                final long waitNs = deadlineNs - System.nanoTime();
                if (waitNs > 0)
                {
                    LockSupport.parkNanos(this, waitNs);
                    continue;
                }
                writeIntervals();
                deadlineNs += intervalNs;
            }
            writeIntervals();
        }
        catch (final Throwable ex)
        {
            failure = ex;
        }
        finally
        {
            out.close();
        }
    }

    private void writeIntervals()
    {
        for (final LatencyStage stage : LatencyStage.values())
        {
            final int i = stage.ordinal();
            final Histogram interval = latencies.intervalHistogram(stage, recycled[i]);
            recycled[i] = interval;
            if (interval.getTotalCount() > 0)
            {
                interval.setTag(stage.tag());
                writer.outputIntervalHistogram(interval);
                totals[i].add(interval);
            }
            synchronized (lastIntervals)
            {
                lastIntervals[i].reset();
                lastIntervals[i].add(interval);
            }
        }
        out.flush();
        if (out.checkError())
        {
            throw new IllegalStateException("write error");
        }
    }

    private static String tags()
    {
        final StringBuilder text = new StringBuilder();
        for (final LatencyStage stage : LatencyStage.values())
        {
            text.append(text.length() == 0 ? "" : ", ").append(stage.tag());
        }
        return text.toString();
    }
}
