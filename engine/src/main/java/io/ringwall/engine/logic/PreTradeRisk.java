package io.ringwall.engine.logic;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.config.ParticipationMode;
import io.ringwall.engine.config.RiskLimits;
import io.ringwall.engine.market.SessionClock;

import static io.ringwall.engine.config.RiskLimits.PPM;

/**
 * The pre-trade checks every order passes before it can reach the outbound ring, in a fixed order, on the
 * logic thread. A refusal is a value: a reason code with the limit and the figure that hit it, in the
 * reason's unit (the tools render them):
 * <ul>
 * <li>quantity units: INVALID_QUANTITY, MIN/MAX_QUANTITY, LOT_SIZE (limit = lot), POSITION_QUANTITY,
 * PARTICIPATION (limit = cap), REDUCING_ONLY (limit = quantity that would still reduce);</li>
 * <li>price units: INVALID_PRICE, TICK_SIZE (limit = tick);</li>
 * <li>money: MAX_ORDER_NOTIONAL, POSITION_EQUITY, SECTOR_EXPOSURE, GROSS_LEVERAGE, NET_EXPOSURE (limit =
 * allowed amount, observed = amount with the order), BUYING_POWER (limit = cash free, observed = needed);</li>
 * <li>counts: ORDERS_PER_DAY, ORDER_RATE; ppm: PRICE_COLLAR; nanoseconds: DUPLICATE_ORDER (observed = age of
 * the identical order); TRADING_HALTED: limit = the halting breaker's type, observed = its state;
 * INSTRUMENT_HALTED: limit = TRADING's value (0), observed = the instrument's InstrumentTradingState value.</li>
 * </ul>
 * Limits are maxima: a figure equal to its limit passes. The exposure limits (position, sector, leverage,
 * net) refuse only an order that makes the figure worse, so an order that reduces exposure always passes
 * them (worst case: all open orders fill, see {@link Exposure}).
 */
final class PreTradeRisk
{
    static final long DAY_NS = 86_400_000_000_000L;
    private static final long SECOND_NS = 1_000_000_000L;
    /** Duplicate ring size when no rate limit bounds the orders inside the window. */
    private static final int UNLIMITED_RATE_DUPLICATE_RING = 1024;

    private final InstrumentTable instruments;
    private final MarketState market;
    private final Breakers breakers;
    private final Portfolio portfolio;
    private final OrderManager orders;
    private final Exposure exposure;
    private final RiskLimits limits;
    private final EventWindow sentLastSecond;
    private final RecentOrders recent;
    /** Orders per day count per session of the session calendar. */
    private final SessionClock sessions;
    /** The exchange's trading state per instrument: a halted, paused or quotation-only one takes no new exposure. */
    private final TradingStates tradingStates;
    private long day = Long.MIN_VALUE;
    private int ordersToday;

    private long limitValue;
    private long observedValue;
    private long allowedQuantity;
    private long checkPrice;

    PreTradeRisk(final RiskLimits limits, final InstrumentTable instruments, final MarketState market,
        final Breakers breakers, final Portfolio portfolio, final OrderManager orders, final SessionClock sessions,
        final TradingStates tradingStates)
    {
        this.tradingStates = tradingStates;
        this.sessions = sessions;
        this.limits = limits;
        this.instruments = instruments;
        this.market = market;
        this.breakers = breakers;
        this.portfolio = portfolio;
        this.orders = orders;
        this.exposure = new Exposure(instruments, market, portfolio, orders);
        this.sentLastSecond = new EventWindow(Math.max(1, limits.maxOrdersPerSecond()), SECOND_NS);
        // While the rate check holds, every order inside the duplicate window is still in the ring.
        final long windowSeconds = Math.max(1, (limits.duplicateWindowNs() + SECOND_NS - 1) / SECOND_NS);
        final long ordersInWindow = limits.maxOrdersPerSecond() > 0 ?
            limits.maxOrdersPerSecond() * windowSeconds : UNLIMITED_RATE_DUPLICATE_RING;
        this.recent = new RecentOrders((int)Math.min(RiskLimits.MAX_ORDERS_PER_SECOND_LIMIT, ordersInWindow),
            limits.duplicateWindowNs());
    }

    /**
     * @return {@link RiskRejectReason#NULL_VAL} when the order may go, else why not; {@link #limitValue()}
     * and {@link #observedValue()} then hold the figures. When it may go, {@link #allowedQuantity()} is the
     * quantity to send (less than asked only when the participation check splits) and {@link #checkPrice()}
     * the price it was valued at.
     */
    RiskRejectReason check(final int instrumentId, final Side side, final OrdType ordType, final long quantity,
        final long limitPrice, final long nowNs)
    {
        limitValue = 0;
        observedValue = 0;
        allowedQuantity = quantity;
        checkPrice = 0;
        final RiskRejectReason structural = checkStructure(instrumentId, ordType, quantity, limitPrice);
        if (structural != RiskRejectReason.NULL_VAL)
        {
            return structural;
        }
        if (!tradingStates.trading(instrumentId))
        {
            // The exchange does not trade it now: an order would rest unknown to the strategy's model, or be refused.
            return refuse(RiskRejectReason.INSTRUMENT_HALTED, 0, tradingStates.stateValue(instrumentId));
        }
        final InstrumentSpec spec = instruments.spec(instrumentId);
        final long referencePrice = market.referencePrice(instrumentId);
        checkPrice = ordType == OrdType.MARKET ? referencePrice : limitPrice;
        final RiskRejectReason sizing = checkSizing(spec, ordType, quantity, limitPrice, referencePrice);
        if (sizing != RiskRejectReason.NULL_VAL)
        {
            return sizing;
        }
        if (breakers.worst() == BreakerState.REDUCING && !reducesWithin(instrumentId, side, quantity))
        {
            return RiskRejectReason.REDUCING_ONLY;
        }
        final RiskRejectReason participation = checkParticipation(spec, quantity);
        if (participation != RiskRejectReason.NULL_VAL)
        {
            return participation;
        }
        final long notional = Fixed.notional(checkPrice, allowedQuantity);
        if (notional > limits.maxOrderNotional())
        {
            return refuse(RiskRejectReason.MAX_ORDER_NOTIONAL, limits.maxOrderNotional(), notional);
        }
        final RiskRejectReason flow = checkFlow(instrumentId, side, allowedQuantity, limitPrice, nowNs);
        if (flow != RiskRejectReason.NULL_VAL)
        {
            return flow;
        }
        return checkExposure(instrumentId, side, allowedQuantity, true);
    }

    /**
     * Checks an amend as the order would be after it: the new quantity and price against the structural and sizing
     * checks (quantity limits, lot, tick, price collar, participation cap, order notional), the message rate, and,
     * for the leaves it adds, reducing-only, the exposure limits and buying power. An amend that only lowers the
     * quantity adds nothing to exposure, so those pass it. No split: an amend is sent as asked or refused.
     *
     * @return {@link RiskRejectReason#NULL_VAL} when it may go ({@link #checkPrice()} the price it was valued at),
     *         else why not, with {@link #limitValue()} and {@link #observedValue()}.
     */
    RiskRejectReason checkAmend(final Order order, final long quantity, final long limitPrice, final long nowNs)
    {
        limitValue = 0;
        observedValue = 0;
        allowedQuantity = quantity;
        checkPrice = 0;
        final int instrumentId = order.instrumentId;
        final RiskRejectReason structural = checkStructure(instrumentId, order.ordType, quantity, limitPrice);
        if (structural != RiskRejectReason.NULL_VAL)
        {
            return structural;
        }
        final InstrumentSpec spec = instruments.spec(instrumentId);
        final long referencePrice = market.referencePrice(instrumentId);
        checkPrice = order.ordType == OrdType.MARKET ? referencePrice : limitPrice;
        final RiskRejectReason sizing = checkSizing(spec, order.ordType, quantity, limitPrice, referencePrice);
        if (sizing != RiskRejectReason.NULL_VAL)
        {
            return sizing;
        }
        final long added = Math.max(0, quantity - order.quantity);
        if (added > 0 && !tradingStates.trading(instrumentId))
        {
            return refuse(RiskRejectReason.INSTRUMENT_HALTED, 0, tradingStates.stateValue(instrumentId));
        }
        if (added > 0 && breakers.worst() == BreakerState.REDUCING && !reducesWithin(instrumentId, order.side, added))
        {
            return RiskRejectReason.REDUCING_ONLY;
        }
        final long cap = Fixed.mulDiv(spec.averageDailyVolume(), limits.maxParticipationPpm(), PPM);
        if (quantity > cap)
        {
            return refuse(RiskRejectReason.PARTICIPATION, cap, quantity);
        }
        final long notional = Fixed.notional(checkPrice, quantity);
        if (notional > limits.maxOrderNotional())
        {
            return refuse(RiskRejectReason.MAX_ORDER_NOTIONAL, limits.maxOrderNotional(), notional);
        }
        if (limits.maxOrdersPerSecond() > 0 && sentLastSecond.full(nowNs))
        {
            return refuse(RiskRejectReason.ORDER_RATE, sentLastSecond.capacity(), sentLastSecond.capacity() + 1L);
        }
        if (added > 0)
        {
            final RiskRejectReason exposed = checkExposure(instrumentId, order.side, added, false);
            if (exposed != RiskRejectReason.NULL_VAL)
            {
                return exposed;
            }
        }
        if (limits.checkBuyingPower() && order.side == Side.BUY)
        {
            // what the amended leaves need beyond what the order's leaves hold now (open buy cash counts them)
            final long leaves = quantity - order.filledQuantity;
            final long extra = Fixed.notional(checkPrice, leaves) -
                Fixed.notional(order.checkPrice, order.leavesQuantity());
            final long free = portfolio.cash() - withFee(orders.openBuyCash());
            if (extra > 0 && withFee(extra) > free)
            {
                return refuse(RiskRejectReason.BUYING_POWER, free, withFee(extra));
            }
        }
        return RiskRejectReason.NULL_VAL;
    }

    /** Records a sent amend: a message to the venue, so it counts in the rate window (not as a new order). */
    void onAmendSent(final long nowNs)
    {
        sentLastSecond.record(nowNs);
    }

    /**
     * Records a sent order for the day count, the rate and the duplicate checks.
     */
    void onSent(final int instrumentId, final Side side, final long quantity, final long limitPrice,
        final long nowNs)
    {
        rollDay(nowNs);
        ordersToday++;
        sentLastSecond.record(nowNs);
        recent.record(instrumentId, side, quantity, limitPrice, nowNs);
    }

    long limitValue()
    {
        return limitValue;
    }

    long observedValue()
    {
        return observedValue;
    }

    long allowedQuantity()
    {
        return allowedQuantity;
    }

    long checkPrice()
    {
        return checkPrice;
    }

    private RiskRejectReason checkStructure(final int instrumentId, final OrdType ordType, final long quantity,
        final long limitPrice)
    {
        final int halting = breakers.haltingBreaker();
        if (halting != Breakers.NONE)
        {
            return refuse(RiskRejectReason.TRADING_HALTED, halting, BreakerState.HALTED.value());
        }
        if (!instruments.isValid(instrumentId))
        {
            return refuse(RiskRejectReason.UNKNOWN_INSTRUMENT, instruments.size() - 1, instrumentId);
        }
        if (quantity <= 0)
        {
            return refuse(RiskRejectReason.INVALID_QUANTITY, 0, quantity);
        }
        if (ordType != OrdType.MARKET && limitPrice <= 0)
        {
            return refuse(RiskRejectReason.INVALID_PRICE, 0, limitPrice);
        }
        if (market.referencePrice(instrumentId) == 0)
        {
            // Without a reference price neither the collar nor any exposure can be checked: fail closed.
            return RiskRejectReason.NO_MARKET_PRICE;
        }
        return RiskRejectReason.NULL_VAL;
    }

    private RiskRejectReason checkSizing(final InstrumentSpec spec, final OrdType ordType, final long quantity,
        final long limitPrice, final long referencePrice)
    {
        if (quantity < limits.minOrderQuantity())
        {
            return refuse(RiskRejectReason.MIN_QUANTITY, limits.minOrderQuantity(), quantity);
        }
        if (quantity > limits.maxOrderQuantity())
        {
            return refuse(RiskRejectReason.MAX_QUANTITY, limits.maxOrderQuantity(), quantity);
        }
        if (quantity % spec.lotSize() != 0)
        {
            return refuse(RiskRejectReason.LOT_SIZE, spec.lotSize(), quantity);
        }
        if (ordType != OrdType.MARKET)
        {
            if (limitPrice % spec.tickSize() != 0)
            {
                return refuse(RiskRejectReason.TICK_SIZE, spec.tickSize(), limitPrice);
            }
            final long band = spec.priceBandPpm() != 0 ? spec.priceBandPpm() : limits.defaultPriceCollarPpm();
            final long deviation = Fixed.mulDiv(Math.abs(limitPrice - referencePrice), PPM, referencePrice);
            if (deviation > band)
            {
                return refuse(RiskRejectReason.PRICE_COLLAR, band, deviation);
            }
        }
        return RiskRejectReason.NULL_VAL;
    }

    /**
     * In REDUCING only an order against the position, no larger than what open orders leave to reduce, goes.
     */
    private boolean reducesWithin(final int instrumentId, final Side side, final long quantity)
    {
        final long position = portfolio.position(instrumentId);
        final long reducible;
        if (position > 0 && side == Side.SELL)
        {
            reducible = Math.max(0, position - orders.openSellQuantity(instrumentId));
        }
        else if (position < 0 && side == Side.BUY)
        {
            reducible = Math.max(0, -position - orders.openBuyQuantity(instrumentId));
        }
        else
        {
            reducible = 0;
        }
        limitValue = reducible;
        observedValue = quantity;
        return quantity <= reducible;
    }

    private RiskRejectReason checkParticipation(final InstrumentSpec spec, final long quantity)
    {
        final long cap = Fixed.mulDiv(spec.averageDailyVolume(), limits.maxParticipationPpm(), PPM);
        if (quantity <= cap)
        {
            return RiskRejectReason.NULL_VAL;
        }
        final long lotCap = cap - cap % spec.lotSize();
        if (limits.participationMode() == ParticipationMode.SPLIT && lotCap > 0)
        {
            allowedQuantity = lotCap;
            return RiskRejectReason.NULL_VAL;
        }
        return refuse(RiskRejectReason.PARTICIPATION, cap, quantity);
    }

    private RiskRejectReason checkFlow(final int instrumentId, final Side side, final long quantity,
        final long limitPrice, final long nowNs)
    {
        rollDay(nowNs);
        if (ordersToday >= limits.maxOrdersPerDay())
        {
            return refuse(RiskRejectReason.ORDERS_PER_DAY, limits.maxOrdersPerDay(), ordersToday + 1L);
        }
        if (limits.maxOrdersPerSecond() > 0 && sentLastSecond.full(nowNs))
        {
            return refuse(RiskRejectReason.ORDER_RATE, sentLastSecond.capacity(), sentLastSecond.capacity() + 1L);
        }
        final long age = recent.ageOfIdentical(instrumentId, side, quantity, limitPrice, nowNs);
        if (age >= 0)
        {
            return refuse(RiskRejectReason.DUPLICATE_ORDER, limits.duplicateWindowNs(), age);
        }
        return RiskRejectReason.NULL_VAL;
    }

    private RiskRejectReason checkExposure(final int instrumentId, final Side side, final long quantity,
        final boolean buyingPower)
    {
        final long buy = side == Side.BUY ? quantity : 0;
        final long sell = side == Side.SELL ? quantity : 0;
        final long equity = Math.max(0, portfolio.equity());

        final long positionNow = exposure.worstPosition(instrumentId, 0, 0);
        final long positionAfter = exposure.worstPosition(instrumentId, buy, sell);
        if (positionAfter > positionNow)
        {
            if (positionAfter > limits.maxPositionQuantity())
            {
                return refuse(RiskRejectReason.POSITION_QUANTITY, limits.maxPositionQuantity(), positionAfter);
            }
            final long allowed = Fixed.mulDiv(equity, limits.maxPositionEquityPpm(), PPM);
            final long value = exposure.positionValue(instrumentId, buy, sell);
            if (value > allowed)
            {
                return refuse(RiskRejectReason.POSITION_EQUITY, allowed, value);
            }
        }
        final int sector = instruments.sectorId(instrumentId);
        final RiskRejectReason sectorReason = worse(RiskRejectReason.SECTOR_EXPOSURE,
            exposure.sectorValue(sector, instrumentId, 0, 0), exposure.sectorValue(sector, instrumentId, buy, sell),
            Fixed.mulDiv(equity, limits.maxSectorEquityPpm(), PPM));
        if (sectorReason != RiskRejectReason.NULL_VAL)
        {
            return sectorReason;
        }
        final RiskRejectReason grossReason = worse(RiskRejectReason.GROSS_LEVERAGE,
            exposure.sectorValue(-1, instrumentId, 0, 0), exposure.sectorValue(-1, instrumentId, buy, sell),
            Fixed.mulDiv(equity, limits.maxGrossLeveragePpm(), PPM));
        if (grossReason != RiskRejectReason.NULL_VAL)
        {
            return grossReason;
        }
        final RiskRejectReason netReason = worse(RiskRejectReason.NET_EXPOSURE,
            exposure.netValue(instrumentId, 0, 0), exposure.netValue(instrumentId, buy, sell),
            Fixed.mulDiv(equity, limits.maxNetExposurePpm(), PPM));
        if (netReason != RiskRejectReason.NULL_VAL)
        {
            return netReason;
        }
        if (buyingPower && limits.checkBuyingPower() && side == Side.BUY)
        {
            final long needed = withFee(Fixed.notional(checkPrice, quantity));
            final long free = portfolio.cash() - withFee(orders.openBuyCash());
            if (needed > free)
            {
                return refuse(RiskRejectReason.BUYING_POWER, free, needed);
            }
        }
        return RiskRejectReason.NULL_VAL;
    }

    private long withFee(final long notional)
    {
        return notional + Fixed.mulDiv(notional, limits.feeEstimateBps(), 10_000);
    }

    /** @return the reason when the order raises the figure past its allowance. */
    private RiskRejectReason worse(final RiskRejectReason reason, final long before, final long after,
        final long allowed)
    {
        return after > before && after > allowed ? refuse(reason, allowed, after) : RiskRejectReason.NULL_VAL;
    }

    private void rollDay(final long nowNs)
    {
        final long today = sessions.sessionDay(nowNs);
        if (today != day)
        {
            day = today;
            ordersToday = 0;
        }
    }

    private RiskRejectReason refuse(final RiskRejectReason reason, final long limit, final long observed)
    {
        limitValue = limit;
        observedValue = observed;
        return reason;
    }

    /** Checkpoints: the rate window, the duplicate ring and the day's order count. */
    void writeState(final StateCursor cursor)
    {
        sentLastSecond.writeState(cursor);
        recent.writeState(cursor);
        cursor.putLong(day);
        cursor.putLong(ordersToday);
    }

    void readState(final StateCursor cursor)
    {
        sentLastSecond.readState(cursor);
        recent.readState(cursor);
        day = cursor.getLong();
        ordersToday = cursor.getInt();
    }
}
