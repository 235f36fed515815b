package io.ringwall.engine.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Dispatches one TotalView-ITCH 5.0 message to an {@link ItchListener} through a flyweight of its type. Holds one
 * flyweight per type, made at construction: decoding allocates nothing, takes no lock and throws nothing.
 *
 * <p>A message whose type is not in the specification, or whose length is not the specification's length for its
 * type, is not delivered: {@link #decode} returns a negative status and counts it; the caller decides (the file
 * readers stop with the location, so a feed fails closed rather than mis-reading the bytes that follow).
 */
public final class ItchDecoder
{
    /** The message was delivered to the listener. */
    public static final int OK = 0;
    /** The type byte is not a TotalView-ITCH 5.0 message type. */
    public static final int UNKNOWN_TYPE = -1;
    /** The length differs from the specification's length for the type. */
    public static final int WRONG_LENGTH = -2;
    /** Zero bytes: no type byte to read. */
    public static final int EMPTY = -3;

    private final SystemEvent systemEvent = new SystemEvent();
    private final StockDirectory stockDirectory = new StockDirectory();
    private final StockTradingAction stockTradingAction = new StockTradingAction();
    private final RegShoRestriction regShoRestriction = new RegShoRestriction();
    private final MarketParticipantPosition marketParticipantPosition = new MarketParticipantPosition();
    private final MwcbDeclineLevel mwcbDeclineLevel = new MwcbDeclineLevel();
    private final MwcbStatus mwcbStatus = new MwcbStatus();
    private final IpoQuotingPeriodUpdate ipoQuotingPeriodUpdate = new IpoQuotingPeriodUpdate();
    private final LuldAuctionCollar luldAuctionCollar = new LuldAuctionCollar();
    private final OperationalHalt operationalHalt = new OperationalHalt();
    private final AddOrder addOrder = new AddOrder();
    private final AddOrderWithMpid addOrderWithMpid = new AddOrderWithMpid();
    private final OrderExecuted orderExecuted = new OrderExecuted();
    private final OrderExecutedWithPrice orderExecutedWithPrice = new OrderExecutedWithPrice();
    private final OrderCancel orderCancel = new OrderCancel();
    private final OrderDelete orderDelete = new OrderDelete();
    private final OrderReplace orderReplace = new OrderReplace();
    private final Trade trade = new Trade();
    private final CrossTrade crossTrade = new CrossTrade();
    private final BrokenTrade brokenTrade = new BrokenTrade();
    private final Noii noii = new Noii();
    private final Rpii rpii = new Rpii();
    private final DirectListingCapitalRaise directListingCapitalRaise = new DirectListingCapitalRaise();

    private final long[] messagesByType = new long[256];
    private long unknownTypes;
    private long wrongLengths;
    private long lastTimestampNs = -1;

    /**
     * Decodes the message of {@code length} bytes at {@code offset} (its type byte) and hands it to {@code listener}.
     *
     * @return {@link #OK}, {@link #UNKNOWN_TYPE}, {@link #WRONG_LENGTH} or {@link #EMPTY}.
     */
    public int decode(final DirectBuffer buffer, final int offset, final int length, final ItchListener listener)
    {
        if (length <= 0)
        {
            wrongLengths++;
            return EMPTY;
        }
        final byte type = buffer.getByte(offset);
        final int expected = ItchMessageType.length(type);
        if (expected == ItchMessageType.UNKNOWN_LENGTH)
        {
            unknownTypes++;
            return UNKNOWN_TYPE;
        }
        if (expected != length)
        {
            wrongLengths++;
            return WRONG_LENGTH;
        }
        messagesByType[type & 0xFF]++;
        lastTimestampNs = ItchFields.uint48(buffer, offset + ItchMessage.TIMESTAMP_OFFSET);
        switch (type)
        {
            case SystemEvent.TYPE:
                systemEvent.wrap(buffer, offset, length);
                listener.onSystemEvent(systemEvent);
                break;
            case StockDirectory.TYPE:
                stockDirectory.wrap(buffer, offset, length);
                listener.onStockDirectory(stockDirectory);
                break;
            case StockTradingAction.TYPE:
                stockTradingAction.wrap(buffer, offset, length);
                listener.onStockTradingAction(stockTradingAction);
                break;
            case RegShoRestriction.TYPE:
                regShoRestriction.wrap(buffer, offset, length);
                listener.onRegShoRestriction(regShoRestriction);
                break;
            case MarketParticipantPosition.TYPE:
                marketParticipantPosition.wrap(buffer, offset, length);
                listener.onMarketParticipantPosition(marketParticipantPosition);
                break;
            case MwcbDeclineLevel.TYPE:
                mwcbDeclineLevel.wrap(buffer, offset, length);
                listener.onMwcbDeclineLevel(mwcbDeclineLevel);
                break;
            case MwcbStatus.TYPE:
                mwcbStatus.wrap(buffer, offset, length);
                listener.onMwcbStatus(mwcbStatus);
                break;
            case IpoQuotingPeriodUpdate.TYPE:
                ipoQuotingPeriodUpdate.wrap(buffer, offset, length);
                listener.onIpoQuotingPeriodUpdate(ipoQuotingPeriodUpdate);
                break;
            case LuldAuctionCollar.TYPE:
                luldAuctionCollar.wrap(buffer, offset, length);
                listener.onLuldAuctionCollar(luldAuctionCollar);
                break;
            case OperationalHalt.TYPE:
                operationalHalt.wrap(buffer, offset, length);
                listener.onOperationalHalt(operationalHalt);
                break;
            case AddOrder.TYPE:
                addOrder.wrap(buffer, offset, length);
                listener.onAddOrder(addOrder);
                break;
            case AddOrderWithMpid.TYPE:
                addOrderWithMpid.wrap(buffer, offset, length);
                listener.onAddOrderWithMpid(addOrderWithMpid);
                break;
            case OrderExecuted.TYPE:
                orderExecuted.wrap(buffer, offset, length);
                listener.onOrderExecuted(orderExecuted);
                break;
            case OrderExecutedWithPrice.TYPE:
                orderExecutedWithPrice.wrap(buffer, offset, length);
                listener.onOrderExecutedWithPrice(orderExecutedWithPrice);
                break;
            case OrderCancel.TYPE:
                orderCancel.wrap(buffer, offset, length);
                listener.onOrderCancel(orderCancel);
                break;
            case OrderDelete.TYPE:
                orderDelete.wrap(buffer, offset, length);
                listener.onOrderDelete(orderDelete);
                break;
            case OrderReplace.TYPE:
                orderReplace.wrap(buffer, offset, length);
                listener.onOrderReplace(orderReplace);
                break;
            case Trade.TYPE:
                trade.wrap(buffer, offset, length);
                listener.onTrade(trade);
                break;
            case CrossTrade.TYPE:
                crossTrade.wrap(buffer, offset, length);
                listener.onCrossTrade(crossTrade);
                break;
            case BrokenTrade.TYPE:
                brokenTrade.wrap(buffer, offset, length);
                listener.onBrokenTrade(brokenTrade);
                break;
            case Noii.TYPE:
                noii.wrap(buffer, offset, length);
                listener.onNoii(noii);
                break;
            case Rpii.TYPE:
                rpii.wrap(buffer, offset, length);
                listener.onRpii(rpii);
                break;
            case DirectListingCapitalRaise.TYPE:
                directListingCapitalRaise.wrap(buffer, offset, length);
                listener.onDirectListingCapitalRaise(directListingCapitalRaise);
                break;
            default:
                throw new IllegalStateException("ItchMessageType and ItchDecoder disagree on type " + (char)type);
        }
        return OK;
    }

    /** Messages delivered of {@code type}. */
    public long messages(final byte type)
    {
        return messagesByType[type & 0xFF];
    }

    /** @return the timestamp (nanoseconds since midnight) of the last message decoded; -1 before the first. */
    public long lastTimestampNs()
    {
        return lastTimestampNs;
    }

    /** Messages delivered, all types. */
    public long messages()
    {
        long total = 0;
        for (final long count : messagesByType)
        {
            total += count;
        }
        return total;
    }

    /** Messages refused for an unknown type byte. */
    public long unknownTypes()
    {
        return unknownTypes;
    }

    /** Messages refused for a length that is not the specification's (or zero). */
    public long wrongLengths()
    {
        return wrongLengths;
    }

    /**
     * Text for a refused message, for the error a reader raises (allocates; off the hot path).
     *
     * @param status what {@link #decode} returned.
     */
    public static String describe(final int status, final DirectBuffer buffer, final int offset, final int length)
    {
        switch (status)
        {
            case EMPTY:
                return "an ITCH message of length 0";
            case UNKNOWN_TYPE:
                final int type = buffer.getByte(offset) & 0xFF;
                return String.format("unknown ITCH message type 0x%02x%s (length %d)", type,
                    type >= 0x20 && type < 0x7F ? " '" + (char)type + "'" : "", length);
            case WRONG_LENGTH:
                final byte known = buffer.getByte(offset);
                return "ITCH " + ItchMessageType.name(known) + " ('" + (char)known + "') of " + length +
                    " bytes; the specification gives " + ItchMessageType.length(known);
            default:
                return "ITCH status " + status;
        }
    }
}
