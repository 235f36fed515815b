package io.ringwall.engine.ring;

import org.agrona.concurrent.SystemEpochNanoClock;

/**
 * What stamps an input's engine time at ingress: the data's own time (backtest, replay of recorded
 * data: byte-for-byte reproducible) or the wall clock (live and paper on a live feed).
 */
public enum ClockMode
{
    /** The input's source time: a recorded trade's timestamp, or for venue answers the order's time. */
    DATA,
    /** Nanoseconds since the epoch from the system clock at ingress. */
    WALL;

    private static final SystemEpochNanoClock WALL_CLOCK = new SystemEpochNanoClock();

    /**
     * @param sourceTimeNs the time the source itself gives the input.
     * @return the engine time to stamp on it.
     */
    public long stamp(final long sourceTimeNs)
    {
        return this == DATA ? sourceTimeNs : WALL_CLOCK.nanoTime();
    }
}
