package io.ringwall.engine.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * Maps event times to a {@link MarketCalendar}'s sessions. A time belongs to the session of the last
 * trading date whose open is at or before it, until the next trading date opens; within that span the
 * market is open until the session's close. The current span is cached: the per-event cost is two
 * comparisons. When time leaves the span (once per session) the next span is found with epoch-day
 * arithmetic; only a calendar whose zone has daylight-saving rules needs java.time for that, and allocates
 * a few hundred bytes then. A fixed-offset calendar (UTC, the crypto session calendar) never allocates after
 * construction, so the logic thread stays allocation-free across session boundaries. One instance per
 * thread.
 */
public final class SessionClock
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Longest run of non-trading dates searched for (a calendar with none would loop). */
    private static final int MAX_SEARCH_DAYS = 370;

    private static final long SECONDS_PER_DAY = 86_400L;
    /** 1970-01-01, epoch day 0, was a Thursday. */
    private static final int EPOCH_DAY_0_WEEKDAY = DayOfWeek.THURSDAY.ordinal();

    private final MarketCalendar calendar;
    private final boolean fixedOffset;
    private final long offsetSeconds;
    /** By {@link DayOfWeek#ordinal()}. */
    private final boolean[] tradesOnWeekday = new boolean[7];
    /** Sorted. */
    private final long[] holidayEpochDays;
    private long sessionStartNs = Long.MAX_VALUE;
    private long sessionCloseNs;
    private long nextStartNs = Long.MIN_VALUE;
    private long nextCloseNs;
    private long sessionDay;

    public SessionClock(final MarketCalendar calendar)
    {
        this.calendar = calendar;
        final ZoneRules rules = calendar.zone().getRules();
        fixedOffset = rules.isFixedOffset();
        offsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        for (final DayOfWeek weekday : calendar.weekdays())
        {
            tradesOnWeekday[weekday.ordinal()] = true;
        }
        holidayEpochDays = calendar.holidays().stream().mapToLong(LocalDate::toEpochDay).sorted().toArray();
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
        long day = localEpochDay(timeNs) + 1;
        int searched = 0;
        while (!isTradingDay(day) || openNs(day) > timeNs)
        {
            day--;
            requireWithinSearch(++searched);
        }
        long next = day + 1;
        while (!isTradingDay(next))
        {
            next++;
            requireWithinSearch(++searched);
        }
        sessionDay = day;
        sessionStartNs = openNs(day);
        sessionCloseNs = closeNs(day);
        nextStartNs = openNs(next);
        nextCloseNs = closeNs(next);
    }

    /** {@link MarketCalendar#isTradingDate} by epoch day: weekday and holidays do not depend on the zone. */
    private boolean isTradingDay(final long epochDay)
    {
        return tradesOnWeekday[(int)Math.floorMod(epochDay + EPOCH_DAY_0_WEEKDAY, 7L)] &&
            Arrays.binarySearch(holidayEpochDays, epochDay) < 0;
    }

    /** @return the epoch day of the calendar-local date at {@code timeNs}. */
    private long localEpochDay(final long timeNs)
    {
        final long epochSecond = Math.floorDiv(timeNs, NANOS_PER_SECOND);
        if (fixedOffset)
        {
            return Math.floorDiv(epochSecond + offsetSeconds, SECONDS_PER_DAY);
        }
        return Instant.ofEpochSecond(epochSecond).atZone(calendar.zone()).toLocalDate().toEpochDay();
    }

    private long openNs(final long epochDay)
    {
        return fixedOffset ? atMinuteNs(epochDay, calendar.openMinute()) :
            calendar.openNs(LocalDate.ofEpochDay(epochDay));
    }

    private long closeNs(final long epochDay)
    {
        return fixedOffset ? atMinuteNs(epochDay, calendar.closeMinute()) :
            calendar.closeNs(LocalDate.ofEpochDay(epochDay));
    }

    /** {@link MarketCalendar}'s local time to epoch nanoseconds, for a fixed offset (no gaps or overlaps). */
    private long atMinuteNs(final long epochDay, final int minute)
    {
        return ((epochDay * SECONDS_PER_DAY) + minute * 60L - offsetSeconds) * NANOS_PER_SECOND;
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
