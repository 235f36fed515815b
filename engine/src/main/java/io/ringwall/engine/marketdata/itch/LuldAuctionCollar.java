package io.ringwall.engine.marketdata.itch;

/**
 * TotalView-ITCH 5.0 {@code 'J'}: Limit Up - Limit Down Auction Collar (1.2.7), 35 bytes. A flyweight: {@link #wrap} a message (its type byte first)
 * and read the fields in place; nothing is copied or allocated.
 */
public final class LuldAuctionCollar extends ItchMessage
{
    /** The message type byte. */
    public static final byte TYPE = 'J';
    /** The length the specification gives, type byte included. */
    public static final int LENGTH = 35;
    /** Offset of {@code stock} from the start of the message. */
    public static final int STOCK_OFFSET = 11;
    /** Offset of {@code auctionCollarReferencePrice} from the start of the message. */
    public static final int AUCTION_COLLAR_REFERENCE_PRICE_OFFSET = 19;
    /** Offset of {@code upperAuctionCollarPrice} from the start of the message. */
    public static final int UPPER_AUCTION_COLLAR_PRICE_OFFSET = 23;
    /** Offset of {@code lowerAuctionCollarPrice} from the start of the message. */
    public static final int LOWER_AUCTION_COLLAR_PRICE_OFFSET = 27;
    /** Offset of {@code auctionCollarExtension} from the start of the message. */
    public static final int AUCTION_COLLAR_EXTENSION_OFFSET = 31;

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

    /** Reference price of the auction collars: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long auctionCollarReferencePriceMantissa()
    {
        return ItchFields.uint32(buffer, offset + AUCTION_COLLAR_REFERENCE_PRICE_OFFSET);
    }

    /** Upper auction collar: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long upperAuctionCollarPriceMantissa()
    {
        return ItchFields.uint32(buffer, offset + UPPER_AUCTION_COLLAR_PRICE_OFFSET);
    }

    /** Lower auction collar: Price(4), 4 implied decimals ({@link ItchFields#PRICE4_DECIMALS}) (unsigned 4 bytes). */
    public long lowerAuctionCollarPriceMantissa()
    {
        return ItchFields.uint32(buffer, offset + LOWER_AUCTION_COLLAR_PRICE_OFFSET);
    }

    /** Number of extensions to the reopening auction (unsigned 4 bytes). */
    public long auctionCollarExtension()
    {
        return ItchFields.uint32(buffer, offset + AUCTION_COLLAR_EXTENSION_OFFSET);
    }
}
