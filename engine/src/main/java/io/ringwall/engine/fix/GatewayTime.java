package io.ringwall.engine.fix;

import io.ringwall.engine.ring.ClockMode;

/**
 * The FIX gateway's clocks, on its thread: what stamps the venue answers it publishes, and what its timeouts (the
 * reconciliation's, an order-status question's) are measured in. With the wall clock that is the monotonic clock;
 * with the data clock ({@code --clock data}: backtest, paper on historical data) it is event time, the largest
 * record time of the journaled inputs, so a timeout means the same span of the session's time whatever the replay
 * speed. Event time starts with the first journaled input (or the recovered logic's time): until then nothing times
 * out.
 */
final class GatewayTime
{
    private final ClockMode mode;
    private long eventTimeNs;

    GatewayTime(final ClockMode mode)
    {
        this.mode = mode;
    }

    /** A journaled input, or the recovered logic's clock: event time moves forward only. */
    void onInput(final long timeNs)
    {
        eventTimeNs = Math.max(eventTimeNs, timeNs);
    }

    /** @return the engine time to stamp on a venue answer published now. */
    long stamp()
    {
        return mode.stamp(eventTimeNs);
    }

    /** @return whether timeouts run yet: always with the wall clock, from the first input with the data clock. */
    boolean started()
    {
        return mode == ClockMode.WALL || eventTimeNs != 0;
    }

    /** @return now on the clock timeouts are measured in, nanoseconds (compare differences only). */
    long nowNs()
    {
        return mode == ClockMode.DATA ? eventTimeNs : System.nanoTime();
    }

    /** @return the clock's name for a console line. */
    String describe()
    {
        return mode == ClockMode.DATA ? "event time (--clock data)" : "wall time";
    }
}
