package io.ringwall.engine.logic;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;

/**
 * The one way an order leaves the logic: id, pre-trade risk, order table, outbound frame. A refusal
 * is journaled as a risk-reject event and returned as a negative reason code.
 */
final class OrderEntry
{
    private final OrderManager orders;
    private final PreTradeRisk risk;
    private final OutputPublisher output;
    private final EngineCounters counters;
    private final Portfolio portfolio;
    private final InstrumentTable instruments;

    OrderEntry(final OrderManager orders, final PreTradeRisk risk, final OutputPublisher output,
        final EngineCounters counters, final Portfolio portfolio, final InstrumentTable instruments)
    {
        this.instruments = instruments;
        this.orders = orders;
        this.risk = risk;
        this.output = output;
        this.counters = counters;
        this.portfolio = portfolio;
    }

    /**
     * @return the client order id, or {@code -reason.value()} when refused.
     */
    long submit(final int strategyId, final int instrumentId, final Side side, final OrdType ordType,
        final TimeInForce timeInForce, final long quantity, final long limitPrice)
    {
        final long clOrdId = orders.nextClOrdId();
        RiskRejectReason reason = RiskRejectReason.NULL_VAL;
        long limitValue = 0;
        long observedValue = 0;
        if (clOrdId == OrderManager.NULL_CLORDID)
        {
            reason = orders.hasInput() ? RiskRejectReason.TOO_MANY_ORDERS_FOR_INPUT : RiskRejectReason.NO_INPUT;
            limitValue = OrderManager.MAX_ORDERS_PER_INPUT;
        }
        else if (!orders.hasCapacity())
        {
            reason = RiskRejectReason.ORDER_TABLE_FULL;
            observedValue = orders.workingCount();
        }
        else
        {
            reason = risk.check(instrumentId, ordType, quantity, limitPrice);
            limitValue = risk.limitValue();
            observedValue = risk.observedValue();
        }

        if (reason != RiskRejectReason.NULL_VAL)
        {
            counters.riskRejects++;
            counters.riskRejectsByReason[reason.ordinal()]++;
            output.riskReject(clOrdId, instrumentId, strategyId, side, quantity, limitPrice, reason, limitValue,
                observedValue);
            return -reason.value();
        }

        orders.open(clOrdId, strategyId, instrumentId, side, ordType, timeInForce, quantity, limitPrice);
        output.newOrder(clOrdId, instrumentId, strategyId, side, ordType, timeInForce, quantity, limitPrice, 0);
        counters.ordersSent++;
        return clOrdId;
    }

    /**
     * Sends a market order for the gap between {@code target} and position plus open orders.
     */
    long target(final int strategyId, final int instrumentId, final long target)
    {
        if (!instruments.isValid(instrumentId))
        {
            // Refused with a reason like any order to an unknown instrument, not an index error.
            return submit(strategyId, instrumentId, target >= 0 ? Side.BUY : Side.SELL, OrdType.MARKET,
                TimeInForce.IOC, Math.abs(target), 0);
        }
        final long current = portfolio.position(instrumentId) + orders.openQuantity(instrumentId);
        final long delta = target - current;
        if (delta == 0)
        {
            return 0;
        }
        return submit(strategyId, instrumentId, delta > 0 ? Side.BUY : Side.SELL, OrdType.MARKET, TimeInForce.IOC,
            Math.abs(delta), 0);
    }

    /**
     * @return false when the order is not working, not the strategy's, already being cancelled, or the
     * input has no client order id left.
     */
    boolean cancel(final int strategyId, final long clOrdId)
    {
        final Order order = orders.find(clOrdId);
        if (order == null || order.strategyId != strategyId || order.status == OrderStatus.PENDING_CANCEL)
        {
            return false;
        }
        final long cancelId = orders.nextClOrdId();
        if (cancelId == OrderManager.NULL_CLORDID || !orders.apply(order, OrderLifecycle.Event.CANCEL_REQUEST))
        {
            return false;
        }
        output.cancelOrder(cancelId, clOrdId, order.instrumentId);
        counters.cancelsSent++;
        return true;
    }
}
