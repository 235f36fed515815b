package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'X'}: Order Cancel (1.4.3), 23 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class OrderCancel extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'X';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 23;
    /** Offset of {@code orderReferenceNumber} from the start of the message. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    /** Offset of {@code cancelledShares} from the start of the message. */
    public static final int CANCELLED_SHARES_OFFSET = 19;

    /** The order partly cancelled (8 bytes). */
    public long orderReferenceNumber()
    {
        return ItchFields.int64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /** Shares removed from the displayed size (unsigned 4 bytes). */
    public long cancelledShares()
    {
        return ItchFields.uint32(buffer, offset + CANCELLED_SHARES_OFFSET);
    }
}
