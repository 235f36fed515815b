package io.ringwall.engine.config;

import io.ringwall.codecs.BreakerState;

/**
 * What one circuit breaker does when it trips.
 *
 * @param enabled          false switches the breaker off (it never trips).
 * @param tripTo           REDUCING (only exposure-reducing orders pass) or HALTED (no new orders).
 * @param cancelOpenOrders whether a trip sends a cancel for every working order.
 */
public record BreakerRule(boolean enabled, BreakerState tripTo, boolean cancelOpenOrders)
{
    public BreakerRule
    {
        if (tripTo != BreakerState.REDUCING && tripTo != BreakerState.HALTED)
        {
            throw new IllegalArgumentException("a breaker trips to REDUCING or HALTED, not " + tripTo);
        }
    }

    public static BreakerRule halting()
    {
        return new BreakerRule(true, BreakerState.HALTED, true);
    }

    public static BreakerRule reducing()
    {
        return new BreakerRule(true, BreakerState.REDUCING, true);
    }

    public static BreakerRule off()
    {
        return new BreakerRule(false, BreakerState.HALTED, false);
    }
}
