package io.ringwall.engine.fix;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.ReplaceOrderDecoder;
import io.ringwall.engine.fix.FixGateway.Answer;
import org.agrona.collections.Long2LongHashMap;
import quickfix.FieldNotFound;
import quickfix.Message;

/**
 * The gateway's side of amends (cancel/replace, issue 18 point 6), kept out of {@link FixGateway}: a journaled
 * ReplaceOrder frame becomes an OrderCancelReplaceRequest (35=G); an ExecutionReport with ExecType=5 (REPLACED) and
 * an OrderCancelReject (35=9) with CxlRejResponseTo=2 are decoded into answers; and the amends sent are remembered so
 * a session-level or business reject of a 35=G (matched by RefSeqNum or BusinessRejectRefID) refuses that amend.
 * Like orders and cancels, a 35=G is gap-filled on a ResendRequest, never resent ({@link FixGateway#toApp}); one
 * still unanswered is then in doubt and asked about by its own ClOrdID, and sent again only if the venue does not
 * know that id ({@link OrderDoubts}).
 * Runs on the gateway thread, except {@link #decodeReplaced} and {@link #decodeReplaceReject} (the QuickFIX/J thread,
 * on the message alone).
 */
final class FixAmends
{
    /** CxlRejResponseTo (434) of an OrderCancelReject answering an OrderCancelReplaceRequest. */
    static final char RESPONSE_TO_REPLACE = quickfix.field.CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST;

    /** Each amend sent: its ClOrdID to the ClOrdID it replaces (OrigClOrdID). */
    private final Long2LongHashMap replaceTarget = new Long2LongHashMap(-1);
    /** Amends sent (or queued) with no answer seen yet: a gap-filled one among them is in doubt. */
    private final org.agrona.collections.LongHashSet unanswered = new org.agrona.collections.LongHashSet();
    private long amendsSent;

    /**
     * @return the OrderCancelReplaceRequest (35=G) for a journaled amend: OrigClOrdID (41) the id the venue knows
     *         the order by, ClOrdID (11) the amend's, and the order as a broker checks it (Side, Symbol, OrdType,
     *         TimeInForce) with its new OrderQty (38, the total, filled included) and, for a limit order, Price (44).
     */
    Message replaceRequest(final ReplaceOrderDecoder amend, final String symbol, final long timeNs)
    {
        replaceTarget.put(amend.clOrdId(), amend.origClOrdId());
        unanswered.add(amend.clOrdId());
        amendsSent++;
        final quickfix.fix44.OrderCancelReplaceRequest message = new quickfix.fix44.OrderCancelReplaceRequest();
        message.setString(quickfix.field.ClOrdID.FIELD, Long.toString(amend.clOrdId()));
        message.setString(quickfix.field.OrigClOrdID.FIELD, Long.toString(amend.origClOrdId()));
        message.setString(quickfix.field.Symbol.FIELD, symbol);
        message.setChar(quickfix.field.Side.FIELD, FixCodec.side(amend.side()));
        message.setUtcTimeStamp(quickfix.field.TransactTime.FIELD, FixCodec.utc(timeNs), true);
        message.setChar(quickfix.field.OrdType.FIELD, FixCodec.ordType(amend.ordType()));
        message.setChar(quickfix.field.TimeInForce.FIELD, FixCodec.timeInForce(amend.timeInForce()));
        FixCodec.setQuantity(message, quickfix.field.OrderQty.FIELD, amend.quantity());
        if (amend.ordType() == OrdType.LIMIT)
        {
            FixCodec.setPrice(message, quickfix.field.Price.FIELD, amend.limitPrice());
        }
        return message;
    }

    /** @return whether {@code clOrdId} is an amend this gateway sent. */
    boolean isAmend(final long clOrdId)
    {
        return replaceTarget.containsKey(clOrdId);
    }

    /** @return the ClOrdID amend {@code clOrdId} replaces, or -1 when it is not one this gateway sent. */
    long target(final long clOrdId)
    {
        return replaceTarget.get(clOrdId);
    }

    /** The venue answered amend {@code clOrdId} (replaced or refused). */
    void answered(final long clOrdId)
    {
        unanswered.remove(clOrdId);
    }

    /** @return whether amend {@code clOrdId} was sent and no answer to it is seen yet. */
    boolean isUnanswered(final long clOrdId)
    {
        return unanswered.contains(clOrdId);
    }

    long amendsSent()
    {
        return amendsSent;
    }

    /**
     * A session-level or business reject matched to a 35=G this gateway sent refuses the amend: the order works on.
     */
    void rejectedAsMessage(final Answer a)
    {
        a.kind = Answer.Kind.REPLACE_REJECTED;
        a.origClOrdId = replaceTarget.get(a.clOrdId);
    }

    /**
     * ExecType=5: the venue replaced the order. ClOrdID (11) is the amend's (the order's id from now on), OrigClOrdID
     * (41) the one before; OrderQty (38) and Price (44) the new terms, LeavesQty and CumQty as usual.
     */
    static void decodeReplaced(final Message m, final Answer a) throws FieldNotFound
    {
        a.origClOrdId = m.isSetField(quickfix.field.OrigClOrdID.FIELD) ?
            parseOrMinusOne(m.getString(quickfix.field.OrigClOrdID.FIELD)) : -1;
        a.quantity = FixCodec.quantity(m, quickfix.field.OrderQty.FIELD);
        a.price = FixCodec.price(m, quickfix.field.Price.FIELD);
    }

    private static long parseOrMinusOne(final String text)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    /** @return whether an OrderCancelReject (35=9) answers an amend (CxlRejResponseTo 2) rather than a cancel. */
    static boolean answersReplace(final Message m) throws FieldNotFound
    {
        return m.isSetField(quickfix.field.CxlRejResponseTo.FIELD) &&
            m.getChar(quickfix.field.CxlRejResponseTo.FIELD) == RESPONSE_TO_REPLACE;
    }
}
