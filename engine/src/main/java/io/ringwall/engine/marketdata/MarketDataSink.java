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
}
