package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'N'}: Retail Price Improvement Indicator (1.7), 20 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class Rpii extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'N';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 20;
    /** Offset of {@code stock} from the start of the message. */
    public static final int STOCK_OFFSET = 11;
    /** Offset of {@code interestFlag} from the start of the message. */
    public static final int INTEREST_FLAG_OFFSET = 19;

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

    /** 'B' buy side, 'S' sell side, 'A' both, 'N' none (one ASCII byte). */
    public byte interestFlag()
    {
        return buffer.getByte(offset + INTEREST_FLAG_OFFSET);
    }
}
