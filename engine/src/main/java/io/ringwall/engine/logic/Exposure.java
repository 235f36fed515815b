package io.ringwall.engine.logic;

import io.ringwall.engine.Fixed;

/**
 * Worst-case exposure figures for the pre-trade checks: every open order is assumed to fill on its own side,
 * and a position is valued at the instrument's reference price. A candidate order adds {@code buy} or
 * {@code sell} quantity to its instrument. All in money units; allocation-free.
 */
final class Exposure
{
    private final InstrumentTable instruments;
    private final MarketState market;
    private final Portfolio portfolio;
    private final OrderManager orders;

    Exposure(final InstrumentTable instruments, final MarketState market, final Portfolio portfolio,
        final OrderManager orders)
    {
        this.instruments = instruments;
        this.market = market;
        this.portfolio = portfolio;
        this.orders = orders;
    }

    /** @return the position if every open buy (plus {@code buy}) filled. */
    long longSide(final int instrumentId, final long buy)
    {
        return portfolio.position(instrumentId) + orders.openBuyQuantity(instrumentId) + buy;
    }

    /** @return the position if every open sell (plus {@code sell}) filled. */
    long shortSide(final int instrumentId, final long sell)
    {
        return portfolio.position(instrumentId) - orders.openSellQuantity(instrumentId) - sell;
    }

    /** @return the larger absolute position of the two worst cases. */
    long worstPosition(final int instrumentId, final long buy, final long sell)
    {
        return Math.max(Math.abs(longSide(instrumentId, buy)), Math.abs(shortSide(instrumentId, sell)));
    }

    long positionValue(final int instrumentId, final long buy, final long sell)
    {
        return Fixed.notional(market.referencePrice(instrumentId), worstPosition(instrumentId, buy, sell));
    }

    /**
     * @return the sum of worst-case position values over the instruments of {@code sectorId}
     * ({@code sectorId} -1: all instruments, the gross exposure).
     */
    long sectorValue(final int sectorId, final int orderInstrument, final long buy, final long sell)
    {
        long total = 0;
        for (int i = 0; i < instruments.size(); i++)
        {
            if (sectorId < 0 || instruments.sectorId(i) == sectorId)
            {
                total += i == orderInstrument ? positionValue(i, buy, sell) : positionValue(i, 0, 0);
            }
        }
        return total;
    }

    /**
     * @return |net exposure| in the worse of the two cases: all open buys fill, or all open sells fill.
     */
    long netValue(final int orderInstrument, final long buy, final long sell)
    {
        long allBuys = 0;
        long allSells = 0;
        for (int i = 0; i < instruments.size(); i++)
        {
            final long price = market.referencePrice(i);
            allBuys += Fixed.notional(price, longSide(i, i == orderInstrument ? buy : 0));
            allSells += Fixed.notional(price, shortSide(i, i == orderInstrument ? sell : 0));
        }
        return Math.max(Math.abs(allBuys), Math.abs(allSells));
    }
}
