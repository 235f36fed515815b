package io.ringwall.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.ringwall.journal.JournalWriter;

/**
 * Appends every frame of a ring to a journal, one Chronicle document per Disruptor batch. For journal
 * "in" it numbers the inputs and keeps their time from going backwards. Its sequence
 * advances only after the batch's document is committed, and downstream stages are gated on that
 * sequence: nothing downstream ever sees a frame that is not yet journaled.
 */
final class JournalStage implements EventHandler<FrameEvent>
{
    private final JournalWriter writer;
    private final boolean assignSequence;
    private long lastTimeNs = Long.MIN_VALUE;

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
            // Producers stamp before they claim, so two of them can reach the ring out of time order by
            // a hair; the journal, which defines the order, keeps the logic's clock from going back.
            if (event.timeNs < lastTimeNs)
            {
                event.timeNs = lastTimeNs;
            }
            lastTimeNs = event.timeNs;
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
