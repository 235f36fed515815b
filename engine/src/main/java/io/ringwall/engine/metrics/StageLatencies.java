package io.ringwall.engine.metrics;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One {@link SingleWriterRecorder} per {@link LatencyStage}. Recording is wait-free and allocation-free;
 * each stage must be recorded by one thread only (the one that owns the stage, see {@link LatencyStage}).
 * The interval logger is the only reader.
 *
 * <p>Values are nanoseconds, clamped to [0, {@link #HIGHEST_TRACKABLE_NS}] so that a bogus start stamp
 * (an input that never passed ingress) can never throw on a stage thread.
 */
public final class StageLatencies
{
    /** Largest latency kept apart; anything above is recorded as this. */
    public static final long HIGHEST_TRACKABLE_NS = TimeUnit.SECONDS.toNanos(60);
    /** Value precision: 3 digits, 0.1 %. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final SingleWriterRecorder[] recorders = new SingleWriterRecorder[LatencyStage.count()];

    public StageLatencies()
    {
        for (int i = 0; i < recorders.length; i++)
        {
            recorders[i] = new SingleWriterRecorder(1, HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
        }
    }

    /**
     * Records one latency; call only on the thread that owns {@code stage}.
     */
    public void record(final LatencyStage stage, final long nanos)
    {
        recorders[stage.ordinal()].recordValue(nanos < 0 ? 0 : Math.min(nanos, HIGHEST_TRACKABLE_NS));
    }

    /**
     * Records the time from {@code startNanos} ({@link System#nanoTime()}) to now.
     */
    public void recordSince(final LatencyStage stage, final long startNanos)
    {
        record(stage, System.nanoTime() - startNanos);
    }

    /**
     * Venue round trip to the ack, for the venue gateway: both stamps from {@link System#nanoTime()}.
     */
    public void recordVenueAck(final long sentNanos, final long ackNanos)
    {
        record(LatencyStage.VENUE_ACK, ackNanos - sentNanos);
    }

    /**
     * Venue round trip to a fill (each fill of a partially filled order counts), for the venue gateway.
     */
    public void recordVenueFill(final long sentNanos, final long fillNanos)
    {
        record(LatencyStage.VENUE_FILL, fillNanos - sentNanos);
    }

    /**
     * Swaps out what {@code stage} recorded since the last call. Reader thread only (one reader).
     *
     * @param recycle the histogram returned by the previous call for this stage, or null.
     */
    public Histogram intervalHistogram(final LatencyStage stage, final Histogram recycle)
    {
        return recorders[stage.ordinal()].getIntervalHistogram(recycle);
    }
}
