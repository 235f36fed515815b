package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'E'}: Order Executed (1.4.1), 31 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class OrderExecuted extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'E';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 31;
    /** Offset of {@code orderReferenceNumber} from the start of the message. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    /** Offset of {@code executedShares} from the start of the message. */
    public static final int EXECUTED_SHARES_OFFSET = 19;
    /** Offset of {@code matchNumber} from the start of the message. */
    public static final int MATCH_NUMBER_OFFSET = 23;

    /** The executed order (8 bytes). */
    public long orderReferenceNumber()
    {
        return ItchFields.int64(buffer, offset + ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /** Shares executed (unsigned 4 bytes). */
    public long executedShares()
    {
        return ItchFields.uint32(buffer, offset + EXECUTED_SHARES_OFFSET);
    }

    /** Day-unique match number (8 bytes). */
    public long matchNumber()
    {
        return ItchFields.int64(buffer, offset + MATCH_NUMBER_OFFSET);
    }
}
