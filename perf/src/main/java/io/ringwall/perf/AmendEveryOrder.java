package io.ringwall.perf;

import io.ringwall.engine.Fixed;
import io.ringwall.engine.strategy.OrderEvent;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;

/**
 * Benchmark strategy for the amend path (issue 18 point 6): orders as {@link OrderEveryTrade} does, and amends each
 * one when it is acknowledged, one step of 0.01 smaller (larger from the smallest), so every order passes the amend's
 * risk checks, waits PENDING_REPLACE and is replaced before it fills.
 */
public final class AmendEveryOrder implements Strategy
{
    private static final long STEP = Fixed.QUANTITY_SCALE / 100;

    private final OrderEveryTrade orders;
    private StrategyContext context;

    public AmendEveryOrder(final StrategyParameters parameters)
    {
        orders = new OrderEveryTrade(parameters);
    }

    @Override
    public void onStart(final StrategyContext context)
    {
        this.context = context;
        orders.onStart(context);
    }

    @Override
    public void onTrade(final TradeEvent trade)
    {
        orders.onTrade(trade);
    }

    @Override
    public void onOrderEvent(final OrderEvent event)
    {
        if (event.type() == OrderEvent.Type.ACCEPTED)
        {
            final long quantity = event.leavesQuantity() > STEP ? event.leavesQuantity() - STEP : 2 * STEP;
            context.amend(event.clOrdId(), quantity, 0);
        }
    }
}
