package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'L'}: Market Participant Position (1.2.4), 26 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class MarketParticipantPosition extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'L';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 26;
    /** Offset of {@code mpid} from the start of the message. */
    public static final int MPID_OFFSET = 11;
    /** Offset of {@code stock} from the start of the message. */
    public static final int STOCK_OFFSET = 15;
    /** Offset of {@code primaryMarketMaker} from the start of the message. */
    public static final int PRIMARY_MARKET_MAKER_OFFSET = 23;
    /** Offset of {@code marketMakerMode} from the start of the message. */
    public static final int MARKET_MAKER_MODE_OFFSET = 24;
    /** Offset of {@code marketParticipantState} from the start of the message. */
    public static final int MARKET_PARTICIPANT_STATE_OFFSET = 25;

    /**
     * Market participant identifier: the 4 ASCII bytes as one big-endian number, to compare or key on without a String
     * ({@link ItchFields#alphaCode(CharSequence, int)} makes the same number from text).
     */
    public int mpidCode()
    {
        return ItchFields.alpha4(buffer, offset + MPID_OFFSET);
    }

    /** Appends {@code mpid} (market participant identifier), trailing spaces removed, to {@code destination}. */
    public StringBuilder appendMpid(final StringBuilder destination)
    {
        return ItchFields.appendAlpha(buffer, offset + MPID_OFFSET, 4, destination);
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

    /** 'Y' primary market maker, 'N' not (one ASCII byte). */
    public byte primaryMarketMaker()
    {
        return buffer.getByte(offset + PRIMARY_MARKET_MAKER_OFFSET);
    }

    /** 'N' normal, 'P' passive, 'S' syndicate, 'R' pre-syndicate, 'L' penalty (one ASCII byte). */
    public byte marketMakerMode()
    {
        return buffer.getByte(offset + MARKET_MAKER_MODE_OFFSET);
    }

    /** 'A' active, 'E' excused/withdrawn, 'W' withdrawn, 'S' suspended, 'D' deleted (one ASCII byte). */
    public byte marketParticipantState()
    {
        return buffer.getByte(offset + MARKET_PARTICIPANT_STATE_OFFSET);
    }
}
