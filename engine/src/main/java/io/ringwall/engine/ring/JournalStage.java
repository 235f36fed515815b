package io.ringwall.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.ringwall.engine.metrics.LatencyStage;
import io.ringwall.engine.metrics.StageLatencies;
import io.ringwall.journal.JournalWriter;

/**
 * Journal "in": appends every input of the inbound ring to the input journal, one Chronicle document per
 * Disruptor batch, numbering the inputs and keeping their time from going backwards. Its sequence
 * advances only after the batch's document is committed, and the logic is gated on that sequence: it
 * never sees an input that is not yet journaled. (Journal "out" is written on the gateway's thread by
 * {@link GatewayAgent}.)
 *
 * <p>It also measures ingress to journaled: at each commit it stamps the batch's inputs with the commit
 * time (before its sequence lets the logic see them) and records their latency.
 */
final class JournalStage implements EventHandler<FrameEvent>
{
    private final JournalWriter writer;
    private final StageLatencies latencies;
    private final FrameEvent[] uncommitted;
    private int uncommittedCount;
    private long lastTimeNs = Long.MIN_VALUE;

    /**
     * @param maxBatch the ring's batch limit: a commit is forced after this many frames.
     */
    JournalStage(final JournalWriter writer, final StageLatencies latencies, final int maxBatch)
    {
        this.writer = writer;
        this.latencies = latencies;
        this.uncommitted = new FrameEvent[Math.max(1, maxBatch)];
    }

    @Override
    public void onEvent(final FrameEvent event, final long ringSequence, final boolean endOfBatch)
    {
        event.sequence = writer.lastSequence() + 1;
        // Producers stamp before they claim, so two of them can reach the ring out of time order by
        // a hair; the journal, which defines the order, keeps the logic's clock from going back.
        if (event.timeNs < lastTimeNs)
        {
            event.timeNs = lastTimeNs;
        }
        lastTimeNs = event.timeNs;
        writer.append(event.sequence, event.timeNs, event.buffer, 0, event.length);
        uncommitted[uncommittedCount++] = event;
        if (endOfBatch || uncommittedCount == uncommitted.length)
        {
            writer.commit();
            stampCommitted();
        }
    }

    private void stampCommitted()
    {
        final long committedNanos = System.nanoTime();
        for (int i = 0; i < uncommittedCount; i++)
        {
            final FrameEvent event = uncommitted[i];
            event.journaledNanos = committedNanos;
            latencies.record(LatencyStage.INGRESS_TO_JOURNALED, committedNanos - event.ingressNanos);
            uncommitted[i] = null;
        }
        uncommittedCount = 0;
        latencies.flush(LatencyStage.INGRESS_TO_JOURNALED); // this thread owns the stage: publish the batch
    }

    @Override
    public void onShutdown()
    {
        writer.commit();
    }
}
