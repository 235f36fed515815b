package io.ringwall.engine.fix;

import java.util.ArrayDeque;
import java.util.function.LongFunction;
import java.util.function.ToIntFunction;

import io.ringwall.codecs.OrderState;
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.engine.fix.FixGateway.Answer;
import io.ringwall.engine.ring.InboundPublisher;
import org.agrona.collections.Long2ObjectHashMap;
import quickfix.FieldNotFound;
import quickfix.Message;

/**
 * Orders whose fate at the venue is in doubt, on the gateway thread: one still unacknowledged whose resend was
 * gap-filled (a venue that lost its store may never have had it), or handed over in a life before a resume. Each is
 * asked about once logged on (OrderStatusRequest, OrdStatusReqID S...); the venue's answer says whether to send it
 * again as a new message (never seen there), to send a cancel in doubt again (working there), or nothing (finished
 * there). The answer is also journaled as {@code VenueOrderStatus}, so the logic's own wait on the order (its
 * OrderStatusQuery timeouts) is settled by the same answer: one question, one stream of answers. A question not
 * answered within the timeout fails closed (a NO_ANSWER reconciliation end: RECONCILIATION halts).
 */
final class OrderDoubts
{
    /** An open order whose fate at the venue is being asked, with what to send again if the venue lacks it. */
    static final class Doubt
    {
        final long clOrdId;
        /** The NewOrderSingle, or null when only a cancel of it is in doubt. */
        Message order;
        /** The latest OrderCancelRequest of it in doubt, or null. */
        Message cancel;
        /** OrdStatusReqID (790) of the question outstanding, empty before it is asked. */
        String requestId = "";

        Doubt(final long clOrdId)
        {
            this.clOrdId = clOrdId;
        }
    }

    private final Long2ObjectHashMap<Doubt> doubts = new Long2ObjectHashMap<>();
    private final long timeoutNs;
    private final InboundPublisher publisher;
    private final GatewayTime time;
    private final VenueReconciliation reconciliation;
    private final ArrayDeque<Message> outgoing;
    private final LongFunction<String> symbolOf;
    private final ToIntFunction<Answer> instrumentOf;
    private long deadlineNs = Long.MAX_VALUE;
    private long sentAgain;

    /**
     * @param outgoing     the gateway's queue of messages to send once logged on.
     * @param symbolOf     an order's Symbol (55), by ClOrdID.
     * @param instrumentOf the instrument an answer is about.
     */
    OrderDoubts(final long timeoutNs, final InboundPublisher publisher, final GatewayTime time,
        final VenueReconciliation reconciliation, final ArrayDeque<Message> outgoing, final LongFunction<String> symbolOf,
        final ToIntFunction<Answer> instrumentOf)
    {
        this.timeoutNs = timeoutNs;
        this.publisher = publisher;
        this.time = time;
        this.reconciliation = reconciliation;
        this.outgoing = outgoing;
        this.symbolOf = symbolOf;
        this.instrumentOf = instrumentOf;
    }

    /** @return the doubt about that order, made when there is none. */
    Doubt of(final long clOrdId)
    {
        Doubt doubt = doubts.get(clOrdId);
        if (doubt == null)
        {
            doubt = new Doubt(clOrdId);
            doubts.put(clOrdId, doubt);
        }
        return doubt;
    }

    boolean contains(final long clOrdId)
    {
        return doubts.containsKey(clOrdId);
    }

    int size()
    {
        return doubts.size();
    }

    /**
     * The venue answered what was in doubt by itself (an amend's REPLACED or refusal, resent from its store): nothing
     * is left to ask or to send again. A venue keeps no order under a refused amend's id, so its status answer
     * would say unknown, and the amend would go twice.
     */
    void answered(final long clOrdId)
    {
        if (doubts.remove(clOrdId) != null && doubts.isEmpty())
        {
            deadlineNs = Long.MAX_VALUE;
        }
    }

    /** @return true when the order is in doubt: the cancel waits for the venue's answer (the order may go again first). */
    boolean deferCancel(final long origClOrdId, final Message cancel)
    {
        final Doubt doubt = doubts.get(origClOrdId);
        if (doubt == null)
        {
            return false;
        }
        doubt.cancel = cancel;
        return true;
    }

    /** One OrderStatusRequest per doubt not yet asked about; they go out in order once logged on. */
    void ask(final long timeNs)
    {
        for (final Doubt doubt : doubts.values())
        {
            if (!doubt.requestId.isEmpty())
            {
                continue;
            }
            doubt.requestId = "S" + reconciliation.nextId();
            final Message about = doubt.order != null ? doubt.order : doubt.cancel;
            outgoing.add(FixMessages.orderStatusRequest(doubt.requestId, doubt.clOrdId, symbolOf.apply(doubt.clOrdId),
                sideOf(about), timeNs));
        }
        if (deadlineNs == Long.MAX_VALUE && !doubts.isEmpty())
        {
            deadlineNs = time.nowNs() + timeoutNs;
        }
    }

    /** At a logon: a question asked before the drop may have no answer, so every doubt is asked again (the deadline stays). */
    void askAgain(final long timeNs)
    {
        doubts.values().forEach(doubt -> doubt.requestId = "");
        ask(timeNs);
    }

    /**
     * The venue's answer about an order in doubt. Not known there: it never arrived, so it is sent now, once, as a
     * new message (and its cancel after it). Working there: the order arrived; a cancel in doubt is sent again only
     * now, since the order would not be working had the cancel arrived. Finished there: nothing to send.
     */
    void onAnswer(final Answer a, final long timeNs)
    {
        final Doubt doubt = doubts.get(a.clOrdId);
        if (doubt == null || !doubt.requestId.equals(a.requestId))
        {
            // an answer to a question asked before a drop and asked again since, or resent: the newest one counts
            return;
        }
        doubts.remove(a.clOrdId);
        if (doubts.isEmpty())
        {
            deadlineNs = Long.MAX_VALUE;
        }
        if (a.unknownAtVenue)
        {
            if (doubt.order == null)
            {
                // an order this gateway handed over and cannot send again: the venue and the engine disagree
                reconciliation.endOutside(ReconciliationOutcome.INCOMPLETE, timeNs, "the venue does not know order " +
                    doubt.clOrdId + ", which this engine handed over before and cannot send again");
                return;
            }
            sendAgain(doubt.order);
            if (doubt.cancel != null)
            {
                sendAgain(doubt.cancel);
            }
            // on its way again: for the logic's wait an answer that settles nothing
            publisher.venueOrderStatus(timeNs, a.clOrdId, instrumentOf.applyAsInt(a), OrderState.PENDING_NEW,
                a.cumulative);
            return;
        }
        if (a.workingAtVenue && doubt.cancel != null)
        {
            sendAgain(doubt.cancel);
        }
        publisher.venueOrderStatus(timeNs, a.clOrdId, instrumentOf.applyAsInt(a), a.venueState, a.cumulative);
    }

    /** A question about an order's fate not answered in time leaves it unknown: fail closed, as a reconciliation. */
    void failClosedWhenUnanswered()
    {
        final long nowNs = time.nowNs();
        if (doubts.isEmpty())
        {
            deadlineNs = Long.MAX_VALUE;
        }
        else if (time.started() && deadlineNs != Long.MAX_VALUE && nowNs - deadlineNs >= 0)
        {
            // again after each timeout while the venue leaves it unanswered
            deadlineNs = nowNs + timeoutNs;
            reconciliation.endOutside(ReconciliationOutcome.NO_ANSWER, time.stamp(), doubts.size() + " order(s) " +
                "whose resend was gap-filled have no OrderStatusRequest answer within the timeout");
        }
    }

    /** @return orders and cancels sent again as new messages after the venue's status showed it lacked them. */
    long sentAgain()
    {
        return sentAgain;
    }

    private void sendAgain(final Message message)
    {
        // QuickFIX/J takes PossDupFlag and OrigSendingTime off and numbers it anew: a new message, not a resend.
        outgoing.add(message);
        sentAgain++;
    }

    private static char sideOf(final Message message)
    {
        try
        {
            return message != null && message.isSetField(quickfix.field.Side.FIELD) ?
                message.getChar(quickfix.field.Side.FIELD) : quickfix.field.Side.BUY;
        }
        catch (final FieldNotFound ex)
        {
            return quickfix.field.Side.BUY;
        }
    }
}
