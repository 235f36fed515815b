package io.ringwall.cluster;

import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;

/** A market order on every trade, buy and sell in turn, the quantity cycling so no two are duplicates. */
public final class OrderEveryTrade implements Strategy
{
    private StrategyContext context;
    private long count;

    public OrderEveryTrade(final StrategyParameters parameters)
    {
    }

    @Override
    public void onStart(final StrategyContext context)
    {
        this.context = context;
    }

    @Override
    public void onTrade(final TradeEvent trade)
    {
        final long n = count++;
        final long quantity = (1 + (n / 2) % 500) * (Fixed.QUANTITY_SCALE / 100);
        context.submitMarket(trade.instrumentId(), (n & 1) == 0 ? Side.BUY : Side.SELL, quantity);
    }
}
