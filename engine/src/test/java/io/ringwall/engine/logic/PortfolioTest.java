package io.ringwall.engine.logic;

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
}
