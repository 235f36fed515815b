package io.ringwall.engine.logic;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.RiskRejectReason;

/**
 * Pre-trade checks every order passes before it can reach the outbound ring. A refusal is a value
 * (a reason code), never an exception. This issue has the structural checks and the breaker gate;
 * the limits of the risk issue (position, exposure, notional, leverage, rates, collars) extend it.
 */
final class PreTradeRisk
{
    private final InstrumentTable instruments;
    private final MarketState market;
    private final Breakers breakers;
    private long limitValue;
    private long observedValue;

    PreTradeRisk(final InstrumentTable instruments, final MarketState market, final Breakers breakers)
    {
        this.instruments = instruments;
        this.market = market;
        this.breakers = breakers;
    }

    /**
     * @return {@link RiskRejectReason#NULL_VAL} when the order may go, else why not;
     * {@link #limitValue()} and {@link #observedValue()} then hold the figures.
     */
    RiskRejectReason check(final int instrumentId, final OrdType ordType, final long quantity, final long limitPrice)
    {
        limitValue = 0;
        observedValue = 0;
        if (breakers.worst() == BreakerState.HALTED)
        {
            observedValue = BreakerState.HALTED.value();
            return RiskRejectReason.TRADING_HALTED;
        }
        if (!instruments.isValid(instrumentId))
        {
            limitValue = instruments.size() - 1;
            observedValue = instrumentId;
            return RiskRejectReason.UNKNOWN_INSTRUMENT;
        }
        if (quantity <= 0)
        {
            observedValue = quantity;
            return RiskRejectReason.INVALID_QUANTITY;
        }
        if (ordType == OrdType.MARKET && market.referencePrice(instrumentId) == 0)
        {
            return RiskRejectReason.NO_MARKET_PRICE;
        }
        if (ordType != OrdType.MARKET && limitPrice <= 0)
        {
            observedValue = limitPrice;
            return RiskRejectReason.INVALID_PRICE;
        }
        return RiskRejectReason.NULL_VAL;
    }

    long limitValue()
    {
        return limitValue;
    }

    long observedValue()
    {
        return observedValue;
    }
}
