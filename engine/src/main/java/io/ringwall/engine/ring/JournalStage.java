package io.ringwall.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.ringwall.engine.metrics.LatencyStage;
import io.ringwall.engine.metrics.StageLatencies;
import io.ringwall.journal.JournalWriter;

/**
 * Journal "in": appends every input of the inbound ring to the input journal, one Chronicle document per
 * Disruptor batch (closed earlier when it reaches the {@link JournalBatching} bounds), numbering the inputs
 * and keeping their time from going backwards. Its sequence advances only after a document is committed,
 * and the logic is gated on that sequence: it never sees an input that is not yet journaled. (Journal "out"
 * is written on the gateway's thread by {@link GatewayAgent}.)
 *
 * <p>It also measures ingress to journaled: at each commit it stamps the batch's inputs with the commit
 * time (before its sequence lets the logic see them) and records their latency.
 */
final class JournalStage implements EventHandler<FrameEvent>
{
    private final JournalWriter writer;
    private final StageLatencies latencies;
    private final JournalBatching batching;
    private final FrameEvent[] uncommitted;
    private int uncommittedCount;
    private long firstIngressNanos;
    private long lastTimeNs = Long.MIN_VALUE;
    /** The processor's sequence (dedicated threading): moved at a commit inside a batch; null when shared. */
    private Sequence committedSequence;

    /**
     * @param maxBatch the ring's batch limit: a commit is forced after this many frames.
     */
    JournalStage(final JournalWriter writer, final StageLatencies latencies, final int maxBatch,
        final JournalBatching batching)
    {
        this.writer = writer;
        this.latencies = latencies;
        this.batching = batching;
        this.uncommitted = new FrameEvent[Math.max(1, maxBatch)];
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback)
    {
        committedSequence = sequenceCallback;
    }

    @Override
    public void onEvent(final FrameEvent event, final long ringSequence, final boolean endOfBatch)
    {
        if (journal(event, endOfBatch) && !endOfBatch && committedSequence != null)
        {
            // a document closed inside the batch: the logic may take its inputs before the batch ends
            committedSequence.set(ringSequence);
        }
    }

    /**
     * Appends one input, and writes the document when the batch ends or the document is full.
     *
     * @return whether the document was written (its inputs, this one included, are journaled).
     */
    boolean journal(final FrameEvent event, final boolean endOfBatch)
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
        if (uncommittedCount == 0)
        {
            firstIngressNanos = event.ingressNanos;
        }
        uncommitted[uncommittedCount++] = event;
        if (endOfBatch || uncommittedCount == uncommitted.length ||
            batching.isFull(writer.stagedBytes(), firstIngressNanos, event.ingressNanos))
        {
            writer.commit();
            stampCommitted();
            return true;
        }
        return false;
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
