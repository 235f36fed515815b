package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'C'}: Order Executed With Price (1.4.2), 36 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class OrderExecutedWithPrice extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'C';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 36;
    /** Offset of {@code orderReferenceNumber} from the start of the message. */
    public static final int ORDER_REFERENCE_NUMBER_OFFSET = 11;
    /** Offset of {@code executedShares} from the start of the message. */
    public static final int EXECUTED_SHARES_OFFSET = 19;
    /** Offset of {@code matchNumber} from the start of the message. */
    public static final int MATCH_NUMBER_OFFSET = 23;
    /** Offset of {@code printable} from the start of the message. */
    public static final int PRINTABLE_OFFSET = 31;
    /** Offset of {@code executionPrice} from the start of the message. */
    public static final int EXECUTION_PRICE_OFFSET = 32;

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

    /** 'Y' printable, 'N' non-printable (counted in a later bulk print) (one ASCII byte). */
    public byte printable()
    {
        return buffer.getByte(offset + PRINTABLE_OFFSET);
    }

    /** Execution price: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long executionPriceMantissa()
    {
        return ItchFields.uint32(buffer, offset + EXECUTION_PRICE_OFFSET);
    }
}
