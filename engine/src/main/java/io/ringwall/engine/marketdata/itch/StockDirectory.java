package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'R'}: Stock Directory (1.2.1), 39 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class StockDirectory extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'R';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 39;
    /** Offset of {@code stock} from the start of the message. */
    public static final int STOCK_OFFSET = 11;
    /** Offset of {@code marketCategory} from the start of the message. */
    public static final int MARKET_CATEGORY_OFFSET = 19;
    /** Offset of {@code financialStatusIndicator} from the start of the message. */
    public static final int FINANCIAL_STATUS_INDICATOR_OFFSET = 20;
    /** Offset of {@code roundLotSize} from the start of the message. */
    public static final int ROUND_LOT_SIZE_OFFSET = 21;
    /** Offset of {@code roundLotsOnly} from the start of the message. */
    public static final int ROUND_LOTS_ONLY_OFFSET = 25;
    /** Offset of {@code issueClassification} from the start of the message. */
    public static final int ISSUE_CLASSIFICATION_OFFSET = 26;
    /** Offset of {@code issueSubType} from the start of the message. */
    public static final int ISSUE_SUB_TYPE_OFFSET = 27;
    /** Offset of {@code authenticity} from the start of the message. */
    public static final int AUTHENTICITY_OFFSET = 29;
    /** Offset of {@code shortSaleThresholdIndicator} from the start of the message. */
    public static final int SHORT_SALE_THRESHOLD_INDICATOR_OFFSET = 30;
    /** Offset of {@code ipoFlag} from the start of the message. */
    public static final int IPO_FLAG_OFFSET = 31;
    /** Offset of {@code luldReferencePriceTier} from the start of the message. */
    public static final int LULD_REFERENCE_PRICE_TIER_OFFSET = 32;
    /** Offset of {@code etpFlag} from the start of the message. */
    public static final int ETP_FLAG_OFFSET = 33;
    /** Offset of {@code etpLeverageFactor} from the start of the message. */
    public static final int ETP_LEVERAGE_FACTOR_OFFSET = 34;
    /** Offset of {@code inverseIndicator} from the start of the message. */
    public static final int INVERSE_INDICATOR_OFFSET = 38;

    /**
     * Stock symbol, right-padded with spaces: the 8 ASCII bytes as one big-endian number, to compare or key on without a String
     * ({@link ItchFields#alphaCode(CharSequence, int)} makes the same number from text).
     */
    public long stockCode()
    {
        return ItchFields.alpha8(buffer, offset + STOCK_OFFSET);
    }

    /** Appends {@code stock} (stock symbol, right-padded with spaces), trailing spaces removed, to {@code destination}. */
    public StringBuilder appendStock(final StringBuilder destination)
    {
        return ItchFields.appendAlpha(buffer, offset + STOCK_OFFSET, 8, destination);
    }

    /** Listing market: 'Q' Global Select, 'G' Global Market, 'S' Capital Market, 'N' NYSE, 'A' NYSE American, 'P' NYSE Arca, 'Z' Cboe BZX, 'V' IEX, ' ' not available (one ASCII byte). */
    public byte marketCategory()
    {
        return buffer.getByte(offset + MARKET_CATEGORY_OFFSET);
    }

    /** Nasdaq-listed issues only; ' ' when not available (one ASCII byte). */
    public byte financialStatusIndicator()
    {
        return buffer.getByte(offset + FINANCIAL_STATUS_INDICATOR_OFFSET);
    }

    /** Shares that make a round lot (unsigned 4 bytes). */
    public long roundLotSize()
    {
        return ItchFields.uint32(buffer, offset + ROUND_LOT_SIZE_OFFSET);
    }

    /** 'Y' only round lots accepted, 'N' odd and mixed lots allowed (one ASCII byte). */
    public byte roundLotsOnly()
    {
        return buffer.getByte(offset + ROUND_LOTS_ONLY_OFFSET);
    }

    /** Security class (Appendix D) (one ASCII byte). */
    public byte issueClassification()
    {
        return buffer.getByte(offset + ISSUE_CLASSIFICATION_OFFSET);
    }

    /**
     * Issue sub-type (Appendix E), right-padded: the 2 ASCII bytes as one big-endian number, to compare or key on without a String
     * ({@link ItchFields#alphaCode(CharSequence, int)} makes the same number from text).
     */
    public int issueSubTypeCode()
    {
        return ItchFields.alpha2(buffer, offset + ISSUE_SUB_TYPE_OFFSET);
    }

    /** Appends {@code issueSubType} (issue sub-type (Appendix E), right-padded), trailing spaces removed, to {@code destination}. */
    public StringBuilder appendIssueSubType(final StringBuilder destination)
    {
        return ItchFields.appendAlpha(buffer, offset + ISSUE_SUB_TYPE_OFFSET, 2, destination);
    }

    /** 'P' live/production, 'T' test (one ASCII byte). */
    public byte authenticity()
    {
        return buffer.getByte(offset + AUTHENTICITY_OFFSET);
    }

    /** 'Y' restricted, 'N' not restricted, ' ' not available (one ASCII byte). */
    public byte shortSaleThresholdIndicator()
    {
        return buffer.getByte(offset + SHORT_SALE_THRESHOLD_INDICATOR_OFFSET);
    }

    /** 'Y' new IPO security, 'N' not, ' ' not available (one ASCII byte). */
    public byte ipoFlag()
    {
        return buffer.getByte(offset + IPO_FLAG_OFFSET);
    }

    /** '1' tier 1, '2' tier 2, ' ' not available (one ASCII byte). */
    public byte luldReferencePriceTier()
    {
        return buffer.getByte(offset + LULD_REFERENCE_PRICE_TIER_OFFSET);
    }

    /** 'Y' exchange-traded product, 'N' not, ' ' not available (one ASCII byte). */
    public byte etpFlag()
    {
        return buffer.getByte(offset + ETP_FLAG_OFFSET);
    }

    /** Leverage factor of an ETP, as sent (0 when not applicable) (unsigned 4 bytes). */
    public long etpLeverageFactor()
    {
        return ItchFields.uint32(buffer, offset + ETP_LEVERAGE_FACTOR_OFFSET);
    }

    /** 'Y' inverse ETP, 'N' not (one ASCII byte). */
    public byte inverseIndicator()
    {
        return buffer.getByte(offset + INVERSE_INDICATOR_OFFSET);
    }
}
