package io.ringwall.engine;

/**
 * Timer ticks in event time: with the data clock the data drives time, so a tick is due when an input's
 * time crosses a period boundary. One tick per crossing, however many periods a data gap skipped. The paper
 * feed and the backtest driver both ask it before each market-data input.
 */
final class TimerSchedule
{
    /** {@link #dueBefore} returns it when no tick is due. */
    static final long NONE = Long.MIN_VALUE;

    private final long intervalNs;
    private long nextNs;

    /**
     * @param intervalNs the period; 0 for no ticks.
     */
    TimerSchedule(final long intervalNs)
    {
        this.intervalNs = intervalNs;
    }

    /**
     * @return the time of the tick to deliver before an input at {@code timeNs}, or {@link #NONE}.
     */
    long dueBefore(final long timeNs)
    {
        if (intervalNs <= 0)
        {
            return NONE;
        }
        if (nextNs == 0)
        {
            nextNs = next(timeNs);
            return NONE;
        }
        if (timeNs < nextNs)
        {
            return NONE;
        }
        final long due = nextNs;
        nextNs = next(timeNs);
        return due;
    }

    private long next(final long timeNs)
    {
        return (timeNs / intervalNs + 1) * intervalNs;
    }
}
