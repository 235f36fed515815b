package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'S'}: System Event (1.1), 12 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class SystemEvent extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'S';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 12;
    /** Offset of {@code eventCode} from the start of the message. */
    public static final int EVENT_CODE_OFFSET = 11;

    /** 'O' start of messages, 'S' start of system hours, 'Q' start of market hours, 'M' end of market hours, 'E' end of system hours, 'C' end of messages (one ASCII byte). */
    public byte eventCode()
    {
        return buffer.getByte(offset + EVENT_CODE_OFFSET);
    }
}
