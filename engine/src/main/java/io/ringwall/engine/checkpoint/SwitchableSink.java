package io.ringwall.engine.checkpoint;

import io.ringwall.engine.logic.OutputSink;
import org.agrona.DirectBuffer;

/**
 * The logic's output sink across a restart: during recovery the replay's outputs go to the checker, then
 * (before the logic thread starts) to the outbound ring. Switched only while no thread runs the logic.
 */
public final class SwitchableSink implements OutputSink
{
    private OutputSink target;

    public SwitchableSink(final OutputSink target)
    {
        this.target = target;
    }

    public void target(final OutputSink target)
    {
        this.target = target;
    }

    @Override
    public void publish(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
        final int length, final long causeIngressNanos)
    {
        target.publish(sequence, timeNs, frame, offset, length, causeIngressNanos);
    }
}
