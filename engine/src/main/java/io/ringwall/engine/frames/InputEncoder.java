package io.ringwall.engine.frames;

import io.ringwall.codecs.BarEncoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelRejectedEncoder;
import io.ringwall.codecs.MessageHeaderEncoder;
import io.ringwall.codecs.OperatorCommandEncoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.OrderAcceptedEncoder;
import io.ringwall.codecs.OrderCancelledEncoder;
import io.ringwall.codecs.OrderExpiredEncoder;
import io.ringwall.codecs.OrderFilledEncoder;
import io.ringwall.codecs.OrderRejectedEncoder;
import io.ringwall.codecs.QuoteEncoder;
import io.ringwall.codecs.ReconciliationEndEncoder;
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimerTickEncoder;
import io.ringwall.codecs.TradeEncoder;
import io.ringwall.codecs.VenueOpenOrderEncoder;
import io.ringwall.codecs.VenuePositionEncoder;
import io.ringwall.codecs.VenueRejectReason;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes every input frame. Each method writes header + body at {@code offset} and returns the frame
 * length. One instance per producing thread (the flyweights are reused, nothing is allocated).
 */
public final class InputEncoder
{
    /** Operator names and reasons are cut to this many bytes so a command fits a ring slot. */
    public static final int MAX_TEXT_BYTES = 200;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final QuoteEncoder quote = new QuoteEncoder();
    private final BarEncoder bar = new BarEncoder();
    private final OrderAcceptedEncoder accepted = new OrderAcceptedEncoder();
    private final OrderFilledEncoder filled = new OrderFilledEncoder();
    private final OrderRejectedEncoder rejected = new OrderRejectedEncoder();
    private final OrderCancelledEncoder cancelled = new OrderCancelledEncoder();
    private final CancelRejectedEncoder cancelRejected = new CancelRejectedEncoder();
    private final io.ringwall.codecs.OrderReplacedEncoder replaced = new io.ringwall.codecs.OrderReplacedEncoder();
    private final io.ringwall.codecs.ReplaceRejectedEncoder replaceRejected =
        new io.ringwall.codecs.ReplaceRejectedEncoder();
    private final OrderExpiredEncoder expired = new OrderExpiredEncoder();
    private final OperatorCommandEncoder command = new OperatorCommandEncoder();
    private final TimerTickEncoder timer = new TimerTickEncoder();
    private final io.ringwall.codecs.VenueOrderStatusEncoder venueOrderStatus =
        new io.ringwall.codecs.VenueOrderStatusEncoder();
    private final VenuePositionEncoder venuePosition = new VenuePositionEncoder();
    private final VenueOpenOrderEncoder venueOpenOrder = new VenueOpenOrderEncoder();
    private final ReconciliationEndEncoder reconciliationEnd = new ReconciliationEndEncoder();
    private final io.ringwall.codecs.FeedHealthEncoder feedHealth = new io.ringwall.codecs.FeedHealthEncoder();
    private final io.ringwall.codecs.TradingStatusEncoder tradingStatus = new io.ringwall.codecs.TradingStatusEncoder();

    public int trade(final MutableDirectBuffer buffer, final int offset, final int instrumentId, final long tradeId,
        final long price, final long quantity, final long exchangeTimeNs)
    {
        trade.wrapAndApplyHeader(buffer, offset, header)
            .instrumentId(instrumentId)
            .tradeId(tradeId)
            .price(price)
            .quantity(quantity)
            .exchangeTimeNs(exchangeTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength();
    }

    public int quote(final MutableDirectBuffer buffer, final int offset, final int instrumentId, final long bidPrice,
        final long bidQuantity, final long askPrice, final long askQuantity, final long exchangeTimeNs)
    {
        quote.wrapAndApplyHeader(buffer, offset, header)
            .instrumentId(instrumentId)
            .bidPrice(bidPrice)
            .bidQuantity(bidQuantity)
            .askPrice(askPrice)
            .askQuantity(askQuantity)
            .exchangeTimeNs(exchangeTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + quote.encodedLength();
    }

    /** Since schema version 8: an exchange feed's gap or silence (see the schema's FeedHealth). */
    public int feedHealth(final MutableDirectBuffer buffer, final int offset,
        final io.ringwall.codecs.FeedHealthState state, final long expectedSequence, final long receivedSequence,
        final long silenceNs, final long exchangeTimeNs)
    {
        feedHealth.wrapAndApplyHeader(buffer, offset, header)
            .state(state)
            .expectedSequence(expectedSequence)
            .receivedSequence(receivedSequence)
            .silenceNs(silenceNs)
            .exchangeTimeNs(exchangeTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + feedHealth.encodedLength();
    }

    /** Since schema version 8: an instrument's trading state at its exchange (see the schema's TradingStatus). */
    public int tradingStatus(final MutableDirectBuffer buffer, final int offset, final int instrumentId,
        final io.ringwall.codecs.InstrumentTradingState state, final int reasonCode, final long exchangeTimeNs)
    {
        tradingStatus.wrapAndApplyHeader(buffer, offset, header)
            .instrumentId(instrumentId)
            .state(state)
            .reasonCode(reasonCode)
            .exchangeTimeNs(exchangeTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + tradingStatus.encodedLength();
    }

    public int bar(final MutableDirectBuffer buffer, final int offset, final int instrumentId, final long open,
        final long high, final long low, final long close, final long volume, final long startTimeNs,
        final long durationNs)
    {
        bar.wrapAndApplyHeader(buffer, offset, header)
            .instrumentId(instrumentId)
            .openPrice(open)
            .highPrice(high)
            .lowPrice(low)
            .closePrice(close)
            .volume(volume)
            .startTimeNs(startTimeNs)
            .durationNs(durationNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + bar.encodedLength();
    }

    public int orderAccepted(final MutableDirectBuffer buffer, final int offset, final long clOrdId,
        final long venueOrderId, final int instrumentId, final long venueTimeNs)
    {
        accepted.wrapAndApplyHeader(buffer, offset, header)
            .clOrdId(clOrdId)
            .venueOrderId(venueOrderId)
            .instrumentId(instrumentId)
            .venueTimeNs(venueTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + accepted.encodedLength();
    }

    public int orderFilled(final MutableDirectBuffer buffer, final int offset, final long clOrdId,
        final long venueOrderId, final long execId, final int instrumentId, final Side side, final long lastPrice,
        final long lastQuantity, final long leavesQuantity, final long cumQuantity, final long fee,
        final long venueTimeNs)
    {
        filled.wrapAndApplyHeader(buffer, offset, header)
            .clOrdId(clOrdId)
            .venueOrderId(venueOrderId)
            .execId(execId)
            .instrumentId(instrumentId)
            .side(side)
            .lastPrice(lastPrice)
            .lastQuantity(lastQuantity)
            .leavesQuantity(leavesQuantity)
            .cumQuantity(cumQuantity)
            .fee(fee)
            .venueTimeNs(venueTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + filled.encodedLength();
    }

    public int orderRejected(final MutableDirectBuffer buffer, final int offset, final long clOrdId,
        final int instrumentId, final VenueRejectReason reason, final long venueTimeNs)
    {
        rejected.wrapAndApplyHeader(buffer, offset, header)
            .clOrdId(clOrdId)
            .instrumentId(instrumentId)
            .reason(reason)
            .venueTimeNs(venueTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + rejected.encodedLength();
    }

    public int orderCancelled(final MutableDirectBuffer buffer, final int offset, final long clOrdId,
        final long venueOrderId, final int instrumentId, final long cancelledQuantity, final long venueTimeNs)
    {
        cancelled.wrapAndApplyHeader(buffer, offset, header)
            .clOrdId(clOrdId)
            .venueOrderId(venueOrderId)
            .instrumentId(instrumentId)
            .cancelledQuantity(cancelledQuantity)
            .venueTimeNs(venueTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + cancelled.encodedLength();
    }

    public int orderExpired(final MutableDirectBuffer buffer, final int offset, final long clOrdId,
        final long venueOrderId, final int instrumentId, final long expiredQuantity, final long venueTimeNs)
    {
        expired.wrapAndApplyHeader(buffer, offset, header)
            .clOrdId(clOrdId)
            .venueOrderId(venueOrderId)
            .instrumentId(instrumentId)
            .expiredQuantity(expiredQuantity)
            .venueTimeNs(venueTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + expired.encodedLength();
    }

    public int cancelRejected(final MutableDirectBuffer buffer, final int offset, final long clOrdId,
        final long origClOrdId, final VenueRejectReason reason, final long venueTimeNs)
    {
        cancelRejected.wrapAndApplyHeader(buffer, offset, header)
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId)
            .reason(reason)
            .venueTimeNs(venueTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + cancelRejected.encodedLength();
    }

    public int orderReplaced(final MutableDirectBuffer buffer, final int offset, final long clOrdId,
        final long origClOrdId, final long venueOrderId, final int instrumentId, final long quantity,
        final long limitPrice, final long leavesQuantity, final long cumQuantity, final long venueTimeNs)
    {
        replaced.wrapAndApplyHeader(buffer, offset, header)
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId)
            .venueOrderId(venueOrderId)
            .instrumentId(instrumentId)
            .quantity(quantity)
            .limitPrice(limitPrice)
            .leavesQuantity(leavesQuantity)
            .cumQuantity(cumQuantity)
            .venueTimeNs(venueTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + replaced.encodedLength();
    }

    public int replaceRejected(final MutableDirectBuffer buffer, final int offset, final long clOrdId,
        final long origClOrdId, final VenueRejectReason reason, final long venueTimeNs)
    {
        replaceRejected.wrapAndApplyHeader(buffer, offset, header)
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId)
            .reason(reason)
            .venueTimeNs(venueTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + replaceRejected.encodedLength();
    }

    /**
     * Operator commands are rare and come from a control thread: the text arguments are Strings.
     */
    public int operatorCommand(final MutableDirectBuffer buffer, final int offset, final OperatorCommandType type,
        final BreakerType breakerType, final long value, final String operatorName, final String reason)
    {
        command.wrapAndApplyHeader(buffer, offset, header)
            .commandType(type)
            .breakerType(breakerType == null ? BreakerType.NULL_VAL : breakerType)
            .value(value);
        final byte[] who = truncate(operatorName);
        final byte[] why = truncate(reason);
        command.putOperatorName(who, 0, who.length);
        command.putReason(why, 0, why.length);
        return MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength();
    }

    public int timerTick(final MutableDirectBuffer buffer, final int offset, final int timerId)
    {
        timer.wrapAndApplyHeader(buffer, offset, header).timerId(timerId);
        return MessageHeaderEncoder.ENCODED_LENGTH + timer.encodedLength();
    }

    public int venuePosition(final MutableDirectBuffer buffer, final int offset, final long reconciliationId,
        final int instrumentId, final long positionQuantity, final long venueCash, final long venueTimeNs)
    {
        venuePosition.wrapAndApplyHeader(buffer, offset, header)
            .reconciliationId(reconciliationId)
            .instrumentId(instrumentId)
            .positionQuantity(positionQuantity)
            .venueCash(venueCash)
            .venueTimeNs(venueTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + venuePosition.encodedLength();
    }

    public int venueOpenOrder(final MutableDirectBuffer buffer, final int offset, final long reconciliationId,
        final long clOrdId, final int instrumentId, final Side side, final long leavesQuantity, final long venueTimeNs)
    {
        venueOpenOrder.wrapAndApplyHeader(buffer, offset, header)
            .reconciliationId(reconciliationId)
            .clOrdId(clOrdId)
            .instrumentId(instrumentId)
            .side(side)
            .leavesQuantity(leavesQuantity)
            .venueTimeNs(venueTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + venueOpenOrder.encodedLength();
    }

    public int reconciliationEnd(final MutableDirectBuffer buffer, final int offset, final long reconciliationId,
        final ReconciliationOutcome outcome, final int positionReports, final int openOrderReports,
        final long tolerancePpm)
    {
        return reconciliationEnd(buffer, offset, reconciliationId, outcome, positionReports, openOrderReports,
            tolerancePpm, io.ringwall.codecs.ReconciliationScope.FULL);
    }

    public int reconciliationEnd(final MutableDirectBuffer buffer, final int offset, final long reconciliationId,
        final ReconciliationOutcome outcome, final int positionReports, final int openOrderReports,
        final long tolerancePpm, final io.ringwall.codecs.ReconciliationScope scope)
    {
        reconciliationEnd.wrapAndApplyHeader(buffer, offset, header)
            .reconciliationId(reconciliationId)
            .outcome(outcome)
            .positionReports(positionReports)
            .openOrderReports(openOrderReports)
            .tolerancePpm(tolerancePpm)
            .scope(scope);
        return MessageHeaderEncoder.ENCODED_LENGTH + reconciliationEnd.encodedLength();
    }

    public int venueOrderStatus(final MutableDirectBuffer buffer, final int offset, final long clOrdId,
        final int instrumentId, final io.ringwall.codecs.OrderState venueState, final long cumQuantity,
        final long venueTimeNs)
    {
        venueOrderStatus.wrapAndApplyHeader(buffer, offset, header)
            .clOrdId(clOrdId)
            .instrumentId(instrumentId)
            .venueState(venueState)
            .cumQuantity(cumQuantity)
            .venueTimeNs(venueTimeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + venueOrderStatus.encodedLength();
    }

    private static byte[] truncate(final String text)
    {
        final byte[] bytes = (text == null ? "" : text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return bytes.length <= MAX_TEXT_BYTES ? bytes : java.util.Arrays.copyOf(bytes, MAX_TEXT_BYTES);
    }
}
