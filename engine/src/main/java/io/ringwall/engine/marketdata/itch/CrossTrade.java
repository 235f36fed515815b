package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'Q'}: Cross Trade (1.5.2), 40 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class CrossTrade extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'Q';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 40;
    /** Offset of {@code shares} from the start of the message. */
    public static final int SHARES_OFFSET = 11;
    /** Offset of {@code stock} from the start of the message. */
    public static final int STOCK_OFFSET = 19;
    /** Offset of {@code crossPrice} from the start of the message. */
    public static final int CROSS_PRICE_OFFSET = 27;
    /** Offset of {@code matchNumber} from the start of the message. */
    public static final int MATCH_NUMBER_OFFSET = 31;
    /** Offset of {@code crossType} from the start of the message. */
    public static final int CROSS_TYPE_OFFSET = 39;

    /** Shares matched in the cross (8 bytes in ITCH 5.0) (8 bytes). */
    public long shares()
    {
        return ItchFields.int64(buffer, offset + SHARES_OFFSET);
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

    /** Cross price: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long crossPriceMantissa()
    {
        return ItchFields.uint32(buffer, offset + CROSS_PRICE_OFFSET);
    }

    /** Day-unique match number (8 bytes). */
    public long matchNumber()
    {
        return ItchFields.int64(buffer, offset + MATCH_NUMBER_OFFSET);
    }

    /** 'O' opening, 'C' closing, 'H' IPO or halted/paused securities (one ASCII byte). */
    public byte crossType()
    {
        return buffer.getByte(offset + CROSS_TYPE_OFFSET);
    }
}
