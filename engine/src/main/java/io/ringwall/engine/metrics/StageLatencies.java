package io.ringwall.engine.metrics;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * One {@link BufferedRecorder} per {@link LatencyStage}. Recording is wait-free and allocation-free;
 * each stage must be recorded by one thread only (the one that owns the stage, see {@link LatencyStage}),
 * which also {@link #flush flushes} it at the end of each batch or duty cycle: only flushed values
 * reach the reader. The interval logger is the only reader.
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

    private static final LatencyStage[] LOGIC_THREAD_STAGES = { LatencyStage.JOURNALED_TO_LOGIC, LatencyStage.LOGIC,
        LatencyStage.LOGIC_TO_OUTBOUND };
    private static final LatencyStage[] GATEWAY_THREAD_STAGES = { LatencyStage.OUTBOUND_TO_GATEWAY,
        LatencyStage.TICK_TO_ORDER, LatencyStage.VENUE_ACK, LatencyStage.VENUE_FILL };

    private final BufferedRecorder[] recorders = new BufferedRecorder[LatencyStage.count()];

    public StageLatencies()
    {
        for (int i = 0; i < recorders.length; i++)
        {
            recorders[i] = new BufferedRecorder(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
        }
    }

    /**
     * Records one latency; call only on the thread that owns {@code stage}.
     */
    public void record(final LatencyStage stage, final long nanos)
    {
        recorders[stage.ordinal()].record(nanos < 0 ? 0 : Math.min(nanos, HIGHEST_TRACKABLE_NS));
    }

    /**
     * Makes what {@code stage} recorded so far visible to the reader; call only on the thread that owns it.
     */
    public void flush(final LatencyStage stage)
    {
        recorders[stage.ordinal()].flush();
    }

    /** {@link #flush} of every stage the logic thread records; logic thread only. */
    public void flushLogicThread()
    {
        flushAll(LOGIC_THREAD_STAGES);
    }

    /** {@link #flush} of every stage the gateway thread records; gateway thread only. */
    public void flushGatewayThread()
    {
        flushAll(GATEWAY_THREAD_STAGES);
    }

    private void flushAll(final LatencyStage[] stages)
    {
        for (final LatencyStage stage : stages)
        {
            recorders[stage.ordinal()].flush();
        }
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
        return recorders[stage.ordinal()].intervalHistogram(recycle);
    }
}
