package io.ringwall.engine.config;

import io.ringwall.engine.Fixed;

import static io.ringwall.engine.config.RiskLimits.PPM;
import static io.ringwall.engine.config.RiskLimits.requireRange;

/**
 * The circuit breakers' thresholds and what each trip does. Units as in {@link RiskLimits}. A breaker trips
 * when its figure reaches its threshold (at, not only past it), and stays tripped until an operator resets
 * it with a reason. The manual kill switch is always on and always halts.
 *
 * @param drawdown              rule of the drawdown breaker.
 * @param drawdownPpm           (high-water mark - equity) / high-water mark (default 0.10).
 * @param dailyLoss             rule of the daily-loss breaker.
 * @param dailyLossMoney        loss since the day's first equity, money units.
 * @param dailyLossPpm          the same loss as a fraction of the day's first equity; whichever is hit first.
 * @param orderRate             rule of the order-rate breaker.
 * @param orderRateCount        order attempts (sent or refused) inside the window that trip it.
 * @param orderRateWindowNs     its rolling window.
 * @param venueRejects          rule of the venue reject/error-rate breaker.
 * @param venueRejectCount      venue rejects inside the window that trip it.
 * @param venueRejectWindowNs   its rolling window.
 * @param staleData             rule of the stale-market-data breaker.
 * @param instrumentStaleNs     age of an instrument's last update (once it has had one) that trips it.
 * @param feedStaleNs           age of the feed's last update of any instrument that trips it.
 * @param barIntervalNs         the bar data's interval, 0 for trade data. When positive, staleness is measured
 *                              against it instead of the two ages above: an instrument is stale once
 *                              {@code staleBarIntervals} intervals of its market's open time passed without an
 *                              update (nights, weekends and holidays of its calendar do not count); see
 *                              {@code StaleDataClock}.
 * @param staleBarIntervals     how many bar intervals of open market make bar data stale (default 3).
 * @param marketMove            rule of the market-move breaker.
 * @param marketMovePpm         (high - low) / low of an instrument's trades inside the window (default 0.05).
 * @param marketMoveWindowNs    its rolling window.
 */
public record BreakerLimits(
    BreakerRule drawdown, long drawdownPpm,
    BreakerRule dailyLoss, long dailyLossMoney, long dailyLossPpm,
    BreakerRule orderRate, int orderRateCount, long orderRateWindowNs,
    BreakerRule venueRejects, int venueRejectCount, long venueRejectWindowNs,
    BreakerRule staleData, long instrumentStaleNs, long feedStaleNs, long barIntervalNs, int staleBarIntervals,
    BreakerRule marketMove, long marketMovePpm, long marketMoveWindowNs)
{
    /** Most events a rate window may need to remember; bounds the rate breakers' rings. */
    public static final int MAX_RATE_COUNT = 65_536;
    private static final long DAY_NS = 86_400_000_000_000L;
    /** Longest bar interval: a year (366 days), so yearly bars still have a rhythm. */
    public static final long MAX_BAR_INTERVAL_NS = 366 * DAY_NS;
    public static final int MAX_STALE_BAR_INTERVALS = 1_000;
    /** The documented default multiple: three bars missed in a row is stale, one late bar is not. */
    public static final int DEFAULT_STALE_BAR_INTERVALS = 3;

    public BreakerLimits
    {
        for (final BreakerRule rule : new BreakerRule[] {drawdown, dailyLoss, orderRate, venueRejects, staleData,
            marketMove})
        {
            if (rule == null)
            {
                throw new IllegalArgumentException("a breaker rule is missing");
            }
        }
        requireRange("drawdownPpm", drawdownPpm, 1, PPM);
        requireRange("dailyLossMoney", dailyLossMoney, 1, Long.MAX_VALUE);
        requireRange("dailyLossPpm", dailyLossPpm, 1, PPM);
        requireRange("orderRateCount", orderRateCount, 1, MAX_RATE_COUNT);
        requireRange("orderRateWindowNs", orderRateWindowNs, 1, DAY_NS);
        requireRange("venueRejectCount", venueRejectCount, 1, MAX_RATE_COUNT);
        requireRange("venueRejectWindowNs", venueRejectWindowNs, 1, DAY_NS);
        requireRange("instrumentStaleNs", instrumentStaleNs, 1, DAY_NS * 7);
        requireRange("feedStaleNs", feedStaleNs, 1, DAY_NS * 7);
        requireRange("barIntervalNs", barIntervalNs, 0, MAX_BAR_INTERVAL_NS);
        requireRange("staleBarIntervals", staleBarIntervals, 1, MAX_STALE_BAR_INTERVALS);
        requireRange("marketMovePpm", marketMovePpm, 1, 100 * PPM);
        requireRange("marketMoveWindowNs", marketMoveWindowNs, 1, DAY_NS);
    }

    /** The defaults: what {@code ringwall.yaml} ships with. */
    public static BreakerLimits defaults()
    {
        return new BreakerLimits(
            BreakerRule.halting(), 100_000,
            BreakerRule.halting(), 50_000 * Fixed.PRICE_SCALE, 50_000,
            BreakerRule.halting(), 50, 1_000_000_000L,
            BreakerRule.halting(), 10, 60_000_000_000L,
            BreakerRule.reducing(), 1_800_000_000_000L, 1_800_000_000_000L, 0, DEFAULT_STALE_BAR_INTERVALS,
            BreakerRule.reducing(), 50_000, 60_000_000_000L);
    }

    /** Every automatic breaker off: for tests about something other than breakers. */
    public static BreakerLimits off()
    {
        final BreakerLimits d = defaults();
        return new BreakerLimits(BreakerRule.off(), d.drawdownPpm, BreakerRule.off(), d.dailyLossMoney,
            d.dailyLossPpm, BreakerRule.off(), d.orderRateCount, d.orderRateWindowNs, BreakerRule.off(),
            d.venueRejectCount, d.venueRejectWindowNs, BreakerRule.off(), d.instrumentStaleNs, d.feedStaleNs,
            d.barIntervalNs, d.staleBarIntervals,
            BreakerRule.off(), d.marketMovePpm, d.marketMoveWindowNs);
    }

    /** @return whether the session's data are bars with a known interval (staleness in bar intervals). */
    public boolean staleByBars()
    {
        return barIntervalNs > 0;
    }

    /** @return these limits for data of that bar interval (0: trade data, the two ages apply). */
    public BreakerLimits withBarInterval(final long newBarIntervalNs)
    {
        return new BreakerLimits(drawdown, drawdownPpm, dailyLoss, dailyLossMoney, dailyLossPpm, orderRate,
            orderRateCount, orderRateWindowNs, venueRejects, venueRejectCount, venueRejectWindowNs, staleData,
            instrumentStaleNs, feedStaleNs, newBarIntervalNs, staleBarIntervals, marketMove, marketMovePpm,
            marketMoveWindowNs);
    }
}
