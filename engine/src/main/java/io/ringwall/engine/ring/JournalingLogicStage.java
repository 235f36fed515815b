package io.ringwall.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

final class JournalingLogicStage implements EventHandler<FrameEvent>
{
    private final RingBuffer<FrameEvent> ring;
    private final JournalStage journal;
    private final LogicStage logic;
    final Sequence journaled = new Sequence();
    private long next;

    JournalingLogicStage(final RingBuffer<FrameEvent> ring, final JournalStage journal, final LogicStage logic)
    {
        this.ring = ring;
        this.journal = journal;
        this.logic = logic;
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        final long last = next + batchSize - 1;
        for (long position = next; position <= last; position++)
        {
            journal.onEvent(ring.get(position), position, position == last);
        }
        journaled.set(last);
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        logic.onEvent(event, sequence, endOfBatch);
        next = sequence + 1;
    }

    @Override
    public void onShutdown()
    {
        journal.onShutdown();
    }
}
