package io.ringwall.engine.market;

/**
 * Open-market time of one calendar, accumulated as event time moves forward: the time its market was open
 * since the clock's first reading. Two readings' difference is the open time between them, so nights, weekends
 * and holidays of the calendar do not age anything. Time only moves forward here (an earlier reading adds
 * nothing), which keeps the underlying {@link SessionClock} on its cached span: allocation-free for a
 * fixed-offset calendar, a few hundred bytes per session crossed for one with daylight saving. One per thread.
 */
public final class OpenTimeClock
{
    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final SessionClock sessions;
    private long lastNs = NOT_STARTED;
    private long openNs;

    public OpenTimeClock(final SessionClock sessions)
    {
        this.sessions = sessions;
    }

    /** @return the open time accumulated up to {@code nowNs}, nanoseconds (0 at the first reading). */
    public long advanceTo(final long nowNs)
    {
        if (lastNs == NOT_STARTED)
        {
            lastNs = nowNs;
            return openNs;
        }
        long cursorNs = lastNs;
        while (cursorNs < nowNs)
        {
            if (sessions.isOpen(cursorNs))
            {
                final long endNs = Math.min(sessions.closeOfNextOpenNs(cursorNs), nowNs);
                openNs += endNs - cursorNs;
                cursorNs = endNs;
            }
            else
            {
                cursorNs = Math.min(sessions.nextOpenNs(cursorNs), nowNs);
            }
        }
        lastNs = Math.max(lastNs, nowNs);
        return openNs;
    }

    /** Checkpoints: the last reading, then the open time up to it. */
    public long lastReadingNs()
    {
        return lastNs;
    }

    public long openTimeNs()
    {
        return openNs;
    }

    /** Checkpoints: continues from a recorded {@link #lastReadingNs()} and {@link #openTimeNs()}. */
    public void restore(final long lastReadingNs, final long openTimeNs)
    {
        lastNs = lastReadingNs;
        openNs = openTimeNs;
    }
}
