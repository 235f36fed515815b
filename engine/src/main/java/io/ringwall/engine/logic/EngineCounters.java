package io.ringwall.engine.logic;

import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.RiskRejectReason;

/**
 * What the logic thread counts. Plain fields written only by the logic thread; read by others only
 * after it has stopped (or, later, through a published view).
 */
public final class EngineCounters
{
    public long inputs;
    public long marketDataInputs;
    public long venueInputs;
    public long operatorInputs;
    public long timerInputs;
    public long unknownFrames;
    public long ordersSent;
    public long cancelsSent;
    public long fills;
    public long duplicateFills;
    public long venueRejects;
    public long cancels;
    public long riskRejects;
    public long unknownOrderEvents;
    public long invalidTransitions;
    public long ignoredCommands;
    final long[] riskRejectsByReason = new long[RiskRejectReason.values().length];
    final long[] breakerTrips = new long[BreakerType.values().length];

    public long riskRejects(final RiskRejectReason reason)
    {
        return riskRejectsByReason[reason.ordinal()];
    }

    public long breakerTrips(final BreakerType type)
    {
        return breakerTrips[type.ordinal()];
    }

    /**
     * @return e.g. "MAX_ORDER_NOTIONAL 3, ORDER_RATE 1" over the reasons seen, or "none".
     */
    public String riskRejectsText()
    {
        final StringBuilder text = new StringBuilder();
        for (final RiskRejectReason reason : RiskRejectReason.values())
        {
            if (reason != RiskRejectReason.NULL_VAL && riskRejects(reason) > 0)
            {
                text.append(text.length() == 0 ? "" : ", ").append(reason).append(' ').append(riskRejects(reason));
            }
        }
        return text.length() == 0 ? "none" : text.toString();
    }

    /**
     * @return e.g. "MARKET_MOVE 1" over the breakers that tripped, or "none".
     */
    public String breakerTripsText()
    {
        final StringBuilder text = new StringBuilder();
        for (final BreakerType type : BreakerType.values())
        {
            if (type != BreakerType.NULL_VAL && breakerTrips(type) > 0)
            {
                text.append(text.length() == 0 ? "" : ", ").append(type).append(' ').append(breakerTrips(type));
            }
        }
        return text.length() == 0 ? "none" : text.toString();
    }
}
