package io.ringwall.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

/**
 * The logic thread's handler of the inbound ring: at the start of each Disruptor batch it appends the
 * whole batch to journal "in" and commits it ({@link JournalStage}), then hands the inputs to the logic
 * one by one ({@link LogicStage}). Program order is the gate: the logic never sees an input that is
 * not yet journaled.
 *
 * <p>Why journal-in runs on the logic thread and not on its own: the logic waited for the journal's
 * commit anyway, so a separate thread only overlapped the journaling of one batch with the logic of
 * the previous one, at the price of a thread hand-off per batch and of every input's slot crossing
 * cores once more. With the appends staged ({@code JournalWriter}) journaling costs a fraction of the
 * logic's time per input, and on the 2-core machine the pipeline ran faster with one thread fewer.
 */
final class JournaledLogicStage implements EventHandler<FrameEvent>
{
    private final RingBuffer<FrameEvent> ring;
    private final JournalStage journal;
    private final LogicStage logic;
    /** Inbound ring position committed to journal "in": the venue's view of inputs is gated on it. */
    private final Sequence journaled = new Sequence();
    private long nextPosition;

    JournaledLogicStage(final RingBuffer<FrameEvent> ring, final JournalStage journal, final LogicStage logic)
    {
        this.ring = ring;
        this.journal = journal;
        this.logic = logic;
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        final long last = nextPosition + batchSize - 1;
        for (long position = nextPosition; position <= last; position++)
        {
            journal.onEvent(ring.get(position), position, position == last);
        }
        journaled.set(last);
    }

    @Override
    public void onEvent(final FrameEvent event, final long position, final boolean endOfBatch)
    {
        logic.onEvent(event, position, endOfBatch);
        nextPosition = position + 1;
    }

    @Override
    public void onShutdown()
    {
        journal.onShutdown();
    }

    /** @return the inbound ring position journal "in" has committed. */
    Sequence journaledSequence()
    {
        return journaled;
    }
}
