package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'D'}: Order Delete (1.4.4), 19 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class OrderDelete extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'D';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 19;
    /** Offset of {@code orderReferenceNumber} from the start of the message. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;

    /** The order removed from the book (8 bytes). */
    public long orderReferenceNumber()
    {
        return ItchFields.int64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET);
    }
}
