package io.ringwall.tools.backtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.ringwall.tools.backtest.SyntheticSession.BTC;
import static io.ringwall.tools.backtest.SyntheticSession.DAY_NS;
import static io.ringwall.tools.backtest.SyntheticSession.HOUR_NS;
import static io.ringwall.tools.backtest.SyntheticSession.T0;
import static io.ringwall.tools.backtest.SyntheticSession.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Figures of a hand-made session, each worked out by hand in the comments. Cash 10,000 USD, one BTC
 * instrument, no strategy: the replayed logic books only the journaled fills.
 *
 * <pre>
 *   #  time            input                      cash      pos  equity
 *   1  d0 00:00        trade 100                  10,000.0   0   10,000.0
 *   2  d0 01:00        fill BUY 10 @ 100 fee 1     8,999.0  10    9,999.0
 *   3  d0 12:00        trade 110                   8,999.0  10   10,099.0   day 0 close
 *   4  d1 12:00        trade 90                    8,999.0  10    9,899.0
 *   5  d1 13:00        fill SELL 5 @ 90 fee 0.5    9,448.5   5    9,898.5   day 1 close; realises -50
 *      d2              (no input)                                9,898.5   day 2 close (carried)
 *   6  d3 00:00        venue reject                                9,898.5
 *   7  d3 06:00        trade 120                   9,448.5   5   10,048.5
 *   8  d3 07:00        fill SELL 5 @ 120 fee 0.6  10,047.9   0   10,047.9   realises +100
 *   9  d3 08:00        cancel                                     10,047.9   day 3 close
 * </pre>
 */
class BacktestAnalyzerTest
{
    @TempDir
    Path dir;

    static void writeWorkedSession(final Path session)
    {
        try (SyntheticSession s = new SyntheticSession(session, 10_000 * USD))
        {
            s.orderSent(T0 + HOUR_NS, Side.BUY, 10 * BTC)
                .orderSent(T0 + DAY_NS + 13 * HOUR_NS, Side.SELL, 5 * BTC)
                .orderSent(T0 + 3 * DAY_NS, Side.SELL, 3 * BTC)
                .orderSent(T0 + 3 * DAY_NS + 7 * HOUR_NS, Side.SELL, 8 * BTC);
            s.trade(T0, 100 * USD)
                .fill(T0 + HOUR_NS, Side.BUY, 10 * BTC, 100 * USD, USD)
                .trade(T0 + 12 * HOUR_NS, 110 * USD)
                .trade(T0 + DAY_NS + 12 * HOUR_NS, 90 * USD)
                .fill(T0 + DAY_NS + 13 * HOUR_NS, Side.SELL, 5 * BTC, 90 * USD, USD / 2)
                .rejected(T0 + 3 * DAY_NS)
                .trade(T0 + 3 * DAY_NS + 6 * HOUR_NS, 120 * USD)
                .fill(T0 + 3 * DAY_NS + 7 * HOUR_NS, Side.SELL, 5 * BTC, 120 * USD, 6 * USD / 10)
                .cancelled(T0 + 3 * DAY_NS + 8 * HOUR_NS, 3 * BTC);
        }
    }

    @Test
    void figuresOfTheWorkedSessionMatchTheHandComputation()
    {
        final Path session = dir.resolve("worked");
        writeWorkedSession(session);

        final BacktestReport r = new BacktestAnalyzer().analyze(session, ProgressListener.NONE).report();

        assertThat(r.start()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(r.end()).isEqualTo("2024-01-04T08:00:00Z");
        assertThat(r.inputs()).isEqualTo(9);
        assertThat(r.elapsedDays()).isCloseTo(3 + 8 / 24.0, within(1e-12));
        assertThat(r.initialEquityMoney()).isEqualTo(10_000 * USD);
        assertThat(r.finalEquityMoney()).isEqualTo(10_047 * USD + 9 * USD / 10);
        // 10,047.9 / 10,000 - 1
        assertThat(r.totalReturn()).isCloseTo(0.00479, within(1e-12));
        // 1.00479 ^ (365.25 / 3.3333) - 1 = 1.00479 ^ 109.575 - 1
        assertThat(r.annualisedReturn()).isCloseTo(0.688112768515, within(1e-9));

        // daily closes 10,099 / 9,898.5 / 9,898.5 / 10,047.9 from 10,000:
        // returns 0.0099, -0.0198534508, 0, 0.0150931959; mean 0.0012849363
        assertThat(r.dailyPeriods()).isEqualTo(4);
        assertThat(r.periodsPerYear()).isEqualTo(365);
        // sample sd 0.0154205 -> 0.0012849363 / 0.0154205 x sqrt(365)
        assertThat(r.sharpe()).isCloseTo(1.591956809, within(1e-6));
        // downside deviation sqrt(0.0198534508^2 / 4) = 0.0099267254 -> x sqrt(365)
        assertThat(r.sortino()).isCloseTo(2.472988024, within(1e-6));

        // peak 10,099 (input 3) to trough 9,898.5 (input 5): 200.5 = 1.98534508 % of the peak
        assertThat(r.maxDrawdownMoney()).isEqualTo(200 * USD + USD / 2);
        assertThat(r.maxDrawdownFraction()).isCloseTo(200.5 / 10_099, within(1e-12));

        assertThat(r.fills()).isEqualTo(3);
        assertThat(r.closingFills()).isEqualTo(2);
        assertThat(r.winningClosingFills()).isEqualTo(1);
        assertThat(r.winRate()).isEqualTo(0.5);
        // 1,000 + 450 + 600
        assertThat(r.tradedNotionalMoney()).isEqualTo(2_050 * USD);
        // average equity 89,938.3 / 9 = 9,993.1444
        assertThat(r.turnover()).isCloseTo(2_050 / 9_993.144444444, within(1e-9));
        assertThat(r.feesMoney()).isEqualTo(2 * USD + USD / 10);
        // 2.1 / 2,050 x 10,000
        assertThat(r.costBps()).isCloseTo(10.243902439, within(1e-8));
        // -50 + 100
        assertThat(r.realizedPnlMoney()).isEqualTo(50 * USD);

        assertThat(r.ordersSent()).isEqualTo(4);
        assertThat(r.orderedQuantity()).isEqualTo(26 * BTC);
        assertThat(r.filledQuantity()).isEqualTo(20 * BTC);
        assertThat(r.fillRate()).isCloseTo(20 / 26.0, within(1e-12));
        assertThat(r.venueRejects()).isEqualTo(1);
        assertThat(r.cancels()).isEqualTo(1);
        assertThat(r.strategies()).isEmpty();
    }

    @Test
    void theEquitySeriesHoldsOneSamplePerInput()
    {
        final Path session = dir.resolve("worked");
        writeWorkedSession(session);

        final EquitySeries equity = new BacktestAnalyzer().analyze(session, ProgressListener.NONE).equity();

        assertThat(equity.size()).isEqualTo(9);
        assertThat(equity.equity(1)).isEqualTo(9_999 * USD);
        assertThat(equity.equity(4)).isEqualTo(9_898 * USD + USD / 2);
        assertThat(equity.timeNs(8)).isEqualTo(T0 + 3 * DAY_NS + 8 * HOUR_NS);
    }

    @Test
    void withoutFillsTheRatiosThatNeedThemAreNullAndNothingIsLost()
    {
        final Path session = dir.resolve("flat");
        try (SyntheticSession s = new SyntheticSession(session, 5_000 * USD))
        {
            s.trade(T0, 100 * USD).trade(T0 + DAY_NS, 120 * USD).trade(T0 + 2 * DAY_NS, 80 * USD);
        }

        final BacktestReport r = new BacktestAnalyzer().analyze(session, ProgressListener.NONE).report();

        assertThat(r.inputs()).isEqualTo(3);
        assertThat(r.finalEquityMoney()).isEqualTo(5_000 * USD);
        assertThat(r.totalReturn()).isEqualTo(0.0);
        assertThat(r.annualisedReturn()).isEqualTo(0.0);
        // three flat days: zero volatility, no losing day
        assertThat(r.sharpe()).isNull();
        assertThat(r.sortino()).isNull();
        assertThat(r.maxDrawdownFraction()).isZero();
        assertThat(r.fills()).isZero();
        assertThat(r.winRate()).isNull();
        assertThat(r.costBps()).isNull();
        assertThat(r.fillRate()).isNull();
        assertThat(r.turnover()).isEqualTo(0.0);
    }

    @Test
    void aSessionWithinOneDayHasOneDailyPeriodAndNoSharpe()
    {
        final Path session = dir.resolve("one-day");
        try (SyntheticSession s = new SyntheticSession(session, 1_000 * USD))
        {
            s.trade(T0, 100 * USD)
                .fill(T0 + HOUR_NS / 12, Side.BUY, 2 * BTC, 100 * USD, 0)
                .trade(T0 + HOUR_NS / 6, 150 * USD);
        }

        final BacktestReport r = new BacktestAnalyzer().analyze(session, ProgressListener.NONE).report();

        assertThat(r.dailyPeriods()).isEqualTo(1);
        assertThat(r.sharpe()).isNull();
        assertThat(r.sortino()).isNull();
        // cash 800 + 2 BTC at 150 = 1,100
        assertThat(r.totalReturn()).isCloseTo(0.1, within(1e-12));
        // ten minutes of +10 %: 1.1 ^ 52,596 is past what a double holds: undefined, not infinity
        assertThat(r.annualisedReturn()).isNull();
        // an opening fill never closes anything
        assertThat(r.closingFills()).isZero();
        assertThat(r.winRate()).isNull();
    }

    @Test
    void progressIsReportedUpToTheJournalsLastSequenceAndThenFinished()
    {
        final Path session = dir.resolve("worked");
        writeWorkedSession(session);
        final List<long[]> calls = new ArrayList<>();
        final boolean[] finished = {false};

        new BacktestAnalyzer().analyze(session, new ProgressListener()
        {
            @Override
            public void progress(final long done, final long total)
            {
                calls.add(new long[] {done, total});
            }

            @Override
            public void finished()
            {
                finished[0] = true;
            }
        });

        assertThat(calls).isNotEmpty();
        assertThat(calls.get(calls.size() - 1)).containsExactly(9, 9);
        assertThat(finished[0]).isTrue();
    }

    @Test
    void periodsPerYearScalesSharpeBySquareRoot()
    {
        final Path session = dir.resolve("worked");
        writeWorkedSession(session);

        final BacktestReport daily365 = new BacktestAnalyzer().analyze(session, ProgressListener.NONE).report();
        final BacktestReport daily252 = new BacktestAnalyzer(252).analyze(session, ProgressListener.NONE).report();

        assertThat(daily252.periodsPerYear()).isEqualTo(252);
        assertThat(daily252.sharpe()).isCloseTo(daily365.sharpe() * Math.sqrt(252.0 / 365), within(1e-12));
    }
}
