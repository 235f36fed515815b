package io.ringwall.engine.market;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Maps event times to a {@link MarketCalendar}'s sessions. A time belongs to the session of the last
 * trading date whose open is at or before it, until the next trading date opens; within that span the
 * market is open until the session's close. The current span is cached, so java.time is used only when
 * time leaves it (once per session): the per-event cost is two comparisons. One instance per thread.
 */
public final class SessionClock
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Longest run of non-trading dates searched for (a calendar with none would loop). */
    private static final int MAX_SEARCH_DAYS = 370;

    private final MarketCalendar calendar;
    private long sessionStartNs = Long.MAX_VALUE;
    private long sessionCloseNs;
    private long nextStartNs = Long.MIN_VALUE;
    private long nextCloseNs;
    private long sessionDay;

    public SessionClock(final MarketCalendar calendar)
    {
        this.calendar = calendar;
    }

    public MarketCalendar calendar()
    {
        return calendar;
    }

    /** @return the session {@code timeNs} belongs to, as the epoch day of its trading date. */
    public long sessionDay(final long timeNs)
    {
        locate(timeNs);
        return sessionDay;
    }

    /** @return the open of the session {@code timeNs} belongs to. */
    public long sessionStartNs(final long timeNs)
    {
        locate(timeNs);
        return sessionStartNs;
    }

    public boolean isOpen(final long timeNs)
    {
        locate(timeNs);
        return timeNs < sessionCloseNs;
    }

    /** @return {@code timeNs} when the market is open then, else the next open. */
    public long nextOpenNs(final long timeNs)
    {
        locate(timeNs);
        return timeNs < sessionCloseNs ? timeNs : nextStartNs;
    }

    /** @return the close of the session that is open at {@code timeNs}, or of the next one when closed. */
    public long closeOfNextOpenNs(final long timeNs)
    {
        locate(timeNs);
        return timeNs < sessionCloseNs ? sessionCloseNs : nextCloseNs;
    }

    private void locate(final long timeNs)
    {
        if (timeNs >= sessionStartNs && timeNs < nextStartNs)
        {
            return;
        }
        final LocalDate local = Instant.ofEpochSecond(Math.floorDiv(timeNs, NANOS_PER_SECOND))
            .atZone(calendar.zone()).toLocalDate();
        LocalDate date = local.plusDays(1);
        int searched = 0;
        while (!calendar.isTradingDate(date) || calendar.openNs(date) > timeNs)
        {
            date = date.minusDays(1);
            requireWithinSearch(++searched);
        }
        LocalDate next = date.plusDays(1);
        while (!calendar.isTradingDate(next))
        {
            next = next.plusDays(1);
            requireWithinSearch(++searched);
        }
        sessionDay = date.toEpochDay();
        sessionStartNs = calendar.openNs(date);
        sessionCloseNs = calendar.closeNs(date);
        nextStartNs = calendar.openNs(next);
        nextCloseNs = calendar.closeNs(next);
    }

    private void requireWithinSearch(final int searched)
    {
        if (searched > MAX_SEARCH_DAYS)
        {
            throw new IllegalStateException("calendar " + calendar.name() + " has no trading date within " +
                MAX_SEARCH_DAYS + " days");
        }
    }
}
