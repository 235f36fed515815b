package io.ringwall.engine.control;

import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;
import io.ringwall.engine.ring.EngineHaltedException;

/**
 * Wraps a market-data source so another thread can stop it: the next event after {@link #stop()} ends the
 * source's run (through the exception {@code Engine.run} already treats as "stop feeding, drain, report"),
 * and the engine then stops as at the end of its data. One volatile read per event, on the feed thread.
 */
public final class IntakeSwitch implements MarketDataSource
{
    private final MarketDataSource source;
    private volatile boolean stopped;

    public IntakeSwitch(final MarketDataSource source)
    {
        this.source = source;
    }

    /** Stops intake at the next market-data event. */
    public void stop()
    {
        stopped = true;
    }

    public boolean stopped()
    {
        return stopped;
    }

    @Override
    public SourceStats run(final MarketDataSink sink)
    {
        return source.run(new MarketDataSink()
        {
            @Override
            public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
                final long exchangeTimeNs)
            {
                checkOpen();
                sink.trade(instrumentId, tradeId, price, quantity, exchangeTimeNs);
            }

            @Override
            public void quote(final int instrumentId, final long bidPrice, final long bidQuantity,
                final long askPrice, final long askQuantity, final long exchangeTimeNs)
            {
                checkOpen();
                sink.quote(instrumentId, bidPrice, bidQuantity, askPrice, askQuantity, exchangeTimeNs);
            }

            @Override
            public void feedHealth(final io.ringwall.codecs.FeedHealthState state, final long expectedSequence,
                final long receivedSequence, final long silenceNs, final long exchangeTimeNs)
            {
                // no checkOpen: the feed is stopping anyway, and the logic must hear why before intake ends
                sink.feedHealth(state, expectedSequence, receivedSequence, silenceNs, exchangeTimeNs);
            }

            @Override
            public void tradingStatus(final int instrumentId, final io.ringwall.codecs.InstrumentTradingState state,
                final int reasonCode, final long exchangeTimeNs)
            {
                checkOpen();
                sink.tradingStatus(instrumentId, state, reasonCode, exchangeTimeNs);
            }

            @Override
            public void bar(final int instrumentId, final long open, final long high, final long low,
                final long close, final long volume, final long startTimeNs, final long durationNs)
            {
                checkOpen();
                sink.bar(instrumentId, open, high, low, close, volume, startTimeNs, durationNs);
            }
        });
    }

    private void checkOpen()
    {
        if (stopped)
        {
            throw new EngineHaltedException("market-data intake stopped by an operator shutdown", null);
        }
    }

    @Override
    public String describe()
    {
        return source.describe();
    }

    @Override
    public long expectedRecords()
    {
        return source.expectedRecords();
    }
}
