package io.ringwall.engine.market;

import java.lang.management.ManagementFactory;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SessionClockTest
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2013, 12, 25), LocalDate.of(2014, 1, 1),
        LocalDate.of(2023, 11, 23), LocalDate.of(2026, 1, 1), LocalDate.of(1969, 12, 25));

    /** Fixed-offset zones (the arithmetic path) and daylight-saving ones (the java.time path). */
    private static final List<MarketCalendar> CALENDARS = List.of(
        MarketCalendar.alwaysOpen("crypto"),
        new MarketCalendar("utc-weekdays", ZoneId.of("UTC"), 0, 1440, WEEKDAYS, HOLIDAYS),
        new MarketCalendar("plus-0530", ZoneOffset.ofHoursMinutes(5, 30), 555, 930, WEEKDAYS, HOLIDAYS),
        new MarketCalendar("gmt-minus-5", ZoneId.of("Etc/GMT+5"), 1, 1440, EnumSet.of(DayOfWeek.SUNDAY,
            DayOfWeek.WEDNESDAY), HOLIDAYS),
        new MarketCalendar("us-equity", ZoneId.of("America/New_York"), 570, 960, WEEKDAYS, HOLIDAYS),
        new MarketCalendar("sydney-late", ZoneId.of("Australia/Sydney"), 120, 1440, WEEKDAYS, HOLIDAYS));

    @Test
    void answersAsTheJavaTimeDefinitionOfSessionsDoes()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (final MarketCalendar calendar : CALENDARS)
        {
            final SessionClock clock = new SessionClock(calendar);
            final long from = -20 * NANOS_PER_DAY;
            final long to = 2_000_000_000L * NANOS_PER_SECOND;
            // Random times, each with its neighbours around the session edges the clock reports.
            for (int i = 0; i < 20_000; i++)
            {
                final long timeNs = from + Math.floorMod(random.nextLong(), to - from);
                checkAgainstReference(calendar, clock, timeNs);
                final long startNs = clock.sessionStartNs(timeNs);
                checkAgainstReference(calendar, clock, startNs);
                checkAgainstReference(calendar, clock, startNs - 1);
                final long closeNs = clock.closeOfNextOpenNs(timeNs);
                checkAgainstReference(calendar, clock, closeNs);
                checkAgainstReference(calendar, clock, closeNs - 1);
            }
            // And a walk forward through consecutive days, as event time moves.
            for (long timeNs = 1_700_000_000L * NANOS_PER_SECOND; timeNs < 1_740_000_000L * NANOS_PER_SECOND;
                timeNs += 3_600_000_000_000L + 7)
            {
                checkAgainstReference(calendar, clock, timeNs);
            }
        }
    }

    @Test
    void aFixedOffsetCalendarAllocatesNothingAcrossSessions()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counter unsupported");
        threads.setThreadAllocatedMemoryEnabled(true);
        final SessionClock clock = new SessionClock(CALENDARS.get(2));
        final long step = 3_600_000_000_000L;
        long timeNs = 1_700_000_000L * NANOS_PER_SECOND;
        long sum = 0;
        for (int i = 0; i < 200_000; i++)
        {
            sum += clock.sessionDay(timeNs += step);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++)
        {
            sum += clock.sessionDay(timeNs += step) + clock.nextOpenNs(timeNs) + clock.closeOfNextOpenNs(timeNs);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sum).isNotZero();
        assertThat(allocated).as("bytes over 10,000 hours of sessions").isZero();
    }

    private static void checkAgainstReference(final MarketCalendar calendar, final SessionClock clock,
        final long timeNs)
    {
        final Reference expected = Reference.at(calendar, timeNs);
        final String where = calendar.name() + " at " + timeNs;
        assertThat(clock.sessionDay(timeNs)).as(where).isEqualTo(expected.sessionDay);
        assertThat(clock.sessionStartNs(timeNs)).as(where).isEqualTo(expected.startNs);
        assertThat(clock.isOpen(timeNs)).as(where).isEqualTo(timeNs < expected.closeNs);
        assertThat(clock.nextOpenNs(timeNs)).as(where)
            .isEqualTo(timeNs < expected.closeNs ? timeNs : expected.nextStartNs);
        assertThat(clock.closeOfNextOpenNs(timeNs)).as(where)
            .isEqualTo(timeNs < expected.closeNs ? expected.closeNs : expected.nextCloseNs);
    }

    /** The session definition written with java.time (SessionClock's algorithm before it went arithmetic). */
    private record Reference(long sessionDay, long startNs, long closeNs, long nextStartNs, long nextCloseNs)
    {
        static Reference at(final MarketCalendar calendar, final long timeNs)
        {
            final LocalDate local = Instant.ofEpochSecond(Math.floorDiv(timeNs, NANOS_PER_SECOND))
                .atZone(calendar.zone()).toLocalDate();
            LocalDate date = local.plusDays(1);
            while (!calendar.isTradingDate(date) || calendar.openNs(date) > timeNs)
            {
                date = date.minusDays(1);
            }
            LocalDate next = date.plusDays(1);
            while (!calendar.isTradingDate(next))
            {
                next = next.plusDays(1);
            }
            return new Reference(date.toEpochDay(), calendar.openNs(date), calendar.closeNs(date),
                calendar.openNs(next), calendar.closeNs(next));
        }
    }
}
