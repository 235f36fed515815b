package io.ringwall.engine.marketdata.itch;

import java.util.ArrayList;
import java.util.List;

import io.ringwall.engine.marketdata.MarketDataSink;

/**
 * Test side: keeps what a source hands its sink as lines of text, e.g.
 * {@code T 3 id=901 px=1501000 qty=10000000000 t=...} and {@code Q 3 bid=... x ... ask=... x ... t=...}; a feed's
 * health {@code F GAP expected=4 received=7 silence=0 t=...}, an instrument's trading state
 * {@code S 2 HALTED reason=4c554450 t=...}.
 */
public final class RecordingSink implements MarketDataSink
{
    public final List<String> events = new ArrayList<>();

    @Override
    public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
        final long exchangeTimeNs)
    {
        events.add("T " + instrumentId + " id=" + tradeId + " px=" + price + " qty=" + quantity + " t=" + exchangeTimeNs);
    }

    @Override
    public void quote(final int instrumentId, final long bidPrice, final long bidQuantity, final long askPrice,
        final long askQuantity, final long exchangeTimeNs)
    {
        events.add("Q " + instrumentId + " bid=" + bidPrice + "x" + bidQuantity + " ask=" + askPrice + "x" +
            askQuantity + " t=" + exchangeTimeNs);
    }

    @Override
    public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
        final long volume, final long startTimeNs, final long durationNs)
    {
        events.add("B " + instrumentId + " o=" + open + " h=" + high + " l=" + low + " c=" + close + " v=" + volume +
            " start=" + startTimeNs + " d=" + durationNs);
    }

    @Override
    public void feedHealth(final io.ringwall.codecs.FeedHealthState state, final long expectedSequence,
        final long receivedSequence, final long silenceNs, final long exchangeTimeNs)
    {
        events.add("F " + state + " expected=" + expectedSequence + " received=" + receivedSequence + " silence=" +
            silenceNs + " t=" + exchangeTimeNs);
    }

    @Override
    public void tradingStatus(final int instrumentId, final io.ringwall.codecs.InstrumentTradingState state,
        final int reasonCode, final long exchangeTimeNs)
    {
        events.add("S " + instrumentId + " " + state + " reason=" + Integer.toHexString(reasonCode) + " t=" +
            exchangeTimeNs);
    }
}
