package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'W'}: Market-Wide Circuit Breaker Status (1.2.5.2), 12 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class MwcbStatus extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'W';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 12;
    /** Offset of {@code breachedLevel} from the start of the message. */
    public static final int BREACHED_LEVEL_OFFSET = 11;

    /** '1', '2' or '3' (one ASCII byte). */
    public byte breachedLevel()
    {
        return buffer.getByte(offset + BREACHED_LEVEL_OFFSET);
    }
}
