package io.ringwall.engine.logic;

/**
 * Last known market per instrument, as seen through journaled inputs only.
 */
final class MarketState
{
    private final long[] lastPrice;
    private final long[] bidPrice;
    private final long[] askPrice;

    MarketState(final int instruments)
    {
        lastPrice = new long[instruments];
        bidPrice = new long[instruments];
        askPrice = new long[instruments];
    }

    void onTrade(final int instrumentId, final long price)
    {
        lastPrice[instrumentId] = price;
    }

    void onQuote(final int instrumentId, final long bid, final long ask)
    {
        bidPrice[instrumentId] = bid;
        askPrice[instrumentId] = ask;
    }

    /**
     * @return the last trade price, else the quote mid, else 0 when nothing is known.
     */
    long referencePrice(final int instrumentId)
    {
        final long last = lastPrice[instrumentId];
        if (last != 0)
        {
            return last;
        }
        final long bid = bidPrice[instrumentId];
        final long ask = askPrice[instrumentId];
        return bid > 0 && ask > 0 ? (bid + ask) / 2 : 0;
    }

    long lastPrice(final int instrumentId)
    {
        return lastPrice[instrumentId];
    }

    long bidPrice(final int instrumentId)
    {
        return bidPrice[instrumentId];
    }

    long askPrice(final int instrumentId)
    {
        return askPrice[instrumentId];
    }

    /** Checkpoints: restores one instrument's market. */
    void restore(final int instrumentId, final long last, final long bid, final long ask)
    {
        lastPrice[instrumentId] = last;
        bidPrice[instrumentId] = bid;
        askPrice[instrumentId] = ask;
    }
}
