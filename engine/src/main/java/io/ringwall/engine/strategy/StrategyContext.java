package io.ringwall.engine.strategy;

import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;

/**
 * What a strategy may see and do. Prices carry 4 implied decimals and quantities 8 (see
 * {@link io.ringwall.engine.Fixed}). Orders need a causing input: none can be sent from
 * {@link Strategy#onStart}. Order-sending methods return the client order id, or a negative
 * number when pre-trade risk refused the order: {@code -reason.value()} of
 * {@link io.ringwall.codecs.RiskRejectReason}.
 */
public interface StrategyContext
{
    /** @return this strategy's id (its position in the engine's strategy list). */
    int strategyId();

    /** @return the engine time of the input being handled, in nanoseconds since the epoch. */
    long timeNs();

    /** @return the instrument id of {@code symbol}, or -1 when the engine does not know it. */
    int instrumentId(String symbol);

    /**
     * For {@link Strategy#onStart}: the id of a symbol the strategy cannot trade without.
     *
     * @throws IllegalStateException naming the strategy and symbol when the engine does not trade it.
     */
    default int requireInstrument(final String symbol)
    {
        final int id = instrumentId(symbol);
        if (id < 0)
        {
            throw new IllegalStateException("strategy " + strategyId() + ": the engine does not trade " + symbol);
        }
        return id;
    }

    /** @return the engine's position in the instrument (signed quantity mantissa); 0 for an unknown id. */
    long position(int instrumentId);

    /** @return the net quantity of open (not yet done) orders in the instrument, buys positive. */
    long openOrderQuantity(int instrumentId);

    /** @return the last trade price, or 0 when none has been seen. */
    long lastPrice(int instrumentId);

    /**
     * Sends a market order working for the day: it fills as the market trades (a simulated venue takes at
     * most its volume limit of each print) until done or the session closes.
     *
     * @return the client order id, or a negative risk reject reason code when refused.
     */
    default long submitMarket(final int instrumentId, final Side side, final long quantity)
    {
        return submitMarket(instrumentId, side, quantity, TimeInForce.DAY);
    }

    /**
     * Sends a market order; {@link TimeInForce#IOC} takes what the first opportunity offers and expires the rest.
     *
     * @return the client order id, or a negative risk reject reason code when refused.
     */
    long submitMarket(int instrumentId, Side side, long quantity, TimeInForce timeInForce);

    /**
     * Sends a stop order: it rests until the market trades at or through {@code stopPrice} (at or above for a
     * buy, at or below for a sell), then fills as a market order.
     *
     * @return the client order id, or a negative risk reject reason code when refused.
     */
    long submitStop(int instrumentId, Side side, long quantity, long stopPrice, TimeInForce timeInForce);

    /** Sends a limit order. */
    long submitLimit(int instrumentId, Side side, long quantity, long limitPrice, TimeInForce timeInForce);

    /**
     * Requests the cancel of one of this strategy's open orders; false if it is not open or already being cancelled.
     * While an amend of it is pending the cancel waits for the amend's answer and goes then (true).
     */
    boolean cancel(long clOrdId);

    /**
     * Amends (cancel/replace) one of this strategy's working orders: {@code quantity} is the order's new total
     * quantity (what is filled included), {@code limitPrice} a limit order's new limit (ignored for a market order).
     * Pre-trade risk checks the order as it would be after the amend. The order keeps its client order id
     * {@code clOrdId} in this API; {@link OrderEvent.Type#REPLACED} or {@link OrderEvent.Type#REPLACE_REJECTED}
     * tells the venue's answer, and fills meanwhile apply as usual. Only an acknowledged order with no cancel or
     * amend pending can be amended.
     *
     * @return the amend's client order id, 0 when the order cannot be amended or nothing changes, or a negative
     *         risk reject reason code when refused (the order then works on unchanged).
     */
    long amend(long clOrdId, long quantity, long limitPrice);

    /**
     * Asks the engine to reach {@code targetQuantity} in the instrument: the target is first scaled by the
     * capital scale (the staged roll-out knob an operator sets) and rounded toward zero to the instrument's
     * lot, then a market order is sent for the difference between it and position plus open orders (nothing
     * when already there).
     *
     * @return the client order id sent, 0 when nothing was needed, negative when risk refused it.
     */
    long setTargetPosition(int instrumentId, long targetQuantity);
}
