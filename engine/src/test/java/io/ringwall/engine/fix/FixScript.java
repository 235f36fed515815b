package io.ringwall.engine.fix;

import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.strategy.OrderEvent;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;

/**
 * A strategy a test drives through the market data: a trade's id names the action (so every order is caused by a
 * journaled input and replays identically).
 */
public final class FixScript implements Strategy
{
    public static final long MARKET_BUY = 1;
    public static final long LIMIT_BUY_PARTIAL = 2;
    public static final long STOP_SELL = 3;
    public static final long CANCEL_LAST = 4;
    public static final long HUGE_MARKET_BUY = 5;
    public static final long RESTING_LIMIT_BUY = 6;
    public static final long IOC_LIMIT_SELL = 7;
    public static final long RESTING_LIMIT_SELL = 8;
    /** Amends the last order to {@link #AMENDED_QUANTITY} at {@link #AMENDED_PRICE}. */
    public static final long AMEND_LAST = 9;
    static final String AMENDED_QUANTITY = "0.2";
    static final String AMENDED_PRICE = "60";

    private StrategyContext context;
    private long lastOrder;

    public FixScript(final StrategyParameters parameters)
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
        final int id = trade.instrumentId();
        final long code = trade.tradeId();
        final long order = code == MARKET_BUY ? context.submitMarket(id, Side.BUY, quantity("0.1")) :
            code == LIMIT_BUY_PARTIAL ? context.submitLimit(id, Side.BUY, quantity("0.5"), price("101"), TimeInForce.GTC) :
            code == STOP_SELL ? context.submitStop(id, Side.SELL, quantity("0.1"), price("95"), TimeInForce.DAY) :
            code == HUGE_MARKET_BUY ? context.submitMarket(id, Side.BUY, quantity("100000")) :
            code == RESTING_LIMIT_BUY ? context.submitLimit(id, Side.BUY, quantity("0.1"), price("50"), TimeInForce.GTC) :
            code == IOC_LIMIT_SELL ? context.submitLimit(id, Side.SELL, quantity("0.1"), price("99"), TimeInForce.IOC) :
            code == RESTING_LIMIT_SELL ?
                context.submitLimit(id, Side.SELL, quantity("0.1"), price("101"), TimeInForce.GTC) :
            0;
        if (order > 0)
        {
            lastOrder = order;
        }
        if (code == AMEND_LAST)
        {
            context.amend(lastOrder, quantity(AMENDED_QUANTITY), price(AMENDED_PRICE));
        }
        if (code == CANCEL_LAST)
        {
            context.cancel(lastOrder);
        }
    }

    @Override
    public void onOrderEvent(final OrderEvent event)
    {
    }

    static long quantity(final String text)
    {
        return Fixed.parse(text, 0, text.length(), Fixed.QUANTITY_DECIMALS);
    }

    static long price(final String text)
    {
        return Fixed.parse(text, 0, text.length(), Fixed.PRICE_DECIMALS);
    }
}
