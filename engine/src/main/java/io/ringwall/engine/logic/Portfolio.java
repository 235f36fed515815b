package io.ringwall.engine.logic;

import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;

/**
 * Positions, average cost, cash, fees and PnL, in the wire's fixed-point units. Average-cost
 * accounting: a fill that reduces a position realises (fill price - average cost) on the closed part;
 * a fill through zero opens the remainder at the fill price.
 */
public final class Portfolio
{
    private final long[] position;
    private final long[] costBasis;
    private final long[] markPrice;
    /** position x mark price per instrument, kept current on every mark and fill so equity needs no division. */
    private final long[] markValue;
    private long cash;
    private long realizedPnl;
    private long feesPaid;

    Portfolio(final int instruments, final long initialCash)
    {
        position = new long[instruments];
        costBasis = new long[instruments];
        markPrice = new long[instruments];
        markValue = new long[instruments];
        cash = initialCash;
    }

    void onFill(final int instrumentId, final Side side, final long quantity, final long price, final long fee)
    {
        book(instrumentId, side, quantity, price, fee);
        mark(instrumentId, price);
    }

    private void book(final int instrumentId, final Side side, final long quantity, final long price, final long fee)
    {
        final long signedQuantity = side == Side.BUY ? quantity : -quantity;
        final long notional = Fixed.notional(price, quantity);
        cash -= side == Side.BUY ? notional : -notional;
        cash -= fee;
        feesPaid += fee;

        final long held = position[instrumentId];
        if (held == 0 || Long.signum(held) == Long.signum(signedQuantity))
        {
            costBasis[instrumentId] += side == Side.BUY ? notional : -notional;
            position[instrumentId] = held + signedQuantity;
            return;
        }

        final long heldAbs = Math.abs(held);
        final long closed = Math.min(quantity, heldAbs);
        final long closedCost = Fixed.mulDiv(costBasis[instrumentId], closed, heldAbs);
        final long closedValue = Long.signum(held) * Fixed.notional(price, closed);
        realizedPnl += closedValue - closedCost;
        costBasis[instrumentId] -= closedCost;
        position[instrumentId] = held + Long.signum(signedQuantity) * closed;

        final long opened = quantity - closed;
        if (opened > 0)
        {
            final long openedCost = Fixed.notional(price, opened);
            costBasis[instrumentId] = side == Side.BUY ? openedCost : -openedCost;
            position[instrumentId] = side == Side.BUY ? opened : -opened;
        }
    }

    void mark(final int instrumentId, final long price)
    {
        markPrice[instrumentId] = price;
        markValue[instrumentId] = position[instrumentId] == 0 ? 0 : Fixed.notional(price, position[instrumentId]);
    }

    public long position(final int instrumentId)
    {
        return position[instrumentId];
    }

    /** @return signed cost of the open position (negative for a short). */
    public long costBasis(final int instrumentId)
    {
        return costBasis[instrumentId];
    }

    public long cash()
    {
        return cash;
    }

    public long realizedPnl()
    {
        return realizedPnl;
    }

    public long feesPaid()
    {
        return feesPaid;
    }

    /** @return value of open positions at the last price minus their cost. */
    public long unrealizedPnl()
    {
        long total = 0;
        for (int i = 0; i < position.length; i++)
        {
            if (position[i] != 0)
            {
                total += Fixed.notional(markPrice[i], position[i]) - costBasis[i];
            }
        }
        return total;
    }

    /** @return cash plus open positions at the last price. */
    public long equity()
    {
        long total = cash;
        for (final long value : markValue)
        {
            total += value;
        }
        return total;
    }
}
