package io.ringwall.tools;

import java.io.File;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ringwall.engine.metrics.LatencyStage;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogScanner;
import java.util.zip.DataFormatException;

/**
 * A per-stage latency log ({@code latency.hlog}, an HdrHistogram interval log with one tag per stage)
 * read back: each stage's intervals added up over the whole run or a time range.
 *
 * @param file         the log.
 * @param startTimeSec the log's start time, seconds since the epoch.
 * @param intervals    how many interval histograms were added up.
 * @param firstSec     start of the first added interval, seconds since the log start.
 * @param lastSec      end of the last added interval, seconds since the log start.
 * @param stages       per stage (engine stages in pipeline order, then unknown tags by name).
 */
record LatencyLog(Path file, double startTimeSec, int intervals, double firstSec, double lastSec, List<Stage> stages)
{
    /**
     * One stage's latencies in nanoseconds.
     *
     * @param tag   the histogram tag in the log.
     * @param stage the engine stage of that tag, or null for a tag this version does not know.
     */
    record Stage(String tag, LatencyStage stage, Histogram histogram)
    {
    }

    /**
     * Thrown for a log that cannot be used, with a one-line message saying what to do.
     */
    static final class UnusableLogException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        UnusableLogException(final String message)
        {
            super(message);
        }
    }

    /**
     * Reads the whole log.
     */
    static LatencyLog read(final Path file)
    {
        return read(file, 0, Double.POSITIVE_INFINITY);
    }

    /**
     * Reads the intervals that start within [{@code fromSec}, {@code toSec}) seconds of the log start.
     *
     * @throws UnusableLogException when the file is missing, holds no intervals (in the range) or is corrupt.
     */
    static LatencyLog read(final Path file, final double fromSec, final double toSec)
    {
        if (!Files.isRegularFile(file))
        {
            throw new UnusableLogException("no latency log at " + file + ": give the --journal directory of an " +
                "engine run (it holds " + io.ringwall.engine.metrics.LatencyIntervalLogger.FILE_NAME +
                ") or --log FILE");
        }
        if (!(fromSec >= 0) || !(toSec > fromSec))
        {
            throw new IllegalArgumentException("--from " + fromSec + " --to " + toSec + " is not a time range: " +
                "give 0 <= from < to, in seconds since the log start");
        }
        final Collector collector = new Collector(fromSec, toSec);
        try (HistogramLogScanner scanner = open(file))
        {
            scanner.process(collector);
        }
        if (collector.failure != null)
        {
            throw new UnusableLogException(file + " is corrupt after " + collector.seen + " intervals (" +
                collector.failure + "): it is not a readable HdrHistogram log; record it again with an engine run");
        }
        if (collector.seen == 0)
        {
            throw new UnusableLogException(file + " holds no latency intervals: the engine recorded nothing or " +
                "stopped before writing one; run it on some market data first");
        }
        if (collector.intervals == 0)
        {
            throw new UnusableLogException(file + " holds no intervals starting between " + fromSec + " s and " +
                toSec + " s: widen --from/--to");
        }
        final List<Stage> stages = new ArrayList<>();
        collector.byTag.forEach((tag, histogram) -> stages.add(new Stage(tag, LatencyStage.ofTag(tag), histogram)));
        stages.sort(Comparator.comparing((Stage s) -> s.stage() == null ? Integer.MAX_VALUE : s.stage().ordinal())
            .thenComparing(Stage::tag));
        return new LatencyLog(file, collector.startTimeSec, collector.intervals, collector.firstSec, collector.lastSec,
            List.copyOf(stages));
    }

    /**
     * @return the stage with this tag, or null.
     */
    Stage stage(final String tag)
    {
        return stages.stream().filter(s -> s.tag().equals(tag)).findFirst().orElse(null);
    }

    /**
     * @return when the log started, UTC.
     */
    Instant startTime()
    {
        return Instant.ofEpochMilli((long)(startTimeSec * 1000));
    }

    private static HistogramLogScanner open(final Path file)
    {
        try
        {
            return new HistogramLogScanner(new File(file.toString()));
        }
        catch (final FileNotFoundException ex)
        {
            throw new UnusableLogException("cannot open the latency log " + file + ": " + ex.getMessage());
        }
    }

    /**
     * Adds up the intervals in range by tag. Unlike HistogramLogReader, which ends quietly at the first
     * line it cannot parse, it keeps the error so that a corrupt log is reported as such.
     */
    private static final class Collector implements HistogramLogScanner.EventHandler
    {
        private final double fromSec;
        private final double toSec;
        private final Map<String, Histogram> byTag = new LinkedHashMap<>();
        private boolean observedStartTime;
        private boolean observedBaseTime;
        private double startTimeSec;
        private double baseTimeSec;
        private int seen;
        private int intervals;
        private double firstSec = Double.POSITIVE_INFINITY;
        private double lastSec;
        private Throwable failure;

        Collector(final double fromSec, final double toSec)
        {
            this.fromSec = fromSec;
            this.toSec = toSec;
        }

        @Override
        public boolean onComment(final String comment)
        {
            return false;
        }

        @Override
        public boolean onBaseTime(final double secondsSinceEpoch)
        {
            baseTimeSec = secondsSinceEpoch;
            observedBaseTime = true;
            return false;
        }

        @Override
        public boolean onStartTime(final double secondsSinceEpoch)
        {
            startTimeSec = secondsSinceEpoch;
            observedStartTime = true;
            return false;
        }

        @Override
        public boolean onHistogram(final String tag, final double timestamp, final double length,
            final HistogramLogScanner.EncodableHistogramSupplier lazyReader)
        {
            // The same deduction as HistogramLogReader: with no start time the first interval's is taken,
            // with no base time the stamps are absolute unless they are smaller than the start time.
            if (!observedStartTime)
            {
                startTimeSec = timestamp;
                observedStartTime = true;
            }
            if (!observedBaseTime)
            {
                baseTimeSec = timestamp < startTimeSec ? startTimeSec : 0.0;
                observedBaseTime = true;
            }
            final EncodableHistogram decoded;
            try
            {
                decoded = lazyReader.read();
            }
            catch (final DataFormatException | RuntimeException ex)
            {
                return onException(ex);
            }
            seen++;
            if (!(decoded instanceof Histogram histogram))
            {
                return onException(new IllegalArgumentException("tag " + tag + " holds a floating-point histogram"));
            }
            final double startSec = timestamp + baseTimeSec - startTimeSec;
            // From 0 means from the beginning: an interval stamped a hair before the start time counts.
            if ((fromSec > 0 && startSec < fromSec) || startSec >= toSec)
            {
                return false;
            }
            byTag.computeIfAbsent(tag == null ? "untagged" : tag,
                t -> new Histogram(histogram.getNumberOfSignificantValueDigits())).add(histogram);
            intervals++;
            firstSec = Math.min(firstSec, Math.max(0, startSec));
            lastSec = Math.max(lastSec, startSec + length);
            return false;
        }

        @Override
        public boolean onException(final Throwable ex)
        {
            failure = ex;
            return true;
        }
    }
}
