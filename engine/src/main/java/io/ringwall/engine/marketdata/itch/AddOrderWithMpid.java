package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'F'}: Add Order with MPID Attribution (1.3.2), 40 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class AddOrderWithMpid extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'F';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 40;
    /** Offset of {@code orderReferenceNumber} from the start of the message. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    /** Offset of {@code buySellIndicator} from the start of the message. */
    public static final int BUY_SELL_INDICATOR_OFFSET = 19;
    /** Offset of {@code shares} from the start of the message. */
    public static final int SHARES_OFFSET = 20;
    /** Offset of {@code stock} from the start of the message. */
    public static final int STOCK_OFFSET = 24;
    /** Offset of {@code price} from the start of the message. */
    public static final int PRICE_OFFSET = 32;
    /** Offset of {@code attribution} from the start of the message. */
    public static final int ATTRIBUTION_OFFSET = 36;

    /** Day-unique order reference number (8 bytes). */
    public long orderReferenceNumber()
    {
        return ItchFields.int64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /** 'B' buy, 'S' sell (one ASCII byte). */
    public byte buySellIndicator()
    {
        return buffer.getByte(offset + BUY_SELL_INDICATOR_OFFSET);
    }

    /** Displayed shares (unsigned 4 bytes). */
    public long shares()
    {
        return ItchFields.uint32(buffer, offset + SHARES_OFFSET);
    }

    /**
     * Stock symbol: the 8 ASCII bytes as one big-endian number, to compare or key on without a String
     * ({@link ItchFields#alphaCode(CharSequence, int)} makes the same number from text).
     */
    public long stockCode()
    {
        return ItchFields.alpha8(buffer, offset + STOCK_OFFSET);
    }

    /** Appends {@code stock} (stock symbol), trailing spaces removed, to {@code destination}. */
    public StringBuilder appendStock(final StringBuilder destination)
    {
        return ItchFields.appendAlpha(buffer, offset + STOCK_OFFSET, 8, destination);
    }

    /** Display price: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long priceMantissa()
    {
        return ItchFields.uint32(buffer, offset + PRICE_OFFSET);
    }

    /**
     * MPID of the entering firm: the 4 ASCII bytes as one big-endian number, to compare or key on without a String
     * ({@link ItchFields#alphaCode(CharSequence, int)} makes the same number from text).
     */
    public int attributionCode()
    {
        return ItchFields.alpha4(buffer, offset + ATTRIBUTION_OFFSET);
    }

    /** Appends {@code attribution} (MPID of the entering firm), trailing spaces removed, to {@code destination}. */
    public StringBuilder appendAttribution(final StringBuilder destination)
    {
        return ItchFields.appendAlpha(buffer, offset + ATTRIBUTION_OFFSET, 4, destination);
    }
}
