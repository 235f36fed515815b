package io.ringwall.perf;

import io.ringwall.codecs.Side;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;

/**
 * Benchmark strategy: one market order on every trade, buy and sell in turn, the quantity cycling over
 * 1..500 steps of {@code step} units (default 0.01: at most 5, inside the 10,000 notional at prices near
 * 1,000) so no two orders inside the duplicate window are identical; every order passes the whole
 * pre-trade chain. The latency harness uses a tiny step: tens of thousands of orders can be in flight
 * there at once, and the worst-case exposure of all of them must stay inside the position limits.
 */
public final class OrderEveryTrade implements Strategy
{
    private final long step;
    private StrategyContext context;
    private long count;

    public OrderEveryTrade(final StrategyParameters parameters)
    {
        step = parameters.decimal("step", "0.01", 8, 1);
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
        final long quantity = (1 + (n / 2) % 500) * step;
        context.submitMarket(trade.instrumentId(), (n & 1) == 0 ? Side.BUY : Side.SELL, quantity);
    }
}
