package io.ringwall.engine.ring;

/**
 * Called on the logic thread after each input the business logic handled, e.g. to publish a state snapshot
 * for metrics. Runs on the hot path: no allocation, no locks, no blocking, no text.
 */
@FunctionalInterface
public interface LogicObserver
{
    /** Observes nothing. */
    LogicObserver NONE = (timeNs, endOfBatch) ->
    {
    };

    /**
     * @param timeNs     the input's time (the logic's clock).
     * @param endOfBatch true for the last input of a Disruptor batch.
     */
    void afterInput(long timeNs, boolean endOfBatch);
}
