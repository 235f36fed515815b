package io.ringwall.engine.strategy.examples;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.strategy.SingleInstrumentStrategy;
import io.ringwall.engine.strategy.StrategyParameters;

/**
 * Long/flat mean reversion on a z-score: buy {@code qty} when the price falls {@code entry} standard
 * deviations below the mean of the last {@code window} prices; go flat once it is back above
 * {@code -exit}. Works on trades and on bar closes.
 *
 * <p>Spec: {@code mean-reversion:symbol=BTCUSD,window=200,entry=2.0,exit=0.5,qty=0.5}. The z-score
 * uses doubles: deterministic in Java 17 (strict IEEE 754 everywhere), so replay still matches.
 */
public final class MeanReversion extends SingleInstrumentStrategy
{
    private final long quantity;
    private final double entry;
    private final double exit;
    private final RollingWindow window;
    private boolean holding;

    public MeanReversion(final StrategyParameters parameters)
    {
        super(parameters.text("symbol", "BTCUSD"));
        window = new RollingWindow(parameters.integer("window", 200, 2, 1_000_000));
        entry = parameters.real("entry", 2.0, 0.0);
        exit = parameters.real("exit", 0.5, 0.0);
        quantity = parameters.decimal("qty", "0.5", Fixed.QUANTITY_DECIMALS, 1);
    }

    /** Warm once the window is full (the z-score needs it). */
    @Override
    public boolean warmedUp()
    {
        return window.isFull();
    }

    @Override
    protected void onPrice(final long price)
    {
        window.add(price);
        if (!window.isFull())
        {
            return;
        }
        final double deviation = window.standardDeviation();
        if (deviation == 0.0)
        {
            return;
        }
        final double z = (price - window.mean()) / deviation;
        if (!holding && z <= -entry)
        {
            holding = true;
            context.setTargetPosition(instrumentId, quantity);
        }
        else if (holding && z >= -exit)
        {
            holding = false;
            context.setTargetPosition(instrumentId, 0);
        }
    }

    @Override
    public int writeState(final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putInt(offset, holding ? 1 : 0);
        return window.writeState(buffer, offset + 4) - offset;
    }

    @Override
    public void readState(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length != maxStateLength())
        {
            throw new IllegalArgumentException("mean-reversion state of " + length + " bytes, expected " +
                maxStateLength());
        }
        holding = buffer.getInt(offset) != 0;
        window.readState(buffer, offset + 4);
    }

    @Override
    public int maxStateLength()
    {
        return 4 + window.stateLength();
    }
}
