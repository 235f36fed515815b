package io.ringwall.engine.logic;

import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.ReconciliationScope;
import io.ringwall.codecs.ReconciliationVerdict;
import io.ringwall.engine.Fixed;

import static io.ringwall.engine.config.RiskLimits.PPM;

/**
 * Compares the venue's view of the account with the local one, on the logic thread, from journaled frames: the
 * gateway carries the venue's answer into the inbound ring in the FIX stream's order, so each venue position is
 * compared with the local position after exactly the executions the venue had reported before it.
 *
 * <p>At the end of an answer it journals one {@code ReconciliationReport} per instrument (local, venue, difference)
 * and one for the cash. The venue is the source of truth and a missing report never means flat: an instrument
 * the venue did not report while it is not flat here, an answer that never came, a difference above the
 * tolerance (a share of the larger position), or an order open at the venue that the engine does not know all
 * trip the RECONCILIATION breaker, which halts until an operator resets it with a reason. A venue that does not
 * support a request (UNSUPPORTED) halts as a missing answer does, except in an orders-only reconciliation, where
 * positions and cash are not compared anyway and the mode itself says the venue's reports may be lacking.
 */
final class Reconciler
{
    private final Portfolio portfolio;
    private final OrderManager orders;
    private final OutputPublisher output;
    private final Breakers breakers;
    private final EngineCounters counters;
    private final long[] venuePosition;
    private final long[] localPosition;
    private final boolean[] reported;
    private final int[] venueOpenOrders;
    private final int[] unknownVenueOrders;
    private long reconciliationId;
    private long venueCash;
    private long localCash;
    private boolean cashReported;

    Reconciler(final int instruments, final Portfolio portfolio, final OrderManager orders, final OutputPublisher output,
        final Breakers breakers, final EngineCounters counters)
    {
        this.counters = counters;
        this.portfolio = portfolio;
        this.orders = orders;
        this.output = output;
        this.breakers = breakers;
        this.venuePosition = new long[instruments];
        this.localPosition = new long[instruments];
        this.reported = new boolean[instruments];
        this.venueOpenOrders = new int[instruments];
        this.unknownVenueOrders = new int[instruments];
    }

    void onVenuePosition(final long id, final int instrumentId, final long quantity, final long cash)
    {
        begin(id);
        if (instrumentId < 0 || instrumentId >= reported.length)
        {
            return;
        }
        reported[instrumentId] = true;
        venuePosition[instrumentId] = quantity;
        localPosition[instrumentId] = portfolio.position(instrumentId);
        venueCash = cash;
        localCash = portfolio.cash();
        cashReported = true;
    }

    void onVenueOpenOrder(final long id, final long clOrdId, final int instrumentId)
    {
        begin(id);
        if (instrumentId < 0 || instrumentId >= reported.length)
        {
            return;
        }
        venueOpenOrders[instrumentId]++;
        if (orders.find(clOrdId) == null)
        {
            unknownVenueOrders[instrumentId]++;
        }
    }

    /**
     * @param scope what was asked: FULL (also for frames older than schema version 5, which decode NULL_VAL) or
     *              ORDERS_ONLY, whose positions and cash are not compared (NOT_COMPARED rows).
     */
    void onEnd(final long id, final ReconciliationOutcome outcome, final long tolerancePpm,
        final ReconciliationScope scope)
    {
        begin(id);
        counters.reconciliations[outcome.ordinal()]++;
        final boolean ordersOnly = scope == ReconciliationScope.ORDERS_ONLY;
        final boolean answered = outcome == ReconciliationOutcome.COMPLETE;
        // Orders-only: a venue that does not support even the open-orders request was accepted as such by the
        // operator's choice of mode; it is journaled (UNSUPPORTED), counted and printed, not a halt.
        final boolean failed = !answered && !(ordersOnly && outcome == ReconciliationOutcome.UNSUPPORTED);
        final ReconciliationVerdict unanswered = outcome == ReconciliationOutcome.UNSUPPORTED ?
            ReconciliationVerdict.NOT_COMPARED : ReconciliationVerdict.NO_ANSWER;
        boolean tripped = false;
        if (failed)
        {
            breakers.onReconciliationFailure(0, 0, Breakers.NONE);
            tripped = true;
        }
        for (int i = 0; i < reported.length; i++)
        {
            final long local = reported[i] ? localPosition[i] : portfolio.position(i);
            final long venue = venuePosition[i];
            final long tolerance = Fixed.mulDiv(Math.max(Math.abs(local), Math.abs(venue)), tolerancePpm, PPM);
            final ReconciliationVerdict verdict = !answered ? unanswered :
                ordersOnly ? ReconciliationVerdict.NOT_COMPARED : verdict(reported[i], local, venue, tolerance);
            output.reconciliationReport(id, i, local, venue, tolerance, verdict, localOpenOrders(i),
                venueOpenOrders[i], unknownVenueOrders[i]);
            final boolean breach = verdict == ReconciliationVerdict.BREACH ||
                verdict == ReconciliationVerdict.MISSING && local != 0 || unknownVenueOrders[i] > 0;
            if (answered && breach && !tripped)
            {
                breakers.onReconciliationFailure(Math.abs(venue - local), tolerance, i);
                tripped = true;
            }
        }
        final long cashLocal = cashReported ? localCash : portfolio.cash();
        final long cashTolerance = Fixed.mulDiv(Math.max(Math.abs(cashLocal), Math.abs(venueCash)), tolerancePpm, PPM);
        final ReconciliationVerdict cashVerdict = !answered ? unanswered :
            ordersOnly ? ReconciliationVerdict.NOT_COMPARED : verdict(cashReported, cashLocal, venueCash, cashTolerance);
        output.reconciliationReport(id, Breakers.NONE, cashLocal, venueCash, cashTolerance, cashVerdict,
            orders.workingCount(), 0, 0);
        if (answered && !ordersOnly && !tripped && (cashVerdict == ReconciliationVerdict.BREACH || !cashReported))
        {
            breakers.onReconciliationFailure(Math.abs(venueCash - cashLocal), cashTolerance, Breakers.NONE);
        }
        clear();
    }

    /**
     * Checkpoints: the reconciliation being collected (a snapshot may fall between a venue's position reports
     * and its ReconciliationEnd). Fixed layout per instrument count.
     */
    void writeState(final StateCursor cursor)
    {
        cursor.putLong(reconciliationId);
        cursor.putLong(venueCash);
        cursor.putLong(localCash);
        cursor.putLong(cashReported ? 1 : 0);
        cursor.putLongs(venuePosition);
        cursor.putLongs(localPosition);
        for (int i = 0; i < reported.length; i++)
        {
            cursor.putLong(reported[i] ? 1 : 0);
            cursor.putLong(venueOpenOrders[i]);
            cursor.putLong(unknownVenueOrders[i]);
        }
    }

    void readState(final StateCursor cursor)
    {
        reconciliationId = cursor.getLong();
        venueCash = cursor.getLong();
        localCash = cursor.getLong();
        cashReported = cursor.getLong() != 0;
        cursor.getLongs(venuePosition);
        cursor.getLongs(localPosition);
        for (int i = 0; i < reported.length; i++)
        {
            reported[i] = cursor.getLong() != 0;
            venueOpenOrders[i] = Math.toIntExact(cursor.getLong());
            unknownVenueOrders[i] = Math.toIntExact(cursor.getLong());
        }
    }

    private static ReconciliationVerdict verdict(final boolean reported, final long local, final long venue,
        final long tolerance)
    {
        if (!reported)
        {
            return ReconciliationVerdict.MISSING;
        }
        final long difference = Math.abs(venue - local);
        return difference == 0 ? ReconciliationVerdict.MATCHED :
            difference <= tolerance ? ReconciliationVerdict.WITHIN_TOLERANCE : ReconciliationVerdict.BREACH;
    }

    private int localOpenOrders(final int instrumentId)
    {
        final int[] count = {0};
        orders.forEachWorking(order -> count[0] += order.instrumentId == instrumentId ? 1 : 0);
        return count[0];
    }

    /** A frame of another reconciliation than the one being collected starts afresh (the old one never ended). */
    private void begin(final long id)
    {
        if (id != reconciliationId)
        {
            clear();
            reconciliationId = id;
        }
    }

    private void clear()
    {
        java.util.Arrays.fill(reported, false);
        java.util.Arrays.fill(venuePosition, 0);
        java.util.Arrays.fill(localPosition, 0);
        java.util.Arrays.fill(venueOpenOrders, 0);
        java.util.Arrays.fill(unknownVenueOrders, 0);
        cashReported = false;
        venueCash = 0;
        localCash = 0;
        reconciliationId = 0;
    }
}
