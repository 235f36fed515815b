package io.ringwall.engine.fix;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.Fixed;
import quickfix.FieldException;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.field.SessionRejectReason;
import quickfix.field.OrdRejReason;

/**
 * FIX 4.4 field values from and to the engine's wire values. Prices and quantities travel as decimal text
 * written and parsed exactly from the fixed-point mantissas (price 4 decimals, quantity 8, money 4): no double
 * ever holds a price. Both ends of a Ringwall FIX session (the gateway and the venue simulator) use it.
 */
public final class FixCodec
{
    /** Text (58) of a reject carries the engine's reason name, so a Ringwall venue's reason survives exactly. */
    static final String REASON_PREFIX = "reason=";

    private FixCodec()
    {
    }

    public static void setPrice(final FieldMap message, final int tag, final long price)
    {
        message.setString(tag, Fixed.format(price, Fixed.PRICE_DECIMALS));
    }

    public static void setQuantity(final FieldMap message, final int tag, final long quantity)
    {
        message.setString(tag, Fixed.format(quantity, Fixed.QUANTITY_DECIMALS));
    }

    /** @return the price mantissa of {@code tag}, 0 when absent. */
    public static long price(final FieldMap message, final int tag) throws FieldNotFound
    {
        return message.isSetField(tag) ? parse(message.getString(tag), Fixed.PRICE_DECIMALS, tag) : 0;
    }

    /** @return the quantity mantissa of {@code tag}, 0 when absent. */
    public static long quantity(final FieldMap message, final int tag) throws FieldNotFound
    {
        return message.isSetField(tag) ? parse(message.getString(tag), Fixed.QUANTITY_DECIMALS, tag) : 0;
    }

    /**
     * @throws FieldException (incorrect data format) when the text is not such a decimal: QuickFIX/J answers it with
     *                        a session-level Reject naming the tag, as for any malformed field. Any other exception
     *                        out of an application callback makes it drop the message without a word to the peer.
     */
    private static long parse(final String text, final int decimals, final int tag)
    {
        final long value = Fixed.parse(text, 0, text.length(), decimals);
        if (value == Long.MIN_VALUE)
        {
            throw new FieldException(SessionRejectReason.INCORRECT_DATA_FORMAT_FOR_VALUE, "tag " + tag + " = '" +
                text + "' is not a decimal with at most " + decimals + " places", tag);
        }
        return value;
    }

    public static char side(final Side side)
    {
        return side == Side.BUY ? quickfix.field.Side.BUY : quickfix.field.Side.SELL;
    }

    public static Side side(final char side)
    {
        return switch (side)
        {
            case quickfix.field.Side.BUY -> Side.BUY;
            case quickfix.field.Side.SELL, quickfix.field.Side.SELL_SHORT -> Side.SELL;
            default -> Side.NULL_VAL;
        };
    }

    public static char ordType(final OrdType type)
    {
        return switch (type)
        {
            case MARKET -> quickfix.field.OrdType.MARKET;
            case LIMIT -> quickfix.field.OrdType.LIMIT;
            case STOP -> quickfix.field.OrdType.STOP;
            case STOP_LIMIT -> quickfix.field.OrdType.STOP_LIMIT;
            default -> '?';
        };
    }

    public static OrdType ordType(final char type)
    {
        return switch (type)
        {
            case quickfix.field.OrdType.MARKET -> OrdType.MARKET;
            case quickfix.field.OrdType.LIMIT -> OrdType.LIMIT;
            case quickfix.field.OrdType.STOP -> OrdType.STOP;
            case quickfix.field.OrdType.STOP_LIMIT -> OrdType.STOP_LIMIT;
            default -> OrdType.NULL_VAL;
        };
    }

    public static char timeInForce(final TimeInForce tif)
    {
        return switch (tif)
        {
            case GTC -> quickfix.field.TimeInForce.GOOD_TILL_CANCEL;
            case IOC -> quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL;
            default -> quickfix.field.TimeInForce.DAY;
        };
    }

    public static TimeInForce timeInForce(final char tif)
    {
        return switch (tif)
        {
            case quickfix.field.TimeInForce.DAY -> TimeInForce.DAY;
            case quickfix.field.TimeInForce.GOOD_TILL_CANCEL -> TimeInForce.GTC;
            case quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL -> TimeInForce.IOC;
            default -> TimeInForce.NULL_VAL;
        };
    }

    /** @return the OrdRejReason (103) closest to the engine's reason. */
    public static int ordRejReason(final VenueRejectReason reason)
    {
        return switch (reason)
        {
            case UNKNOWN_INSTRUMENT -> OrdRejReason.UNKNOWN_SYMBOL;
            case INVALID_QUANTITY -> OrdRejReason.INCORRECT_QUANTITY;
            case OUTSIDE_TRADING_HOURS -> OrdRejReason.EXCHANGE_CLOSED;
            case DUPLICATE_ORDER -> OrdRejReason.DUPLICATE_ORDER;
            case UNKNOWN_ORDER -> OrdRejReason.UNKNOWN_ORDER;
            case UNSUPPORTED_ORDER_TYPE -> OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC;
            case INSUFFICIENT_BUYING_POWER -> OrdRejReason.ORDER_EXCEEDS_LIMIT;
            case TOO_LATE_TO_CANCEL -> OrdRejReason.TOO_LATE_TO_ENTER;
            default -> OrdRejReason.OTHER;
        };
    }

    /**
     * @param text Text (58), null when absent: a Ringwall venue names its reason there.
     * @return the engine's reason for an OrdRejReason (103) or CxlRejReason (102).
     */
    public static VenueRejectReason rejectReason(final int code, final String text, final boolean cancel)
    {
        if (text != null && text.startsWith(REASON_PREFIX))
        {
            final String name = text.substring(REASON_PREFIX.length()).trim();
            for (final VenueRejectReason reason : VenueRejectReason.values())
            {
                if (reason != VenueRejectReason.NULL_VAL && reason.name().equals(name))
                {
                    return reason;
                }
            }
        }
        if (cancel)
        {
            return code == quickfix.field.CxlRejReason.UNKNOWN_ORDER ? VenueRejectReason.UNKNOWN_ORDER :
                code == quickfix.field.CxlRejReason.TOO_LATE_TO_CANCEL ? VenueRejectReason.TOO_LATE_TO_CANCEL :
                VenueRejectReason.OTHER;
        }
        return switch (code)
        {
            case OrdRejReason.UNKNOWN_SYMBOL -> VenueRejectReason.UNKNOWN_INSTRUMENT;
            case OrdRejReason.INCORRECT_QUANTITY -> VenueRejectReason.INVALID_QUANTITY;
            case OrdRejReason.EXCHANGE_CLOSED -> VenueRejectReason.OUTSIDE_TRADING_HOURS;
            case OrdRejReason.DUPLICATE_ORDER -> VenueRejectReason.DUPLICATE_ORDER;
            case OrdRejReason.UNKNOWN_ORDER -> VenueRejectReason.UNKNOWN_ORDER;
            case OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC -> VenueRejectReason.UNSUPPORTED_ORDER_TYPE;
            case OrdRejReason.ORDER_EXCEEDS_LIMIT -> VenueRejectReason.INSUFFICIENT_BUYING_POWER;
            default -> VenueRejectReason.OTHER;
        };
    }

    /** TransactTime (60) for nanoseconds since the epoch. */
    public static LocalDateTime utc(final long epochNs)
    {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L),
            (int)Math.floorMod(epochNs, 1_000_000_000L), ZoneOffset.UTC);
    }

    public static long epochNs(final LocalDateTime utc)
    {
        final Instant instant = utc.toInstant(ZoneOffset.UTC);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
