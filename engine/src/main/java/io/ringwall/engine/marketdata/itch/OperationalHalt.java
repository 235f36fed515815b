package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'h'}: Operational Halt (1.2.8), 21 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class OperationalHalt extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'h';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 21;
    /** Offset of {@code stock} from the start of the message. */
    public static final int STOCK_OFFSET = 11;
    /** Offset of {@code marketCode} from the start of the message. */
    public static final int MARKET_CODE_OFFSET = 19;
    /** Offset of {@code operationalHaltAction} from the start of the message. */
    public static final int OPERATIONAL_HALT_ACTION_OFFSET = 20;

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

    /** 'Q' Nasdaq, 'B' BX, 'X' PSX (one ASCII byte). */
    public byte marketCode()
    {
        return buffer.getByte(offset + MARKET_CODE_OFFSET);
    }

    /** 'H' operationally halted on the market, 'T' operational halt lifted (one ASCII byte). */
    public byte operationalHaltAction()
    {
        return buffer.getByte(offset + OPERATIONAL_HALT_ACTION_OFFSET);
    }
}
