package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'O'}: Direct Listing with Capital Raise Price Discovery (1.8), 48 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class DirectListingCapitalRaise extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'O';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 48;
    /** Offset of {@code stock} from the start of the message. */
    public static final int STOCK_OFFSET = 11;
    /** Offset of {@code openEligibilityStatus} from the start of the message. */
    public static final int OPEN_ELIGIBILITY_STATUS_OFFSET = 19;
    /** Offset of {@code minimumAllowablePrice} from the start of the message. */
    public static final int MINIMUM_ALLOWABLE_PRICE_OFFSET = 20;
    /** Offset of {@code maximumAllowablePrice} from the start of the message. */
    public static final int MAXIMUM_ALLOWABLE_PRICE_OFFSET = 24;
    /** Offset of {@code nearExecutionPrice} from the start of the message. */
    public static final int NEAR_EXECUTION_PRICE_OFFSET = 28;
    /** Offset of {@code nearExecutionTime} from the start of the message. */
    public static final int NEAR_EXECUTION_TIME_OFFSET = 32;
    /** Offset of {@code lowerPriceRangeCollar} from the start of the message. */
    public static final int LOWER_PRICE_RANGE_COLLAR_OFFSET = 40;
    /** Offset of {@code upperPriceRangeCollar} from the start of the message. */
    public static final int UPPER_PRICE_RANGE_COLLAR_OFFSET = 44;

    /**
     * Stock symbol: the 8 ASCII bytes as one big-endian number, to compare or key on without a String
     * ({@link ItchFields#alphaCode(CharSequence, int)} makes the same number from text).
     */
    public long stockCode()
    {
        return ItchFields.alpha8(buffer, offset + STOCK_OFFSET);
    }

    /** Appends {@code stock} (stock symbol), trailing spaces removed, to {@code destination}. */
    public StringBuilder appendStock(final StringBuilder destination)
    {
        return ItchFields.appendAlpha(buffer, offset + STOCK_OFFSET, 8, destination);
    }

    /** 'Y' eligible to be released for trading, 'N' not (one ASCII byte). */
    public byte openEligibilityStatus()
    {
        return buffer.getByte(offset + OPEN_ELIGIBILITY_STATUS_OFFSET);
    }

    /** 20% below the registration statement lower price: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long minimumAllowablePriceMantissa()
    {
        return ItchFields.uint32(buffer, offset + MINIMUM_ALLOWABLE_PRICE_OFFSET);
    }

    /** 80% above the registration statement highest price: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long maximumAllowablePriceMantissa()
    {
        return ItchFields.uint32(buffer, offset + MAXIMUM_ALLOWABLE_PRICE_OFFSET);
    }

    /** Current reference price once the DLCR volatility test passed: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long nearExecutionPriceMantissa()
    {
        return ItchFields.uint32(buffer, offset + NEAR_EXECUTION_PRICE_OFFSET);
    }

    /** Time the near execution price was set, as sent (8-byte integer) (8 bytes). */
    public long nearExecutionTime()
    {
        return ItchFields.int64(buffer, offset + NEAR_EXECUTION_TIME_OFFSET);
    }

    /** Lower auction collar threshold (10% below the near execution price): Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long lowerPriceRangeCollarMantissa()
    {
        return ItchFields.uint32(buffer, offset + LOWER_PRICE_RANGE_COLLAR_OFFSET);
    }

    /** Upper auction collar threshold (10% above the near execution price): Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long upperPriceRangeCollarMantissa()
    {
        return ItchFields.uint32(buffer, offset + UPPER_PRICE_RANGE_COLLAR_OFFSET);
    }
}
