package io.ringwall.tools;

import java.io.PrintWriter;
import java.math.BigDecimal;

import io.ringwall.engine.marketdata.itch.AddOrder;
import io.ringwall.engine.marketdata.itch.AddOrderWithMpid;
import io.ringwall.engine.marketdata.itch.BrokenTrade;
import io.ringwall.engine.marketdata.itch.CrossTrade;
import io.ringwall.engine.marketdata.itch.DirectListingCapitalRaise;
import io.ringwall.engine.marketdata.itch.IpoQuotingPeriodUpdate;
import io.ringwall.engine.marketdata.itch.ItchFields;
import io.ringwall.engine.marketdata.itch.ItchListener;
import io.ringwall.engine.marketdata.itch.ItchMessage;
import io.ringwall.engine.marketdata.itch.ItchMessageType;
import io.ringwall.engine.marketdata.itch.LuldAuctionCollar;
import io.ringwall.engine.marketdata.itch.MarketParticipantPosition;
import io.ringwall.engine.marketdata.itch.MwcbDeclineLevel;
import io.ringwall.engine.marketdata.itch.MwcbStatus;
import io.ringwall.engine.marketdata.itch.Noii;
import io.ringwall.engine.marketdata.itch.OperationalHalt;
import io.ringwall.engine.marketdata.itch.OrderCancel;
import io.ringwall.engine.marketdata.itch.OrderDelete;
import io.ringwall.engine.marketdata.itch.OrderExecuted;
import io.ringwall.engine.marketdata.itch.OrderExecutedWithPrice;
import io.ringwall.engine.marketdata.itch.OrderReplace;
import io.ringwall.engine.marketdata.itch.RegShoRestriction;
import io.ringwall.engine.marketdata.itch.Rpii;
import io.ringwall.engine.marketdata.itch.StockDirectory;
import io.ringwall.engine.marketdata.itch.StockTradingAction;
import io.ringwall.engine.marketdata.itch.SystemEvent;
import io.ringwall.engine.marketdata.itch.Trade;

/**
 * Prints each ITCH message it is given on one line: number, time of day (HH:MM:SS.nnnnnnnnn) and nanoseconds since
 * midnight, type, name, stock locate, tracking number, then every field by its specification name; prices as
 * decimals, alpha fields as text. Filters by message type and by symbol (through the stock locate of the day's
 * Stock Directory messages), and stops the reader after a number of printed messages. A tool: it allocates.
 */
final class ItchMessagePrinter implements ItchListener
{
    private static final int LOCATES = 1 << 16;

    private final PrintWriter out;
    private final boolean[] types;
    private final java.util.Set<Long> symbols;
    private final boolean[] locateWanted = new boolean[LOCATES];
    private final long limit;
    private final Runnable stop;
    private final StringBuilder line = new StringBuilder(256);
    private long decoded;
    private long printed;

    /**
     * @param types message types to print, indexed by type byte, or null for all.
     * @param symbols 8-byte alpha codes of the symbols to print ({@link ItchFields#alphaCode}), or null for all.
     * @param limit messages to print at most (Long.MAX_VALUE for all).
     * @param stop what ends the read once {@code limit} messages are printed.
     */
    ItchMessagePrinter(final PrintWriter out, final boolean[] types, final java.util.Set<Long> symbols, final long limit,
        final Runnable stop)
    {
        this.out = out;
        this.types = types;
        this.symbols = symbols;
        this.limit = limit;
        this.stop = stop;
    }

    long decoded()
    {
        return decoded;
    }

    long printed()
    {
        return printed;
    }

    private boolean begin(final ItchMessage message)
    {
        decoded++;
        if (printed >= limit)
        {
            return false;
        }
        if (symbols != null && !locateWanted[message.stockLocate()])
        {
            return false;
        }
        if (types != null && !types[message.messageType() & 0xFF])
        {
            return false;
        }
        line.setLength(0);
        line.append(decoded).append(' ');
        timeOfDay(message.timestampNs(), 9);
        line.append(' ').append(message.timestampNs()).append(' ').append((char)message.messageType()).append(' ')
            .append(ItchMessageType.name(message.messageType()))
            .append(" locate=").append(message.stockLocate())
            .append(" tracking=").append(message.trackingNumber());
        return true;
    }

    private void end()
    {
        out.println(line);
        printed++;
        if (printed == limit)
        {
            stop.run();
        }
    }

    private void alpha(final String name, final byte value)
    {
        line.append(name);
        if (value == ' ')
        {
            line.append("' '");
        }
        else
        {
            line.append((char)(value & 0xFF));
        }
    }

    private void price(final String name, final long mantissa, final int decimals)
    {
        line.append(name).append(BigDecimal.valueOf(mantissa, decimals).toPlainString());
    }

    /** HH:MM:SS with {@code digits} decimals of the second; past a day it still counts hours (not a time of day). */
    private void timeOfDay(final long ns, final int digits)
    {
        final long seconds = ns / 1_000_000_000L;
        two(seconds / 3600).append(':');
        two(seconds / 60 % 60).append(':');
        two(seconds % 60);
        if (digits > 0)
        {
            final String fraction = Long.toString(1_000_000_000L + ns % 1_000_000_000L);
            line.append('.').append(fraction, 1, 1 + digits);
        }
    }

    private StringBuilder two(final long value)
    {
        return line.append(value < 10 ? "0" : "").append(value);
    }

    @Override
    public void onStockDirectory(final StockDirectory message)
    {
        if (symbols != null && symbols.contains(message.stockCode()))
        {
            locateWanted[message.stockLocate()] = true;
        }
        printStockDirectory(message);
    }

    @Override
    public void onSystemEvent(final SystemEvent message)
    {
        if (begin(message))
        {
            alpha(" eventCode=", message.eventCode());
            end();
        }
    }

    private void printStockDirectory(final StockDirectory message)
    {
        if (begin(message))
        {
            line.append(" stock=");
            message.appendStock(line);
            alpha(" marketCategory=", message.marketCategory());
            alpha(" financialStatusIndicator=", message.financialStatusIndicator());
            line.append(" roundLotSize=").append(message.roundLotSize());
            alpha(" roundLotsOnly=", message.roundLotsOnly());
            alpha(" issueClassification=", message.issueClassification());
            line.append(" issueSubType=");
            message.appendIssueSubType(line);
            alpha(" authenticity=", message.authenticity());
            alpha(" shortSaleThresholdIndicator=", message.shortSaleThresholdIndicator());
            alpha(" ipoFlag=", message.ipoFlag());
            alpha(" luldReferencePriceTier=", message.luldReferencePriceTier());
            alpha(" etpFlag=", message.etpFlag());
            line.append(" etpLeverageFactor=").append(message.etpLeverageFactor());
            alpha(" inverseIndicator=", message.inverseIndicator());
            end();
        }
    }

    @Override
    public void onStockTradingAction(final StockTradingAction message)
    {
        if (begin(message))
        {
            line.append(" stock=");
            message.appendStock(line);
            alpha(" tradingState=", message.tradingState());
            alpha(" reserved=", message.reserved());
            line.append(" reason=");
            message.appendReason(line);
            end();
        }
    }

    @Override
    public void onRegShoRestriction(final RegShoRestriction message)
    {
        if (begin(message))
        {
            line.append(" stock=");
            message.appendStock(line);
            alpha(" regShoAction=", message.regShoAction());
            end();
        }
    }

    @Override
    public void onMarketParticipantPosition(final MarketParticipantPosition message)
    {
        if (begin(message))
        {
            line.append(" mpid=");
            message.appendMpid(line);
            line.append(" stock=");
            message.appendStock(line);
            alpha(" primaryMarketMaker=", message.primaryMarketMaker());
            alpha(" marketMakerMode=", message.marketMakerMode());
            alpha(" marketParticipantState=", message.marketParticipantState());
            end();
        }
    }

    @Override
    public void onMwcbDeclineLevel(final MwcbDeclineLevel message)
    {
        if (begin(message))
        {
            price(" level1=", message.level1Mantissa(), ItchFields.PRICE8_DECIMALS);
            price(" level2=", message.level2Mantissa(), ItchFields.PRICE8_DECIMALS);
            price(" level3=", message.level3Mantissa(), ItchFields.PRICE8_DECIMALS);
            end();
        }
    }

    @Override
    public void onMwcbStatus(final MwcbStatus message)
    {
        if (begin(message))
        {
            alpha(" breachedLevel=", message.breachedLevel());
            end();
        }
    }

    @Override
    public void onIpoQuotingPeriodUpdate(final IpoQuotingPeriodUpdate message)
    {
        if (begin(message))
        {
            line.append(" stock=");
            message.appendStock(line);
            line.append(" ipoQuotationReleaseTime=");
            timeOfDay(message.ipoQuotationReleaseTimeSeconds() * 1_000_000_000L, 0);
            alpha(" ipoQuotationReleaseQualifier=", message.ipoQuotationReleaseQualifier());
            price(" ipoPrice=", message.ipoPriceMantissa(), ItchFields.PRICE4_DECIMALS);
            end();
        }
    }

    @Override
    public void onLuldAuctionCollar(final LuldAuctionCollar message)
    {
        if (begin(message))
        {
            line.append(" stock=");
            message.appendStock(line);
            price(" auctionCollarReferencePrice=", message.auctionCollarReferencePriceMantissa(), ItchFields.PRICE4_DECIMALS);
            price(" upperAuctionCollarPrice=", message.upperAuctionCollarPriceMantissa(), ItchFields.PRICE4_DECIMALS);
            price(" lowerAuctionCollarPrice=", message.lowerAuctionCollarPriceMantissa(), ItchFields.PRICE4_DECIMALS);
            line.append(" auctionCollarExtension=").append(message.auctionCollarExtension());
            end();
        }
    }

    @Override
    public void onOperationalHalt(final OperationalHalt message)
    {
        if (begin(message))
        {
            line.append(" stock=");
            message.appendStock(line);
            alpha(" marketCode=", message.marketCode());
            alpha(" operationalHaltAction=", message.operationalHaltAction());
            end();
        }
    }

    @Override
    public void onAddOrder(final AddOrder message)
    {
        if (begin(message))
        {
            line.append(" orderReferenceNumber=").append(message.orderReferenceNumber());
            alpha(" buySellIndicator=", message.buySellIndicator());
            line.append(" shares=").append(message.shares());
            line.append(" stock=");
            message.appendStock(line);
            price(" price=", message.priceMantissa(), ItchFields.PRICE4_DECIMALS);
            end();
        }
    }

    @Override
    public void onAddOrderWithMpid(final AddOrderWithMpid message)
    {
        if (begin(message))
        {
            line.append(" orderReferenceNumber=").append(message.orderReferenceNumber());
            alpha(" buySellIndicator=", message.buySellIndicator());
            line.append(" shares=").append(message.shares());
            line.append(" stock=");
            message.appendStock(line);
            price(" price=", message.priceMantissa(), ItchFields.PRICE4_DECIMALS);
            line.append(" attribution=");
            message.appendAttribution(line);
            end();
        }
    }

    @Override
    public void onOrderExecuted(final OrderExecuted message)
    {
        if (begin(message))
        {
            line.append(" orderReferenceNumber=").append(message.orderReferenceNumber());
            line.append(" executedShares=").append(message.executedShares());
            line.append(" matchNumber=").append(message.matchNumber());
            end();
        }
    }

    @Override
    public void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
    {
        if (begin(message))
        {
            line.append(" orderReferenceNumber=").append(message.orderReferenceNumber());
            line.append(" executedShares=").append(message.executedShares());
            line.append(" matchNumber=").append(message.matchNumber());
            alpha(" printable=", message.printable());
            price(" executionPrice=", message.executionPriceMantissa(), ItchFields.PRICE4_DECIMALS);
            end();
        }
    }

    @Override
    public void onOrderCancel(final OrderCancel message)
    {
        if (begin(message))
        {
            line.append(" orderReferenceNumber=").append(message.orderReferenceNumber());
            line.append(" cancelledShares=").append(message.cancelledShares());
            end();
        }
    }

    @Override
    public void onOrderDelete(final OrderDelete message)
    {
        if (begin(message))
        {
            line.append(" orderReferenceNumber=").append(message.orderReferenceNumber());
            end();
        }
    }

    @Override
    public void onOrderReplace(final OrderReplace message)
    {
        if (begin(message))
        {
            line.append(" originalOrderReferenceNumber=").append(message.originalOrderReferenceNumber());
            line.append(" newOrderReferenceNumber=").append(message.newOrderReferenceNumber());
            line.append(" shares=").append(message.shares());
            price(" price=", message.priceMantissa(), ItchFields.PRICE4_DECIMALS);
            end();
        }
    }

    @Override
    public void onTrade(final Trade message)
    {
        if (begin(message))
        {
            line.append(" orderReferenceNumber=").append(message.orderReferenceNumber());
            alpha(" buySellIndicator=", message.buySellIndicator());
            line.append(" shares=").append(message.shares());
            line.append(" stock=");
            message.appendStock(line);
            price(" price=", message.priceMantissa(), ItchFields.PRICE4_DECIMALS);
            line.append(" matchNumber=").append(message.matchNumber());
            end();
        }
    }

    @Override
    public void onCrossTrade(final CrossTrade message)
    {
        if (begin(message))
        {
            line.append(" shares=").append(message.shares());
            line.append(" stock=");
            message.appendStock(line);
            price(" crossPrice=", message.crossPriceMantissa(), ItchFields.PRICE4_DECIMALS);
            line.append(" matchNumber=").append(message.matchNumber());
            alpha(" crossType=", message.crossType());
            end();
        }
    }

    @Override
    public void onBrokenTrade(final BrokenTrade message)
    {
        if (begin(message))
        {
            line.append(" matchNumber=").append(message.matchNumber());
            end();
        }
    }

    @Override
    public void onNoii(final Noii message)
    {
        if (begin(message))
        {
            line.append(" pairedShares=").append(message.pairedShares());
            line.append(" imbalanceShares=").append(message.imbalanceShares());
            alpha(" imbalanceDirection=", message.imbalanceDirection());
            line.append(" stock=");
            message.appendStock(line);
            price(" farPrice=", message.farPriceMantissa(), ItchFields.PRICE4_DECIMALS);
            price(" nearPrice=", message.nearPriceMantissa(), ItchFields.PRICE4_DECIMALS);
            price(" currentReferencePrice=", message.currentReferencePriceMantissa(), ItchFields.PRICE4_DECIMALS);
            alpha(" crossType=", message.crossType());
            alpha(" priceVariationIndicator=", message.priceVariationIndicator());
            end();
        }
    }

    @Override
    public void onRpii(final Rpii message)
    {
        if (begin(message))
        {
            line.append(" stock=");
            message.appendStock(line);
            alpha(" interestFlag=", message.interestFlag());
            end();
        }
    }

    @Override
    public void onDirectListingCapitalRaise(final DirectListingCapitalRaise message)
    {
        if (begin(message))
        {
            line.append(" stock=");
            message.appendStock(line);
            alpha(" openEligibilityStatus=", message.openEligibilityStatus());
            price(" minimumAllowablePrice=", message.minimumAllowablePriceMantissa(), ItchFields.PRICE4_DECIMALS);
            price(" maximumAllowablePrice=", message.maximumAllowablePriceMantissa(), ItchFields.PRICE4_DECIMALS);
            price(" nearExecutionPrice=", message.nearExecutionPriceMantissa(), ItchFields.PRICE4_DECIMALS);
            line.append(" nearExecutionTime=").append(message.nearExecutionTime());
            price(" lowerPriceRangeCollar=", message.lowerPriceRangeCollarMantissa(), ItchFields.PRICE4_DECIMALS);
            price(" upperPriceRangeCollar=", message.upperPriceRangeCollarMantissa(), ItchFields.PRICE4_DECIMALS);
            end();
        }
    }
}
