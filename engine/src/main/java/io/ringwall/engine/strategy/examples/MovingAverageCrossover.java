package io.ringwall.engine.strategy.examples;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.strategy.SingleInstrumentStrategy;
import io.ringwall.engine.strategy.StrategyParameters;

/**
 * Long/flat moving-average crossover: hold {@code qty} while the fast average of the last {@code fast}
 * prices is above the slow average of the last {@code slow}; flat otherwise. Prices are trade prices
 * or bar closes.
 *
 * <p>Spec: {@code ma-crossover:symbol=BTCUSD,fast=50,slow=400,qty=0.5}.
 */
public final class MovingAverageCrossover extends SingleInstrumentStrategy
{
    private final long quantity;
    private final RollingWindow fastWindow;
    private final RollingWindow slowWindow;
    private int regime;

    public MovingAverageCrossover(final StrategyParameters parameters)
    {
        super(parameters.text("symbol", "BTCUSD"));
        final int fast = parameters.integer("fast", 50, 1, 1_000_000);
        final int slow = parameters.integer("slow", 400, 2, 1_000_000);
        if (fast >= slow)
        {
            throw new IllegalArgumentException("ma-crossover: fast=" + fast + " must be below slow=" + slow);
        }
        quantity = parameters.decimal("qty", "0.5", Fixed.QUANTITY_DECIMALS, 1);
        fastWindow = new RollingWindow(fast);
        slowWindow = new RollingWindow(slow);
    }

    /** Warm once the slow average has its full window. */
    @Override
    public boolean warmedUp()
    {
        return slowWindow.isFull();
    }

    @Override
    protected void onPrice(final long price)
    {
        fastWindow.add(price);
        slowWindow.add(price);
        if (!slowWindow.isFull())
        {
            return;
        }
        // Compare sums scaled to a common length instead of dividing: exact, no rounding (an overflow
        // from absurd windows and prices halts rather than trades on a wrong sign).
        final long fastScaled = Math.multiplyExact(fastWindow.sum(), slowWindow.capacity());
        final long slowScaled = Math.multiplyExact(slowWindow.sum(), fastWindow.capacity());
        final int now = Long.compare(fastScaled, slowScaled);
        if (now != 0 && now != regime)
        {
            regime = now;
            context.setTargetPosition(instrumentId, now > 0 ? quantity : 0);
        }
    }

    @Override
    public int writeState(final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putInt(offset, regime);
        final int end = slowWindow.writeState(buffer, fastWindow.writeState(buffer, offset + 4));
        return end - offset;
    }

    @Override
    public void readState(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length != maxStateLength())
        {
            throw new IllegalArgumentException("ma-crossover state of " + length + " bytes, expected " + maxStateLength());
        }
        regime = buffer.getInt(offset);
        slowWindow.readState(buffer, fastWindow.readState(buffer, offset + 4));
    }

    @Override
    public int maxStateLength()
    {
        return 4 + fastWindow.stateLength() + slowWindow.stateLength();
    }
}
