package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'K'}: IPO Quoting Period Update (1.2.6), 28 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class IpoQuotingPeriodUpdate extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'K';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 28;
    /** Offset of {@code stock} from the start of the message. */
    public static final int STOCK_OFFSET = 11;
    /** Offset of {@code ipoQuotationReleaseTime} from the start of the message. */
    public static final int IPO_QUOTATION_RELEASE_TIME_OFFSET = 19;
    /** Offset of {@code ipoQuotationReleaseQualifier} from the start of the message. */
    public static final int IPO_QUOTATION_RELEASE_QUALIFIER_OFFSET = 23;
    /** Offset of {@code ipoPrice} from the start of the message. */
    public static final int IPO_PRICE_OFFSET = 24;

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

    /** Anticipated quotation release time in seconds since midnight (unsigned 4 bytes). */
    public long ipoQuotationReleaseTimeSeconds()
    {
        return ItchFields.uint32(buffer, offset + IPO_QUOTATION_RELEASE_TIME_OFFSET);
    }

    /** 'A' anticipated quotation release time, 'C' IPO release canceled or postponed (one ASCII byte). */
    public byte ipoQuotationReleaseQualifier()
    {
        return buffer.getByte(offset + IPO_QUOTATION_RELEASE_QUALIFIER_OFFSET);
    }

    /** IPO price: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long ipoPriceMantissa()
    {
        return ItchFields.uint32(buffer, offset + IPO_PRICE_OFFSET);
    }
}
