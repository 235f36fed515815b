package io.ringwall.engine.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * The header every TotalView-ITCH 5.0 message starts with: type (1 byte), stock locate (2), tracking number (2),
 * timestamp (6, nanoseconds since midnight), all big-endian. Subclasses are flyweights over one message type.
 *
 * <p>{@link #wrap} only records where the message is: the caller ({@link ItchDecoder}) has already checked the type
 * and that {@code length} is the specification's length, so the getters read inside the message.
 */
public abstract class ItchMessage
{
    /** Offset of the stock locate, the day's index of the security (0 for market-wide messages). */
    public static final int STOCK_LOCATE_OFFSET = 1;
    /** Offset of Nasdaq's internal tracking number. */
    public static final int TRACKING_NUMBER_OFFSET = 3;
    /** Offset of the 6-byte timestamp. */
    public static final int TIMESTAMP_OFFSET = 5;
    /** Bytes of the common header, type byte included. */
    public static final int HEADER_LENGTH = 11;

    protected DirectBuffer buffer;
    protected int offset;
    protected int length;

    /**
     * Points this flyweight at the message at {@code offset} (its type byte) of {@code buffer}.
     *
     * @return this, to chain getters.
     */
    public final ItchMessage wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /** The message type byte, e.g. {@code 'A'}. */
    public final byte messageType()
    {
        return buffer.getByte(offset);
    }

    /** The stock locate: the day's index of the security, 0 for market-wide messages. */
    public final int stockLocate()
    {
        return ItchFields.uint16(buffer, offset + STOCK_LOCATE_OFFSET);
    }

    /** Nasdaq's internal tracking number. */
    public final int trackingNumber()
    {
        return ItchFields.uint16(buffer, offset + TRACKING_NUMBER_OFFSET);
    }

    /** The timestamp in nanoseconds since midnight (6 bytes, big-endian). */
    public final long timestampNs()
    {
        return ItchFields.uint48(buffer, offset + TIMESTAMP_OFFSET);
    }

    /** The buffer the message is in. */
    public final DirectBuffer buffer()
    {
        return buffer;
    }

    /** Where the message's type byte is in {@link #buffer()}. */
    public final int offset()
    {
        return offset;
    }

    /** The message's length in bytes, type byte included. */
    public final int length()
    {
        return length;
    }
}
