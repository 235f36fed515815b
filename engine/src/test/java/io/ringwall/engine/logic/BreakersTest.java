package io.ringwall.engine.logic;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CommandResult;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.OperatorCommandResultDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.config.BreakerRule;
import io.ringwall.engine.config.RiskLimits;
import org.junit.jupiter.api.Test;

import static io.ringwall.engine.logic.RiskDesk.AAPL;
import static io.ringwall.engine.logic.RiskDesk.BTC;
import static io.ringwall.engine.logic.RiskDesk.BTCUSD;
import static io.ringwall.engine.logic.RiskDesk.ETHUSD;
import static io.ringwall.engine.logic.RiskDesk.LOT;
import static io.ringwall.engine.logic.RiskDesk.USD;
import static io.ringwall.engine.logic.RiskDesk.reason;
import static io.ringwall.engine.logic.RiskDesk.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per breaker: one unit short of its threshold it stays ACTIVE, at the threshold it trips to the
 * configured state with the figure journaled, and only an operator reset with a reason brings it back.
 */
class BreakersTest
{
    private static final long PRICE = 1_000 * USD;
    private static final long SECOND = 1_000_000_000L;

    private static RiskDesk desk(final String rule, final BreakerRule action, final String figure, final Object value)
    {
        final BreakerLimits limits = with(with(BreakerLimits.off(), rule, action), figure, value);
        final RiskDesk desk = new RiskDesk(RiskLimits.permissive(), limits, 1_000_000 * USD);
        return desk.prices(PRICE, PRICE, PRICE);
    }

    @Test
    void drawdownFromTheHighWaterMark()
    {
        final RiskDesk desk = desk("drawdown", BreakerRule.halting(), "drawdownPpm", 100_000L);
        desk.position(BTCUSD, Side.BUY, 1_000 * BTC, PRICE);
        // equity 1,000,000 all in BTC: 10 % down is a price of 900
        desk.harness.trade(BTCUSD, 900 * USD + 1, LOT);
        assertThat(desk.harness.logic().breakerState(BreakerType.DRAWDOWN)).isEqualTo(BreakerState.ACTIVE);
        desk.harness.trade(BTCUSD, 900 * USD, LOT);
        assertTripped(desk, BreakerType.DRAWDOWN, BreakerState.HALTED, 100_000, 100_000);
        assertThat(reason(desk.market(BTCUSD, Side.SELL, LOT))).isEqualTo(RiskRejectReason.TRADING_HALTED);

        // a recovery does not reset it; an operator reset without a reason is refused; with one it resets
        desk.harness.trade(BTCUSD, PRICE, LOT);
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.HALTED);
        desk.harness.command(OperatorCommandType.RESET_BREAKER, BreakerType.DRAWDOWN, "");
        assertThat(lastResult(desk)).isEqualTo(CommandResult.REFUSED_NO_REASON);
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.HALTED);
        desk.harness.command(OperatorCommandType.RESET_BREAKER, BreakerType.DRAWDOWN, "reviewed the loss");
        assertThat(lastResult(desk)).isEqualTo(CommandResult.APPLIED);
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        assertThat(reason(desk.market(BTCUSD, Side.SELL, LOT))).isEqualTo(RiskRejectReason.NULL_VAL);
    }

    @Test
    void dailyLossInMoneyAndAsAFractionWhicheverComesFirst()
    {
        final RiskDesk money = desk("dailyLoss", BreakerRule.reducing(), "dailyLossMoney", 50_000 * USD);
        money.position(BTCUSD, Side.BUY, 1_000 * BTC, PRICE);
        money.harness.trade(BTCUSD, 950 * USD + 1, LOT);
        assertThat(money.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        money.harness.trade(BTCUSD, 950 * USD, LOT);
        assertTripped(money, BreakerType.DAILY_LOSS, BreakerState.REDUCING, 50_000 * USD, 50_000 * USD);

        final RiskDesk fraction = desk("dailyLoss", BreakerRule.halting(), "dailyLossPpm", 20_000L);
        fraction.position(BTCUSD, Side.BUY, 1_000 * BTC, PRICE);
        fraction.harness.trade(BTCUSD, 980 * USD + 1, LOT);
        assertThat(fraction.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        fraction.harness.trade(BTCUSD, 980 * USD, LOT);
        assertTripped(fraction, BreakerType.DAILY_LOSS, BreakerState.HALTED, 20_000 * USD, 20_000 * USD);
    }

    @Test
    void aNewDayStartsTheDailyLossAfresh()
    {
        final RiskDesk desk = desk("dailyLoss", BreakerRule.halting(), "dailyLossMoney", 50_000 * USD);
        desk.position(BTCUSD, Side.BUY, 1_000 * BTC, PRICE);
        desk.harness.trade(BTCUSD, 960 * USD, LOT);
        desk.harness.advance(PreTradeRisk.DAY_NS).trade(BTCUSD, 960 * USD, LOT);
        desk.harness.trade(BTCUSD, 920 * USD, LOT);
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void orderRateCountsRefusedAttemptsToo()
    {
        final RiskDesk desk = desk("orderRate", BreakerRule.halting(), "orderRateCount", 5);
        for (int i = 0; i < 4; i++)
        {
            desk.market(BTCUSD, Side.BUY, 0); // refused (invalid quantity) but an attempt
        }
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        desk.harness.advance(SECOND).trade(BTCUSD, PRICE, LOT);
        desk.market(BTCUSD, Side.BUY, LOT);
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        for (int i = 0; i < 4; i++)
        {
            desk.market(BTCUSD, Side.BUY, LOT);
        }
        assertTripped(desk, BreakerType.ORDER_RATE, BreakerState.HALTED, 5, 5);
    }

    @Test
    void venueRejectRate()
    {
        final RiskDesk desk = desk("venueRejects", BreakerRule.halting(), "venueRejectCount", 3);
        final long first = desk.market(BTCUSD, Side.BUY, LOT);
        desk.harness.rejected(first, BTCUSD);
        desk.harness.rejected(first + 1, BTCUSD);
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        desk.harness.advance(60 * SECOND);
        desk.harness.rejected(first + 2, BTCUSD);
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        desk.harness.rejected(first + 3, BTCUSD);
        desk.harness.rejected(first + 4, BTCUSD);
        assertTripped(desk, BreakerType.VENUE_REJECT_RATE, BreakerState.HALTED, 3, 3);
    }

    @Test
    void staleInstrumentAndStaleFeed()
    {
        final RiskDesk instrument = desk("staleData", BreakerRule.reducing(), "instrumentStaleNs", 10 * SECOND);
        instrument.harness.advance(10 * SECOND - 1).trade(BTCUSD, PRICE, LOT);
        instrument.harness.trade(ETHUSD, PRICE, LOT);
        assertThat(instrument.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        instrument.harness.advance(1).trade(BTCUSD, PRICE, LOT);
        assertTripped(instrument, BreakerType.STALE_DATA, BreakerState.REDUCING, 10 * SECOND, 10 * SECOND);
        // AAPL was last seen 10 s ago
        assertThat(instrument.lastBreakerChange().instrumentId()).isEqualTo(AAPL);

        final RiskDesk feed = desk("staleData", BreakerRule.halting(), "feedStaleNs", 5 * SECOND);
        feed.harness.advance(5 * SECOND - 1).command(OperatorCommandType.CANCEL_ALL, null, "tick");
        assertThat(feed.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        feed.harness.advance(1).command(OperatorCommandType.CANCEL_ALL, null, "tick");
        assertTripped(feed, BreakerType.STALE_DATA, BreakerState.HALTED, 5 * SECOND, 5 * SECOND);
        assertThat(feed.lastBreakerChange().instrumentId()).isEqualTo(-1);
    }

    /**
     * Issue 24: daily bars of an equity are 6.5 hours of open market apart, whatever lies between them, so three
     * missed sessions trip the breaker and a weekend with a holiday does not.
     */
    @Test
    void barDataAgesInOpenMarketTimeNotOverNightsWeekendsOrHolidays()
    {
        final long hour = 3_600 * SECOND;
        final RiskDesk desk = barDesk(BreakerRule.reducing(), 24 * hour);
        // Friday 18 January 2013, the daily bar at 00:00 UTC after the close; Monday 21st is a holiday.
        at(desk, "2013-01-19T00:00:00Z").trade(AAPL, PRICE, LOT);
        at(desk, "2013-01-23T00:00:00Z").command(OperatorCommandType.CANCEL_ALL, null, "tick");
        at(desk, "2013-01-24T21:00:00Z").advance(-1).command(OperatorCommandType.CANCEL_ALL, null, "tick");
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        // Tuesday, Wednesday and Thursday's sessions: 3 x 6.5 hours of open market without a bar.
        desk.harness.advance(1).command(OperatorCommandType.CANCEL_ALL, null, "tick");
        assertTripped(desk, BreakerType.STALE_DATA, BreakerState.REDUCING, 3 * 13 * hour / 2, 3 * 13 * hour / 2);
        assertThat(desk.lastBreakerChange().instrumentId()).isEqualTo(AAPL);

        // The reset re-bases: watched again from the next bar on.
        desk.harness.command(OperatorCommandType.RESET_BREAKER, BreakerType.STALE_DATA, "data vendor fixed");
        at(desk, "2013-02-01T00:00:00Z").trade(AAPL, PRICE, LOT);
        at(desk, "2013-02-05T00:00:00Z").trade(AAPL, PRICE, LOT);
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void fiveMinuteBarsAroundTheClockTripAfterThreeMissedBars()
    {
        final long minute = 60 * SECOND;
        final RiskDesk desk = barDesk(BreakerRule.halting(), 5 * minute);
        at(desk, "2023-03-13T23:55:00Z").trade(ETHUSD, PRICE, LOT);
        desk.harness.advance(5 * minute).trade(ETHUSD, PRICE, LOT);
        desk.harness.advance(15 * minute - 1).command(OperatorCommandType.CANCEL_ALL, null, "tick");
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        desk.harness.advance(1).command(OperatorCommandType.CANCEL_ALL, null, "tick");
        assertTripped(desk, BreakerType.STALE_DATA, BreakerState.HALTED, 15 * minute, 15 * minute);
    }

    /** Only the stale-data breaker on, for bars of {@code barIntervalNs}, on {@link #equityMarket()}. */
    private static RiskDesk barDesk(final BreakerRule rule, final long barIntervalNs)
    {
        final BreakerLimits limits = with(with(BreakerLimits.off(), "staleData", rule), "barIntervalNs", barIntervalNs);
        return new RiskDesk(RiskLimits.permissive(), limits, 1_000_000 * USD, equityMarket());
    }

    /** AAPL on NYSE hours (holiday: 21 January 2013), the crypto symbols open around the clock. */
    private static io.ringwall.engine.market.MarketModel equityMarket()
    {
        final io.ringwall.engine.market.MarketModel base = io.ringwall.engine.market.MarketModel.defaults();
        final io.ringwall.engine.market.MarketCalendar equity = new io.ringwall.engine.market.MarketCalendar(
            "us-equity", java.time.ZoneId.of("America/New_York"), 570, 960,
            java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
            java.util.Set.of(java.time.LocalDate.of(2013, 1, 21)));
        return new io.ringwall.engine.market.MarketModel(
            java.util.Map.of(io.ringwall.engine.market.MarketModel.ALWAYS_OPEN,
                base.calendars().get(io.ringwall.engine.market.MarketModel.ALWAYS_OPEN), "us-equity", equity),
            io.ringwall.engine.market.MarketModel.ALWAYS_OPEN,
            java.util.Map.of(io.ringwall.engine.market.MarketModel.DEFAULT_MARKET,
                base.market(io.ringwall.engine.market.MarketModel.DEFAULT_MARKET),
                "AAPL", new io.ringwall.engine.market.InstrumentMarket("us-equity", 0, 0)),
            base.costs(), base.venue());
    }

    /** Moves the desk's event time to {@code instant} (forward only). */
    private static LogicHarness at(final RiskDesk desk, final String instant)
    {
        final java.time.Instant time = java.time.Instant.parse(instant);
        final long targetNs = time.getEpochSecond() * SECOND + time.getNano();
        return desk.harness.advance(targetNs - desk.harness.timeNs());
    }

    @Test
    void marketMoveInsideTheWindow()
    {
        final RiskDesk desk = desk("marketMove", BreakerRule.reducing(), "marketMovePpm", 50_000L);
        desk.harness.trade(ETHUSD, 1_050 * USD - 1, LOT);
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        desk.harness.trade(ETHUSD, 1_050 * USD, LOT);
        assertTripped(desk, BreakerType.MARKET_MOVE, BreakerState.REDUCING, 50_000, 50_000);
        assertThat(desk.lastBreakerChange().instrumentId()).isEqualTo(ETHUSD);
    }

    @Test
    void aMoveSpreadOverMoreThanTheWindowDoesNotTrip()
    {
        final RiskDesk desk = desk("marketMove", BreakerRule.halting(), "marketMovePpm", 50_000L);
        // the default window is 60 s: +3 % now and +3 % a window later is not a 5 % move inside one window
        desk.harness.trade(BTCUSD, 1_030 * USD, LOT);
        desk.harness.advance(61 * SECOND).trade(BTCUSD, 1_060 * USD, LOT);
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void aTripCancelsOpenOrdersWhenConfiguredAndKeepsThemOtherwise()
    {
        final RiskDesk cancelling = desk("marketMove", BreakerRule.reducing(), "marketMovePpm", 50_000L);
        cancelling.limit(BTCUSD, Side.BUY, LOT, PRICE);
        cancelling.limit(ETHUSD, Side.SELL, LOT, PRICE);
        cancelling.harness.trade(AAPL, 1_050 * USD, BTC);
        assertThat(cancelling.cancels()).isEqualTo(2);

        final RiskDesk keeping = desk("marketMove", new BreakerRule(true, BreakerState.REDUCING, false),
            "marketMovePpm", 50_000L);
        keeping.limit(BTCUSD, Side.BUY, LOT, PRICE);
        keeping.harness.trade(AAPL, 1_050 * USD, BTC);
        assertThat(keeping.harness.logic().breakerState()).isEqualTo(BreakerState.REDUCING);
        assertThat(keeping.cancels()).isZero();
    }

    @Test
    void aDisabledBreakerNeverTrips()
    {
        final RiskDesk desk = desk("marketMove", BreakerRule.off(), "marketMovePpm", 50_000L);
        desk.harness.trade(BTCUSD, 2_000 * USD, LOT);
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void theKillSwitchHaltsWithoutAReasonButResumesOnlyWithOne()
    {
        final RiskDesk desk = desk("marketMove", BreakerRule.off(), "marketMovePpm", 50_000L);
        desk.limit(BTCUSD, Side.BUY, LOT, PRICE);
        desk.harness.command(OperatorCommandType.HALT, null, "");
        assertTripped(desk, BreakerType.KILL_SWITCH, BreakerState.HALTED, 0, 0);
        assertThat(desk.cancels()).isEqualTo(1);
        desk.harness.command(OperatorCommandType.RESUME, null, "");
        assertThat(lastResult(desk)).isEqualTo(CommandResult.REFUSED_NO_REASON);
        desk.harness.command(OperatorCommandType.RESUME, null, "drill over");
        assertThat(desk.harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void capitalScaleScalesTargetsAndChangesOnlyByACommandWithAReason()
    {
        final RiskDesk desk = desk("marketMove", BreakerRule.off(), "marketMovePpm", 50_000L);
        desk.harness.command(OperatorCommandType.SET_CAPITAL_SCALE, null, 1_000, "stage 1 of the roll-out");
        assertThat(desk.harness.logic().capitalScalePpm()).isEqualTo(100_000);
        desk.hand.context.setTargetPosition(BTCUSD, 10 * BTC + 5 * LOT);
        assertThat(desk.lastNewOrder().quantity()).isEqualTo(BTC);
        desk.harness.command(OperatorCommandType.SET_CAPITAL_SCALE, null, 0, "off?");
        assertThat(lastResult(desk)).isEqualTo(CommandResult.REFUSED_BAD_VALUE);
        desk.harness.command(OperatorCommandType.SET_CAPITAL_SCALE, null, 3_500, "");
        assertThat(lastResult(desk)).isEqualTo(CommandResult.REFUSED_NO_REASON);
        assertThat(desk.harness.logic().capitalScalePpm()).isEqualTo(100_000);
    }

    private static void assertTripped(final RiskDesk desk, final BreakerType type, final BreakerState to,
        final long observed, final long threshold)
    {
        assertThat(desk.harness.logic().breakerState(type)).isEqualTo(to);
        final BreakerStateChangeDecoder change = desk.lastBreakerChange();
        assertThat(change.breakerType()).isEqualTo(type);
        assertThat(change.fromState()).isEqualTo(BreakerState.ACTIVE);
        assertThat(change.toState()).isEqualTo(to);
        assertThat(change.observedValue()).isEqualTo(observed);
        assertThat(change.thresholdValue()).isEqualTo(threshold);
    }

    private static CommandResult lastResult(final RiskDesk desk)
    {
        final LogicHarness.Output output = desk.harness.outputs().get(desk.harness.outputs().size() - 1);
        assertThat(output.templateId()).isEqualTo(OperatorCommandResultDecoder.TEMPLATE_ID);
        return new OperatorCommandResultDecoder().wrapAndApplyHeader(output.buffer(), 0, new MessageHeaderDecoder())
            .result();
    }
}
