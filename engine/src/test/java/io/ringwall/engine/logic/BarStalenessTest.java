package io.ringwall.engine.logic;

import java.time.Instant;

import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.market.MarketCalendar;
import io.ringwall.engine.market.SessionClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bar data's stale-data figure across a checkpoint: restored from a snapshot in the middle of a quiet spell, it
 * trips at the same instant with the same age as the original, so a resumed session journals the same trip.
 */
class BarStalenessTest
{
    private static final long MINUTE_NS = 60_000_000_000L;

    private static long at(final String instant)
    {
        final Instant time = Instant.parse(instant);
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }

    private static BarStaleness fiveMinuteBars()
    {
        final BreakerLimits limits = BreakerLimits.defaults().withBarInterval(5 * MINUTE_NS);
        return new BarStaleness(limits, new SessionClock[] {new SessionClock(MarketCalendar.alwaysOpen("crypto")),
            new SessionClock(MarketCalendar.alwaysOpen("crypto"))});
    }

    @Test
    void aRestoredFigureTripsWhereTheOriginalDoes()
    {
        final BarStaleness original = fiveMinuteBars();
        original.onUpdate(1, at("2023-03-13T23:55:00Z"));
        assertThat(original.firstStale(at("2023-03-14T00:05:00Z"))).isEqualTo(Breakers.NONE);

        final UnsafeBuffer snapshot = new UnsafeBuffer(new byte[256]);
        final StateCursor cursor = new StateCursor();
        original.writeState(cursor.writeTo(snapshot, 0));
        final int length = cursor.position();
        final BarStaleness restored = fiveMinuteBars();
        restored.readState(cursor.readFrom(snapshot, 0, length));
        assertThat(cursor.atEnd()).isTrue();

        for (final BarStaleness figure : new BarStaleness[] {original, restored})
        {
            assertThat(figure.firstStale(at("2023-03-14T00:10:00Z") - 1)).isEqualTo(Breakers.NONE);
            assertThat(figure.anyFresh(at("2023-03-14T00:10:00Z") - 1)).isTrue();
            assertThat(figure.firstStale(at("2023-03-14T00:10:00Z"))).isEqualTo(1);
            assertThat(figure.ageNs()).isEqualTo(15 * MINUTE_NS);
            assertThat(figure.thresholdNs(1)).isEqualTo(15 * MINUTE_NS);
            assertThat(figure.anyFresh(at("2023-03-14T00:10:00Z"))).isFalse();
        }
    }
}
