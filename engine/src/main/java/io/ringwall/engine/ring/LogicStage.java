package io.ringwall.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.ringwall.engine.logic.BusinessLogic;

/**
 * The business-logic thread's handler: hands each journaled input to the logic.
 */
final class LogicStage implements EventHandler<FrameEvent>
{
    private final BusinessLogic logic;
    /** Set before the stage's thread starts (Thread.start publishes it); metrics publication only. */
    LogicObserver observer = LogicObserver.NONE;

    LogicStage(final BusinessLogic logic)
    {
        this.logic = logic;
    }

    @Override
    public void onEvent(final FrameEvent event, final long ringSequence, final boolean endOfBatch)
    {
        logic.onInput(event.sequence, event.timeNs, event.buffer, 0, event.length, event.ingressNanos);
        observer.afterInput(event.timeNs, endOfBatch);
    }
}
