package io.ringwall.tools.ctl;

import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.strategy.SingleInstrumentStrategy;
import io.ringwall.engine.strategy.StrategyParameters;

/**
 * A strategy for the control-plane test: tries one order on its first price (before it is warm, so the
 * pre-market gate refuses it), then, once warm after {@code warm} prices, buys {@code qty} once at market and
 * rests {@code bids} bids at 1.0000 that never fill. It never trades again, so operator commands are the
 * only later cause of orders.
 */
public final class ControlProbe extends SingleInstrumentStrategy
{
    private final int warm;
    private final long quantity;
    private final int bids;
    private int prices;
    private boolean bought;
    private int bidsSent;

    public ControlProbe(final StrategyParameters parameters)
    {
        super(parameters.text("symbol", "BTCUSD"));
        warm = parameters.integer("warm", 5, 1, 1_000);
        bids = parameters.integer("bids", 3, 0, 100);
        quantity = parameters.decimal("qty", "0.5", Fixed.QUANTITY_DECIMALS, 1);
    }

    @Override
    public boolean warmedUp()
    {
        return prices >= warm;
    }

    @Override
    protected void onPrice(final long price)
    {
        prices++;
        if (prices == 1)
        {
            context.submitMarket(instrumentId, Side.BUY, quantity, TimeInForce.DAY);
            return;
        }
        if (prices <= warm)
        {
            return;
        }
        if (!bought)
        {
            bought = context.submitMarket(instrumentId, Side.BUY, quantity, TimeInForce.GTC) > 0;
        }
        else if (bidsSent < bids && context.submitLimit(instrumentId, Side.BUY, quantity, Fixed.PRICE_SCALE,
            TimeInForce.GTC) > 0)
        {
            bidsSent++;
        }
    }
}
