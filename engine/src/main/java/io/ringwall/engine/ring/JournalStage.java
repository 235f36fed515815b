package io.ringwall.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.ringwall.journal.JournalWriter;

/**
 * Appends every frame of a ring to a journal, one Chronicle document per Disruptor batch. Its sequence
 * advances only after the batch's document is committed, and downstream stages are gated on that
 * sequence: nothing downstream ever sees a frame that is not yet journaled.
 */
final class JournalStage implements EventHandler<FrameEvent>
{
    private final JournalWriter writer;
    private final boolean assignSequence;

    /**
     * @param assignSequence true for journal "in" (this stage numbers the inputs); false for journal
     *                       "out", whose frames the logic has numbered already.
     */
    JournalStage(final JournalWriter writer, final boolean assignSequence)
    {
        this.writer = writer;
        this.assignSequence = assignSequence;
    }

    @Override
    public void onEvent(final FrameEvent event, final long ringSequence, final boolean endOfBatch)
    {
        if (assignSequence)
        {
            event.sequence = writer.lastSequence() + 1;
        }
        writer.append(event.sequence, event.timeNs, event.buffer, 0, event.length);
        if (endOfBatch)
        {
            writer.commit();
        }
    }

    @Override
    public void onShutdown()
    {
        writer.commit();
    }
}
