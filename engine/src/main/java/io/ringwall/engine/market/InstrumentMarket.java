package io.ringwall.engine.market;

/**
 * How one instrument trades, for the venue and the cost model: its calendar, its daily volatility and
 * its half spread.
 *
 * @param calendar      name of a {@link MarketCalendar} of the {@link MarketModel}.
 * @param volatilityPpm daily volatility of returns, ppm (0.02 = 20_000), for the square-root impact.
 * @param halfSpreadPpm half the bid-ask spread as a rate of price, ppm (1 bp = 100).
 */
public record InstrumentMarket(String calendar, long volatilityPpm, long halfSpreadPpm)
{
    public InstrumentMarket
    {
        if (calendar == null || calendar.isBlank() || volatilityPpm < 0 || halfSpreadPpm < 0)
        {
            throw new IllegalArgumentException("instrument market: calendar is required, volatility and half " +
                "spread must be >= 0");
        }
    }
}
