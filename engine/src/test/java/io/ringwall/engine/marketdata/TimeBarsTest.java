package io.ringwall.engine.marketdata;

import io.ringwall.engine.marketdata.itch.RecordingSink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Time bars from trades against OHLCV worked out by hand.
 */
class TimeBarsTest
{
    private static final long S = 1_000_000_000L;
    /** A minute boundary: 2023-11-14 22:14:00 UTC. */
    private static final long T0 = 1_699_999_980L * S;
    private static final long MINUTE = 60 * S;

    private final RecordingSink sink = new RecordingSink();
    private final TimeBars bars = new TimeBars(sink, MINUTE);

    private static String bar(final int id, final long o, final long h, final long l, final long c, final long v,
        final long start)
    {
        return "B " + id + " o=" + o + " h=" + h + " l=" + l + " c=" + c + " v=" + v + " start=" + start + " d=" + MINUTE;
    }

    @Test
    void tradesBecomeMinuteBarsHandedOnOnceTheFeedPassesTheirEnd()
    {
        bars.trade(1, 1, 100, 1, T0 + 5 * S);
        bars.trade(2, 2, 500, 7, T0 + 6 * S);
        bars.trade(1, 3, 120, 2, T0 + 10 * S);
        bars.trade(1, 4, 90, 1, T0 + 59 * S);
        assertThat(sink.events).isEmpty();
        bars.trade(1, 5, 110, 3, T0 + 61 * S);        // minute 1 ends for both instruments
        assertThat(sink.events).containsExactly(
            bar(1, 100, 120, 90, 90, 4, T0),
            bar(2, 500, 500, 500, 500, 7, T0));
        bars.quote(1, 100, 1, 120, 1, T0 + 119 * S);  // a quote inside minute 2 passes through
        bars.quote(1, 101, 1, 121, 1, T0 + 120 * S);  // a quote at its end hands the bar on first
        bars.trade(1, 6, 130, 1, T0 + 200 * S);       // minute 3 has no trade: no bar
        bars.finish();

        assertThat(sink.events).containsExactly(
            bar(1, 100, 120, 90, 90, 4, T0),
            bar(2, 500, 500, 500, 500, 7, T0),
            "Q 1 bid=100x1 ask=120x1 t=" + (T0 + 119 * S),
            bar(1, 110, 110, 110, 110, 3, T0 + MINUTE),
            "Q 1 bid=101x1 ask=121x1 t=" + (T0 + 120 * S),
            bar(1, 130, 130, 130, 130, 1, T0 + 3 * MINUTE));
        assertThat(bars.bars()).isEqualTo(4);
        assertThat(bars.trades()).isEqualTo(6);
    }

    @Test
    void aSourceAsBarsDeliversBarsInPlaceOfItsTrades()
    {
        final SourceStats stats = new TimeBarSource(new SyntheticTradeSource(3, 150, 1, T0, S), MINUTE).run(sink);

        // 150 trades a second apart from a minute boundary: 60 + 60 + 30.
        assertThat(sink.events).hasSize(3).allMatch(event -> event.startsWith("B 3 "));
        assertThat(sink.events.get(2)).contains("start=" + (T0 + 2 * MINUTE));
        assertThat(stats.events()).isEqualTo(3);
    }

    @Test
    void aDurationThatIsNotPositiveIsRefused()
    {
        assertThatThrownBy(() -> new TimeBars(sink, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
