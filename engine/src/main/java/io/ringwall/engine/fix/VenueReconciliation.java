package io.ringwall.engine.fix;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.ReconciliationScope;
import io.ringwall.engine.config.ReconciliationMode;
import io.ringwall.engine.fix.FixGateway.Answer;
import io.ringwall.engine.ring.InboundPublisher;
import quickfix.Message;

/**
 * The gateway's side of reconciliation, on the gateway thread: when one is due (every logon and every interval), what
 * it asks ({@code reconciliation.mode}: AN and AF, AF only, or nothing), carrying the venue's answer into the inbound
 * ring as it arrives (a position's place among the executions matters), and how it ends: COMPLETE, NO_ANSWER (not
 * complete within the timeout), INCOMPLETE (refused) or UNSUPPORTED (the venue does not support the request). The
 * logic judges the answer; this class prints one console line per outcome (never the logic thread's job).
 *
 * <p>Time is the gateway's {@link GatewayTime}: under {@code --clock data} the interval and the timeout run in event
 * time (the journaled inputs' time), so a backtest that replays an hour in a second does not time out on wall time,
 * and a venue that answers in event time is judged in event time.
 */
final class VenueReconciliation
{
    private final FixGatewayConfig config;
    private final InboundPublisher publisher;
    private final GatewayTime time;
    private final Consumer<String> console;
    private final ReconciliationScope scope;
    /** Outcomes so far, by ReconciliationOutcome ordinal; read from any thread (metrics, tests). */
    private final AtomicLongArray outcomes = new AtomicLongArray(ReconciliationOutcome.values().length);
    private long ids = System.currentTimeMillis() * 1_000L;
    private long nextDueNs = Long.MAX_VALUE;
    private long id;
    private long deadlineNs;
    private int expectedPositions;
    private int positions;
    private int openOrders;
    private boolean ordersComplete;

    VenueReconciliation(final FixGatewayConfig config, final InboundPublisher publisher, final GatewayTime time,
        final Consumer<String> console)
    {
        this.config = config;
        this.publisher = publisher;
        this.time = time;
        this.console = console;
        this.scope = config.mode() == ReconciliationMode.ORDERS_ONLY ? ReconciliationScope.ORDERS_ONLY :
            ReconciliationScope.FULL;
    }

    /** @return a fresh id for a request of the venue (this class's, or an order-status question's). */
    long nextId()
    {
        return ++ids;
    }

    /** At start and at every logon: one is due now (the venue is the truth after any gap). */
    void dueNow()
    {
        if (config.mode() != ReconciliationMode.OFF)
        {
            nextDueNs = time.nowNs();
        }
    }

    boolean active()
    {
        return id != 0;
    }

    /**
     * Ends the one running past its deadline, and starts the one due: its requests go out first (AN ahead of any
     * order queued, so the position is the venue's before those orders), or wait for the logon. A running check keeps
     * its deadline, so a session that keeps dropping still fails closed.
     */
    void whenDue(final boolean loggedOn, final ArrayDeque<Message> outgoing, final long timeNs)
    {
        if (!time.started())
        {
            return;
        }
        final long nowNs = time.nowNs();
        if (active() && nowNs - deadlineNs >= 0)
        {
            end(ReconciliationOutcome.NO_ANSWER, timeNs, "no complete answer within " + seconds(config.reconcileTimeoutNs()) +
                " s of " + time.describe());
        }
        if (nextDueNs == Long.MAX_VALUE || nowNs - nextDueNs < 0 || !loggedOn && active())
        {
            return;
        }
        final long deadline = active() ? deadlineNs : nowNs + config.reconcileTimeoutNs();
        start(nextId(), deadline);
        if (!loggedOn)
        {
            // Due while the session is down: it starts now and fails closed if it cannot finish in time.
            return;
        }
        nextDueNs = config.reconcileIntervalNs() > 0 ? nowNs + config.reconcileIntervalNs() : Long.MAX_VALUE;
        if (scope == ReconciliationScope.FULL)
        {
            outgoing.addFirst(FixMessages.requestForPositions("P" + id, timeNs));
        }
        else
        {
            // nothing to wait for on the positions' side
            expectedPositions = 0;
        }
        outgoing.add(FixMessages.orderMassStatusRequest("M" + id, timeNs));
    }

    void onPosition(final Answer a, final long timeNs)
    {
        if (!matches(a.requestId, 'P'))
        {
            return;
        }
        expectedPositions = a.total;
        if (a.instrumentId >= 0)
        {
            positions++;
            publisher.venuePosition(timeNs, id, a.instrumentId, a.quantity, a.fee);
        }
        completeIfDone(timeNs);
    }

    void onOpenOrder(final Answer a, final long timeNs)
    {
        if (!matches(a.requestId, 'M'))
        {
            return;
        }
        if (a.clOrdId > 0)
        {
            openOrders++;
            publisher.venueOpenOrder(timeNs, id, a.clOrdId, a.instrumentId, a.side, a.leaves);
        }
        ordersComplete |= a.last;
        completeIfDone(timeNs);
    }

    /**
     * The venue refused a request: a RequestForPositionsAck with a failed status (INCOMPLETE, or UNSUPPORTED when its
     * PosReqResult says the request is not supported), or a BusinessMessageReject of AN or AF (UNSUPPORTED). A
     * reject that names no request (no BusinessRejectRefID) is taken as the running one's.
     */
    void refused(final Answer a, final long timeNs)
    {
        if (!active())
        {
            return;
        }
        final char prefix = quickfix.field.MsgType.ORDER_MASS_STATUS_REQUEST.equals(a.refMsgType) ? 'M' : 'P';
        if (!a.requestId.isEmpty() && !matches(a.requestId, a.requestId.charAt(0)))
        {
            return;
        }
        final String request = (a.requestId.isEmpty() ? prefix : a.requestId.charAt(0)) == 'M' ?
            "OrderMassStatusRequest (35=AF)" : "RequestForPositions (35=AN)";
        if (a.unsupported)
        {
            end(ReconciliationOutcome.UNSUPPORTED, timeNs, "the venue does not support " + request +
                (a.text.isEmpty() ? "" : " (" + a.text + ")"));
        }
        else
        {
            end(ReconciliationOutcome.INCOMPLETE, timeNs, "the venue refused " + request);
        }
    }

    /** A reconciliation outcome decided elsewhere (an order-status question that settles nothing): journaled alike. */
    void endOutside(final ReconciliationOutcome outcome, final long timeNs, final String why)
    {
        // its own id: a reconciliation running meanwhile keeps its state and its deadline
        publish(nextId(), outcome, 0, 0, timeNs, why);
    }

    /** @return how many reconciliations ended with that outcome (any thread). */
    long outcomes(final ReconciliationOutcome outcome)
    {
        return outcomes.get(outcome.ordinal());
    }

    private void start(final long newId, final long deadline)
    {
        id = newId;
        deadlineNs = deadline;
        expectedPositions = -1;
        positions = 0;
        openOrders = 0;
        ordersComplete = false;
    }

    private boolean matches(final String requestId, final char prefix)
    {
        return active() && requestId.equals(prefix + Long.toString(id));
    }

    private void completeIfDone(final long timeNs)
    {
        if (expectedPositions >= 0 && positions >= expectedPositions && ordersComplete)
        {
            end(ReconciliationOutcome.COMPLETE, timeNs, positions + " position report(s), " + openOrders +
                " open order(s); the logic compares them (ringwall risk-events lists any row that did not match)");
        }
    }

    private void end(final ReconciliationOutcome outcome, final long timeNs, final String why)
    {
        publish(id, outcome, positions, openOrders, timeNs, why);
        id = 0;
    }

    /** Journals the end, counts it and prints its one console line. */
    private void publish(final long endId, final ReconciliationOutcome outcome, final int positionReports,
        final int openOrderReports, final long timeNs, final String why)
    {
        publisher.reconciliationEnd(timeNs, endId, outcome, positionReports, openOrderReports, config.tolerancePpm(),
            scope);
        outcomes.incrementAndGet(outcome.ordinal());
        console.accept("reconciliation " + endId + " " + outcome + " (" + config.mode().text() + "): " + why +
            consequence(outcome));
    }

    private String consequence(final ReconciliationOutcome outcome)
    {
        return switch (outcome)
        {
            case COMPLETE -> "";
            case UNSUPPORTED -> scope == ReconciliationScope.ORDERS_ONLY ?
                "; not a halt in orders-only mode" : "; trading halts (RECONCILIATION) until an operator resets it";
            default -> "; trading halts (RECONCILIATION) until an operator resets it";
        };
    }

    private static String seconds(final long ns)
    {
        return ns % 1_000_000_000L == 0 ? Long.toString(ns / 1_000_000_000L) : String.format("%.3f", ns / 1e9);
    }
}
