package io.ringwall.engine.logic;

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

    public long riskRejects(final RiskRejectReason reason)
    {
        return riskRejectsByReason[reason.ordinal()];
    }
}
