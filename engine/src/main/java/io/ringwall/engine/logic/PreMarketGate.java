package io.ringwall.engine.logic;

import io.ringwall.codecs.CommandResult;

/**
 * The pre-market gate: trading does not start while a required {@link PreMarketCheck} fails.
 *
 * <p>The decision is a function of journaled inputs only, so a replay reaches it at the same input. The
 * engine's start-up PRE_MARKET_CHECKS input (flagged {@link PreMarketCheck#GATING}) carries the facts only the
 * control thread can see; the logic adds its own and, on a failure, trips the PRE_MARKET breaker (HALTED:
 * every order is refused with TRADING_HALTED). While it is closed the logic re-judges its own checks after
 * every input (warm-up and the feed complete as data arrives) and opens the gate at the first input after
 * which all pass; a failed external fact needs a new check input. An operator's check only reports, except
 * that a passing one also opens a closed gate. Once open, the gate stays open: intraday trouble is the
 * breakers' job. Allocation-free; on the logic thread only.
 */
final class PreMarketGate
{
    private final InstrumentTable instruments;
    private final Breakers breakers;
    private final Portfolio portfolio;
    private final OrderEntry entry;
    private final StrategyHost strategies;
    private final EngineCounters counters;
    private final boolean limitsLoaded;
    private final long feedMaxAgeNs;
    private long marketDataSeen;
    private boolean hasMarketData;
    private long lastMarketDataNs;
    private boolean closed;
    private long externalFailures;
    private long lastFailures;

    PreMarketGate(final LogicConfig config, final InstrumentTable instruments, final Breakers breakers,
        final Portfolio portfolio, final OrderEntry entry, final StrategyHost strategies, final EngineCounters counters)
    {
        this.instruments = instruments;
        this.breakers = breakers;
        this.portfolio = portfolio;
        this.entry = entry;
        this.strategies = strategies;
        this.counters = counters;
        this.limitsLoaded = config.risk() != null && config.breakers() != null && instruments.size() > 0;
        this.feedMaxAgeNs = config.breakers().feedStaleNs();
    }

    /**
     * A PRE_MARKET_CHECKS input.
     *
     * @param value the input's value: failed external bits, plus {@link PreMarketCheck#GATING}.
     * @return APPLIED when every check passed, else CHECKS_FAILED ({@link #lastFailures()} says which).
     */
    CommandResult onCheck(final long value, final long nowNs)
    {
        final long external = value & PreMarketCheck.EXTERNAL;
        final boolean gating = (value & PreMarketCheck.GATING) != 0;
        lastFailures = failures(external, nowNs);
        if (lastFailures == 0)
        {
            open();
            return CommandResult.APPLIED;
        }
        if (gating || closed)
        {
            closed = true;
            externalFailures = external;
            breakers.closeGate(lastFailures);
        }
        return CommandResult.CHECKS_FAILED;
    }

    /**
     * After every input: notes market data, and while closed re-judges the checks.
     */
    void afterInput(final long nowNs)
    {
        if (counters.marketDataInputs != marketDataSeen)
        {
            marketDataSeen = counters.marketDataInputs;
            hasMarketData = true;
            lastMarketDataNs = nowNs;
        }
        if (closed && failures(externalFailures, nowNs) == 0)
        {
            open();
        }
    }

    /** @return the failed bits of the last check input (0: all passed). */
    long lastFailures()
    {
        return lastFailures;
    }

    boolean isClosed()
    {
        return closed;
    }

    /** Checkpoints: everything the gate remembers between inputs (the rest comes from the configuration). */
    void writeState(final StateCursor cursor)
    {
        cursor.putLong(marketDataSeen);
        cursor.putLong(hasMarketData ? 1 : 0);
        cursor.putLong(lastMarketDataNs);
        cursor.putLong(closed ? 1 : 0);
        cursor.putLong(externalFailures);
        cursor.putLong(lastFailures);
    }

    void readState(final StateCursor cursor)
    {
        marketDataSeen = cursor.getLong();
        hasMarketData = cursor.getLong() != 0;
        lastMarketDataNs = cursor.getLong();
        closed = cursor.getLong() != 0;
        externalFailures = cursor.getLong();
        lastFailures = cursor.getLong();
    }

    private void open()
    {
        closed = false;
        externalFailures = 0;
        breakers.openGate();
    }

    private long failures(final long external, final long nowNs)
    {
        long failed = external;
        // Bar data is live while some instrument is inside its bar-interval limit of open market (as STALE_DATA
        // judges it), so a daily-bar session is not held back by the 30-minute age meant for trade feeds.
        final boolean stale = breakers.staleByBars() ? !breakers.anyBarFresh(nowNs) :
            nowNs - lastMarketDataNs >= feedMaxAgeNs;
        if (!hasMarketData || stale)
        {
            failed |= PreMarketCheck.FEED_LIVE.bit();
        }
        if (!limitsLoaded)
        {
            failed |= PreMarketCheck.RISK_LIMITS_LOADED.bit();
        }
        if (portfolio.cash() <= 0 || entry.capitalScalePpm() <= 0)
        {
            failed |= PreMarketCheck.CAPITAL_AVAILABLE.bit();
        }
        for (int i = 0; i < instruments.size(); i++)
        {
            if (portfolio.position(i) != 0 && !strategies.owns(i))
            {
                failed |= PreMarketCheck.NO_STALE_POSITIONS.bit();
                break;
            }
        }
        if (!strategies.warmedUp())
        {
            failed |= PreMarketCheck.WARM_UP_COMPLETE.bit();
        }
        return failed;
    }
}
