package io.ringwall.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.metrics.LatencyStage;
import io.ringwall.engine.metrics.StageLatencies;

/**
 * The business-logic thread's handler: hands each journaled input to the logic, and measures the
 * wait since the input was journaled and the logic's own time per input.
 */
final class LogicStage implements EventHandler<FrameEvent>
{
    private final BusinessLogic logic;
    private final RingOutputSink sink;
    private final StageLatencies latencies;
    private final AfterInputHook afterInput;
    /** Set before the stage's thread starts (Thread.start publishes it); metrics publication only. */
    LogicObserver observer = LogicObserver.NONE;

    /**
     * @param sink the logic's output sink, told when each input starts so it can time its outputs.
     * @param afterInput runs after each input, before the observer (checkpoints).
     */
    LogicStage(final BusinessLogic logic, final RingOutputSink sink, final StageLatencies latencies,
        final AfterInputHook afterInput)
    {
        this.logic = logic;
        this.sink = sink;
        this.latencies = latencies;
        this.afterInput = afterInput;
    }

    @Override
    public void onEvent(final FrameEvent event, final long ringSequence, final boolean endOfBatch)
    {
        final long startNanos = System.nanoTime();
        latencies.record(LatencyStage.JOURNALED_TO_LOGIC, startNanos - event.journaledNanos);
        sink.inputStarted(startNanos);
        logic.onInput(event.sequence, event.timeNs, event.buffer, 0, event.length, event.ingressNanos);
        latencies.record(LatencyStage.LOGIC, System.nanoTime() - startNanos);
        afterInput.afterInput(logic);
        observer.afterInput(event.timeNs, endOfBatch);
    }
}
