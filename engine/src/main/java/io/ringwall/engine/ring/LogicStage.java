package io.ringwall.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.ringwall.engine.logic.BusinessLogic;

/**
 * The business-logic thread's handler: hands each journaled input to the logic.
 */
final class LogicStage implements EventHandler<FrameEvent>
{
    private final BusinessLogic logic;
    private final AfterInputHook afterInput;

    LogicStage(final BusinessLogic logic, final AfterInputHook afterInput)
    {
        this.logic = logic;
        this.afterInput = afterInput;
    }

    @Override
    public void onEvent(final FrameEvent event, final long ringSequence, final boolean endOfBatch)
    {
        logic.onInput(event.sequence, event.timeNs, event.buffer, 0, event.length, event.ingressNanos);
        afterInput.afterInput(logic);
    }
}
