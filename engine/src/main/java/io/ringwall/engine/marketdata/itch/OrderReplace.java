package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'U'}: Order Replace (1.4.5), 35 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class OrderReplace extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'U';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 35;
    /** Offset of {@code originalOrderReferenceNumber} from the start of the message. */
    public static final int ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET = 11;
    /** Offset of {@code newOrderReferenceNumber} from the start of the message. */
    public static final int NEW_ORDER_REFERENCE_NUMBER_OFFSET = 19;
    /** Offset of {@code shares} from the start of the message. */
    public static final int SHARES_OFFSET = 27;
    /** Offset of {@code price} from the start of the message. */
    public static final int PRICE_OFFSET = 31;

    /** The order replaced (8 bytes). */
    public long originalOrderReferenceNumber()
    {
        return ItchFields.int64(buffer, offset + ORIGINAL_ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /** The reference number used from now on (8 bytes). */
    public long newOrderReferenceNumber()
    {
        return ItchFields.int64(buffer, offset + NEW_ORDER_REFERENCE_NUMBER_OFFSET);
    }

    /** New displayed shares (unsigned 4 bytes). */
    public long shares()
    {
        return ItchFields.uint32(buffer, offset + SHARES_OFFSET);
    }

    /** New display price: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long priceMantissa()
    {
        return ItchFields.uint32(buffer, offset + PRICE_OFFSET);
    }
}
