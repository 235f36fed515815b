package io.ringwall.engine.logic;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;

/**
 * Sees each working order's figures, for copying them out (the state view). Called on the logic thread by
 * {@link BusinessLogic#forEachWorkingOrder}: no allocation, no blocking.
 */
@FunctionalInterface
public interface WorkingOrderVisitor
{
    void order(long clOrdId, int instrumentId, Side side, OrdType ordType, long quantity, long filledQuantity,
        long limitPrice, long stopPrice, OrderStatus status);
}
