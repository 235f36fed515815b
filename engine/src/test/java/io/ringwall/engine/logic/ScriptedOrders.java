package io.ringwall.engine.logic;

import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.engine.strategy.OrderEvent;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.TradeEvent;

/**
 * A strategy the test drives between inputs: on the next trade it sends a GTC limit buy ({@link #submitNext}) or
 * cancels an order ({@link #cancelNext}), and it records what it is told. What it does next is the test's to say, so
 * it has nothing to checkpoint.
 */
final class ScriptedOrders implements Strategy
{
    final List<OrderEvent.Type> notifications = new ArrayList<>();
    private final long quantity;
    private final long price;
    StrategyContext context;
    boolean submitNext;
    long cancelNext;
    long lastResult;
    boolean lastCancel;
    /** On the next trade, amend this order to {@link #amendQuantity} at {@link #amendPrice}. */
    long amendNext;
    long amendQuantity;
    long amendPrice;
    long lastAmend;

    ScriptedOrders(final long quantity, final long price)
    {
        this.quantity = quantity;
        this.price = price;
    }

    @Override
    public void onStart(final StrategyContext context)
    {
        this.context = context;
    }

    @Override
    public void onTrade(final TradeEvent trade)
    {
        if (submitNext)
        {
            submitNext = false;
            lastResult = context.submitLimit(trade.instrumentId(), Side.BUY, quantity, price, TimeInForce.GTC);
        }
        if (amendNext != 0)
        {
            lastAmend = context.amend(amendNext, amendQuantity, amendPrice);
            amendNext = 0;
        }
        if (cancelNext != 0)
        {
            lastCancel = context.cancel(cancelNext);
            cancelNext = 0;
        }
    }

    @Override
    public void onOrderEvent(final OrderEvent event)
    {
        notifications.add(event.type());
    }

    @Override
    public int writeState(final org.agrona.MutableDirectBuffer buffer, final int offset)
    {
        return 0;
    }
}
