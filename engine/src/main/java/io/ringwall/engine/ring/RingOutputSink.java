package io.ringwall.engine.ring;

import com.lmax.disruptor.RingBuffer;
import io.ringwall.engine.logic.OutputSink;
import io.ringwall.engine.metrics.LatencyStage;
import io.ringwall.engine.metrics.StageLatencies;
import org.agrona.DirectBuffer;

/**
 * The logic's outputs onto the outbound ring. Called on the logic thread only. Stamps each output with
 * its publish time and records the time since the logic started on the causing input.
 */
final class RingOutputSink implements OutputSink
{
    private final RingBuffer<FrameEvent> ring;
    private final RingClaimer claimer;
    private final StageLatencies latencies;
    private long inputStartNanos;

    RingOutputSink(final RingBuffer<FrameEvent> ring, final RingClaimer claimer, final StageLatencies latencies)
    {
        this.ring = ring;
        this.claimer = claimer;
        this.latencies = latencies;
    }

    /**
     * @param startNanos when the logic started on the input whose outputs follow.
     */
    void inputStarted(final long startNanos)
    {
        inputStartNanos = startNanos;
    }

    @Override
    public void publish(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
        final int length, final long causeIngressNanos)
    {
        final long slot = claimer.claim(0);
        final FrameEvent event = ring.get(slot);
        event.set(sequence, timeNs, frame, offset, length, causeIngressNanos);
        final long publishNanos = System.nanoTime();
        event.publishNanos = publishNanos;
        ring.publish(slot);
        latencies.record(LatencyStage.LOGIC_TO_OUTBOUND, publishNanos - inputStartNanos);
    }
}
