package io.ringwall.engine.logic;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.market.CostModel;
import io.ringwall.engine.market.InstrumentMarket;

/**
 * The logic's view of the cost model: what an order is expected to cost when it is sent, with the same
 * figures the simulated venue prices fills with. A market or stop order takes liquidity (price move plus
 * commission); a limit order is expected to fill at its price and pay commission only.
 */
final class CostEstimator
{
    private final CostModel costs;
    private final InstrumentMarket[] markets;
    private final InstrumentTable instruments;

    CostEstimator(final CostModel costs, final InstrumentMarket[] markets, final InstrumentTable instruments)
    {
        this.costs = costs;
        this.markets = markets;
        this.instruments = instruments;
    }

    /**
     * @return the price the paper model gives the order at {@code referencePrice}: a taker's price moved against it
     *         by the cost model, a limit order's limit; 0 when there is no price to start from.
     */
    long modelPrice(final int instrumentId, final Side side, final OrdType ordType, final long quantity,
        final long referencePrice, final long orderPrice)
    {
        if (ordType == OrdType.LIMIT)
        {
            return orderPrice;
        }
        final long market = ordType == OrdType.STOP ? orderPrice : referencePrice;
        if (market <= 0 || !instruments.isValid(instrumentId))
        {
            return 0;
        }
        final InstrumentSpec spec = instruments.spec(instrumentId);
        return costs.takerPrice(side, market, quantity, markets[instrumentId], spec.averageDailyVolume(),
            spec.tickSize());
    }

    /** @return the expected cost in money, 0 when there is no reference price to estimate from. */
    long estimate(final int instrumentId, final Side side, final OrdType ordType, final long quantity,
        final long referencePrice)
    {
        if (referencePrice <= 0 || !instruments.isValid(instrumentId))
        {
            return 0;
        }
        final InstrumentSpec spec = instruments.spec(instrumentId);
        if (ordType == OrdType.LIMIT)
        {
            return costs.commission(quantity, referencePrice);
        }
        return costs.estimateTaker(side, quantity, referencePrice, markets[instrumentId], spec.averageDailyVolume(),
            spec.tickSize());
    }
}
