package io.ringwall.engine.logic;

import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.market.OpenTimeClock;
import io.ringwall.engine.market.SessionClock;

/**
 * The stale-data figure of bar data: per instrument, the open-market time of its calendar since its last bar,
 * against {@code staleBarIntervals} x the open span of one bar ({@link
 * io.ringwall.engine.market.MarketCalendar#openSpanOfBarNs}). Daily bars of an equity are then 6.5 hours of open
 * market apart, whatever nights, weekends and holidays lie between, and go stale after three sessions without a bar.
 * Allocation-free on the logic thread (see {@link OpenTimeClock}).
 */
final class BarStaleness
{
    private final OpenTimeClock[] clocks;
    private final long[] thresholdNs;
    /** Open time of the instrument's clock at its last update; {@link #NEVER} before its first. */
    private final long[] openAtUpdateNs;
    private long ageNs;

    private static final long NEVER = -1;

    BarStaleness(final BreakerLimits limits, final SessionClock[] instrumentSessions)
    {
        clocks = new OpenTimeClock[instrumentSessions.length];
        thresholdNs = new long[instrumentSessions.length];
        openAtUpdateNs = new long[instrumentSessions.length];
        for (int i = 0; i < clocks.length; i++)
        {
            clocks[i] = new OpenTimeClock(instrumentSessions[i]);
            thresholdNs[i] = Math.multiplyExact((long)limits.staleBarIntervals(),
                instrumentSessions[i].calendar().openSpanOfBarNs(limits.barIntervalNs()));
        }
        clear();
    }

    void onUpdate(final int instrumentId, final long nowNs)
    {
        openAtUpdateNs[instrumentId] = clocks[instrumentId].advanceTo(nowNs);
    }

    /**
     * @return the first instrument whose open-market age reached its threshold, else {@link Breakers#NONE}; its age
     *         is then {@link #ageNs()}.
     */
    int firstStale(final long nowNs)
    {
        for (int i = 0; i < clocks.length; i++)
        {
            if (openAtUpdateNs[i] != NEVER)
            {
                final long age = clocks[i].advanceTo(nowNs) - openAtUpdateNs[i];
                if (age >= thresholdNs[i])
                {
                    ageNs = age;
                    return i;
                }
            }
        }
        return Breakers.NONE;
    }

    /** @return whether some instrument's open-market age since its last bar is below its threshold. */
    boolean anyFresh(final long nowNs)
    {
        for (int i = 0; i < clocks.length; i++)
        {
            if (openAtUpdateNs[i] != NEVER && clocks[i].advanceTo(nowNs) - openAtUpdateNs[i] < thresholdNs[i])
            {
                return true;
            }
        }
        return false;
    }

    long ageNs()
    {
        return ageNs;
    }

    long thresholdNs(final int instrumentId)
    {
        return thresholdNs[instrumentId];
    }

    /** An operator reset: no instrument is watched until its next update. */
    void clear()
    {
        java.util.Arrays.fill(openAtUpdateNs, NEVER);
    }

    void writeState(final StateCursor cursor)
    {
        cursor.putLongs(openAtUpdateNs);
        for (final OpenTimeClock clock : clocks)
        {
            cursor.putLong(clock.lastReadingNs());
            cursor.putLong(clock.openTimeNs());
        }
    }

    void readState(final StateCursor cursor)
    {
        cursor.getLongs(openAtUpdateNs);
        for (final OpenTimeClock clock : clocks)
        {
            final long lastReadingNs = cursor.getLong();
            clock.restore(lastReadingNs, cursor.getLong());
        }
    }
}
