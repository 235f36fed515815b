package io.ringwall.engine.fix;

import java.time.format.DateTimeFormatter;

import io.ringwall.codecs.OrderState;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.fix.FixGateway.Answer;
import org.agrona.collections.Object2IntHashMap;
import quickfix.FieldException;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.SessionRejectReason;
import quickfix.field.MsgType;

/**
 * The gateway's side of the FIX messages beyond orders: reconciliation requests out, and every answer in,
 * decoded into an {@link Answer} on the QuickFIX/J thread that received it.
 */
final class FixMessages
{
    static final int POS_REQ_ID = 710;
    static final int TOTAL_NUM_POS_REPORTS = 727;
    static final int POS_REQ_RESULT = 728;
    static final int POS_REQ_STATUS = 729;
    static final int NO_POSITIONS = 702;
    static final int LONG_QTY = 704;
    static final int SHORT_QTY = 705;
    static final int NO_POS_AMT = 753;
    static final int POS_AMT_TYPE = 707;
    static final int POS_AMT = 708;
    static final int MASS_STATUS_REQ_ID = 584;
    static final int TOT_NUM_REPORTS = 911;
    static final int LAST_RPT_REQUESTED = 912;
    static final int ORD_STATUS_REQ_ID = 790;
    /** PosAmtType (707) of the venue account's cash. */
    static final String CASH = "CASH";

    private FixMessages()
    {
    }

    static Message requestForPositions(final String requestId, final long timeNs)
    {
        final quickfix.fix44.RequestForPositions message = new quickfix.fix44.RequestForPositions();
        message.setString(POS_REQ_ID, requestId);
        message.setInt(quickfix.field.PosReqType.FIELD, quickfix.field.PosReqType.POSITIONS);
        message.setString(quickfix.field.Account.FIELD, "RINGWALL");
        message.setInt(quickfix.field.AccountType.FIELD,
            quickfix.field.AccountType.ACCOUNT_IS_CARRIED_ON_CUSTOMER_SIDE_OF_THE_BOOKS);
        message.setString(quickfix.field.ClearingBusinessDate.FIELD,
            FixCodec.utc(timeNs).format(DateTimeFormatter.BASIC_ISO_DATE));
        message.setUtcTimeStamp(quickfix.field.TransactTime.FIELD, FixCodec.utc(timeNs), true);
        return message;
    }

    static Message orderMassStatusRequest(final String requestId, final long timeNs)
    {
        final quickfix.fix44.OrderMassStatusRequest message = new quickfix.fix44.OrderMassStatusRequest();
        message.setString(MASS_STATUS_REQ_ID, requestId);
        message.setInt(quickfix.field.MassStatusReqType.FIELD,
            quickfix.field.MassStatusReqType.STATUS_FOR_ALL_ORDERS);
        message.setUtcTimeStamp(quickfix.field.TransactTime.FIELD, FixCodec.utc(timeNs), true);
        return message;
    }

    /** An order's status (H), asked when a resend of it was gap-filled: does the venue have it, is it working. */
    static Message orderStatusRequest(final String requestId, final long clOrdId, final String symbol, final char side,
        final long timeNs)
    {
        final quickfix.fix44.OrderStatusRequest message = new quickfix.fix44.OrderStatusRequest();
        message.setString(quickfix.field.ClOrdID.FIELD, Long.toString(clOrdId));
        message.setString(ORD_STATUS_REQ_ID, requestId);
        message.setString(quickfix.field.Symbol.FIELD, symbol);
        message.setChar(quickfix.field.Side.FIELD, side);
        message.setUtcTimeStamp(quickfix.field.TransactTime.FIELD, FixCodec.utc(timeNs), true);
        return message;
    }

    /**
     * @return the answer, or null for a message the engine has no use for.
     */
    static Answer decode(final Message message, final Object2IntHashMap<String> instruments, final long receivedNanos)
        throws FieldNotFound
    {
        final String type = message.getHeader().getString(MsgType.FIELD);
        final Answer answer = switch (type)
        {
            case MsgType.EXECUTION_REPORT -> executionReport(message, instruments);
            case MsgType.ORDER_CANCEL_REJECT -> cancelReject(message);
            case MsgType.BUSINESS_MESSAGE_REJECT -> businessReject(message);
            case MsgType.REJECT -> sessionReject(message);
            case MsgType.POSITION_REPORT -> positionReport(message, instruments);
            case MsgType.REQUEST_FOR_POSITIONS_ACK -> positionsAck(message);
            default -> null;
        };
        if (answer != null)
        {
            answer.receivedNanos = receivedNanos;
        }
        return answer;
    }

    private static Answer executionReport(final Message m, final Object2IntHashMap<String> instruments)
        throws FieldNotFound
    {
        final char execType = m.getChar(quickfix.field.ExecType.FIELD);
        final Answer a = new Answer(switch (execType)
        {
            case quickfix.field.ExecType.NEW -> Answer.Kind.ACCEPTED;
            case quickfix.field.ExecType.TRADE -> Answer.Kind.FILLED;
            case quickfix.field.ExecType.CANCELED -> Answer.Kind.CANCELLED;
            case quickfix.field.ExecType.REJECTED -> Answer.Kind.REJECTED;
            case quickfix.field.ExecType.EXPIRED -> Answer.Kind.EXPIRED;
            case quickfix.field.ExecType.REPLACED -> Answer.Kind.REPLACED;
            // one order's status names the request (790); a mass status report, its own (584)
            case quickfix.field.ExecType.ORDER_STATUS -> m.isSetField(ORD_STATUS_REQ_ID) ? Answer.Kind.ORDER_STATUS :
                Answer.Kind.OPEN_ORDER;
            default -> Answer.Kind.LOGON;
        });
        if (a.kind == Answer.Kind.LOGON)
        {
            return null;
        }
        final long clOrdId = longOf(m, quickfix.field.ClOrdID.FIELD);
        final long origClOrdId = longOf(m, quickfix.field.OrigClOrdID.FIELD);
        // A cancel's report names the cancel request in ClOrdID and the order in OrigClOrdID.
        a.clOrdId = a.kind == Answer.Kind.CANCELLED && origClOrdId >= 0 ? origClOrdId : clOrdId;
        a.venueOrderId = Math.max(0, longOf(m, quickfix.field.OrderID.FIELD));
        a.execId = m.isSetField(quickfix.field.ExecID.FIELD) ? execKey(m.getString(quickfix.field.ExecID.FIELD)) : 0;
        a.instrumentId = m.isSetField(quickfix.field.Symbol.FIELD) ?
            instruments.getValue(m.getString(quickfix.field.Symbol.FIELD)) : -1;
        a.side = m.isSetField(quickfix.field.Side.FIELD) ? FixCodec.side(m.getChar(quickfix.field.Side.FIELD)) :
            a.side;
        if (a.kind == Answer.Kind.FILLED && a.side == io.ringwall.codecs.Side.NULL_VAL)
        {
            // A fill is booked by its side; without one (absent, or one the engine does not trade) it cannot be,
            // and booking it either way would be a guess. QuickFIX/J rejects it naming Side (54).
            throw new FieldException(m.isSetField(quickfix.field.Side.FIELD) ?
                SessionRejectReason.VALUE_IS_INCORRECT : SessionRejectReason.REQUIRED_TAG_MISSING,
                "a fill needs Side (54) BUY or SELL", quickfix.field.Side.FIELD);
        }
        a.price = FixCodec.price(m, quickfix.field.LastPx.FIELD);
        a.leaves = FixCodec.quantity(m, quickfix.field.LeavesQty.FIELD);
        a.cumulative = FixCodec.quantity(m, quickfix.field.CumQty.FIELD);
        a.fee = FixCodec.price(m, quickfix.field.Commission.FIELD);
        final long orderQty = FixCodec.quantity(m, quickfix.field.OrderQty.FIELD);
        a.quantity = switch (a.kind)
        {
            case FILLED -> FixCodec.quantity(m, quickfix.field.LastQty.FIELD);
            case CANCELLED, EXPIRED -> Math.max(0, orderQty - a.cumulative);
            default -> 0;
        };
        if (a.kind == Answer.Kind.REPLACED)
        {
            FixAmends.decodeReplaced(m, a);
        }
        if (a.kind == Answer.Kind.REJECTED)
        {
            a.reason = FixCodec.rejectReason(intOf(m, quickfix.field.OrdRejReason.FIELD), text(m), false);
        }
        if (a.kind == Answer.Kind.ORDER_STATUS)
        {
            a.requestId = m.getString(ORD_STATUS_REQ_ID);
            final char status = m.isSetField(quickfix.field.OrdStatus.FIELD) ? m.getChar(quickfix.field.OrdStatus.FIELD) :
                quickfix.field.OrdStatus.REJECTED;
            a.unknownAtVenue = status == quickfix.field.OrdStatus.REJECTED &&
                intOf(m, quickfix.field.OrdRejReason.FIELD) == quickfix.field.OrdRejReason.UNKNOWN_ORDER;
            a.workingAtVenue = status == quickfix.field.OrdStatus.NEW ||
                status == quickfix.field.OrdStatus.PARTIALLY_FILLED || status == quickfix.field.OrdStatus.PENDING_NEW;
            a.venueState = a.unknownAtVenue ? OrderState.UNKNOWN : venueState(status);
        }
        if (a.kind == Answer.Kind.OPEN_ORDER)
        {
            a.requestId = m.isSetField(MASS_STATUS_REQ_ID) ? m.getString(MASS_STATUS_REQ_ID) : "";
            a.total = intOf(m, TOT_NUM_REPORTS);
            a.last = m.isSetField(LAST_RPT_REQUESTED) && m.getBoolean(LAST_RPT_REQUESTED) || a.total == 0;
        }
        return a;
    }

    private static Answer cancelReject(final Message m) throws FieldNotFound
    {
        final Answer a = new Answer(FixAmends.answersReplace(m) ? Answer.Kind.REPLACE_REJECTED :
            Answer.Kind.CANCEL_REJECTED);
        a.clOrdId = longOf(m, quickfix.field.ClOrdID.FIELD);
        a.origClOrdId = longOf(m, quickfix.field.OrigClOrdID.FIELD);
        a.reason = FixCodec.rejectReason(intOf(m, quickfix.field.CxlRejReason.FIELD), text(m), true);
        return a;
    }

    /**
     * A BusinessMessageReject (j) of an order or a cancel: BusinessRejectRefID (379) is then its ClOrdID when the
     * venue sets it; RefSeqNum (45) is the MsgSeqNum it came with. Which order it answers is the gateway's to match.
     * A reject of the reconciliation's requests (RefMsgType 372 AN or AF) refuses that reconciliation: UNSUPPORTED
     * when BusinessRejectReason (380) says the message type is unsupported (3), or the application not available (4);
     * INCOMPLETE otherwise. Rejects of other messages are not decoded.
     */
    private static Answer businessReject(final Message m) throws FieldNotFound
    {
        final String refMsgType = refMsgType(m);
        if (MsgType.REQUEST_FOR_POSITIONS.equals(refMsgType) || MsgType.ORDER_MASS_STATUS_REQUEST.equals(refMsgType))
        {
            final Answer a = new Answer(Answer.Kind.RECONCILIATION_REFUSED);
            a.refMsgType = refMsgType;
            a.requestId = m.isSetField(quickfix.field.BusinessRejectRefID.FIELD) ?
                m.getString(quickfix.field.BusinessRejectRefID.FIELD) : "";
            final int reason = intOf(m, quickfix.field.BusinessRejectReason.FIELD);
            a.unsupported = reason == quickfix.field.BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE ||
                reason == quickfix.field.BusinessRejectReason.APPLICATION_NOT_AVAILABLE;
            a.text = text(m) == null ? "" : text(m);
            return a;
        }
        if (!refersToOrder(refMsgType))
        {
            return null;
        }
        final Answer a = new Answer(Answer.Kind.MESSAGE_REJECT);
        a.refMsgType = refMsgType;
        a.refId = longOf(m, quickfix.field.BusinessRejectRefID.FIELD);
        a.refSeqNum = longOf(m, quickfix.field.RefSeqNum.FIELD);
        if (a.refId < 0 && a.refSeqNum <= 0)
        {
            return null;
        }
        a.reason = VenueRejectReason.BUSINESS_REJECT;
        return a;
    }

    /**
     * A session-level Reject (3): it names the message it refuses only by its MsgSeqNum (RefSeqNum 45), which the
     * gateway matches to the NewOrderSingle or OrderCancelRequest it sent under that number. Never throws for a
     * malformed field (a Reject is not answered with a Reject): such a Reject is simply not one of an order.
     */
    private static Answer sessionReject(final Message m) throws FieldNotFound
    {
        final String refMsgType = refMsgType(m);
        if (!refersToOrder(refMsgType))
        {
            return null;
        }
        final Answer a = new Answer(Answer.Kind.MESSAGE_REJECT);
        a.refMsgType = refMsgType;
        a.refSeqNum = longOf(m, quickfix.field.RefSeqNum.FIELD);
        if (a.refSeqNum <= 0)
        {
            return null;
        }
        a.reason = VenueRejectReason.SESSION_REJECT;
        return a;
    }

    /**
     * @return an OrdStatus (39) as the order state the logic settles a status answer by; a status it has no use for
     *         (pending cancel or replace, done for day, ...) says only that the venue knows the order (PENDING_NEW).
     */
    static OrderState venueState(final char ordStatus)
    {
        return switch (ordStatus)
        {
            case quickfix.field.OrdStatus.NEW -> OrderState.ACCEPTED;
            case quickfix.field.OrdStatus.PARTIALLY_FILLED -> OrderState.PARTIALLY_FILLED;
            case quickfix.field.OrdStatus.FILLED -> OrderState.FILLED;
            case quickfix.field.OrdStatus.CANCELED -> OrderState.CANCELLED;
            case quickfix.field.OrdStatus.REJECTED -> OrderState.REJECTED;
            case quickfix.field.OrdStatus.EXPIRED -> OrderState.EXPIRED;
            default -> OrderState.PENDING_NEW;
        };
    }

    /** @return RefMsgType (372), "" when absent. */
    private static String refMsgType(final Message m) throws FieldNotFound
    {
        return m.isSetField(quickfix.field.RefMsgType.FIELD) ? m.getString(quickfix.field.RefMsgType.FIELD) : "";
    }

    /** @return whether a reject naming {@code refMsgType} may answer an order or a cancel (absent: maybe). */
    private static boolean refersToOrder(final String refMsgType)
    {
        return refMsgType.isEmpty() || MsgType.NEW_ORDER_SINGLE.equals(refMsgType) ||
            MsgType.ORDER_CANCEL_REQUEST.equals(refMsgType) || MsgType.ORDER_CANCEL_REPLACE_REQUEST.equals(refMsgType);
    }

    /**
     * The int64 an ExecID (17) is journaled as, the key the gateway tells repeated executions apart by: the number
     * itself when it is a plain decimal (a Ringwall venue's), else a 64-bit hash of the text with the sign bit set,
     * so a broker's alphanumeric ids stay distinct (two ids of one order meet with odds of about 2^-63) and never
     * equal a numeric one. Before, any text id became 0, and every fill of an order looked like the same one.
     */
    static long execKey(final String execId)
    {
        final int length = execId.length();
        boolean digits = length > 0 && length <= 18;
        for (int i = 0; digits && i < length; i++)
        {
            digits = execId.charAt(i) >= '0' && execId.charAt(i) <= '9';
        }
        if (digits)
        {
            return Long.parseLong(execId);
        }
        long hash = 0xcbf2_9ce4_8422_2325L;
        for (int i = 0; i < length; i++)
        {
            hash = (hash ^ execId.charAt(i)) * 0x0100_0000_01b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51_afd7_ed55_8ccdL;
        hash ^= hash >>> 33;
        return hash | Long.MIN_VALUE;
    }

    private static Answer positionReport(final Message m, final Object2IntHashMap<String> instruments)
        throws FieldNotFound
    {
        final Answer a = new Answer(Answer.Kind.POSITION);
        a.requestId = m.isSetField(POS_REQ_ID) ? m.getString(POS_REQ_ID) : "";
        a.total = m.isSetField(TOTAL_NUM_POS_REPORTS) ? m.getInt(TOTAL_NUM_POS_REPORTS) : 0;
        if (m.isSetField(POS_REQ_RESULT) && m.getInt(POS_REQ_RESULT) != 0)
        {
            a.total = Math.max(0, a.total);
        }
        a.instrumentId = m.isSetField(quickfix.field.Symbol.FIELD) ?
            instruments.getValue(m.getString(quickfix.field.Symbol.FIELD)) : -1;
        long quantity = 0;
        for (final Group group : m.getGroups(NO_POSITIONS))
        {
            quantity += FixCodec.quantity(group, LONG_QTY) - FixCodec.quantity(group, SHORT_QTY);
        }
        a.quantity = quantity;
        for (final Group group : m.getGroups(NO_POS_AMT))
        {
            if (CASH.equals(group.isSetField(POS_AMT_TYPE) ? group.getString(POS_AMT_TYPE) : ""))
            {
                a.fee = FixCodec.price(group, POS_AMT);
            }
        }
        return a;
    }

    private static Answer positionsAck(final Message m) throws FieldNotFound
    {
        final int status = intOf(m, POS_REQ_STATUS);
        if (status <= 0)
        {
            return null;
        }
        final Answer a = new Answer(Answer.Kind.RECONCILIATION_REFUSED);
        a.refMsgType = MsgType.REQUEST_FOR_POSITIONS;
        a.requestId = m.isSetField(POS_REQ_ID) ? m.getString(POS_REQ_ID) : "";
        // PosReqResult (728) 2: unsupported request for positions
        a.unsupported = intOf(m, POS_REQ_RESULT) == 2;
        a.text = text(m) == null ? "" : text(m);
        return a;
    }

    private static long longOf(final FieldMap m, final int tag) throws FieldNotFound
    {
        if (!m.isSetField(tag))
        {
            return -1;
        }
        try
        {
            return Long.parseLong(m.getString(tag));
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    private static int intOf(final FieldMap m, final int tag) throws FieldNotFound
    {
        return m.isSetField(tag) ? m.getInt(tag) : -1;
    }

    private static String text(final FieldMap m) throws FieldNotFound
    {
        return m.isSetField(quickfix.field.Text.FIELD) ? m.getString(quickfix.field.Text.FIELD) : null;
    }
}
