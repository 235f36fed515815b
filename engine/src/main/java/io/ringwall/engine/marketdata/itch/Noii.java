package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'I'}: Net Order Imbalance Indicator (1.6), 50 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class Noii extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'I';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 50;
    /** Offset of {@code pairedShares} from the start of the message. */
    public static final int PAIRED_SHARES_OFFSET = 11;
    /** Offset of {@code imbalanceShares} from the start of the message. */
    public static final int IMBALANCE_SHARES_OFFSET = 19;
    /** Offset of {@code imbalanceDirection} from the start of the message. */
    public static final int IMBALANCE_DIRECTION_OFFSET = 27;
    /** Offset of {@code stock} from the start of the message. */
    public static final int STOCK_OFFSET = 28;
    /** Offset of {@code farPrice} from the start of the message. */
    public static final int FAR_PRICE_OFFSET = 36;
    /** Offset of {@code nearPrice} from the start of the message. */
    public static final int NEAR_PRICE_OFFSET = 40;
    /** Offset of {@code currentReferencePrice} from the start of the message. */
    public static final int CURRENT_REFERENCE_PRICE_OFFSET = 44;
    /** Offset of {@code crossType} from the start of the message. */
    public static final int CROSS_TYPE_OFFSET = 48;
    /** Offset of {@code priceVariationIndicator} from the start of the message. */
    public static final int PRICE_VARIATION_INDICATOR_OFFSET = 49;

    /** Shares matchable at the current reference price (8 bytes). */
    public long pairedShares()
    {
        return ItchFields.int64(buffer, offset + PAIRED_SHARES_OFFSET);
    }

    /** Shares not paired at the current reference price (8 bytes). */
    public long imbalanceShares()
    {
        return ItchFields.int64(buffer, offset + IMBALANCE_SHARES_OFFSET);
    }

    /** 'B' buy, 'S' sell, 'N' none, 'O' insufficient orders, 'P' paused (one ASCII byte). */
    public byte imbalanceDirection()
    {
        return buffer.getByte(offset + IMBALANCE_DIRECTION_OFFSET);
    }

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

    /** Hypothetical clearing price for cross orders only: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long farPriceMantissa()
    {
        return ItchFields.uint32(buffer, offset + FAR_PRICE_OFFSET);
    }

    /** Hypothetical clearing price for cross and continuous orders: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long nearPriceMantissa()
    {
        return ItchFields.uint32(buffer, offset + NEAR_PRICE_OFFSET);
    }

    /** Price at which the NOII shares are calculated: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long currentReferencePriceMantissa()
    {
        return ItchFields.uint32(buffer, offset + CURRENT_REFERENCE_PRICE_OFFSET);
    }

    /** 'O' opening, 'C' closing, 'H' IPO or halted/paused, 'A' extended trading close (one ASCII byte). */
    public byte crossType()
    {
        return buffer.getByte(offset + CROSS_TYPE_OFFSET);
    }

    /** Deviation band of the near price: 'L', '1'..'9', 'A', 'B', 'C', ' ' cannot be calculated (one ASCII byte). */
    public byte priceVariationIndicator()
    {
        return buffer.getByte(offset + PRICE_VARIATION_INDICATOR_OFFSET);
    }
}
