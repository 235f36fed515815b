package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'Y'}: Reg SHO Short Sale Price Test Restricted Indicator (1.2.3), 20 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class RegShoRestriction extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'Y';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 20;
    /** Offset of {@code stock} from the start of the message. */
    public static final int STOCK_OFFSET = 11;
    /** Offset of {@code regShoAction} from the start of the message. */
    public static final int REG_SHO_ACTION_OFFSET = 19;

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

    /** '0' no price test, '1' restriction in effect (intra-day drop), '2' restriction remains in effect (one ASCII byte). */
    public byte regShoAction()
    {
        return buffer.getByte(offset + REG_SHO_ACTION_OFFSET);
    }
}
