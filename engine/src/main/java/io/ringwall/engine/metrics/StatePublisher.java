package io.ringwall.engine.metrics;

import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.ring.LogicObserver;
import org.agrona.concurrent.EpochClock;

/**
 * The logic thread's side of monitoring: after each input it does a cheap "due?" check and, at most every
 * {@code everyInputs} inputs or (at a batch end) every {@code everyNs} of engine time, captures the logic's
 * state into the {@link EngineStateSnapshot}. Wire it with {@code Pipeline.observeLogic(publisher)} before
 * the pipeline starts. No allocation, locks or text; the wall clock it reads is only stamped on the
 * snapshot (for staleness seen from outside), never handed to the logic.
 */
public final class StatePublisher implements LogicObserver
{
    /** Default: publish at least every 1024 inputs under load. */
    public static final long DEFAULT_EVERY_INPUTS = 1024;
    /** Default: publish at a batch end when 100 ms of engine time passed since the last capture. */
    public static final long DEFAULT_EVERY_NS = 100_000_000L;

    private final BusinessLogic logic;
    private final EngineStateSnapshot snapshot;
    private final EpochClock wallClock;
    private final long everyInputs;
    private final long everyNs;
    private long inputsSincePublish;
    private long nextPublishTimeNs = Long.MIN_VALUE;
    private long logicTimeNs;
    private long marketDataSeen;
    private long lastMarketDataTimeNs;
    private long lastMarketDataWallMs;
    private boolean marketDataSincePublish;

    public StatePublisher(final BusinessLogic logic, final EngineStateSnapshot snapshot, final EpochClock wallClock,
        final long everyInputs, final long everyNs)
    {
        if (everyInputs < 1 || everyNs < 0)
        {
            throw new IllegalArgumentException("everyInputs must be >= 1 and everyNs >= 0: " + everyInputs + ", " +
                everyNs);
        }
        this.logic = logic;
        this.snapshot = snapshot;
        this.wallClock = wallClock;
        this.everyInputs = everyInputs;
        this.everyNs = everyNs;
    }

    @Override
    public void afterInput(final long timeNs, final boolean endOfBatch)
    {
        logicTimeNs = timeNs;
        final long marketData = logic.counters().marketDataInputs;
        if (marketData != marketDataSeen)
        {
            marketDataSeen = marketData;
            lastMarketDataTimeNs = timeNs;
            marketDataSincePublish = true;
        }
        if (++inputsSincePublish >= everyInputs || (endOfBatch && timeNs >= nextPublishTimeNs))
        {
            publishNow();
        }
    }

    /**
     * Captures now, due or not. Logic thread only, or once the logic thread has stopped (e.g. the final state).
     */
    public void publishNow()
    {
        final long wallMs = wallClock.time();
        if (marketDataSincePublish)
        {
            lastMarketDataWallMs = wallMs;
            marketDataSincePublish = false;
        }
        snapshot.capture(logic, logicTimeNs, lastMarketDataTimeNs, wallMs, lastMarketDataWallMs);
        inputsSincePublish = 0;
        nextPublishTimeNs = logicTimeNs + everyNs;
    }
}
