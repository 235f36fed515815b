package io.ringwall.engine.logic;

import io.ringwall.engine.Fixed;
import io.ringwall.engine.strategy.SingleInstrumentStrategy;
import io.ringwall.engine.strategy.StrategyParameters;

/**
 * A test strategy whose every price is a new decision: on the n-th price its target is {@code qty} times
 * {@code percent}/100 times 1 or 2 (alternating), so a twin with another {@code percent} disagrees by a known share
 * on every price. Spec: {@code io.ringwall.engine.logic.StepTargetStrategy:qty=1,percent=100}.
 */
public final class StepTargetStrategy extends SingleInstrumentStrategy
{
    private final long quantity;
    private final int percent;
    private long prices;

    public StepTargetStrategy(final StrategyParameters parameters)
    {
        super(parameters.text("symbol", "BTCUSD"));
        quantity = parameters.decimal("qty", "1", Fixed.QUANTITY_DECIMALS, 1);
        percent = parameters.integer("percent", 100, 1, 1_000);
    }

    @Override
    protected void onPrice(final long price)
    {
        prices++;
        context.setTargetPosition(instrumentId, Fixed.mulDiv(quantity, percent * (1 + prices % 2), 100));
    }

    @Override
    public int writeState(final org.agrona.MutableDirectBuffer buffer, final int offset)
    {
        buffer.putLong(offset, prices);
        return Long.BYTES;
    }

    @Override
    public void readState(final org.agrona.DirectBuffer buffer, final int offset, final int length)
    {
        prices = buffer.getLong(offset);
    }

    @Override
    public int maxStateLength()
    {
        return Long.BYTES;
    }
}
