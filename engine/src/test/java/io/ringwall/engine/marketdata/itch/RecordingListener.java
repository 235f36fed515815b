package io.ringwall.engine.marketdata.itch;

import java.util.ArrayList;
import java.util.List;

/**
 * Test side: keeps the last flyweight delivered and the type of every message delivered, in order.
 */
public final class RecordingListener implements ItchListener
{
    public final List<Character> types = new ArrayList<>();
    public final List<Long> timestamps = new ArrayList<>();
    public ItchMessage last;

    private void record(final ItchMessage message)
    {
        last = message;
        types.add((char)message.messageType());
        timestamps.add(message.timestampNs());
    }

    @Override
    public void onSystemEvent(final SystemEvent message)
    {
        record(message);
    }

    @Override
    public void onStockDirectory(final StockDirectory message)
    {
        record(message);
    }

    @Override
    public void onStockTradingAction(final StockTradingAction message)
    {
        record(message);
    }

    @Override
    public void onRegShoRestriction(final RegShoRestriction message)
    {
        record(message);
    }

    @Override
    public void onMarketParticipantPosition(final MarketParticipantPosition message)
    {
        record(message);
    }

    @Override
    public void onMwcbDeclineLevel(final MwcbDeclineLevel message)
    {
        record(message);
    }

    @Override
    public void onMwcbStatus(final MwcbStatus message)
    {
        record(message);
    }

    @Override
    public void onIpoQuotingPeriodUpdate(final IpoQuotingPeriodUpdate message)
    {
        record(message);
    }

    @Override
    public void onLuldAuctionCollar(final LuldAuctionCollar message)
    {
        record(message);
    }

    @Override
    public void onOperationalHalt(final OperationalHalt message)
    {
        record(message);
    }

    @Override
    public void onAddOrder(final AddOrder message)
    {
        record(message);
    }

    @Override
    public void onAddOrderWithMpid(final AddOrderWithMpid message)
    {
        record(message);
    }

    @Override
    public void onOrderExecuted(final OrderExecuted message)
    {
        record(message);
    }

    @Override
    public void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
    {
        record(message);
    }

    @Override
    public void onOrderCancel(final OrderCancel message)
    {
        record(message);
    }

    @Override
    public void onOrderDelete(final OrderDelete message)
    {
        record(message);
    }

    @Override
    public void onOrderReplace(final OrderReplace message)
    {
        record(message);
    }

    @Override
    public void onTrade(final Trade message)
    {
        record(message);
    }

    @Override
    public void onCrossTrade(final CrossTrade message)
    {
        record(message);
    }

    @Override
    public void onBrokenTrade(final BrokenTrade message)
    {
        record(message);
    }

    @Override
    public void onNoii(final Noii message)
    {
        record(message);
    }

    @Override
    public void onRpii(final Rpii message)
    {
        record(message);
    }

    @Override
    public void onDirectListingCapitalRaise(final DirectListingCapitalRaise message)
    {
        record(message);
    }
}
