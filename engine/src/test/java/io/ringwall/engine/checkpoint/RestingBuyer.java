package io.ringwall.engine.checkpoint;

import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;
import io.ringwall.engine.strategy.Strategy;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Every {@code every}-th trade, rests a GTC limit buy 2 % under the print (far enough that most never fill):
 * a session that always has working orders to recover, re-instate and cancel. Its one piece of state, the
 * trade count, goes through the checkpoint hook.
 */
public final class RestingBuyer implements Strategy
{
    private final int every;
    private StrategyContext context;
    private long trades;

    public RestingBuyer(final StrategyParameters parameters)
    {
        every = parameters.integer("every", 50, 1, 1_000_000);
    }

    @Override
    public void onStart(final StrategyContext context)
    {
        this.context = context;
    }

    @Override
    public void onTrade(final TradeEvent trade)
    {
        if (++trades % every == 0)
        {
            final long limit = trade.price() / 100 * 98;
            context.submitLimit(trade.instrumentId(), Side.BUY, Fixed.QUANTITY_SCALE / 100, limit, TimeInForce.GTC);
        }
    }

    @Override
    public int writeState(final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putLong(offset, trades);
        return 8;
    }

    @Override
    public void readState(final DirectBuffer buffer, final int offset, final int length)
    {
        trades = buffer.getLong(offset);
    }

    @Override
    public int maxStateLength()
    {
        return 8;
    }
}
