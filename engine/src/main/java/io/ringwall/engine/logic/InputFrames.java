package io.ringwall.engine.logic;

import java.util.function.ToIntFunction;

import io.ringwall.codecs.BarDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelRejectedDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.OperatorCommandDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.OrderAcceptedDecoder;
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.codecs.OrderExpiredDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.codecs.QuoteDecoder;
import io.ringwall.codecs.ReconciliationEndDecoder;
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimerTickDecoder;
import io.ringwall.codecs.TradeDecoder;
import io.ringwall.codecs.VenueOpenOrderDecoder;
import io.ringwall.codecs.VenuePositionDecoder;
import io.ringwall.codecs.VenueRejectReason;
import org.agrona.DirectBuffer;

/**
 * Whether an input frame can be read as its header says, checked before the logic wraps a decoder on it: the
 * generated decoders trust the bytes (they read past a short block or frame, and throw on an enum value outside the
 * schema), and a journal's record buffer holds older bytes beyond the frame. Allocation-free.
 */
final class InputFrames
{
    private static final boolean[] SIDES = new boolean[256];
    private static final boolean[] SIDES_OR_NONE = codes(Side.values(), Side::value);
    private static final boolean[] VENUE_REJECT_REASONS = codes(VenueRejectReason.values(), VenueRejectReason::value);
    private static final boolean[] COMMAND_TYPES = codes(OperatorCommandType.values(), OperatorCommandType::value);
    private static final boolean[] BREAKER_TYPES = codes(BreakerType.values(), BreakerType::value);
    private static final boolean[] OUTCOMES = codes(ReconciliationOutcome.values(), ReconciliationOutcome::value);
    private static final boolean[] SCOPES_OR_NONE = codes(io.ringwall.codecs.ReconciliationScope.values(),
        io.ringwall.codecs.ReconciliationScope::value);
    private static final boolean[] FEED_HEALTH_STATES = codes(io.ringwall.codecs.FeedHealthState.values(),
        io.ringwall.codecs.FeedHealthState::value);
    private static final boolean[] TRADING_STATES = codes(io.ringwall.codecs.InstrumentTradingState.values(),
        io.ringwall.codecs.InstrumentTradingState::value);
    private static final boolean[] ORDER_STATES = codes(io.ringwall.codecs.OrderState.values(),
        io.ringwall.codecs.OrderState::value);

    static
    {
        // A state must be one the schema names: the null value says nothing about the feed or the instrument.
        FEED_HEALTH_STATES[io.ringwall.codecs.FeedHealthState.NULL_VAL.value()] = false;
        TRADING_STATES[io.ringwall.codecs.InstrumentTradingState.NULL_VAL.value()] = false;
        // A fill is booked by its side: the null value (no side) cannot be booked.
        SIDES[Side.BUY.value()] = true;
        SIDES[Side.SELL.value()] = true;
    }

    private InputFrames()
    {
    }

    /**
     * @param header the frame's header, wrapped at {@code offset} and of this schema.
     * @return false when the frame is shorter than its block, its block shorter than its template's fields, an
     *         enum field the logic reads holds no value of its enum (a fill with no side), or its
     *         variable-length data runs past the frame. Unknown templates pass: the dispatch counts them.
     */
    static boolean readable(final MessageHeaderDecoder header, final DirectBuffer buffer, final int offset,
        final int length)
    {
        final int templateId = header.templateId();
        final int blockLength = header.blockLength();
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final long end = (long)offset + length;
        if (body + (long)blockLength > end || blockLength < minimumBlockLength(templateId, header.version()))
        {
            return false;
        }
        return switch (templateId)
        {
            case OrderFilledDecoder.TEMPLATE_ID -> known(SIDES, buffer, body + OrderFilledDecoder.sideEncodingOffset());
            case OrderRejectedDecoder.TEMPLATE_ID ->
                known(VENUE_REJECT_REASONS, buffer, body + OrderRejectedDecoder.reasonEncodingOffset());
            case CancelRejectedDecoder.TEMPLATE_ID ->
                known(VENUE_REJECT_REASONS, buffer, body + CancelRejectedDecoder.reasonEncodingOffset());
            case VenueOpenOrderDecoder.TEMPLATE_ID ->
                known(SIDES_OR_NONE, buffer, body + VenueOpenOrderDecoder.sideEncodingOffset());
            case ReconciliationEndDecoder.TEMPLATE_ID ->
                known(OUTCOMES, buffer, body + ReconciliationEndDecoder.outcomeEncodingOffset()) &&
                (header.version() < ReconciliationEndDecoder.scopeSinceVersion() ||
                known(SCOPES_OR_NONE, buffer, body + ReconciliationEndDecoder.scopeEncodingOffset()));
            case io.ringwall.codecs.VenueOrderStatusDecoder.TEMPLATE_ID -> known(ORDER_STATES, buffer,
                body + io.ringwall.codecs.VenueOrderStatusDecoder.venueStateEncodingOffset());
            case io.ringwall.codecs.ReplaceRejectedDecoder.TEMPLATE_ID -> known(VENUE_REJECT_REASONS, buffer,
                body + io.ringwall.codecs.ReplaceRejectedDecoder.reasonEncodingOffset());
            case io.ringwall.codecs.FeedHealthDecoder.TEMPLATE_ID -> known(FEED_HEALTH_STATES, buffer,
                body + io.ringwall.codecs.FeedHealthDecoder.stateEncodingOffset());
            case io.ringwall.codecs.TradingStatusDecoder.TEMPLATE_ID -> known(TRADING_STATES, buffer,
                body + io.ringwall.codecs.TradingStatusDecoder.stateEncodingOffset());
            case OperatorCommandDecoder.TEMPLATE_ID ->
                known(COMMAND_TYPES, buffer, body + OperatorCommandDecoder.commandTypeEncodingOffset()) &&
                known(BREAKER_TYPES, buffer, body + OperatorCommandDecoder.breakerTypeEncodingOffset()) &&
                dataFits(buffer, body + (long)blockLength, end, 2);
            default -> true;
        };
    }

    /**
     * @return the shortest block a frame of that template and version may have: fields appended since (sinceVersion)
     *         are absent from an older frame, whose decoder then reads their null value.
     */
    private static int minimumBlockLength(final int templateId, final int version)
    {
        if (templateId == ReconciliationEndDecoder.TEMPLATE_ID && version < ReconciliationEndDecoder.scopeSinceVersion())
        {
            return ReconciliationEndDecoder.scopeEncodingOffset();
        }
        return blockLength(templateId);
    }

    /** @return the block length the current schema gives the template; 0 for a template the logic does not take. */
    private static int blockLength(final int templateId)
    {
        return switch (templateId)
        {
            case TradeDecoder.TEMPLATE_ID -> TradeDecoder.BLOCK_LENGTH;
            case QuoteDecoder.TEMPLATE_ID -> QuoteDecoder.BLOCK_LENGTH;
            case BarDecoder.TEMPLATE_ID -> BarDecoder.BLOCK_LENGTH;
            case OrderAcceptedDecoder.TEMPLATE_ID -> OrderAcceptedDecoder.BLOCK_LENGTH;
            case OrderFilledDecoder.TEMPLATE_ID -> OrderFilledDecoder.BLOCK_LENGTH;
            case OrderRejectedDecoder.TEMPLATE_ID -> OrderRejectedDecoder.BLOCK_LENGTH;
            case OrderCancelledDecoder.TEMPLATE_ID -> OrderCancelledDecoder.BLOCK_LENGTH;
            case OrderExpiredDecoder.TEMPLATE_ID -> OrderExpiredDecoder.BLOCK_LENGTH;
            case CancelRejectedDecoder.TEMPLATE_ID -> CancelRejectedDecoder.BLOCK_LENGTH;
            case OperatorCommandDecoder.TEMPLATE_ID -> OperatorCommandDecoder.BLOCK_LENGTH;
            case TimerTickDecoder.TEMPLATE_ID -> TimerTickDecoder.BLOCK_LENGTH;
            case VenuePositionDecoder.TEMPLATE_ID -> VenuePositionDecoder.BLOCK_LENGTH;
            case VenueOpenOrderDecoder.TEMPLATE_ID -> VenueOpenOrderDecoder.BLOCK_LENGTH;
            case ReconciliationEndDecoder.TEMPLATE_ID -> ReconciliationEndDecoder.BLOCK_LENGTH;
            case io.ringwall.codecs.VenueOrderStatusDecoder.TEMPLATE_ID ->
                io.ringwall.codecs.VenueOrderStatusDecoder.BLOCK_LENGTH;
            case io.ringwall.codecs.OrderReplacedDecoder.TEMPLATE_ID -> io.ringwall.codecs.OrderReplacedDecoder.BLOCK_LENGTH;
            case io.ringwall.codecs.ReplaceRejectedDecoder.TEMPLATE_ID ->
                io.ringwall.codecs.ReplaceRejectedDecoder.BLOCK_LENGTH;
            case io.ringwall.codecs.FeedHealthDecoder.TEMPLATE_ID -> io.ringwall.codecs.FeedHealthDecoder.BLOCK_LENGTH;
            case io.ringwall.codecs.TradingStatusDecoder.TEMPLATE_ID ->
                io.ringwall.codecs.TradingStatusDecoder.BLOCK_LENGTH;
            default -> 0;
        };
    }

    private static boolean known(final boolean[] codes, final DirectBuffer buffer, final int index)
    {
        return codes[buffer.getByte(index) & 0xFF];
    }

    /** @return whether {@code count} length-prefixed (uint32) data fields starting at {@code at} end by {@code end}. */
    private static boolean dataFits(final DirectBuffer buffer, final long start, final long end, final int count)
    {
        long at = start;
        for (int i = 0; i < count; i++)
        {
            if (at + 4 > end)
            {
                return false;
            }
            at += 4 + (buffer.getInt((int)at, OperatorCommandDecoder.BYTE_ORDER) & 0xFFFF_FFFFL);
            if (at > end)
            {
                return false;
            }
        }
        return true;
    }

    private static <E> boolean[] codes(final E[] values, final ToIntFunction<E> code)
    {
        final boolean[] known = new boolean[256];
        for (final E value : values)
        {
            known[code.applyAsInt(value)] = true;
        }
        return known;
    }
}
