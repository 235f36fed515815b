package io.ringwall.engine.venue;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The simulated venue's own view of the market: last trade price per instrument, fed by the market
 * data adapter (as a real venue sees its own prints), read by the venue's thread.
 */
public final class VenueMarketView
{
    private final AtomicLongArray lastPrice;

    public VenueMarketView(final int instruments)
    {
        lastPrice = new AtomicLongArray(instruments);
    }

    /**
     * Called by the feed before the trade is published to the engine.
     */
    public void onTrade(final int instrumentId, final long price)
    {
        if (instrumentId >= 0 && instrumentId < lastPrice.length())
        {
            lastPrice.lazySet(instrumentId, price);
        }
    }

    /**
     * @return the last price, 0 when none or the instrument is unknown.
     */
    public long lastPrice(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < lastPrice.length() ? lastPrice.get(instrumentId) : 0;
    }
}
