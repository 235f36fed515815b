package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'B'}: Broken Trade / Order Execution (1.5.3), 19 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class BrokenTrade extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'B';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 19;
    /** Offset of {@code matchNumber} from the start of the message. */
    public static final int MATCH_NUMBER_OFFSET = 11;

    /** The match number of the broken execution (8 bytes). */
    public long matchNumber()
    {
        return ItchFields.int64(buffer, offset + MATCH_NUMBER_OFFSET);
    }
}
