package io.ringwall.engine.logic;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.config.BreakerRule;
import io.ringwall.engine.config.ParticipationMode;
import io.ringwall.engine.config.RiskLimits;
import org.junit.jupiter.api.Test;

import static io.ringwall.codecs.RiskRejectReason.NULL_VAL;
import static io.ringwall.engine.logic.RiskDesk.AAPL;
import static io.ringwall.engine.logic.RiskDesk.BTC;
import static io.ringwall.engine.logic.RiskDesk.BTCUSD;
import static io.ringwall.engine.logic.RiskDesk.ETHUSD;
import static io.ringwall.engine.logic.RiskDesk.LOT;
import static io.ringwall.engine.logic.RiskDesk.TICK;
import static io.ringwall.engine.logic.RiskDesk.USD;
import static io.ringwall.engine.logic.RiskDesk.permissive;
import static io.ringwall.engine.logic.RiskDesk.reason;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per pre-trade check: an order exactly at the limit passes, one unit past it is refused with the
 * check's reason, the limit and the figure, and the strategy hears of it.
 */
class PreTradeRiskTest
{
    private static final long PRICE = 1_000 * USD;

    @Test
    void minimumAndMaximumQuantity()
    {
        final RiskDesk desk = new RiskDesk(RiskDesk.with(permissive("minOrderQuantity", BTC), "maxOrderQuantity",
            3 * BTC)).prices(PRICE, PRICE, PRICE);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, BTC))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, BTC - LOT))).isEqualTo(RiskRejectReason.MIN_QUANTITY);
        assertThat(reason(desk.market(BTCUSD, Side.SELL, 3 * BTC))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(BTCUSD, Side.SELL, 3 * BTC + LOT))).isEqualTo(RiskRejectReason.MAX_QUANTITY);
        assertThat(desk.lastReject().limitValue()).isEqualTo(3 * BTC);
        assertThat(desk.lastReject().observedValue()).isEqualTo(3 * BTC + LOT);
        assertThat(desk.hand.refusals).containsExactly(RiskRejectReason.MIN_QUANTITY, RiskRejectReason.MAX_QUANTITY);
    }

    @Test
    void lotAndTickSize()
    {
        final RiskDesk desk = new RiskDesk(RiskLimits.permissive()).prices(PRICE, PRICE, PRICE);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, 7 * LOT))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, 7 * LOT + 1))).isEqualTo(RiskRejectReason.LOT_SIZE);
        assertThat(desk.lastReject().limitValue()).isEqualTo(LOT);
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, LOT, PRICE - 3 * TICK))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, LOT, PRICE - 3 * TICK - 1))).isEqualTo(RiskRejectReason.TICK_SIZE);
    }

    @Test
    void maximumOrderNotionalAtTheLimitPriceOrTheLastPrice()
    {
        final RiskDesk desk = new RiskDesk(permissive("maxOrderNotional", 10_000 * USD)).prices(PRICE, PRICE, PRICE);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, 10 * BTC))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, 10 * BTC + LOT))).isEqualTo(RiskRejectReason.MAX_ORDER_NOTIONAL);
        assertThat(desk.lastReject().observedValue()).isEqualTo(10_000 * USD + PRICE / 10_000);
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, 10 * BTC, PRICE))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, 10 * BTC, PRICE + TICK)))
            .isEqualTo(RiskRejectReason.MAX_ORDER_NOTIONAL);
    }

    @Test
    void priceCollarFromTheInstrumentsBandOrTheDefault()
    {
        final RiskDesk desk = new RiskDesk(RiskLimits.permissive()).prices(PRICE, PRICE, PRICE);
        // the instruments' band is 10 %
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, LOT, 1_100 * USD))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, LOT, 1_100 * USD + TICK))).isEqualTo(RiskRejectReason.PRICE_COLLAR);
        assertThat(desk.lastReject().limitValue()).isEqualTo(100_000);
        assertThat(desk.lastReject().observedValue()).isEqualTo(100_010);
        assertThat(reason(desk.limit(BTCUSD, Side.SELL, LOT, 900 * USD))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.limit(BTCUSD, Side.SELL, LOT, 900 * USD - TICK))).isEqualTo(RiskRejectReason.PRICE_COLLAR);
    }

    @Test
    void positionInAbsoluteQuantityCountsOpenOrdersAndLetsReducingOrdersThrough()
    {
        final RiskDesk desk = new RiskDesk(permissive("maxPositionQuantity", 2 * BTC)).prices(PRICE, PRICE, PRICE);
        desk.position(BTCUSD, Side.BUY, BTC, PRICE);
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, BTC - LOT, PRICE))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, LOT))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, LOT))).isEqualTo(RiskRejectReason.POSITION_QUANTITY);
        assertThat(desk.lastReject().observedValue()).isEqualTo(2 * BTC + LOT);
        assertThat(reason(desk.market(BTCUSD, Side.SELL, 3 * BTC))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(BTCUSD, Side.SELL, LOT))).isEqualTo(RiskRejectReason.POSITION_QUANTITY);
    }

    @Test
    void positionAsAFractionOfEquity()
    {
        final RiskDesk desk = new RiskDesk(permissive("maxPositionEquityPpm", 100_000L)).prices(PRICE, PRICE, PRICE);
        // 10 % of 1,000,000 is 100,000: 100 BTC at 1,000
        desk.position(BTCUSD, Side.BUY, 60 * BTC, PRICE);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, 40 * BTC))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, LOT))).isEqualTo(RiskRejectReason.POSITION_EQUITY);
        assertThat(desk.lastReject().limitValue()).isEqualTo(100_000 * USD);
        assertThat(desk.lastReject().observedValue()).isEqualTo(100_000 * USD + PRICE / 10_000);
        assertThat(reason(desk.market(ETHUSD, Side.SELL, 100 * BTC))).isEqualTo(NULL_VAL);
    }

    @Test
    void sectorExposure()
    {
        final RiskDesk desk = new RiskDesk(permissive("maxSectorEquityPpm", 150_000L)).prices(PRICE, PRICE, PRICE);
        desk.position(BTCUSD, Side.BUY, 100 * BTC, PRICE);
        desk.position(ETHUSD, Side.SELL, 50 * BTC, PRICE);
        assertThat(reason(desk.market(ETHUSD, Side.SELL, LOT))).isEqualTo(RiskRejectReason.SECTOR_EXPOSURE);
        assertThat(desk.lastReject().limitValue()).isEqualTo(150_000 * USD);
        assertThat(reason(desk.market(ETHUSD, Side.BUY, LOT))).isEqualTo(NULL_VAL);
        // another sector has its own allowance
        assertThat(reason(desk.market(AAPL, Side.BUY, 150 * BTC))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(AAPL, Side.BUY, BTC))).isEqualTo(RiskRejectReason.SECTOR_EXPOSURE);
    }

    @Test
    void grossLeverage()
    {
        final RiskDesk desk = new RiskDesk(permissive("maxGrossLeveragePpm", 200_000L)).prices(PRICE, PRICE, PRICE);
        desk.position(BTCUSD, Side.BUY, 100 * BTC, PRICE);
        desk.position(AAPL, Side.SELL, 99 * BTC, PRICE);
        assertThat(reason(desk.market(AAPL, Side.SELL, BTC))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(ETHUSD, Side.SELL, LOT))).isEqualTo(RiskRejectReason.GROSS_LEVERAGE);
        assertThat(desk.lastReject().observedValue()).isEqualTo(200_000 * USD + PRICE / 10_000);
    }

    @Test
    void netExposure()
    {
        final RiskDesk desk = new RiskDesk(permissive("maxNetExposurePpm", 100_000L)).prices(PRICE, PRICE, PRICE);
        desk.position(BTCUSD, Side.BUY, 100 * BTC, PRICE);
        assertThat(reason(desk.market(AAPL, Side.BUY, BTC))).isEqualTo(RiskRejectReason.NET_EXPOSURE);
        // a short elsewhere brings the net down
        assertThat(reason(desk.market(AAPL, Side.SELL, 200 * BTC))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(AAPL, Side.SELL, BTC))).isEqualTo(RiskRejectReason.NET_EXPOSURE);
    }

    @Test
    void ordersPerDayResetAtTheUtcDay()
    {
        final RiskDesk desk = new RiskDesk(permissive("maxOrdersPerDay", 3)).prices(PRICE, PRICE, PRICE);
        for (int i = 1; i <= 3; i++)
        {
            assertThat(reason(desk.market(BTCUSD, Side.BUY, i * LOT))).isEqualTo(NULL_VAL);
        }
        assertThat(reason(desk.market(BTCUSD, Side.BUY, 4 * LOT))).isEqualTo(RiskRejectReason.ORDERS_PER_DAY);
        assertThat(desk.lastReject().observedValue()).isEqualTo(4);
        desk.harness.advance(PreTradeRisk.DAY_NS).trade(BTCUSD, PRICE, LOT);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, 5 * LOT))).isEqualTo(NULL_VAL);
    }

    @Test
    void orderRateOverARollingSecond()
    {
        final RiskDesk desk = new RiskDesk(permissive("maxOrdersPerSecond", 2)).prices(PRICE, PRICE, PRICE);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, LOT))).isEqualTo(NULL_VAL);
        desk.harness.advance(500_000_000L).trade(BTCUSD, PRICE, LOT);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, 2 * LOT))).isEqualTo(NULL_VAL);
        desk.harness.advance(499_999_999L).trade(BTCUSD, PRICE, LOT);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, 3 * LOT))).isEqualTo(RiskRejectReason.ORDER_RATE);
        desk.harness.advance(1).trade(BTCUSD, PRICE, LOT);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, 3 * LOT))).isEqualTo(NULL_VAL);
    }

    @Test
    void duplicatesInsideTheWindow()
    {
        final RiskDesk desk = new RiskDesk(permissive("duplicateWindowNs", 1_000_000_000L)).prices(PRICE, PRICE, PRICE);
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, LOT, PRICE))).isEqualTo(NULL_VAL);
        desk.harness.advance(999_999_999L).trade(BTCUSD, PRICE, LOT);
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, LOT, PRICE))).isEqualTo(RiskRejectReason.DUPLICATE_ORDER);
        assertThat(desk.lastReject().observedValue()).isEqualTo(999_999_999L);
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, LOT, PRICE - TICK))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.limit(BTCUSD, Side.SELL, LOT, PRICE))).isEqualTo(NULL_VAL);
        desk.harness.advance(1).trade(BTCUSD, PRICE, LOT);
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, LOT, PRICE))).isEqualTo(NULL_VAL);
    }

    @Test
    void participationRejectsOrSplitsAboveTheShareOfAverageDailyVolume()
    {
        // BTCUSD ADV 1,000 BTC, 5 % = 50 BTC
        final RiskDesk rejecting = new RiskDesk(permissive("maxParticipationPpm", 50_000L)).prices(PRICE, PRICE, PRICE);
        assertThat(reason(rejecting.market(BTCUSD, Side.BUY, 50 * BTC))).isEqualTo(NULL_VAL);
        assertThat(reason(rejecting.market(BTCUSD, Side.BUY, 50 * BTC + LOT))).isEqualTo(RiskRejectReason.PARTICIPATION);
        assertThat(rejecting.lastReject().limitValue()).isEqualTo(50 * BTC);

        final RiskDesk splitting = new RiskDesk(RiskDesk.with(permissive("maxParticipationPpm", 50_000L),
            "participationMode", ParticipationMode.SPLIT)).prices(PRICE, PRICE, PRICE);
        assertThat(reason(splitting.market(BTCUSD, Side.BUY, 60 * BTC))).isEqualTo(NULL_VAL);
        assertThat(splitting.newOrders()).isEqualTo(1);
        assertThat(splitting.lastReject().reason()).isEqualTo(RiskRejectReason.PARTICIPATION);
        assertThat(splitting.lastReject().quantity()).isEqualTo(10 * BTC);
        assertThat(splitting.hand.refusals).containsExactly(RiskRejectReason.PARTICIPATION);
    }

    @Test
    void buyingPowerCountsOpenBuysAndTheFeeEstimate()
    {
        final RiskLimits limits = RiskDesk.with(permissive("checkBuyingPower", true), "feeEstimateBps", 10L);
        final RiskDesk desk = new RiskDesk(limits, BreakerLimits.off(), 100_100 * USD).prices(PRICE, PRICE, PRICE);
        // 60 + 40 BTC at 1,000 = 100,000 plus 10 bps = 100,100; the open buy's estimated fee is committed too
        assertThat(reason(desk.limit(BTCUSD, Side.BUY, 60 * BTC, PRICE))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, 40 * BTC + LOT))).isEqualTo(RiskRejectReason.BUYING_POWER);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, 40 * BTC))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(AAPL, Side.SELL, BTC))).isEqualTo(NULL_VAL);
    }

    @Test
    void inReducingOnlyOrdersThatReduceThePositionPass()
    {
        final BreakerLimits reducingOnMove = RiskDesk.with(RiskDesk.with(BreakerLimits.off(), "marketMove",
            BreakerRule.reducing()), "marketMovePpm", 50_000L);
        final RiskDesk desk = new RiskDesk(RiskLimits.permissive(), reducingOnMove, 1_000_000 * USD)
            .prices(PRICE, PRICE, PRICE);
        desk.position(BTCUSD, Side.BUY, 2 * BTC, PRICE);
        desk.harness.trade(BTCUSD, 1_050 * USD, LOT);
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.REDUCING);
        assertThat(reason(desk.market(BTCUSD, Side.BUY, LOT))).isEqualTo(RiskRejectReason.REDUCING_ONLY);
        assertThat(reason(desk.market(ETHUSD, Side.SELL, LOT))).isEqualTo(RiskRejectReason.REDUCING_ONLY);
        assertThat(reason(desk.market(BTCUSD, Side.SELL, BTC))).isEqualTo(NULL_VAL);
        assertThat(reason(desk.market(BTCUSD, Side.SELL, BTC + LOT))).isEqualTo(RiskRejectReason.REDUCING_ONLY);
        assertThat(desk.lastReject().limitValue()).isEqualTo(BTC);
        assertThat(reason(desk.market(BTCUSD, Side.SELL, BTC))).isEqualTo(NULL_VAL);
    }

    @Test
    void whenHaltedNothingPassesAndTheRefusalNamesTheBreaker()
    {
        final RiskDesk desk = new RiskDesk(RiskLimits.permissive()).prices(PRICE, PRICE, PRICE);
        desk.harness.command(io.ringwall.codecs.OperatorCommandType.HALT, null, "drill");
        assertThat(reason(desk.market(BTCUSD, Side.SELL, LOT))).isEqualTo(RiskRejectReason.TRADING_HALTED);
        assertThat(desk.lastReject().limitValue()).isEqualTo(io.ringwall.codecs.BreakerType.KILL_SWITCH.value());
    }
}
