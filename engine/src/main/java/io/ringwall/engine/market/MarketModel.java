package io.ringwall.engine.market;

import java.util.List;
import java.util.Map;

import io.ringwall.engine.config.InstrumentSpec;

/**
 * The simulated market a session trades against, loaded with the configuration ({@code market.yaml}) and
 * kept in the session manifest: calendars, per-instrument market figures, the cost model and the venue's
 * rules. The logic uses the session calendar (daily figures reset at each session start) and the cost
 * model (cost estimates); the paper venue uses all of it.
 *
 * @param calendars       by name.
 * @param sessionCalendar the calendar whose session starts reset the portfolio's and breakers' daily figures.
 * @param markets         by symbol; {@link #DEFAULT_MARKET} applies to symbols without an entry.
 */
public record MarketModel(Map<String, MarketCalendar> calendars, String sessionCalendar,
    Map<String, InstrumentMarket> markets, CostModel costs, VenueRules venue)
{
    public static final String DEFAULT_MARKET = "default";
    public static final String ALWAYS_OPEN = "always";

    public MarketModel
    {
        calendars = Map.copyOf(calendars);
        markets = Map.copyOf(markets);
        if (!calendars.containsKey(sessionCalendar))
        {
            throw new IllegalArgumentException("market: session calendar '" + sessionCalendar + "' is not defined " +
                "(calendars: " + calendars.keySet() + ")");
        }
        if (!markets.containsKey(DEFAULT_MARKET))
        {
            throw new IllegalArgumentException("market: the '" + DEFAULT_MARKET + "' instrument entry is required");
        }
        for (final Map.Entry<String, InstrumentMarket> market : markets.entrySet())
        {
            if (!calendars.containsKey(market.getValue().calendar()))
            {
                throw new IllegalArgumentException("market: " + market.getKey() + " uses calendar '" +
                    market.getValue().calendar() + "', which is not defined (calendars: " + calendars.keySet() + ")");
            }
        }
        if (costs == null || venue == null)
        {
            throw new IllegalArgumentException("market: costs and venue rules are required");
        }
    }

    /**
     * The market when nothing is configured: always open, commission 10 bps (the old flat venue fee), no
     * other cost, no latency, fills capped at 2.5 % of traded volume, closed-market orders queued.
     */
    public static MarketModel defaults()
    {
        return new MarketModel(Map.of(ALWAYS_OPEN, MarketCalendar.alwaysOpen(ALWAYS_OPEN)), ALWAYS_OPEN,
            Map.of(DEFAULT_MARKET, new InstrumentMarket(ALWAYS_OPEN, 0, 0)), CostModel.commissionBps(10),
            new VenueRules(0, 0, VenueRules.DEFAULT_VOLUME_LIMIT_PPM, VenueRules.OutsideHours.QUEUE));
    }

    /**
     * A market without friction: always open, no costs, no latency, fills may take a whole print. For tests
     * and benchmarks of the engine's mechanics rather than of execution.
     */
    public static MarketModel frictionless()
    {
        return defaults().withCosts(CostModel.free())
            .withVenue(new VenueRules(0, 0, CostModel.PPM, VenueRules.OutsideHours.QUEUE));
    }

    public MarketModel withCosts(final CostModel newCosts)
    {
        return new MarketModel(calendars, sessionCalendar, markets, newCosts, venue);
    }

    public MarketModel withVenue(final VenueRules newVenue)
    {
        return new MarketModel(calendars, sessionCalendar, markets, costs, newVenue);
    }

    public MarketCalendar sessionCalendarSpec()
    {
        return calendars.get(sessionCalendar);
    }

    public InstrumentMarket market(final String symbol)
    {
        return markets.getOrDefault(symbol, markets.get(DEFAULT_MARKET));
    }

    /** @return each instrument's market, by instrument id. */
    public InstrumentMarket[] marketsOf(final List<InstrumentSpec> instruments)
    {
        return instruments.stream().map(spec -> market(spec.symbol())).toArray(InstrumentMarket[]::new);
    }

    /** @return a session clock per instrument (by id), each on its instrument's calendar. */
    public SessionClock[] clocksOf(final List<InstrumentSpec> instruments)
    {
        return instruments.stream().map(spec -> new SessionClock(calendars.get(market(spec.symbol()).calendar())))
            .toArray(SessionClock[]::new);
    }
}
