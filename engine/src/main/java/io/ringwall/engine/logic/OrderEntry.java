package io.ringwall.engine.logic;

import java.util.function.Consumer;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.RiskLimits;
import io.ringwall.engine.strategy.RiskRejectEvent;

/**
 * The one way an order leaves the logic: id, capital scale (targets), pre-trade risk, order table, outbound
 * frame. A refusal is journaled as a risk-reject event, counted per reason, told to the strategy and
 * returned as a negative reason code.
 */
final class OrderEntry
{
    /** Strategy id of orders the engine itself sends (operator flatten). */
    static final int ENGINE = -1;

    /** Tells a strategy that risk refused its order. */
    interface RejectListener
    {
        void onRiskReject(int strategyId, RiskRejectEvent event);
    }

    private final OrderManager orders;
    private final PreTradeRisk risk;
    private final Breakers breakers;
    private final OutputPublisher output;
    private final EngineCounters counters;
    private final Portfolio portfolio;
    private final InstrumentTable instruments;
    private final StrategyHost.LogicClock clock;
    private final MarketState market;
    private final CostEstimator costs;
    private final RiskRejectEvent rejectEvent = new RiskRejectEvent();
    private final Consumer<Order> cancelOne = this::requestCancel;
    private RejectListener rejectListener = (strategyId, event) -> { };
    /** Shadow trading's judge of live executions; null when the shadow is off. */
    private ShadowJudge shadow;
    private long capitalScalePpm;

    OrderEntry(final RiskLimits limits, final OrderManager orders, final PreTradeRisk risk, final Breakers breakers,
        final OutputPublisher output, final EngineCounters counters, final Portfolio portfolio,
        final InstrumentTable instruments, final StrategyHost.LogicClock clock, final MarketState market,
        final CostEstimator costs)
    {
        this.market = market;
        this.costs = costs;
        this.capitalScalePpm = limits.capitalScalePpm();
        this.orders = orders;
        this.risk = risk;
        this.breakers = breakers;
        this.output = output;
        this.counters = counters;
        this.portfolio = portfolio;
        this.instruments = instruments;
        this.clock = clock;
    }

    void rejectsTo(final RejectListener listener)
    {
        this.rejectListener = listener;
    }

    void shadowTo(final ShadowJudge judge)
    {
        this.shadow = judge;
    }

    long capitalScalePpm()
    {
        return capitalScalePpm;
    }

    /** Set only by a journaled operator command. */
    void capitalScalePpm(final long scalePpm)
    {
        this.capitalScalePpm = scalePpm;
    }

    /**
     * @param price the limit of a limit order, the trigger of a stop (0 for a market order); risk checks it either way.
     * @return the client order id, or {@code -reason.value()} when refused. When the participation check
     * splits the order, the part sent is returned and the remainder is refused (journaled and told).
     */
    long submit(final int strategyId, final int instrumentId, final Side side, final OrdType ordType,
        final TimeInForce timeInForce, final long quantity, final long price)
    {
        final long nowNs = clock.timeNs();
        final long clOrdId = orders.nextClOrdId();
        if (clOrdId == OrderManager.NULL_CLORDID)
        {
            return refuse(clOrdId, strategyId, instrumentId, side, quantity, price,
                orders.hasInput() ? RiskRejectReason.TOO_MANY_ORDERS_FOR_INPUT : RiskRejectReason.NO_INPUT,
                OrderManager.MAX_ORDERS_PER_INPUT, 0);
        }
        if (strategyId != ENGINE)
        {
            // Counted before the check, so a strategy hammering refused orders still trips the breaker.
            breakers.onOrderAttempt(nowNs);
        }
        if (!orders.hasCapacity())
        {
            return refuse(clOrdId, strategyId, instrumentId, side, quantity, price,
                RiskRejectReason.ORDER_TABLE_FULL, 0, orders.workingCount());
        }
        final RiskRejectReason reason = risk.check(instrumentId, side, ordType, quantity, price, nowNs);
        if (reason != RiskRejectReason.NULL_VAL)
        {
            return refuse(clOrdId, strategyId, instrumentId, side, quantity, price, reason,
                risk.limitValue(), risk.observedValue());
        }

        final long sent = risk.allowedQuantity();
        final long limit = ordType == OrdType.LIMIT ? price : 0;
        final long stop = ordType == OrdType.STOP ? price : 0;
        final Order order = orders.open(clOrdId, strategyId, instrumentId, side, ordType, timeInForce, sent, limit,
            risk.checkPrice());
        order.stopPrice = stop;
        order.arrivalPrice = market.referencePrice(instrumentId);
        order.estimatedCost = costs.estimate(instrumentId, side, ordType, sent, order.arrivalPrice);
        if (shadow != null)
        {
            order.shadowModelPrice = costs.modelPrice(instrumentId, side, ordType, sent, order.arrivalPrice, price);
            order.shadowSentNs = nowNs;
            order.shadowAckNs = ShadowJudge.NONE;
            order.shadowFirstFillNs = ShadowJudge.NONE;
            order.shadowAveragePrice = 0;
        }
        output.newOrder(clOrdId, instrumentId, strategyId, side, ordType, timeInForce, sent, limit, stop);
        risk.onSent(instrumentId, side, sent, price, nowNs);
        counters.ordersSent++;
        if (sent < quantity)
        {
            refuse(orders.nextClOrdId(), strategyId, instrumentId, side, quantity - sent, price,
                RiskRejectReason.PARTICIPATION, sent, quantity);
        }
        return clOrdId;
    }

    /**
     * Sends a market order for the gap between the scaled {@code target} and position plus open orders.
     */
    long target(final int strategyId, final int instrumentId, final long target)
    {
        if (!instruments.isValid(instrumentId))
        {
            // Refused with a reason like any order to an unknown instrument, not an index error.
            return submit(strategyId, instrumentId, target >= 0 ? Side.BUY : Side.SELL, OrdType.MARKET,
                TimeInForce.DAY, Math.abs(target), 0);
        }
        final long lot = instruments.spec(instrumentId).lotSize();
        final long scaled = Fixed.mulDiv(target, capitalScalePpm, RiskLimits.PPM);
        final long current = portfolio.position(instrumentId) + orders.openQuantity(instrumentId);
        final long delta = scaled - scaled % lot - current;
        if (delta == 0)
        {
            return 0;
        }
        return submit(strategyId, instrumentId, delta > 0 ? Side.BUY : Side.SELL, OrdType.MARKET, TimeInForce.DAY,
            Math.abs(delta), 0);
    }

    /**
     * @return false when the order is not working, not the strategy's, already being cancelled, or the
     * input has no client order id left; true when the cancel is sent, or queued behind a pending amend.
     */
    boolean cancel(final int strategyId, final long clOrdId)
    {
        final Order order = orders.find(clOrdId);
        return order != null && order.strategyId == strategyId && requestCancel(order);
    }

    /**
     * Amends (cancel/replace) one of the strategy's working orders to {@code quantity} in all (filled included) and,
     * for a limit order, {@code limitPrice}. Only an acknowledged order with no cancel or amend open can be amended,
     * and only a limit order's price (a market order's quantity; {@code limitPrice} is then ignored). Risk checks
     * the order as it would be after the amend; a refusal is journaled and counted like any risk reject (under the
     * id the amend would have had) and leaves the order working as it was. A quantity not above what is filled
     * already is refused as INVALID_QUANTITY (limit = filled).
     *
     * @return the amend's client order id (the order's id at the venue once replaced; the order keeps being
     *         {@code clOrdId} to its strategy), 0 when the order cannot be amended (counted) or nothing changes,
     *         or {@code -reason.value()} when risk refused it.
     */
    long amend(final int strategyId, final long clOrdId, final long quantity, final long limitPrice)
    {
        final Order order = orders.find(clOrdId);
        if (order == null || order.clOrdId != clOrdId || order.strategyId != strategyId ||
            (order.status != OrderStatus.ACCEPTED && order.status != OrderStatus.PARTIALLY_FILLED) ||
            (order.ordType != OrdType.LIMIT && order.ordType != OrdType.MARKET))
        {
            counters.amendsRefused++;
            return 0;
        }
        final long price = order.ordType == OrdType.LIMIT ? limitPrice : 0;
        if (quantity == order.quantity && price == order.limitPrice)
        {
            return 0;
        }
        final long nowNs = clock.timeNs();
        final long replaceId = orders.nextClOrdId();
        if (replaceId == OrderManager.NULL_CLORDID)
        {
            return refuseAmend(replaceId, order, quantity, price,
                orders.hasInput() ? RiskRejectReason.TOO_MANY_ORDERS_FOR_INPUT : RiskRejectReason.NO_INPUT,
                OrderManager.MAX_ORDERS_PER_INPUT, 0);
        }
        if (strategyId != ENGINE)
        {
            breakers.onOrderAttempt(nowNs);
        }
        if (quantity <= order.filledQuantity)
        {
            return refuseAmend(replaceId, order, quantity, price,
                RiskRejectReason.INVALID_QUANTITY, order.filledQuantity, quantity);
        }
        final RiskRejectReason reason = risk.checkAmend(order, quantity, order.ordType == OrdType.LIMIT ? price :
            0, nowNs);
        if (reason != RiskRejectReason.NULL_VAL)
        {
            return refuseAmend(replaceId, order, quantity, price, reason,
                risk.limitValue(), risk.observedValue());
        }
        orders.apply(order, OrderLifecycle.Event.REPLACE_REQUEST);
        final long origClOrdId = order.venueClOrdId;
        orders.requestReplace(order, replaceId, quantity, price, risk.checkPrice());
        output.replaceOrder(replaceId, origClOrdId, order.clOrdId, order.instrumentId, order.side, order.ordType,
            order.timeInForce, quantity, price);
        risk.onAmendSent(nowNs);
        counters.amendsSent++;
        return replaceId;
    }

    /**
     * An amend was answered: if a breaker that cancels open orders tripped meanwhile, the cancel it could not send
     * (one open request per order) goes now. Fail closed.
     */
    void afterAmendAnswered(final Order order)
    {
        if (breakers.cancelsOpenOrders() || order.cancelAfterReplace)
        {
            order.cancelAfterReplace = false;
            requestCancel(order);
        }
    }

    /**
     * Sends a cancel for every working order not already being cancelled (breaker trips, operator).
     */
    void cancelAll()
    {
        orders.forEachWorking(cancelOne);
    }

    /**
     * Operator flatten: a market order against every position, through the normal risk checks.
     */
    void flatten()
    {
        for (int i = 0; i < instruments.size(); i++)
        {
            final long position = portfolio.position(i) + orders.openQuantity(i);
            if (position != 0)
            {
                submit(ENGINE, i, position > 0 ? Side.SELL : Side.BUY, OrdType.MARKET, TimeInForce.DAY,
                    Math.abs(position), 0);
            }
        }
    }

    private boolean requestCancel(final Order order)
    {
        if (order.status == OrderStatus.PENDING_CANCEL)
        {
            return false;
        }
        if (order.status == OrderStatus.PENDING_REPLACE)
        {
            // One open request per order: the cancel waits for the amend's answer and then names the id the venue
            // knows the order by (the amend's if it was taken, the one before if refused). See the README's amends.
            order.cancelAfterReplace = true;
            return true;
        }
        final long cancelId = orders.nextClOrdId();
        if (cancelId == OrderManager.NULL_CLORDID || !orders.apply(order, OrderLifecycle.Event.CANCEL_REQUEST))
        {
            return false;
        }
        // the venue knows an amended order by the amend's id
        output.cancelOrder(cancelId, order.venueClOrdId, order.instrumentId, order.side, order.quantity);
        counters.cancelsSent++;
        return true;
    }

    /** A refused amend: journaled under the id the amend would have had, naming the order it would have changed. */
    private long refuseAmend(final long replaceId, final Order order, final long quantity, final long limitPrice,
        final RiskRejectReason reason, final long limitValue, final long observedValue)
    {
        return refuse(replaceId, order.strategyId, order.instrumentId, order.side, quantity, limitPrice, reason,
            limitValue, observedValue, order.clOrdId);
    }

    private long refuse(final long clOrdId, final int strategyId, final int instrumentId, final Side side,
        final long quantity, final long limitPrice, final RiskRejectReason reason, final long limitValue,
        final long observedValue)
    {
        return refuse(clOrdId, strategyId, instrumentId, side, quantity, limitPrice, reason, limitValue, observedValue,
            0);
    }

    private long refuse(final long clOrdId, final int strategyId, final int instrumentId, final Side side,
        final long quantity, final long limitPrice, final RiskRejectReason reason, final long limitValue,
        final long observedValue, final long amendedClOrdId)
    {
        counters.riskRejects++;
        counters.riskRejectsByReason[reason.ordinal()]++;
        output.riskReject(clOrdId, instrumentId, strategyId, side, quantity, limitPrice, reason, limitValue,
            observedValue, amendedClOrdId);
        rejectListener.onRiskReject(strategyId, rejectEvent.set(clOrdId, instrumentId, side, quantity, limitPrice,
            reason, limitValue, observedValue, amendedClOrdId));
        return -reason.value();
    }
}
