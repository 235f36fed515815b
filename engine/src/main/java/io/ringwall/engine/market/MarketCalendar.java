package io.ringwall.engine.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * A market's trading sessions: local open and close times in a time zone, the weekdays it trades and its
 * holidays. A session starts at the open of a trading date; event times are mapped to sessions by
 * {@link SessionClock}.
 *
 * @param openMinute  minutes after local midnight the session opens, [0, 1440).
 * @param closeMinute minutes after local midnight it closes, (openMinute, 1440]; 1440 is the next midnight.
 */
public record MarketCalendar(String name, ZoneId zone, int openMinute, int closeMinute, Set<DayOfWeek> weekdays,
    Set<LocalDate> holidays)
{
    public static final int MINUTES_PER_DAY = 1440;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public MarketCalendar
    {
        if (name == null || zone == null || weekdays == null || holidays == null)
        {
            throw new IllegalArgumentException("calendar: name, zone, weekdays and holidays are required");
        }
        if (openMinute < 0 || openMinute >= MINUTES_PER_DAY || closeMinute <= openMinute ||
            closeMinute > MINUTES_PER_DAY)
        {
            throw new IllegalArgumentException("calendar " + name + ": open " + openMinute + " and close " +
                closeMinute + " minutes are not 0 <= open < close <= 1440");
        }
        if (weekdays.isEmpty())
        {
            throw new IllegalArgumentException("calendar " + name + ": it trades on no weekday");
        }
        weekdays = Set.copyOf(weekdays);
        holidays = Set.copyOf(holidays);
    }

    /** A market open around the clock, every day, with sessions from UTC midnight to midnight. */
    public static MarketCalendar alwaysOpen(final String name)
    {
        return new MarketCalendar(name, ZoneId.of("UTC"), 0, MINUTES_PER_DAY, Set.of(DayOfWeek.values()), Set.of());
    }

    /**
     * The open-market time one bar of {@code intervalNs} spans, the unit bar data's staleness is measured in: a
     * bar shorter than a day spans its interval up to one session; a bar of a day or more spans one session per
     * whole day (a daily bar of a 09:30-16:00 market is 6.5 hours of open market, whatever the night in between).
     */
    public long openSpanOfBarNs(final long intervalNs)
    {
        final long sessionNs = (closeMinute - openMinute) * 60L * NANOS_PER_SECOND;
        final long dayNs = MINUTES_PER_DAY * 60L * NANOS_PER_SECOND;
        return intervalNs >= dayNs ? Math.multiplyExact(intervalNs / dayNs, sessionNs) : Math.min(intervalNs, sessionNs);
    }

    public boolean isTradingDate(final LocalDate date)
    {
        return weekdays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** @return the open of {@code date}'s session, nanoseconds since the epoch. */
    public long openNs(final LocalDate date)
    {
        return atMinute(date, openMinute);
    }

    /** @return the close of {@code date}'s session, nanoseconds since the epoch. */
    public long closeNs(final LocalDate date)
    {
        return atMinute(date, closeMinute);
    }

    private long atMinute(final LocalDate date, final int minute)
    {
        final LocalDate day = minute == MINUTES_PER_DAY ? date.plusDays(1) : date;
        final int minuteOfDay = minute == MINUTES_PER_DAY ? 0 : minute;
        return day.atTime(minuteOfDay / 60, minuteOfDay % 60).atZone(zone).toEpochSecond() * NANOS_PER_SECOND;
    }
}
