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
    /** Inputs the logic could not use: another schema or template, an unknown instrument, or a malformed frame. */
    public long unknownFrames;
    public long ordersSent;
    public long cancelsSent;
    /** Amends (cancel/replace) sent, confirmed by the venue, refused by it. Checkpointed with the amend state. */
    public long amendsSent;
    public long replaces;
    public long replaceRejects;
    /** Amends the engine would not send: the order not amendable (not working, not acknowledged, a request open). */
    public long amendsRefused;
    public long fills;
    public long duplicateFills;
    public long venueRejects;
    public long cancels;
    public long riskRejects;
    public long unknownOrderEvents;
    public long invalidTransitions;
    public long expiries;
    public long ignoredCommands;
    /**
     * Shadow trading (ringwall run --shadow): decisions compared with the twin's, those misaligned, live orders
     * finished, those fully filled, those with a slippage figure and its sum (ppm), and the rolling execution quality
     * (ppm, -1 until its window is full). Checkpointed in the snapshot's SHADOW component.
     */
    public long shadowDecisions;
    public long shadowMisalignments;
    public long shadowExecutions;
    public long shadowFilled;
    public long shadowSlippageOrders;
    public long shadowSlippagePpmSum;
    public long shadowExecutionQualityPpm = -1;
    final long[] riskRejectsByReason = new long[RiskRejectReason.values().length];
    final long[] breakerTrips = new long[BreakerType.values().length];
    /** Reconciliations ended, by outcome ordinal (journaled ReconciliationEnd frames). */
    final long[] reconciliations = new long[io.ringwall.codecs.ReconciliationOutcome.values().length];

    public long riskRejects(final RiskRejectReason reason)
    {
        return riskRejectsByReason[reason.ordinal()];
    }

    public long breakerTrips(final BreakerType type)
    {
        return breakerTrips[type.ordinal()];
    }

    public long reconciliations(final io.ringwall.codecs.ReconciliationOutcome outcome)
    {
        return reconciliations[outcome.ordinal()];
    }

    /**
     * @return e.g. "MAX_ORDER_NOTIONAL 3, ORDER_RATE 1" over the reasons seen, or "none".
     */
    public String riskRejectsText()
    {
        return countsText(RiskRejectReason.values(), riskRejectsByReason);
    }

    /**
     * @return e.g. "MARKET_MOVE 1" over the breakers that tripped, or "none".
     */
    public String breakerTripsText()
    {
        return countsText(BreakerType.values(), breakerTrips);
    }

    /** Names and counts of the non-zero entries; {@code counts} is indexed by ordinal. */
    private static String countsText(final Enum<?>[] names, final long[] counts)
    {
        final StringBuilder text = new StringBuilder();
        for (final Enum<?> name : names)
        {
            if (counts[name.ordinal()] > 0)
            {
                text.append(text.length() == 0 ? "" : ", ").append(name).append(' ').append(counts[name.ordinal()]);
            }
        }
        return text.length() == 0 ? "none" : text.toString();
    }

    /** Checkpoints: every counter, in declaration order. */
    void writeState(final StateCursor cursor)
    {
        cursor.putLong(inputs);
        cursor.putLong(marketDataInputs);
        cursor.putLong(venueInputs);
        cursor.putLong(operatorInputs);
        cursor.putLong(timerInputs);
        cursor.putLong(unknownFrames);
        cursor.putLong(ordersSent);
        cursor.putLong(cancelsSent);
        cursor.putLong(fills);
        cursor.putLong(duplicateFills);
        cursor.putLong(venueRejects);
        cursor.putLong(cancels);
        cursor.putLong(riskRejects);
        cursor.putLong(unknownOrderEvents);
        cursor.putLong(invalidTransitions);
        cursor.putLong(expiries);
        cursor.putLong(ignoredCommands);
        cursor.putLongs(riskRejectsByReason);
        cursor.putLongs(breakerTrips);
        cursor.putLongs(reconciliations);
    }

    void readState(final StateCursor cursor)
    {
        inputs = cursor.getLong();
        marketDataInputs = cursor.getLong();
        venueInputs = cursor.getLong();
        operatorInputs = cursor.getLong();
        timerInputs = cursor.getLong();
        unknownFrames = cursor.getLong();
        ordersSent = cursor.getLong();
        cancelsSent = cursor.getLong();
        fills = cursor.getLong();
        duplicateFills = cursor.getLong();
        venueRejects = cursor.getLong();
        cancels = cursor.getLong();
        riskRejects = cursor.getLong();
        unknownOrderEvents = cursor.getLong();
        invalidTransitions = cursor.getLong();
        expiries = cursor.getLong();
        ignoredCommands = cursor.getLong();
        cursor.getLongs(riskRejectsByReason);
        cursor.getLongs(breakerTrips);
        cursor.getLongs(reconciliations);
    }
}
