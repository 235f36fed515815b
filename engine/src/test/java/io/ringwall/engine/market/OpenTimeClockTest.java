package io.ringwall.engine.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenTimeClockTest
{
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final long HOUR_NS = 60 * MINUTE_NS;
    private static final long DAY_NS = 24 * HOUR_NS;
    /** NYSE hours with Martin Luther King day 2013 (Monday 21 January) a holiday. */
    private static final MarketCalendar US_EQUITY = new MarketCalendar("us-equity", ZoneId.of("America/New_York"),
        570, 960, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2013, 1, 21)));

    private static long at(final String instant)
    {
        final Instant time = Instant.parse(instant);
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }

    @Test
    void nightsWeekendsAndHolidaysAddNoOpenTime()
    {
        final OpenTimeClock clock = new OpenTimeClock(new SessionClock(US_EQUITY));
        // Friday 18 January 2013 after the close (16:00 New York = 21:00 UTC) ...
        final long friday = clock.advanceTo(at("2013-01-19T00:00:00Z"));
        // ... to Tuesday night: the weekend and Monday's holiday are closed, Tuesday's session is 6.5 hours.
        assertThat(clock.advanceTo(at("2013-01-23T00:00:00Z")) - friday).isEqualTo(6 * HOUR_NS + 30 * MINUTE_NS);
        // Inside a session, open time is event time.
        final long wednesdayOpen = clock.advanceTo(at("2013-01-23T14:30:00Z"));
        assertThat(wednesdayOpen - friday).isEqualTo(6 * HOUR_NS + 30 * MINUTE_NS);
        assertThat(clock.advanceTo(at("2013-01-23T15:30:00Z")) - wednesdayOpen).isEqualTo(HOUR_NS);
    }

    @Test
    void anEarlierReadingAddsNothing()
    {
        final OpenTimeClock clock = new OpenTimeClock(new SessionClock(US_EQUITY));
        clock.advanceTo(at("2013-01-23T15:00:00Z"));
        final long later = clock.advanceTo(at("2013-01-23T16:00:00Z"));
        assertThat(clock.advanceTo(at("2013-01-23T15:30:00Z"))).isEqualTo(later);
        assertThat(clock.advanceTo(at("2013-01-23T16:00:00Z"))).isEqualTo(later);
    }

    @Test
    void aClockOpenAroundTheClockCountsEveryNanosecondAcrossMidnights()
    {
        final OpenTimeClock clock = new OpenTimeClock(new SessionClock(MarketCalendar.alwaysOpen("crypto")));
        final long start = clock.advanceTo(at("2023-03-13T23:55:00Z"));
        assertThat(clock.advanceTo(at("2023-03-15T00:05:00Z")) - start).isEqualTo(DAY_NS + 10 * MINUTE_NS);
    }

    @Test
    void restoredItContinuesWhereItWas()
    {
        final OpenTimeClock clock = new OpenTimeClock(new SessionClock(US_EQUITY));
        clock.advanceTo(at("2013-01-18T15:00:00Z"));
        clock.advanceTo(at("2013-01-18T16:00:00Z"));
        final OpenTimeClock restored = new OpenTimeClock(new SessionClock(US_EQUITY));
        restored.restore(clock.lastReadingNs(), clock.openTimeNs());
        assertThat(restored.advanceTo(at("2013-01-22T15:00:00Z")))
            .isEqualTo(clock.advanceTo(at("2013-01-22T15:00:00Z")));
    }

    @Test
    void aBarSpansItsIntervalUpToASessionAndASessionPerDay()
    {
        final long session = 6 * HOUR_NS + 30 * MINUTE_NS;
        assertThat(US_EQUITY.openSpanOfBarNs(5 * MINUTE_NS)).isEqualTo(5 * MINUTE_NS);
        assertThat(US_EQUITY.openSpanOfBarNs(HOUR_NS)).isEqualTo(HOUR_NS);
        assertThat(US_EQUITY.openSpanOfBarNs(8 * HOUR_NS)).isEqualTo(session);
        assertThat(US_EQUITY.openSpanOfBarNs(DAY_NS)).isEqualTo(session);
        assertThat(US_EQUITY.openSpanOfBarNs(7 * DAY_NS)).isEqualTo(7 * session);
        assertThat(MarketCalendar.alwaysOpen("crypto").openSpanOfBarNs(DAY_NS)).isEqualTo(DAY_NS);
    }
}
