package io.ringwall.cluster;

import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;

/** Throws on a trade at {@link #POISON_PRICE}: an unexpected exception inside the business logic. */
public final class FailingStrategy implements Strategy
{
    public static final long POISON_PRICE = 4_242_424L;

    public FailingStrategy(final StrategyParameters parameters)
    {
    }

    @Override
    public void onTrade(final TradeEvent trade)
    {
        if (trade.price() == POISON_PRICE)
        {
            throw new IllegalStateException("poisoned trade");
        }
    }
}
