package io.ringwall.engine.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.engine.logic.PreMarketCheck;

/**
 * The outcome of one pre-market check run, as the logic journaled it.
 *
 * @param inputSequence the PRE_MARKET_CHECKS input's journal-in sequence (0: never journaled).
 * @param failedChecks  the failed checks' bits ({@link PreMarketCheck}); 0 when all passed.
 * @param details       why each external check failed, when it did (the control thread knows; the logic
 *                      only has the bit).
 * @param gateOpen      whether the pre-market gate lets trading through (as journal "out" last showed).
 * @param at            wall time of the run.
 */
public record PreMarketReport(long inputSequence, long failedChecks, List<String> details, boolean gateOpen,
    Instant at)
{
    /** Before any check ran. */
    public static final PreMarketReport NONE = new PreMarketReport(0, -1, List.of(), false, Instant.EPOCH);

    public boolean passed()
    {
        return inputSequence > 0 && failedChecks == 0;
    }

    /** @return one line per check: "ok   feed-live" or "FAIL feed-live: why". */
    public List<String> lines()
    {
        final List<String> lines = new ArrayList<>();
        for (final PreMarketCheck check : PreMarketCheck.values())
        {
            final boolean failed = failedChecks != -1 && check.failedIn(failedChecks);
            lines.add((failed ? "FAIL " : "ok   ") + check.label() + (failed ? ": " + why(check) : ""));
        }
        return lines;
    }

    /** @return why a check fails, in operator words. */
    public String why(final PreMarketCheck check)
    {
        for (final String detail : details)
        {
            if (detail.startsWith(check.label() + ": "))
            {
                return detail.substring(check.label().length() + 2);
            }
        }
        return switch (check)
        {
            case JOURNAL_WRITABLE -> "the journal directory does not take writes";
            case VENUE_CONNECTED -> "the gateway reports no venue session";
            case FEED_LIVE -> "no market-data input within the stale-data breaker's feed age";
            case RISK_LIMITS_LOADED -> "no risk limits or no instruments loaded";
            case CAPITAL_AVAILABLE -> "cash or capital scale is not above zero";
            case NO_STALE_POSITIONS -> "a position is held in an instrument no configured strategy trades";
            case WARM_UP_COMPLETE -> "a strategy is not warmed up yet";
        };
    }
}
