package io.ringwall.engine.ring;

import com.lmax.disruptor.RingBuffer;
import io.ringwall.engine.logic.OutputSink;
import org.agrona.DirectBuffer;

/**
 * The logic's outputs onto the outbound ring. Called on the logic thread only.
 */
final class RingOutputSink implements OutputSink
{
    private final RingBuffer<FrameEvent> ring;
    private final RingClaimer claimer;

    RingOutputSink(final RingBuffer<FrameEvent> ring, final RingClaimer claimer)
    {
        this.ring = ring;
        this.claimer = claimer;
    }

    @Override
    public void publish(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
        final int length, final long causeIngressNanos)
    {
        final long slot = claimer.claim(0);
        ring.get(slot).set(sequence, timeNs, frame, offset, length, causeIngressNanos);
        ring.publish(slot);
    }
}
