package io.ringwall.engine.logic;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;

/**
 * Circuit-breaker states, one per {@link BreakerType}; the engine's state is the worst of them. This
 * issue has the manual kill switch (operator HALT / RESUME / RESET_BREAKER); the automatic breakers
 * (drawdown, loss, rates, stale data, market move) plug in here. A state change is journaled as an
 * output; nothing resets by itself.
 */
final class Breakers
{
    private final BreakerState[] states = new BreakerState[BreakerType.values().length];
    private final OutputPublisher output;

    Breakers(final OutputPublisher output)
    {
        this.output = output;
        java.util.Arrays.fill(states, BreakerState.ACTIVE);
    }

    BreakerState state(final BreakerType type)
    {
        return states[type.ordinal()];
    }

    /**
     * @return the most restrictive state over all breakers.
     */
    BreakerState worst()
    {
        BreakerState worst = BreakerState.ACTIVE;
        for (final BreakerState state : states)
        {
            if (state.value() > worst.value())
            {
                worst = state;
            }
        }
        return worst;
    }

    /**
     * Moves a breaker to {@code to}, journaling the change with the figure that caused it.
     *
     * @return false when it already was in that state.
     */
    boolean set(final BreakerType type, final BreakerState to, final long observedValue, final long thresholdValue)
    {
        final BreakerState from = states[type.ordinal()];
        if (from == to)
        {
            return false;
        }
        states[type.ordinal()] = to;
        output.breakerChange(type, from, to, observedValue, thresholdValue);
        return true;
    }
}
