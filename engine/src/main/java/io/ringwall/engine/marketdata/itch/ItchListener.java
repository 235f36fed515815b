package io.ringwall.engine.marketdata.itch;

/**
 * Receives decoded TotalView-ITCH 5.0 messages from {@link ItchDecoder}, one method per message type. Every method
 * has an empty default, so a listener implements only what it uses. The flyweight passed in is reused for the next
 * message of its type: read it during the call, never keep it.
 */
public interface ItchListener
{
    /** A {@code 'S'} message; the flyweight is valid only during the call. */
    default void onSystemEvent(final SystemEvent message)
    {
    }

    /** A {@code 'R'} message; the flyweight is valid only during the call. */
    default void onStockDirectory(final StockDirectory message)
    {
    }

    /** A {@code 'H'} message; the flyweight is valid only during the call. */
    default void onStockTradingAction(final StockTradingAction message)
    {
    }

    /** A {@code 'Y'} message; the flyweight is valid only during the call. */
    default void onRegShoRestriction(final RegShoRestriction message)
    {
    }

    /** A {@code 'L'} message; the flyweight is valid only during the call. */
    default void onMarketParticipantPosition(final MarketParticipantPosition message)
    {
    }

    /** A {@code 'V'} message; the flyweight is valid only during the call. */
    default void onMwcbDeclineLevel(final MwcbDeclineLevel message)
    {
    }

    /** A {@code 'W'} message; the flyweight is valid only during the call. */
    default void onMwcbStatus(final MwcbStatus message)
    {
    }

    /** A {@code 'K'} message; the flyweight is valid only during the call. */
    default void onIpoQuotingPeriodUpdate(final IpoQuotingPeriodUpdate message)
    {
    }

    /** A {@code 'J'} message; the flyweight is valid only during the call. */
    default void onLuldAuctionCollar(final LuldAuctionCollar message)
    {
    }

    /** A {@code 'h'} message; the flyweight is valid only during the call. */
    default void onOperationalHalt(final OperationalHalt message)
    {
    }

    /** A {@code 'A'} message; the flyweight is valid only during the call. */
    default void onAddOrder(final AddOrder message)
    {
    }

    /** A {@code 'F'} message; the flyweight is valid only during the call. */
    default void onAddOrderWithMpid(final AddOrderWithMpid message)
    {
    }

    /** A {@code 'E'} message; the flyweight is valid only during the call. */
    default void onOrderExecuted(final OrderExecuted message)
    {
    }

    /** A {@code 'C'} message; the flyweight is valid only during the call. */
    default void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
    {
    }

    /** A {@code 'X'} message; the flyweight is valid only during the call. */
    default void onOrderCancel(final OrderCancel message)
    {
    }

    /** A {@code 'D'} message; the flyweight is valid only during the call. */
    default void onOrderDelete(final OrderDelete message)
    {
    }

    /** A {@code 'U'} message; the flyweight is valid only during the call. */
    default void onOrderReplace(final OrderReplace message)
    {
    }

    /** A {@code 'P'} message; the flyweight is valid only during the call. */
    default void onTrade(final Trade message)
    {
    }

    /** A {@code 'Q'} message; the flyweight is valid only during the call. */
    default void onCrossTrade(final CrossTrade message)
    {
    }

    /** A {@code 'B'} message; the flyweight is valid only during the call. */
    default void onBrokenTrade(final BrokenTrade message)
    {
    }

    /** A {@code 'I'} message; the flyweight is valid only during the call. */
    default void onNoii(final Noii message)
    {
    }

    /** A {@code 'N'} message; the flyweight is valid only during the call. */
    default void onRpii(final Rpii message)
    {
    }

    /** A {@code 'O'} message; the flyweight is valid only during the call. */
    default void onDirectListingCapitalRaise(final DirectListingCapitalRaise message)
    {
    }
}
