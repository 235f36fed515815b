package io.ringwall.engine.logic;

import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;

/**
 * Positions, average cost, cash, fees and PnL, in the wire's fixed-point units. Average-cost
 * accounting: a fill that reduces a position realises (fill price - average cost) on the closed part;
 * a fill through zero opens the remainder at the fill price.
 *
 * <p>Beyond positions and PnL it keeps the figures operators judge a session by: the high-water mark of
 * equity and the drawdown from it (now and the worst seen), the daily PnL since the current session of the
 * session calendar started (reset at each session start), turnover (traded notional), and execution cost:
 * what fills really cost against the price when the order was sent (plus fees), beside what the cost
 * model estimated for the same quantity.
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
    private long equity;
    private long highWaterMark;
    private long maxDrawdown;
    private long session = Long.MIN_VALUE;
    private long sessionStartEquity;
    private long turnover;
    private long costedNotional;
    private long realisedCost;
    private long estimatedCost;

    Portfolio(final int instruments, final long initialCash)
    {
        position = new long[instruments];
        costBasis = new long[instruments];
        markPrice = new long[instruments];
        markValue = new long[instruments];
        cash = initialCash;
        equity = initialCash;
        highWaterMark = initialCash;
        sessionStartEquity = initialCash;
    }

    /**
     * Starts a new day's PnL when {@code sessionDay} (the session calendar's trading date) changes: the
     * daily figure is measured from the equity at the first input of the session.
     */
    void onSession(final long sessionDay)
    {
        if (sessionDay != session)
        {
            session = sessionDay;
            sessionStartEquity = equity;
        }
    }

    /**
     * Books what one execution cost against the order's arrival price, beside the model's estimate for it.
     *
     * @param arrivalPrice  the market's reference price when the order was sent; 0 when unknown.
     * @param estimate      the cost model's estimate for this execution's quantity, money.
     */
    void onExecutionCost(final Side side, final long quantity, final long price, final long fee,
        final long arrivalPrice, final long estimate)
    {
        if (arrivalPrice <= 0)
        {
            return;
        }
        final long move = side == Side.BUY ? price - arrivalPrice : arrivalPrice - price;
        costedNotional += Fixed.notional(arrivalPrice, quantity);
        realisedCost += (move >= 0 ? Fixed.notional(move, quantity) : -Fixed.notional(-move, quantity)) + fee;
        estimatedCost += estimate;
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
        final long cashChange = (side == Side.BUY ? -notional : notional) - fee;
        cash += cashChange;
        // Equity moves by the cash now and by the position's value when mark() revalues it.
        equity += cashChange;
        feesPaid += fee;
        turnover += notional;

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

    /**
     * Values the instrument's position at {@code price}; equity, the high-water mark and the drawdown follow
     * in O(1) (equity is kept as cash plus the sum of position values, changed by differences).
     */
    void mark(final int instrumentId, final long price)
    {
        markPrice[instrumentId] = price;
        final long value = position[instrumentId] == 0 ? 0 : Fixed.notional(price, position[instrumentId]);
        equity += value - markValue[instrumentId];
        markValue[instrumentId] = value;
        if (equity > highWaterMark)
        {
            highWaterMark = equity;
        }
        maxDrawdown = Math.max(maxDrawdown, highWaterMark - equity);
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

    /** @return cash plus open positions at the last price, kept current by every fill and mark. */
    public long equity()
    {
        return equity;
    }

    /** @return the highest equity seen (the initial cash at first). */
    public long highWaterMark()
    {
        return highWaterMark;
    }

    /** @return how far equity is below its high-water mark now, money. */
    public long drawdown()
    {
        return highWaterMark - equity;
    }

    /** @return the drawdown now as parts per million of the high-water mark. */
    public long drawdownPpm()
    {
        return highWaterMark <= 0 ? 0 : Fixed.mulDiv(highWaterMark - equity, 1_000_000L, highWaterMark);
    }

    /** @return the deepest drawdown seen, money. */
    public long maxDrawdown()
    {
        return maxDrawdown;
    }

    /** @return equity now minus equity at the current session's start. */
    public long dailyPnl()
    {
        return equity - sessionStartEquity;
    }

    /** @return the session calendar's trading date (epoch day) the daily PnL belongs to. */
    public long sessionDay()
    {
        return session;
    }

    /** @return traded notional, buys and sells, money. */
    public long turnover()
    {
        return turnover;
    }

    /** @return what fills of known orders cost against their arrival price, fees included, money. */
    public long realisedCost()
    {
        return realisedCost;
    }

    /** @return what the cost model estimated for the same fills, money. */
    public long estimatedCost()
    {
        return estimatedCost;
    }

    /** @return {@link #realisedCost()} in basis points of the arrival notional (0 without fills). */
    public double realisedCostBps()
    {
        return costedNotional == 0 ? 0 : realisedCost * 10_000.0 / costedNotional;
    }

    /** @return {@link #estimatedCost()} in basis points of the arrival notional (0 without fills). */
    public double estimatedCostBps()
    {
        return costedNotional == 0 ? 0 : estimatedCost * 10_000.0 / costedNotional;
    }

    /** Checkpoints: the per-instrument figures of one instrument. */
    long markPrice(final int instrumentId)
    {
        return markPrice[instrumentId];
    }

    long markValue(final int instrumentId)
    {
        return markValue[instrumentId];
    }

    long sessionStartEquity()
    {
        return sessionStartEquity;
    }

    long costedNotional()
    {
        return costedNotional;
    }

    /** Checkpoints: restores one instrument exactly as recorded (no revaluation: equity comes with the totals). */
    void restoreInstrument(final int instrumentId, final long quantity, final long cost, final long mark,
        final long value)
    {
        position[instrumentId] = quantity;
        costBasis[instrumentId] = cost;
        markPrice[instrumentId] = mark;
        markValue[instrumentId] = value;
    }

    /** Checkpoints: restores the account's totals exactly as recorded. */
    void restoreTotals(final long cash, final long realizedPnl, final long feesPaid, final long equity,
        final long highWaterMark, final long maxDrawdown, final long session, final long sessionStartEquity,
        final long turnover, final long costedNotional, final long realisedCost, final long estimatedCost)
    {
        this.cash = cash;
        this.realizedPnl = realizedPnl;
        this.feesPaid = feesPaid;
        this.equity = equity;
        this.highWaterMark = highWaterMark;
        this.maxDrawdown = maxDrawdown;
        this.session = session;
        this.sessionStartEquity = sessionStartEquity;
        this.turnover = turnover;
        this.costedNotional = costedNotional;
        this.realisedCost = realisedCost;
        this.estimatedCost = estimatedCost;
    }
}
