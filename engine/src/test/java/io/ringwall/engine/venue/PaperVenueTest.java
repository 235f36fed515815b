package io.ringwall.engine.venue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.frames.VenueAnswers;
import io.ringwall.engine.market.CostModel;
import io.ringwall.engine.market.InstrumentMarket;
import io.ringwall.engine.market.MarketModel;
import io.ringwall.engine.market.VenueRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper venue's rules against hand-computed figures. Prices have 4 decimals (100.0000 = 1_000_000),
 * quantities 8 (1 unit = 100_000_000), money 4.
 */
class PaperVenueTest
{
    private static final long UNIT = 100_000_000L;
    private static final long PRICE_100 = 1_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final List<InstrumentSpec> INSTRUMENTS = List.of(
        new InstrumentSpec("XYZ", "test", 1, 100, 1_000 * UNIT, 0));

    /** Every answer as text, in order. */
    private final List<String> answers = new ArrayList<>();

    private PaperVenue venue(final CostModel costs, final VenueRules rules)
    {
        final MarketModel market = MarketModel.defaults().withCosts(costs).withVenue(rules);
        return new PaperVenue(new MarketModel(market.calendars(), market.sessionCalendar(),
            Map.of(MarketModel.DEFAULT_MARKET, new InstrumentMarket(MarketModel.ALWAYS_OPEN, 20_000, 500)),
            costs, rules), INSTRUMENTS, 1_000_000_0000L, 64, new Recorder());
    }

    private static VenueRules rules(final long volumeLimitPpm)
    {
        return new VenueRules(0, 0, volumeLimitPpm, VenueRules.OutsideHours.QUEUE);
    }

    @Test
    void commissionIsPerUnitPlusRateWithAMinimum()
    {
        // 0.01 per unit + 10 bps, minimum 1.00: 3 units at 100 -> 0.03 + 0.30 = 0.33 -> minimum 1.00.
        final CostModel costs = new CostModel(100, 1_000, 10_000, 0, false, 0);
        assertThat(costs.commission(3 * UNIT, PRICE_100)).isEqualTo(10_000);
        // 500 units at 100: 5.00 + 50.00 = 55.00.
        assertThat(costs.commission(500 * UNIT, PRICE_100)).isEqualTo(550_000);
    }

    @Test
    void takerPriceAddsSlippageHalfSpreadAndSquareRootImpactRoundedAgainstTheOrder()
    {
        final InstrumentMarket market = new InstrumentMarket("always", 20_000, 500);
        // Slippage 2 bp alone: 100 * 0.0002 = 0.02 -> buy 100.02, sell 99.98 (tick 0.01).
        assertThat(new CostModel(0, 0, 0, 200, false, 0).takerPrice(Side.BUY, PRICE_100, UNIT, market, 0, 100))
            .isEqualTo(1_000_200);
        assertThat(new CostModel(0, 0, 0, 200, false, 0).takerPrice(Side.SELL, PRICE_100, UNIT, market, 0, 100))
            .isEqualTo(999_800);
        // Half spread 5 bp: 0.05 -> 100.05.
        assertThat(new CostModel(0, 0, 0, 0, true, 0).takerPrice(Side.BUY, PRICE_100, UNIT, market, 0, 100))
            .isEqualTo(1_000_500);
        // Impact 1.0 x 2 % x sqrt(10 / 1000) = 0.002 = 20 bp -> 100.20.
        assertThat(new CostModel(0, 0, 0, 0, false, 1_000_000)
            .takerPrice(Side.BUY, PRICE_100, 10 * UNIT, market, 1_000 * UNIT, 100)).isEqualTo(1_002_000);
        // All three add up: 2 + 5 + 20 = 27 bp -> 100.27; a fraction of a tick rounds against the buyer.
        assertThat(new CostModel(0, 0, 0, 200, true, 1_000_000)
            .takerPrice(Side.BUY, PRICE_100, 10 * UNIT, market, 1_000 * UNIT, 100)).isEqualTo(1_002_700);
        assertThat(new CostModel(0, 0, 0, 1, false, 0).takerPrice(Side.BUY, PRICE_100, UNIT, market, 0, 100))
            .as("0.0001 % of 100 is below a tick: one tick against").isEqualTo(1_000_100);
    }

    @Test
    void aLargeMarketOrderFillsPartiallyUnderTheVolumeLimit()
    {
        final PaperVenue venue = venue(CostModel.free(), rules(25_000));
        venue.onTrade(T0, 0, PRICE_100, 40 * UNIT);                 // 2.5 % of 40 = 1 unit left for takers
        venue.onNewOrder(T0 + 1, 7, 0, Side.BUY, OrdType.MARKET, TimeInForce.DAY, 3 * UNIT, 0, 0);
        venue.onTrade(T0 + 2, 0, PRICE_100 + 100, 40 * UNIT);       // 1 more at 100.01
        venue.onTrade(T0 + 3, 0, PRICE_100 + 200, 80 * UNIT);       // 2 available, 1 needed
        assertThat(answers).containsExactly(
            "accepted 7",
            "filled 7 " + PRICE_100 + " x " + UNIT + " leaves " + 2 * UNIT,
            "filled 7 " + (PRICE_100 + 100) + " x " + UNIT + " leaves " + UNIT,
            "filled 7 " + (PRICE_100 + 200) + " x " + UNIT + " leaves 0");
        assertThat(venue.workingOrders()).isZero();
    }

    @Test
    void aLimitOrderFillsOnlyWhenTheMarketTradesThroughItAtItsOwnPrice()
    {
        final PaperVenue venue = venue(CostModel.free(), rules(1_000_000));
        venue.onTrade(T0, 0, PRICE_100, UNIT);
        venue.onNewOrder(T0 + 1, 8, 0, Side.BUY, OrdType.LIMIT, TimeInForce.GTC, UNIT, 990_000, 0);
        venue.onTrade(T0 + 2, 0, 990_000, UNIT);                    // at the limit: not through
        assertThat(answers).containsExactly("accepted 8");
        venue.onTrade(T0 + 3, 0, 989_900, UNIT);                    // through: fills at 99.00
        assertThat(answers).last().isEqualTo("filled 8 990000 x " + UNIT + " leaves 0");
    }

    @Test
    void aStopTriggersAtItsPriceThenFillsAsAMarketOrder()
    {
        final PaperVenue venue = venue(new CostModel(0, 0, 0, 100, false, 0), rules(1_000_000));
        venue.onTrade(T0, 0, PRICE_100, UNIT);
        venue.onNewOrder(T0 + 1, 9, 0, Side.SELL, OrdType.STOP, TimeInForce.GTC, UNIT, 0, 950_000);
        venue.onTrade(T0 + 2, 0, 960_000, UNIT);                    // above the stop: nothing
        assertThat(answers).containsExactly("accepted 9");
        venue.onTrade(T0 + 3, 0, 950_000, UNIT);                    // at the stop: triggers, 1 bp slippage
        assertThat(answers).last().isEqualTo("filled 9 949900 x " + UNIT + " leaves 0");
    }

    @Test
    void iocTakesItsFirstOpportunityAndExpiresTheRest()
    {
        final PaperVenue venue = venue(CostModel.free(), rules(25_000));
        venue.onTrade(T0, 0, PRICE_100, 40 * UNIT);
        venue.onNewOrder(T0 + 1, 10, 0, Side.BUY, OrdType.MARKET, TimeInForce.IOC, 3 * UNIT, 0, 0);
        assertThat(answers).containsExactly("accepted 10",
            "filled 10 " + PRICE_100 + " x " + UNIT + " leaves " + 2 * UNIT, "expired 10 " + 2 * UNIT);
    }

    @Test
    void latencyDelaysTheAcknowledgementAndTheFirstFill()
    {
        final PaperVenue venue = venue(CostModel.free(), new VenueRules(1_000, 2_000, 1_000_000,
            VenueRules.OutsideHours.QUEUE));
        venue.onTrade(T0, 0, PRICE_100, UNIT);
        venue.onNewOrder(T0 + 10, 11, 0, Side.BUY, OrdType.LIMIT, TimeInForce.GTC, UNIT, 1_010_000, 0);
        venue.onTrade(T0 + 500, 0, 1_000_000, UNIT);                // before the ack is due
        assertThat(answers).isEmpty();
        venue.onTrade(T0 + 2_000, 0, 1_000_000, UNIT);              // acknowledged (due T0+1010), not live until T0+3010
        assertThat(answers).containsExactly("accepted 11");
        venue.onTrade(T0 + 3_010, 0, 1_000_000, UNIT);
        assertThat(answers).last().isEqualTo("filled 11 1010000 x " + UNIT + " leaves 0");
    }

    @Test
    void rejectsUnknownInstrumentsClosedMarketsAndMissingBuyingPower()
    {
        final PaperVenue venue = venue(CostModel.free(), new VenueRules(0, 0, 1_000_000,
            VenueRules.OutsideHours.REJECT));
        venue.onTrade(T0, 0, PRICE_100, UNIT);
        venue.onNewOrder(T0, 1, 5, Side.BUY, OrdType.MARKET, TimeInForce.DAY, UNIT, 0, 0);
        venue.onNewOrder(T0, 2, 0, Side.BUY, OrdType.MARKET, TimeInForce.DAY, 2_000_000 * UNIT, 0, 0);
        assertThat(answers).containsExactly("rejected 1 " + VenueRejectReason.UNKNOWN_INSTRUMENT,
            "rejected 2 " + VenueRejectReason.INSUFFICIENT_BUYING_POWER);
    }

    @Test
    void aDayOrderExpiresAtItsSessionsClose()
    {
        final PaperVenue venue = venue(CostModel.free(), rules(1_000_000));
        final long midnight = (T0 / 86_400_000_000_000L + 1) * 86_400_000_000_000L;
        venue.onTrade(T0, 0, PRICE_100, UNIT);
        venue.onNewOrder(T0 + 1, 12, 0, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, UNIT, 900_000, 0);
        venue.onTrade(midnight + 1, 0, PRICE_100, UNIT);
        assertThat(answers).containsExactly("accepted 12", "expired 12 " + UNIT);
    }

    @Test
    void anOrderCancelledBeforeItsAcknowledgementHoldsBackNoLaterOnesAcknowledgement()
    {
        // the venue skips its acknowledgement pass until the earliest one is due; a cancelled order's due time
        // must not leave the pass skipped past a later order's
        final PaperVenue venue = venue(CostModel.free(), new VenueRules(1_000, 0, 1_000_000,
            VenueRules.OutsideHours.QUEUE));
        venue.onTrade(T0, 0, PRICE_100, UNIT);
        venue.onNewOrder(T0 + 10, 20, 0, Side.BUY, OrdType.LIMIT, TimeInForce.GTC, UNIT, 900_000, 0);
        venue.onCancel(T0 + 20, 0, 20);
        venue.onNewOrder(T0 + 500, 21, 0, Side.BUY, OrdType.LIMIT, TimeInForce.GTC, UNIT, 900_000, 0);
        venue.advanceTo(T0 + 1_010);
        assertThat(answers).containsExactly("cancelled 20 " + UNIT);
        venue.advanceTo(T0 + 1_499);
        assertThat(answers).containsExactly("cancelled 20 " + UNIT);
        venue.advanceTo(T0 + 1_500);
        assertThat(answers).containsExactly("cancelled 20 " + UNIT, "accepted 21");
        venue.onNewOrder(T0 + 1_600, 22, 0, Side.BUY, OrdType.LIMIT, TimeInForce.GTC, UNIT, 900_000, 0);
        venue.advanceTo(T0 + 2_600);
        assertThat(answers).last().isEqualTo("accepted 22");
    }

    @Test
    void aDayOrderStillUnacknowledgedAtItsCloseExpiresOnceAcknowledged()
    {
        // the acknowledgement falls due after the close: the expiry pass must keep looking until it is acknowledged
        final PaperVenue venue = venue(CostModel.free(), new VenueRules(1_000, 0, 1_000_000,
            VenueRules.OutsideHours.QUEUE));
        final long midnight = (T0 / 86_400_000_000_000L + 1) * 86_400_000_000_000L;
        venue.onTrade(midnight - 2_000, 0, PRICE_100, UNIT);
        venue.onNewOrder(midnight - 500, 23, 0, Side.BUY, OrdType.LIMIT, TimeInForce.GTC, UNIT, 900_000, 0);
        venue.onNewOrder(midnight - 100, 24, 0, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, UNIT, 900_000, 0);
        venue.advanceTo(midnight + 600);                            // 24 is past its close, not yet acknowledged
        assertThat(answers).containsExactly("accepted 23");
        venue.advanceTo(midnight + 900);
        assertThat(answers).containsExactly("accepted 23", "accepted 24", "expired 24 " + UNIT);
        assertThat(venue.workingOrders()).isEqualTo(1);
        assertThat(venue.isWorking(24)).isFalse();
    }

    @Test
    void theVolumeLimitOfAPrintTooLargeForAPlainProductIsStillExact()
    {
        // 200,000 units x 2.5 %: the product in quantity units overflows a long, so the exact 128-bit path answers
        final PaperVenue venue = venue(CostModel.free(), rules(25_000));
        venue.onTrade(T0, 0, 10_000, UNIT);                         // 1.0000: buying power for 6,000 units
        venue.onNewOrder(T0 + 1, 25, 0, Side.BUY, OrdType.MARKET, TimeInForce.GTC, 6_000 * UNIT, 0, 0);
        venue.onTrade(T0 + 2, 0, 10_000, 200_000 * UNIT);
        final long first = UNIT / 40;                               // what the first print left: 2.5 % of 1 unit
        assertThat(answers).containsExactly("accepted 25",
            "filled 25 10000 x " + first + " leaves " + (6_000 * UNIT - first),
            "filled 25 10000 x " + 5_000 * UNIT + " leaves " + (1_000 * UNIT - first));
    }

    @Test
    void anAmendReplacesQuantityAndPriceKeepsWhatFilledAndRenamesTheOrder()
    {
        final PaperVenue venue = venue(CostModel.free(), rules(500_000));
        venue.onTrade(T0, 0, PRICE_100, UNIT);
        venue.onNewOrder(T0 + 1, 20, 0, Side.BUY, OrdType.LIMIT, TimeInForce.GTC, 4 * UNIT, 990_000, 0);
        venue.onTrade(T0 + 2, 0, 989_900, 2 * UNIT);               // through: half of 2 units fills
        venue.onReplace(T0 + 3, 21, 20, 3 * UNIT, 985_000);
        assertThat(answers).containsExactly("accepted 20", "filled 20 990000 x " + UNIT + " leaves " + 3 * UNIT,
            "replaced 20 as 21 " + 3 * UNIT + " at 985000 leaves " + 2 * UNIT + " cum " + UNIT);
        assertThat(venue.isWorking(20)).as("known by the amend's id from now on").isFalse();
        assertThat(venue.isWorking(21)).isTrue();
        venue.onTrade(T0 + 4, 0, 989_900, 2 * UNIT);               // no longer through the new limit
        assertThat(answers).hasSize(3);
        venue.onTrade(T0 + 5, 0, 984_900, 4 * UNIT);
        assertThat(answers).last().isEqualTo("filled 21 985000 x " + 2 * UNIT + " leaves 0");
    }

    @Test
    void anAmendIsRefusedForAnUnknownOrFinishedOrderOrBelowWhatFilled()
    {
        final PaperVenue venue = venue(CostModel.free(), rules(500_000));
        venue.onTrade(T0, 0, PRICE_100, UNIT);
        venue.onNewOrder(T0 + 1, 30, 0, Side.BUY, OrdType.LIMIT, TimeInForce.GTC, 4 * UNIT, 990_000, 0);
        venue.onTrade(T0 + 2, 0, 989_900, 4 * UNIT);               // 2 units fill
        venue.onReplace(T0 + 3, 31, 30, 2 * UNIT, 990_000);
        venue.onReplace(T0 + 3, 32, 99, 2 * UNIT, 990_000);
        assertThat(answers).endsWith("replace rejected 31 of 30 INVALID_QUANTITY",
            "replace rejected 32 of 99 UNKNOWN_ORDER");
        assertThat(venue.isWorking(30)).as("a refused amend leaves the order as it was").isTrue();
        venue.onTrade(T0 + 4, 0, 989_900, 4 * UNIT);
        assertThat(answers).last().isEqualTo("filled 30 990000 x " + 2 * UNIT + " leaves 0");
        venue.onReplace(T0 + 5, 33, 30, 5 * UNIT, 990_000);
        assertThat(answers).last().isEqualTo("replace rejected 33 of 30 UNKNOWN_ORDER");
    }

    private final class Recorder implements VenueAnswers
    {
        @Override
        public void orderAccepted(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId)
        {
            answers.add("accepted " + clOrdId);
        }

        @Override
        public void orderFilled(final long timeNs, final long clOrdId, final long venueOrderId, final long execId,
            final int instrumentId, final Side side, final long lastPrice, final long lastQuantity,
            final long leavesQuantity, final long cumQuantity, final long fee)
        {
            answers.add("filled " + clOrdId + " " + lastPrice + " x " + lastQuantity + " leaves " + leavesQuantity);
        }

        @Override
        public void orderRejected(final long timeNs, final long clOrdId, final int instrumentId,
            final VenueRejectReason reason)
        {
            answers.add("rejected " + clOrdId + " " + reason);
        }

        @Override
        public void orderCancelled(final long timeNs, final long clOrdId, final long venueOrderId,
            final int instrumentId, final long cancelledQuantity)
        {
            answers.add("cancelled " + clOrdId + " " + cancelledQuantity);
        }

        @Override
        public void orderExpired(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId,
            final long expiredQuantity)
        {
            answers.add("expired " + clOrdId + " " + expiredQuantity);
        }

        @Override
        public void cancelRejected(final long timeNs, final long clOrdId, final long origClOrdId,
            final VenueRejectReason reason)
        {
            answers.add("cancel rejected " + origClOrdId + " " + reason);
        }

        @Override
        public void orderReplaced(final long timeNs, final long clOrdId, final long origClOrdId,
            final long venueOrderId, final int instrumentId, final long quantity, final long limitPrice,
            final long leavesQuantity, final long cumQuantity)
        {
            answers.add("replaced " + origClOrdId + " as " + clOrdId + " " + quantity + " at " + limitPrice +
                " leaves " + leavesQuantity + " cum " + cumQuantity);
        }

        @Override
        public void replaceRejected(final long timeNs, final long clOrdId, final long origClOrdId,
            final VenueRejectReason reason)
        {
            answers.add("replace rejected " + clOrdId + " of " + origClOrdId + " " + reason);
        }
    }

    @Test
    void withAQuoteAMarketOrderFillsAtTheAskUpToItsDisplayedSizeNotAtTheLastTrade()
    {
        // Costs that would move a print-based fill: with a quote, the touch is the price.
        final PaperVenue venue = venue(new CostModel(0, 0, 0, 100, true, 0), rules(1_000_000));
        venue.onTrade(T0, 0, PRICE_100, 10 * UNIT);
        venue.onQuote(T0 + 1, 0, 999_900, 5 * UNIT, 1_000_100, 2 * UNIT);   // 99.99 x 5 / 100.01 x 2
        venue.onNewOrder(T0 + 2, 7, 0, Side.BUY, OrdType.MARKET, TimeInForce.DAY, 3 * UNIT, 0, 0);
        venue.onTrade(T0 + 3, 0, PRICE_100, 10 * UNIT);                     // a print does not fill a quoted taker
        venue.onQuote(T0 + 4, 0, 999_900, 5 * UNIT, 1_000_200, 10 * UNIT);  // the ask moves to 100.02
        assertThat(answers).containsExactly(
            "accepted 7",
            "filled 7 1000100 x " + 2 * UNIT + " leaves " + UNIT,
            "filled 7 1000200 x " + UNIT + " leaves 0");
    }

    @Test
    void withAQuoteASellFillsAtTheBidAndWhatItTookIsNotTakenAgainUntilTheNextQuote()
    {
        final PaperVenue venue = venue(CostModel.free(), rules(1_000_000));
        venue.onQuote(T0, 0, 999_900, UNIT, 1_000_100, UNIT);
        venue.onNewOrder(T0 + 1, 7, 0, Side.SELL, OrdType.MARKET, TimeInForce.GTC, UNIT, 0, 0);
        venue.onNewOrder(T0 + 2, 8, 0, Side.SELL, OrdType.MARKET, TimeInForce.GTC, UNIT, 0, 0);
        assertThat(answers).containsExactly("accepted 7", "filled 7 999900 x " + UNIT + " leaves 0", "accepted 8");
        venue.onQuote(T0 + 3, 0, 999_800, UNIT, 1_000_100, UNIT);
        assertThat(answers).last().isEqualTo("filled 8 999800 x " + UNIT + " leaves 0");
    }

    @Test
    void withAQuoteALimitAtOrThroughTheTouchFillsAtTheTouchAndOneBehindItRests()
    {
        final PaperVenue venue = venue(CostModel.free(), rules(1_000_000));
        venue.onQuote(T0, 0, 999_900, 10 * UNIT, 1_000_100, 10 * UNIT);
        venue.onNewOrder(T0 + 1, 7, 0, Side.BUY, OrdType.LIMIT, TimeInForce.GTC, UNIT, 1_000_500, 0);
        venue.onNewOrder(T0 + 2, 8, 0, Side.BUY, OrdType.LIMIT, TimeInForce.GTC, UNIT, 1_000_000, 0);
        assertThat(answers).containsExactly("accepted 7", "filled 7 1000100 x " + UNIT + " leaves 0", "accepted 8");
        venue.onQuote(T0 + 3, 0, 999_900, 10 * UNIT, 1_000_000, 10 * UNIT); // the ask comes down to the limit
        assertThat(answers).last().isEqualTo("filled 8 1000000 x " + UNIT + " leaves 0");
    }

    @Test
    void aStopAPrintTriggersFillsAtTheQuotedTouch()
    {
        final PaperVenue venue = venue(new CostModel(0, 0, 0, 100, false, 0), rules(1_000_000));
        venue.onQuote(T0, 0, 949_000, 10 * UNIT, 951_000, 10 * UNIT);
        venue.onTrade(T0 + 1, 0, 960_000, UNIT);
        venue.onNewOrder(T0 + 2, 9, 0, Side.SELL, OrdType.STOP, TimeInForce.GTC, UNIT, 0, 950_000);
        venue.onTrade(T0 + 3, 0, 950_000, UNIT);                    // triggers; fills at the bid, no slippage
        assertThat(answers).containsExactly("accepted 9", "filled 9 949000 x " + UNIT + " leaves 0");
    }

    @Test
    void anEmptyQuotedSideReturnsTakersToThePrintRules()
    {
        final PaperVenue venue = venue(CostModel.free(), rules(1_000_000));
        venue.onTrade(T0, 0, PRICE_100, UNIT);
        venue.onQuote(T0 + 1, 0, 999_900, UNIT, 1_000_100, UNIT);
        venue.onQuote(T0 + 2, 0, 999_900, UNIT, 0, 0);              // no ask: a buy takes the last print's volume
        venue.onNewOrder(T0 + 3, 7, 0, Side.BUY, OrdType.MARKET, TimeInForce.GTC, UNIT, 0, 0);
        assertThat(answers).containsExactly("accepted 7", "filled 7 1000000 x " + UNIT + " leaves 0");
    }
}
