package io.ringwall.perf;

import io.ringwall.codecs.Side;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;

/**
 * Benchmark strategy: one market order on every trade, buy and sell in turn, the quantity cycling over
 * 1..500 hundredths of a unit (at most 5, inside the 10,000 notional at prices near 1,000) so no two orders inside the duplicate window are identical; every order
 * passes the whole pre-trade chain.
 */
public final class OrderEveryTrade implements Strategy
{
    private static final long STEP = 1_000_000L;
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
        final long quantity = (1 + (n / 2) % 500) * STEP;
        context.submitMarket(trade.instrumentId(), (n & 1) == 0 ? Side.BUY : Side.SELL, quantity);
    }
}
