package io.ringwall.engine.marketdata;

/**
 * Where an adapter delivers decoded market data (prices and quantities already scaled). The sink
 * decides the engine time, pacing and anything else about ingress.
 */
public interface MarketDataSink
{
    /** Takes everything and delivers nothing: a read that only checks a file. */
    MarketDataSink DISCARD = new Ignoring();

    /** Ignores every kind of data; a sink that looks at some of it (a check, a detector) overrides those. */
    class Ignoring implements MarketDataSink
    {
        @Override
        public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
            final long exchangeTimeNs)
        {
        }

        @Override
        public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
            final long volume, final long startTimeNs, final long durationNs)
        {
        }
    }

    void trade(int instrumentId, long tradeId, long price, long quantity, long exchangeTimeNs);

    void bar(int instrumentId, long open, long high, long low, long close, long volume, long startTimeNs, long durationNs);

    /**
     * A new top of book (an order-book feed's): best bid and ask with their quantities, 0 for an empty side. Sinks
     * that only use prints ignore it (the default); a sink that forwards data to the engine must override it.
     */
    default void quote(final int instrumentId, final long bidPrice, final long bidQuantity, final long askPrice,
        final long askQuantity, final long exchangeTimeNs)
    {
    }

    /**
     * An exchange feed went bad (a sequence gap, or silence): published before the adapter stops intake, so the
     * logic trips the stale-data breaker on a journaled input. Sinks that only use prices ignore it (the default); a
     * sink that forwards data to the engine must override it.
     *
     * @param exchangeTimeNs the time of the feed's last message before it went bad (epoch ns); 0 when none arrived.
     */
    default void feedHealth(final io.ringwall.codecs.FeedHealthState state, final long expectedSequence,
        final long receivedSequence, final long silenceNs, final long exchangeTimeNs)
    {
    }

    /**
     * The exchange changed an instrument's trading state (halted, paused, quotation only, trading again). Sinks that
     * only use prices ignore it (the default); a sink that forwards data to the engine must override it.
     *
     * @param reasonCode the exchange's reason, 4 ASCII bytes big-endian (ITCH's), 0 when none.
     */
    default void tradingStatus(final int instrumentId, final io.ringwall.codecs.InstrumentTradingState state,
        final int reasonCode, final long exchangeTimeNs)
    {
    }
}
