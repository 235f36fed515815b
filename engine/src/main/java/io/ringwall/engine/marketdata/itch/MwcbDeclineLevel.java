package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'V'}: Market-Wide Circuit Breaker Decline Level (1.2.5.1), 35 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class MwcbDeclineLevel extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'V';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 35;
    /** Offset of {@code level1} from the start of the message. */
    public static final int LEVEL1_OFFSET = 11;
    /** Offset of {@code level2} from the start of the message. */
    public static final int LEVEL2_OFFSET = 19;
    /** Offset of {@code level3} from the start of the message. */
    public static final int LEVEL3_OFFSET = 27;

    /** Level 1 decline: Price(8), 8 implied decimals ({@link ItchFields#PRICE8_DECIMALS}) (8 bytes). */
    public long level1Mantissa()
    {
        return ItchFields.int64(buffer, offset + LEVEL1_OFFSET);
    }

    /** Level 2 decline: Price(8), 8 implied decimals ({@link ItchFields#PRICE8_DECIMALS}) (8 bytes). */
    public long level2Mantissa()
    {
        return ItchFields.int64(buffer, offset + LEVEL2_OFFSET);
    }

    /** Level 3 decline: Price(8), 8 implied decimals ({@link ItchFields#PRICE8_DECIMALS}) (8 bytes). */
    public long level3Mantissa()
    {
        return ItchFields.int64(buffer, offset + LEVEL3_OFFSET);
    }
}
