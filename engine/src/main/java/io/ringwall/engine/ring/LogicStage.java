package io.ringwall.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.metrics.LatencyStage;
import io.ringwall.engine.metrics.StageLatencies;

/**
 * The business-logic thread's handler: hands each journaled input to the logic, and measures the
 * wait since the input was journaled and the logic thread's time per input (its checkpoint and
 * metrics hooks included).
 *
 * <p>Within a Disruptor batch the clock is read once per input: the end of one input is the start of
 * the next, as nothing but the batch loop runs between them. A clock read costs about as much as a
 * trade's strategy update, so this halves the timing's share of the logic thread.
 */
final class LogicStage implements EventHandler<FrameEvent>
{
    private final BusinessLogic logic;
    private final RingOutputSink sink;
    private final StageLatencies latencies;
    private final AfterInputHook afterInput;
    /** Set before the stage's thread starts (Thread.start publishes it); metrics publication only. */
    LogicObserver observer = LogicObserver.NONE;
    /** When the previous input of the current batch ended; valid while {@link #inBatch}. */
    private long previousEndNanos;
    private boolean inBatch;

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
        final long startNanos = inBatch ? previousEndNanos : System.nanoTime();
        latencies.record(LatencyStage.JOURNALED_TO_LOGIC, startNanos - event.journaledNanos);
        sink.inputStarted(startNanos);
        logic.onInput(event.sequence, event.timeNs, event.buffer, 0, event.length, event.ingressNanos);
        afterInput.afterInput(logic);
        observer.afterInput(event.timeNs, endOfBatch);
        final long endNanos = System.nanoTime();
        latencies.record(LatencyStage.LOGIC, endNanos - startNanos);
        previousEndNanos = endNanos;
        inBatch = !endOfBatch;
        if (endOfBatch)
        {
            latencies.flushLogicThread();
        }
    }
}
