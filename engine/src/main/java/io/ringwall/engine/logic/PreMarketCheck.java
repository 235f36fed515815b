package io.ringwall.engine.logic;

import java.util.ArrayList;
import java.util.List;

/**
 * The pre-market checks, each one bit of a mask (bit = ordinal). Two are facts only the control thread can
 * see (the journal's disk, the venue session) and arrive as bits of the journaled PRE_MARKET_CHECKS input;
 * the others are the logic's own state, judged on the logic thread from journaled inputs only, so a replay
 * reaches the same verdict at the same input. All are required: trading does not start while one fails.
 */
public enum PreMarketCheck
{
    /** The journal directory takes a write and has room (control thread). */
    JOURNAL_WRITABLE("journal-writable", true),
    /** The gateway reports its venue session up; the paper venue always is (control thread). */
    VENUE_CONNECTED("venue-connected", true),
    /** A market-data input arrived within the stale-data breaker's feed age, in engine time. */
    FEED_LIVE("feed-live", false),
    /** The risk limits, breaker rules and reference data are loaded (at least one instrument). */
    RISK_LIMITS_LOADED("risk-limits-loaded", false),
    /** Cash above zero and a capital scale above zero. */
    CAPITAL_AVAILABLE("capital-available", false),
    /** No position in an instrument that no configured strategy trades. */
    NO_STALE_POSITIONS("no-stale-positions", false),
    /** Every strategy reports {@code warmedUp()} (e.g. its moving averages are full). */
    WARM_UP_COMPLETE("warm-up-complete", false);

    /** Input value bit: the check gates trading (start-up), rather than only reporting (operator). */
    public static final long GATING = 1L << 32;

    /** The bits the control thread measures and sends in the input's value. */
    public static final long EXTERNAL = JOURNAL_WRITABLE.bit() | VENUE_CONNECTED.bit();

    private static final PreMarketCheck[] ALL = values();

    private final String label;
    private final boolean external;

    PreMarketCheck(final String label, final boolean external)
    {
        this.label = label;
        this.external = external;
    }

    public long bit()
    {
        return 1L << ordinal();
    }

    /** @return the name operators see (ctl, the admin endpoint, risk-events). */
    public String label()
    {
        return label;
    }

    /** @return true when the control thread measures it, false when the logic judges it. */
    public boolean external()
    {
        return external;
    }

    public boolean failedIn(final long failedMask)
    {
        return (failedMask & bit()) != 0;
    }

    /** @return the checks whose bits are set. */
    public static List<PreMarketCheck> of(final long mask)
    {
        final List<PreMarketCheck> checks = new ArrayList<>();
        for (final PreMarketCheck check : ALL)
        {
            if (check.failedIn(mask))
            {
                checks.add(check);
            }
        }
        return checks;
    }

    /** @return "feed-live, warm-up-complete" for a mask; "none" for 0. */
    public static String labels(final long mask)
    {
        final StringBuilder text = new StringBuilder();
        for (final PreMarketCheck check : of(mask))
        {
            text.append(text.length() == 0 ? "" : ", ").append(check.label);
        }
        return text.length() == 0 ? "none" : text.toString();
    }
}
