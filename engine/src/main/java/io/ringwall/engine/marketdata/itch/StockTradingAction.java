package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'H'}: Stock Trading Action (1.2.2), 25 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class StockTradingAction extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'H';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 25;
    /** Offset of {@code stock} from the start of the message. */
    public static final int STOCK_OFFSET = 11;
    /** Offset of {@code tradingState} from the start of the message. */
    public static final int TRADING_STATE_OFFSET = 19;
    /** Offset of {@code reserved} from the start of the message. */
    public static final int RESERVED_OFFSET = 20;
    /** Offset of {@code reason} from the start of the message. */
    public static final int REASON_OFFSET = 21;

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

    /** 'H' halted, 'P' paused, 'Q' quotation only, 'T' trading (one ASCII byte). */
    public byte tradingState()
    {
        return buffer.getByte(offset + TRADING_STATE_OFFSET);
    }

    /** Reserved (one ASCII byte). */
    public byte reserved()
    {
        return buffer.getByte(offset + RESERVED_OFFSET);
    }

    /**
     * Trading action reason (Appendix C), right-padded: the 4 ASCII bytes as one big-endian number, to compare or key on without a String
     * ({@link ItchFields#alphaCode(CharSequence, int)} makes the same number from text).
     */
    public int reasonCode()
    {
        return ItchFields.alpha4(buffer, offset + REASON_OFFSET);
    }

    /** Appends {@code reason} (trading action reason (Appendix C), right-padded), trailing spaces removed, to {@code destination}. */
    public StringBuilder appendReason(final StringBuilder destination)
    {
        return ItchFields.appendAlpha(buffer, offset + REASON_OFFSET, 4, destination);
    }
}
