package io.ringwall.engine.strategy.examples;

import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.strategy.OrderEvent;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;

/**
 * A strategy that works one resting limit order at a time and amends it as the market moves (issue 18 point 6):
 * every 7th trade with nothing working it rests an order 0.2 away from the market, alternating sides so the
 * position stays small; every 3rd trade after its acknowledgement it amends quantity and limit, each second amend
 * pulling the limit through the last price so the order fills. Deterministic: it acts on trades only. An example of
 * the amend API, and the amending strategy of {@code ringwall torture --venue fix} (by its class name).
 */
public final class AmendingStrategy implements Strategy
{
    private static final long CENT = Fixed.PRICE_SCALE / 100;
    private static final long BASE_QUANTITY = Fixed.QUANTITY_SCALE / 10;

    private StrategyContext context;
    private long trades;
    private long working;
    private boolean acknowledged;
    private Side side = Side.BUY;
    private long amends;
    /** Replaces and refusals the venue answered, for tests. */
    private long replaced;

    public AmendingStrategy(final StrategyParameters parameters)
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
        final long n = ++trades;
        final long last = trade.price();
        if (working == 0 && n % 7 == 0)
        {
            final long price = side == Side.BUY ? last - 20 * CENT : last + 20 * CENT;
            final long id = context.submitLimit(trade.instrumentId(), side, 2 * BASE_QUANTITY, price, TimeInForce.GTC);
            working = Math.max(0, id);
            acknowledged = false;
        }
        else if (working != 0 && acknowledged && n % 3 == 0)
        {
            final boolean cross = (++amends & 1) == 0;
            final long quantity = (2 + amends % 3) * BASE_QUANTITY;
            final long offset = cross ? -50 * CENT : 10 * CENT;
            final long price = side == Side.BUY ? last - offset : last + offset;
            context.amend(working, quantity, price);
        }
    }

    @Override
    public void onOrderEvent(final OrderEvent event)
    {
        if (event.clOrdId() != working)
        {
            return;
        }
        switch (event.type())
        {
            case ACCEPTED, REPLACE_REJECTED -> acknowledged = true;
            case REPLACED ->
            {
                acknowledged = true;
                replaced++;
            }
            case FILLED, CANCELLED, EXPIRED, REJECTED ->
            {
                working = 0;
                acknowledged = false;
                side = side == Side.BUY ? Side.SELL : Side.BUY;
            }
            default ->
            {
            }
        }
    }

    @Override
    public int writeState(final org.agrona.MutableDirectBuffer buffer, final int offset)
    {
        buffer.putLong(offset, trades);
        buffer.putLong(offset + 8, working);
        buffer.putLong(offset + 16, acknowledged ? 1 : 0);
        buffer.putLong(offset + 24, side.value());
        buffer.putLong(offset + 32, amends);
        buffer.putLong(offset + 40, replaced);
        return 48;
    }

    @Override
    public void readState(final org.agrona.DirectBuffer buffer, final int offset, final int length)
    {
        trades = buffer.getLong(offset);
        working = buffer.getLong(offset + 8);
        acknowledged = buffer.getLong(offset + 16) == 1;
        side = Side.get((short)buffer.getLong(offset + 24));
        amends = buffer.getLong(offset + 32);
        replaced = buffer.getLong(offset + 40);
    }

    @Override
    public int maxStateLength()
    {
        return 48;
    }
}
