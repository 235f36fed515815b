package io.ringwall.engine.marketdata.itch;

/**
 * The TotalView-ITCH 5.0 message types this package decodes, with the length the specification gives each
 * (type byte included) and a name for tools. Lookups are array reads indexed by the type byte.
 */
public final class ItchMessageType
{
    /** Length returned for a type byte the specification does not define. */
    public static final int UNKNOWN_LENGTH = 0;
    /** Number of message types defined. */
    public static final int COUNT;

    private static final int[] LENGTHS = new int[256];
    private static final String[] NAMES = new String[256];

    static
    {
        register(SystemEvent.TYPE, SystemEvent.LENGTH, "SystemEvent");
        register(StockDirectory.TYPE, StockDirectory.LENGTH, "StockDirectory");
        register(StockTradingAction.TYPE, StockTradingAction.LENGTH, "StockTradingAction");
        register(RegShoRestriction.TYPE, RegShoRestriction.LENGTH, "RegShoRestriction");
        register(MarketParticipantPosition.TYPE, MarketParticipantPosition.LENGTH, "MarketParticipantPosition");
        register(MwcbDeclineLevel.TYPE, MwcbDeclineLevel.LENGTH, "MwcbDeclineLevel");
        register(MwcbStatus.TYPE, MwcbStatus.LENGTH, "MwcbStatus");
        register(IpoQuotingPeriodUpdate.TYPE, IpoQuotingPeriodUpdate.LENGTH, "IpoQuotingPeriodUpdate");
        register(LuldAuctionCollar.TYPE, LuldAuctionCollar.LENGTH, "LuldAuctionCollar");
        register(OperationalHalt.TYPE, OperationalHalt.LENGTH, "OperationalHalt");
        register(AddOrder.TYPE, AddOrder.LENGTH, "AddOrder");
        register(AddOrderWithMpid.TYPE, AddOrderWithMpid.LENGTH, "AddOrderWithMpid");
        register(OrderExecuted.TYPE, OrderExecuted.LENGTH, "OrderExecuted");
        register(OrderExecutedWithPrice.TYPE, OrderExecutedWithPrice.LENGTH, "OrderExecutedWithPrice");
        register(OrderCancel.TYPE, OrderCancel.LENGTH, "OrderCancel");
        register(OrderDelete.TYPE, OrderDelete.LENGTH, "OrderDelete");
        register(OrderReplace.TYPE, OrderReplace.LENGTH, "OrderReplace");
        register(Trade.TYPE, Trade.LENGTH, "Trade");
        register(CrossTrade.TYPE, CrossTrade.LENGTH, "CrossTrade");
        register(BrokenTrade.TYPE, BrokenTrade.LENGTH, "BrokenTrade");
        register(Noii.TYPE, Noii.LENGTH, "Noii");
        register(Rpii.TYPE, Rpii.LENGTH, "Rpii");
        register(DirectListingCapitalRaise.TYPE, DirectListingCapitalRaise.LENGTH, "DirectListingCapitalRaise");
        int count = 0;
        for (final int length : LENGTHS)
        {
            count += length == UNKNOWN_LENGTH ? 0 : 1;
        }
        COUNT = count;
    }

    private ItchMessageType()
    {
    }

    private static void register(final byte type, final int length, final String name)
    {
        LENGTHS[type & 0xFF] = length;
        NAMES[type & 0xFF] = name;
    }

    /** The specification's length of a message of {@code type}, or {@link #UNKNOWN_LENGTH}. */
    public static int length(final byte type)
    {
        return LENGTHS[type & 0xFF];
    }

    /** Whether {@code type} is a message type of TotalView-ITCH 5.0. */
    public static boolean isKnown(final byte type)
    {
        return LENGTHS[type & 0xFF] != UNKNOWN_LENGTH;
    }

    /** The class name of the message type, e.g. {@code AddOrder}, or {@code null} for an unknown type. */
    public static String name(final byte type)
    {
        return NAMES[type & 0xFF];
    }
}
