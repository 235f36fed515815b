package io.ringwall.engine.logic;

import java.util.List;

import io.ringwall.codecs.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioTest
{
    private static final long USD = 10_000L;
    private static final long BTC = 100_000_000L;

    @Test
    void averageCostRealisedPnlThroughZeroWithFees()
    {
        final Portfolio portfolio = new Portfolio(1, 100_000 * USD);

        portfolio.onFill(0, Side.BUY, 2 * BTC, 100 * USD, 1 * USD);        // long 2 @ 100, fee 1
        portfolio.onFill(0, Side.BUY, 2 * BTC, 110 * USD, 1 * USD);        // long 4 @ avg 105
        assertThat(portfolio.position(0)).isEqualTo(4 * BTC);
        assertThat(portfolio.costBasis(0)).isEqualTo(420 * USD);

        portfolio.onFill(0, Side.SELL, 1 * BTC, 120 * USD, 1 * USD);       // close 1: +15
        assertThat(portfolio.realizedPnl()).isEqualTo(15 * USD);
        assertThat(portfolio.costBasis(0)).isEqualTo(315 * USD);

        portfolio.onFill(0, Side.SELL, 5 * BTC, 90 * USD, 2 * USD);        // close 3 @ 90: -45, then short 2 @ 90
        assertThat(portfolio.realizedPnl()).isEqualTo(-30 * USD);
        assertThat(portfolio.position(0)).isEqualTo(-2 * BTC);
        assertThat(portfolio.costBasis(0)).isEqualTo(-180 * USD);

        portfolio.mark(0, 80 * USD);                                      // short 2 from 90 to 80: +20
        assertThat(portfolio.unrealizedPnl()).isEqualTo(20 * USD);
        assertThat(portfolio.feesPaid()).isEqualTo(5 * USD);
        // cash: 100000 - 200 - 220 + 120 + 450 - 5 fees = 100145; equity = cash - 2 * 80 = 99985
        assertThat(portfolio.cash()).isEqualTo(100_145 * USD);
        assertThat(portfolio.equity()).isEqualTo(99_985 * USD);
        // equity - start = realised + unrealised - fees = -30 + 20 - 5
        assertThat(portfolio.equity() - 100_000 * USD).isEqualTo(-15 * USD);
    }

    @Test
    void equityHighWaterMarkDrawdownTurnoverAndDailyResetOnAHandWorkedSequence()
    {
        final Portfolio portfolio = new Portfolio(1, 100_000 * USD);
        portfolio.onSession(1);

        portfolio.onFill(0, Side.BUY, 10 * BTC, 100 * USD, 2 * USD);
        // cash 100000 - 1000 - 2 = 98998; 10 @ 100 -> equity 99998, 2 below the starting cash
        assertThat(portfolio.cash()).isEqualTo(98_998 * USD);
        assertThat(portfolio.equity()).isEqualTo(99_998 * USD);
        assertThat(portfolio.highWaterMark()).isEqualTo(100_000 * USD);
        assertThat(portfolio.drawdown()).isEqualTo(2 * USD);

        portfolio.mark(0, 110 * USD);                                     // 98998 + 1100 = 100098: new high
        assertThat(portfolio.equity()).isEqualTo(100_098 * USD);
        assertThat(portfolio.highWaterMark()).isEqualTo(100_098 * USD);
        assertThat(portfolio.drawdown()).isZero();

        portfolio.mark(0, 95 * USD);                                      // 98998 + 950 = 99948: 150 below
        assertThat(portfolio.drawdown()).isEqualTo(150 * USD);
        assertThat(portfolio.maxDrawdown()).isEqualTo(150 * USD);
        assertThat(portfolio.drawdownPpm()).isEqualTo(1_498);             // 150 / 100098 = 0.1498531 %
        assertThat(portfolio.dailyPnl()).isEqualTo(-52 * USD);            // 99948 - 100000

        portfolio.onSession(2);                                           // the next day starts at 99948
        assertThat(portfolio.dailyPnl()).isZero();
        assertThat(portfolio.sessionDay()).isEqualTo(2);

        portfolio.onFill(0, Side.SELL, 4 * BTC, 105 * USD, 1 * USD);
        // cash 98998 + 420 - 1 = 99417; 6 left at cost 600; realised 420 - 400 = 20; equity 99417 + 630
        assertThat(portfolio.realizedPnl()).isEqualTo(20 * USD);
        assertThat(portfolio.costBasis(0)).isEqualTo(600 * USD);
        assertThat(portfolio.equity()).isEqualTo(100_047 * USD);
        assertThat(portfolio.drawdown()).isEqualTo(51 * USD);             // below the 100098 high
        assertThat(portfolio.maxDrawdown()).isEqualTo(150 * USD);
        assertThat(portfolio.dailyPnl()).isEqualTo(99 * USD);             // 100047 - 99948
        portfolio.onSession(2);                                           // same day: no reset
        assertThat(portfolio.dailyPnl()).isEqualTo(99 * USD);

        portfolio.mark(0, 120 * USD);                                     // 99417 + 720 = 100137: new high
        assertThat(portfolio.highWaterMark()).isEqualTo(100_137 * USD);
        assertThat(portfolio.drawdown()).isZero();
        assertThat(portfolio.maxDrawdown()).isEqualTo(150 * USD);
        assertThat(portfolio.dailyPnl()).isEqualTo(189 * USD);
        assertThat(portfolio.turnover()).isEqualTo(1_420 * USD);          // 1000 bought + 420 sold
        assertThat(portfolio.feesPaid()).isEqualTo(3 * USD);
        // equity - start = realised + unrealised - fees: 20 + (720 - 600) - 3
        assertThat(portfolio.equity() - 100_000 * USD).isEqualTo(137 * USD);
    }

    @Test
    void realisedCostAgainstArrivalPriceBesideTheModelsEstimate()
    {
        final Portfolio portfolio = new Portfolio(1, 100_000 * USD);
        assertThat(portfolio.realisedCostBps()).isZero();

        // bought 10 at 100 against an arrival of 99.5: 0.5 x 10 = 5 paid away plus a fee of 2; model said 6
        portfolio.onExecutionCost(Side.BUY, 10 * BTC, 100 * USD, 2 * USD, 99 * USD + 5_000, 6 * USD);
        // sold 4 at 105 against an arrival of 106: 4 paid away plus a fee of 1; model said 2
        portfolio.onExecutionCost(Side.SELL, 4 * BTC, 105 * USD, 1 * USD, 106 * USD, 2 * USD);
        // bought 1 at 100 against 101: 1 gained, no fee; model said 0
        portfolio.onExecutionCost(Side.BUY, 1 * BTC, 100 * USD, 0, 101 * USD, 0);
        // an execution without an arrival price is not costed
        portfolio.onExecutionCost(Side.BUY, 1 * BTC, 100 * USD, 9 * USD, 0, 9 * USD);

        assertThat(portfolio.realisedCost()).isEqualTo(11 * USD);        // 7 + 5 - 1
        assertThat(portfolio.estimatedCost()).isEqualTo(8 * USD);
        // arrival notional 995 + 424 + 101 = 1520
        assertThat(portfolio.realisedCostBps()).isCloseTo(11 * 10_000.0 / 1_520, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(portfolio.estimatedCostBps()).isCloseTo(8 * 10_000.0 / 1_520, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theLogicResetsDailyPnlWhenTheSessionCalendarsDayChanges()
    {
        // The default session calendar is the always-open crypto one: a session per UTC day.
        final LogicHarness harness = new LogicHarness(LogicHarness.config(), List.of());
        harness.trade(0, 100 * USD, BTC);
        harness.filled(77, 0, Side.BUY, 100 * USD, 10 * BTC, 0, 0);       // the venue's word is booked
        harness.trade(0, 90 * USD, BTC);
        final Portfolio portfolio = harness.logic().portfolio();
        assertThat(portfolio.dailyPnl()).isEqualTo(-100 * USD);
        assertThat(portfolio.sessionDay()).isZero();                     // 1970-01-01

        harness.advance(24 * 3_600_000_000_000L).trade(0, 95 * USD, BTC);
        assertThat(portfolio.sessionDay()).isEqualTo(1);
        // the day started at the first input of the session (equity 99950 after this print, measured before it)
        assertThat(portfolio.dailyPnl()).isEqualTo(50 * USD);
        assertThat(portfolio.maxDrawdown()).isEqualTo(100 * USD);
        assertThat(portfolio.highWaterMark()).isEqualTo(LogicConfig.DEFAULT_INITIAL_CASH);
    }
}
