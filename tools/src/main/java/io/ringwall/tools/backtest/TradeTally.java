package io.ringwall.tools.backtest;

import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;

/**
 * Counts the session's trading activity: fills and their notional, fees and quantity; closing fills and
 * the winning ones; venue rejects and cancels (inputs); orders sent and their quantity (journal "out").
 *
 * <p>A closing fill is one against an open position (its side opposes the position held before it), so
 * part or all of the position is closed and PnL realised. Its PnL is the change of the portfolio's
 * realised PnL across the fill, gross of the fill's fee (the portfolio books fees apart); it wins when
 * that change is above zero. Win rate = winning closing fills / closing fills.
 */
public final class TradeTally
{
    long fills;
    long closingFills;
    long winningClosingFills;
    long tradedNotional;
    long feesPaid;
    long filledQuantity;
    long venueRejects;
    long cancels;
    long ordersSent;
    long orderedQuantity;

    /**
     * @param fill             the decoded OrderFilled input.
     * @param positionBefore   the fill's instrument's position before the logic booked it (1e-8 units).
     * @param realizedPnlDelta realised PnL across the input (money units).
     */
    void onFill(final OrderFilledDecoder fill, final long positionBefore, final long realizedPnlDelta)
    {
        fills++;
        tradedNotional = Math.addExact(tradedNotional, Fixed.notional(fill.lastPrice(), fill.lastQuantity()));
        feesPaid = Math.addExact(feesPaid, fill.fee());
        filledQuantity = Math.addExact(filledQuantity, fill.lastQuantity());
        final int fillDirection = fill.side() == Side.BUY ? 1 : -1;
        if (positionBefore != 0 && Long.signum(positionBefore) != fillDirection)
        {
            closingFills++;
            if (realizedPnlDelta > 0)
            {
                winningClosingFills++;
            }
        }
    }

    void onVenueReject()
    {
        venueRejects++;
    }

    void onCancel()
    {
        cancels++;
    }

    void onOrderSent(final long quantity)
    {
        ordersSent++;
        orderedQuantity = Math.addExact(orderedQuantity, quantity);
    }
}
