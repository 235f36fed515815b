package io.ringwall.engine.marketdata.itch;

import java.lang.management.ManagementFactory;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static io.ringwall.engine.marketdata.itch.ItchTestEncoder.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every TotalView-ITCH 5.0 message type, written field by field in the specification's order with known values,
 * decoded through {@link ItchDecoder}: every getter returns what was written. The message is placed at an odd
 * offset of a larger buffer so offsets relative to the message, not the buffer, are checked too.
 */
class ItchMessagesTest
{
    private static final int LOCATE = 0xBEEF;
    private static final int TRACKING = 0x1234;
    /** 15:59:59.999999999, to use all 6 bytes' worth of the high half. */
    private static final long TIME_NS = 57_599_999_999_999L;
    private static final long BIG_U32 = 0xFFFF_FFF0L;
    private static final int AT = 7;

    private final ItchDecoder decoder = new ItchDecoder();
    private final RecordingListener listener = new RecordingListener();

    @SuppressWarnings("unchecked")
    private <T extends ItchMessage> T decode(final byte[] bytes, final int specLength, final Class<T> type)
    {
        assertThat(bytes).as("encoded length of %s", type.getSimpleName()).hasSize(specLength);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[bytes.length + 2 * AT]);
        buffer.putBytes(AT, bytes);
        assertThat(decoder.decode(buffer, AT, bytes.length, listener)).isEqualTo(ItchDecoder.OK);
        assertThat(listener.last).isInstanceOf(type);
        final ItchMessage decoded = listener.last;
        assertThat(decoded.messageType()).isEqualTo(bytes[0]);
        assertThat(decoded.stockLocate()).isEqualTo(LOCATE);
        assertThat(decoded.trackingNumber()).isEqualTo(TRACKING);
        assertThat(decoded.timestampNs()).isEqualTo(TIME_NS);
        assertThat(decoded.length()).isEqualTo(specLength);
        return (T)decoded;
    }

    private static ItchTestEncoder header(final char type)
    {
        return message(type, LOCATE, TRACKING, TIME_NS);
    }

    private static String text(final java.util.function.Function<StringBuilder, StringBuilder> append)
    {
        return append.apply(new StringBuilder()).toString();
    }

    @Test
    void theSpecificationDefines23MessageTypesWithTheirLengths()
    {
        assertThat(ItchMessageType.COUNT).isEqualTo(23);
        final String types = "SRHYLVWKJhAFECXDUPQBINO";
        final int[] lengths = {12, 39, 25, 20, 26, 35, 12, 28, 35, 21, 36, 40, 31, 36, 23, 19, 35, 44, 40, 19, 50, 20, 48};
        for (int i = 0; i < types.length(); i++)
        {
            assertThat(ItchMessageType.length((byte)types.charAt(i))).as("type %s", types.charAt(i)).isEqualTo(lengths[i]);
        }
        assertThat(ItchMessageType.isKnown((byte)'Z')).isFalse();
        assertThat(ItchMessageType.name((byte)'h')).isEqualTo("OperationalHalt");
    }

    @Test
    void systemEvent()
    {
        final SystemEvent m = decode(header('S').alpha('Q').bytes(), 12, SystemEvent.class);
        assertThat(m.eventCode()).isEqualTo((byte)'Q');
    }

    @Test
    void stockDirectory()
    {
        final StockDirectory m = decode(header('R').alpha("BRK.A", 8).alpha('N').alpha('D').u32(BIG_U32).alpha('Y')
            .alpha('C').alpha("EG", 2).alpha('P').alpha('N').alpha(' ').alpha('1').alpha('Y').u32(3).alpha('N').bytes(),
            39, StockDirectory.class);
        assertThat(text(m::appendStock)).isEqualTo("BRK.A");
        assertThat(m.stockCode()).isEqualTo(ItchFields.alphaCode("BRK.A", 8));
        assertThat(m.marketCategory()).isEqualTo((byte)'N');
        assertThat(m.financialStatusIndicator()).isEqualTo((byte)'D');
        assertThat(m.roundLotSize()).isEqualTo(BIG_U32);
        assertThat(m.roundLotsOnly()).isEqualTo((byte)'Y');
        assertThat(m.issueClassification()).isEqualTo((byte)'C');
        assertThat(text(m::appendIssueSubType)).isEqualTo("EG");
        assertThat(m.issueSubTypeCode()).isEqualTo(('E' << 8) | 'G');
        assertThat(m.authenticity()).isEqualTo((byte)'P');
        assertThat(m.shortSaleThresholdIndicator()).isEqualTo((byte)'N');
        assertThat(m.ipoFlag()).isEqualTo((byte)' ');
        assertThat(m.luldReferencePriceTier()).isEqualTo((byte)'1');
        assertThat(m.etpFlag()).isEqualTo((byte)'Y');
        assertThat(m.etpLeverageFactor()).isEqualTo(3);
        assertThat(m.inverseIndicator()).isEqualTo((byte)'N');
    }

    @Test
    void stockTradingAction()
    {
        final StockTradingAction m = decode(header('H').alpha("AAPL", 8).alpha('H').alpha(' ').alpha("LUDP", 4).bytes(),
            25, StockTradingAction.class);
        assertThat(text(m::appendStock)).isEqualTo("AAPL");
        assertThat(m.tradingState()).isEqualTo((byte)'H');
        assertThat(m.reserved()).isEqualTo((byte)' ');
        assertThat(text(m::appendReason)).isEqualTo("LUDP");
        assertThat(m.reasonCode()).isEqualTo((int)ItchFields.alphaCode("LUDP", 4));
    }

    @Test
    void regShoRestriction()
    {
        final RegShoRestriction m = decode(header('Y').alpha("MSFT", 8).alpha('1').bytes(), 20, RegShoRestriction.class);
        assertThat(text(m::appendStock)).isEqualTo("MSFT");
        assertThat(m.regShoAction()).isEqualTo((byte)'1');
    }

    @Test
    void marketParticipantPosition()
    {
        final MarketParticipantPosition m = decode(header('L').alpha("GSCO", 4).alpha("AAPL", 8).alpha('Y').alpha('N')
            .alpha('A').bytes(), 26, MarketParticipantPosition.class);
        assertThat(text(m::appendMpid)).isEqualTo("GSCO");
        assertThat(text(m::appendStock)).isEqualTo("AAPL");
        assertThat(m.primaryMarketMaker()).isEqualTo((byte)'Y');
        assertThat(m.marketMakerMode()).isEqualTo((byte)'N');
        assertThat(m.marketParticipantState()).isEqualTo((byte)'A');
    }

    @Test
    void mwcbDeclineLevelHasEightDecimalPrices()
    {
        final MwcbDeclineLevel m = decode(header('V').u64(3_865_12000000L).u64(3_595_11000000L).u64(3_164_22000000L)
            .bytes(), 35, MwcbDeclineLevel.class);
        assertThat(m.level1Mantissa()).isEqualTo(3_865_12000000L);
        assertThat(m.level2Mantissa()).isEqualTo(3_595_11000000L);
        assertThat(m.level3Mantissa()).isEqualTo(3_164_22000000L);
        assertThat(ItchFields.PRICE8_DECIMALS).isEqualTo(8);
    }

    @Test
    void mwcbStatus()
    {
        final MwcbStatus m = decode(header('W').alpha('2').bytes(), 12, MwcbStatus.class);
        assertThat(m.breachedLevel()).isEqualTo((byte)'2');
    }

    @Test
    void ipoQuotingPeriodUpdate()
    {
        final IpoQuotingPeriodUpdate m = decode(header('K').alpha("RIVN", 8).u32(41_400).alpha('A').u32(78_0000)
            .bytes(), 28, IpoQuotingPeriodUpdate.class);
        assertThat(text(m::appendStock)).isEqualTo("RIVN");
        assertThat(m.ipoQuotationReleaseTimeSeconds()).isEqualTo(41_400);
        assertThat(m.ipoQuotationReleaseQualifier()).isEqualTo((byte)'A');
        assertThat(m.ipoPriceMantissa()).isEqualTo(78_0000);
    }

    @Test
    void luldAuctionCollar()
    {
        final LuldAuctionCollar m = decode(header('J').alpha("TSLA", 8).u32(200_0000).u32(210_0000).u32(190_0000)
            .u32(2).bytes(), 35, LuldAuctionCollar.class);
        assertThat(text(m::appendStock)).isEqualTo("TSLA");
        assertThat(m.auctionCollarReferencePriceMantissa()).isEqualTo(200_0000);
        assertThat(m.upperAuctionCollarPriceMantissa()).isEqualTo(210_0000);
        assertThat(m.lowerAuctionCollarPriceMantissa()).isEqualTo(190_0000);
        assertThat(m.auctionCollarExtension()).isEqualTo(2);
    }

    @Test
    void operationalHalt()
    {
        final OperationalHalt m = decode(header('h').alpha("QQQ", 8).alpha('Q').alpha('H').bytes(), 21,
            OperationalHalt.class);
        assertThat(text(m::appendStock)).isEqualTo("QQQ");
        assertThat(m.marketCode()).isEqualTo((byte)'Q');
        assertThat(m.operationalHaltAction()).isEqualTo((byte)'H');
    }

    @Test
    void addOrder()
    {
        final AddOrder m = decode(header('A').u64(0x0123_4567_89AB_CDEFL).alpha('S').u32(BIG_U32).alpha("AAPL", 8)
            .u32(BIG_U32 - 1).bytes(), 36, AddOrder.class);
        assertThat(m.orderReferenceNumber()).isEqualTo(0x0123_4567_89AB_CDEFL);
        assertThat(m.buySellIndicator()).isEqualTo((byte)'S');
        assertThat(m.shares()).isEqualTo(BIG_U32);
        assertThat(text(m::appendStock)).isEqualTo("AAPL");
        assertThat(m.priceMantissa()).as("unsigned past 2^31").isEqualTo(BIG_U32 - 1);
    }

    @Test
    void addOrderWithMpid()
    {
        final AddOrderWithMpid m = decode(header('F').u64(42).alpha('B').u32(300).alpha("MSFT", 8).u32(415_2500)
            .alpha("VIRT", 4).bytes(), 40, AddOrderWithMpid.class);
        assertThat(m.orderReferenceNumber()).isEqualTo(42);
        assertThat(m.buySellIndicator()).isEqualTo((byte)'B');
        assertThat(m.shares()).isEqualTo(300);
        assertThat(text(m::appendStock)).isEqualTo("MSFT");
        assertThat(m.priceMantissa()).isEqualTo(415_2500);
        assertThat(text(m::appendAttribution)).isEqualTo("VIRT");
    }

    @Test
    void orderExecuted()
    {
        final OrderExecuted m = decode(header('E').u64(42).u32(100).u64(987_654_321L).bytes(), 31, OrderExecuted.class);
        assertThat(m.orderReferenceNumber()).isEqualTo(42);
        assertThat(m.executedShares()).isEqualTo(100);
        assertThat(m.matchNumber()).isEqualTo(987_654_321L);
    }

    @Test
    void orderExecutedWithPrice()
    {
        final OrderExecutedWithPrice m = decode(header('C').u64(43).u32(50).u64(987_654_322L).alpha('N')
            .u32(415_2400).bytes(), 36, OrderExecutedWithPrice.class);
        assertThat(m.orderReferenceNumber()).isEqualTo(43);
        assertThat(m.executedShares()).isEqualTo(50);
        assertThat(m.matchNumber()).isEqualTo(987_654_322L);
        assertThat(m.printable()).isEqualTo((byte)'N');
        assertThat(m.executionPriceMantissa()).isEqualTo(415_2400);
    }

    @Test
    void orderCancel()
    {
        final OrderCancel m = decode(header('X').u64(44).u32(25).bytes(), 23, OrderCancel.class);
        assertThat(m.orderReferenceNumber()).isEqualTo(44);
        assertThat(m.cancelledShares()).isEqualTo(25);
    }

    @Test
    void orderDelete()
    {
        final OrderDelete m = decode(header('D').u64(45).bytes(), 19, OrderDelete.class);
        assertThat(m.orderReferenceNumber()).isEqualTo(45);
    }

    @Test
    void orderReplace()
    {
        final OrderReplace m = decode(header('U').u64(46).u64(47).u32(700).u32(99_9900).bytes(), 35,
            OrderReplace.class);
        assertThat(m.originalOrderReferenceNumber()).isEqualTo(46);
        assertThat(m.newOrderReferenceNumber()).isEqualTo(47);
        assertThat(m.shares()).isEqualTo(700);
        assertThat(m.priceMantissa()).isEqualTo(99_9900);
    }

    @Test
    void trade()
    {
        final Trade m = decode(header('P').u64(0).alpha('B').u32(200).alpha("NVDA", 8).u32(1_180_0100).u64(555)
            .bytes(), 44, Trade.class);
        assertThat(m.orderReferenceNumber()).isZero();
        assertThat(m.buySellIndicator()).isEqualTo((byte)'B');
        assertThat(m.shares()).isEqualTo(200);
        assertThat(text(m::appendStock)).isEqualTo("NVDA");
        assertThat(m.priceMantissa()).isEqualTo(1_180_0100);
        assertThat(m.matchNumber()).isEqualTo(555);
    }

    @Test
    void crossTradeHasEightByteShares()
    {
        final CrossTrade m = decode(header('Q').u64(5_000_000_000L).alpha("AAPL", 8).u32(150_0000).u64(556)
            .alpha('C').bytes(), 40, CrossTrade.class);
        assertThat(m.shares()).isEqualTo(5_000_000_000L);
        assertThat(text(m::appendStock)).isEqualTo("AAPL");
        assertThat(m.crossPriceMantissa()).isEqualTo(150_0000);
        assertThat(m.matchNumber()).isEqualTo(556);
        assertThat(m.crossType()).isEqualTo((byte)'C');
    }

    @Test
    void brokenTrade()
    {
        final BrokenTrade m = decode(header('B').u64(556).bytes(), 19, BrokenTrade.class);
        assertThat(m.matchNumber()).isEqualTo(556);
    }

    @Test
    void noii()
    {
        final Noii m = decode(header('I').u64(1_000_000).u64(25_000).alpha('B').alpha("AAPL", 8).u32(151_0000)
            .u32(150_5000).u32(150_2500).alpha('O').alpha('L').bytes(), 50, Noii.class);
        assertThat(m.pairedShares()).isEqualTo(1_000_000);
        assertThat(m.imbalanceShares()).isEqualTo(25_000);
        assertThat(m.imbalanceDirection()).isEqualTo((byte)'B');
        assertThat(text(m::appendStock)).isEqualTo("AAPL");
        assertThat(m.farPriceMantissa()).isEqualTo(151_0000);
        assertThat(m.nearPriceMantissa()).isEqualTo(150_5000);
        assertThat(m.currentReferencePriceMantissa()).isEqualTo(150_2500);
        assertThat(m.crossType()).isEqualTo((byte)'O');
        assertThat(m.priceVariationIndicator()).isEqualTo((byte)'L');
    }

    @Test
    void rpii()
    {
        final Rpii m = decode(header('N').alpha("AMD", 8).alpha('A').bytes(), 20, Rpii.class);
        assertThat(text(m::appendStock)).isEqualTo("AMD");
        assertThat(m.interestFlag()).isEqualTo((byte)'A');
    }

    @Test
    void directListingWithCapitalRaise()
    {
        final DirectListingCapitalRaise m = decode(header('O').alpha("NEWCO", 8).alpha('Y').u32(8_0000).u32(18_0000)
            .u32(12_5000).u64(34_200_000_000_000L).u32(11_2500).u32(13_7500).bytes(), 48,
            DirectListingCapitalRaise.class);
        assertThat(text(m::appendStock)).isEqualTo("NEWCO");
        assertThat(m.openEligibilityStatus()).isEqualTo((byte)'Y');
        assertThat(m.minimumAllowablePriceMantissa()).isEqualTo(8_0000);
        assertThat(m.maximumAllowablePriceMantissa()).isEqualTo(18_0000);
        assertThat(m.nearExecutionPriceMantissa()).isEqualTo(12_5000);
        assertThat(m.nearExecutionTime()).isEqualTo(34_200_000_000_000L);
        assertThat(m.lowerPriceRangeCollarMantissa()).isEqualTo(11_2500);
        assertThat(m.upperPriceRangeCollarMantissa()).isEqualTo(13_7500);
    }

    @Test
    void anUnknownTypeOrAWrongLengthIsRefusedAndCountedNotDelivered()
    {
        final byte[] addOrder = header('A').u64(1).alpha('B').u32(1).alpha("A", 8).u32(1).bytes();
        final UnsafeBuffer buffer = new UnsafeBuffer(addOrder);
        assertThat(decoder.decode(buffer, 0, addOrder.length - 1, listener)).isEqualTo(ItchDecoder.WRONG_LENGTH);
        assertThat(ItchDecoder.describe(ItchDecoder.WRONG_LENGTH, buffer, 0, 35))
            .isEqualTo("ITCH AddOrder ('A') of 35 bytes; the specification gives 36");
        buffer.putByte(0, (byte)'z');
        assertThat(decoder.decode(buffer, 0, addOrder.length, listener)).isEqualTo(ItchDecoder.UNKNOWN_TYPE);
        assertThat(ItchDecoder.describe(ItchDecoder.UNKNOWN_TYPE, buffer, 0, 36))
            .isEqualTo("unknown ITCH message type 0x7a 'z' (length 36)");
        assertThat(decoder.decode(buffer, 0, 0, listener)).isEqualTo(ItchDecoder.EMPTY);
        assertThat(listener.types).isEmpty();
        assertThat(decoder.unknownTypes()).isEqualTo(1);
        assertThat(decoder.wrongLengths()).isEqualTo(2);
        assertThat(decoder.messages()).isZero();
    }

    @Test
    void decodingAllocatesNothing()
    {
        final byte[][] mix = {
            header('A').u64(1).alpha('B').u32(100).alpha("AAPL", 8).u32(150_0000).bytes(),
            header('E').u64(1).u32(10).u64(2).bytes(),
            header('X').u64(1).u32(10).bytes(),
            header('D').u64(1).bytes(),
            header('U').u64(1).u64(2).u32(5).u32(150_0100).bytes(),
            header('P').u64(0).alpha('B').u32(1).alpha("AAPL", 8).u32(1).u64(3).bytes()};
        final UnsafeBuffer[] buffers = new UnsafeBuffer[mix.length];
        for (int i = 0; i < mix.length; i++)
        {
            buffers[i] = new UnsafeBuffer(mix[i]);
        }
        final SummingListener sum = new SummingListener();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 200_000; warm++)
        {
            decoder.decode(buffers[warm % mix.length], 0, mix[warm % mix.length].length, sum);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000_000; i++)
        {
            decoder.decode(buffers[i % mix.length], 0, mix[i % mix.length].length, sum);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sum.total).isNotZero();
        // The measuring call itself may allocate a few bytes; a per-message allocation would be megabytes.
        assertThat(allocated).as("bytes allocated decoding 1,000,000 messages").isLessThan(1_000);
    }

    /** Reads a field of each message so the JIT cannot drop the decoding. */
    private static final class SummingListener implements ItchListener
    {
        long total;

        @Override
        public void onAddOrder(final AddOrder message)
        {
            total += message.priceMantissa() + message.shares() + message.stockCode() + message.timestampNs();
        }

        @Override
        public void onOrderExecuted(final OrderExecuted message)
        {
            total += message.executedShares() + message.matchNumber();
        }

        @Override
        public void onOrderCancel(final OrderCancel message)
        {
            total += message.cancelledShares();
        }

        @Override
        public void onOrderDelete(final OrderDelete message)
        {
            total += message.orderReferenceNumber();
        }

        @Override
        public void onOrderReplace(final OrderReplace message)
        {
            total += message.priceMantissa() + message.newOrderReferenceNumber();
        }

        @Override
        public void onTrade(final Trade message)
        {
            total += message.priceMantissa() + message.stockLocate();
        }
    }
}
