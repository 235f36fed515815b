package io.ringwall.tools;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.engine.control.PreMarketReport;
import io.ringwall.engine.control.PreMarketStatus;
import io.ringwall.engine.logic.PreMarketCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code /health/ready} says about the pre-market checks: nothing once the gate is open, each failing
 * check with its reason while it is closed.
 */
class PreMarketReadinessTest
{
    @Test
    void aClosedGateNamesEachFailingCheckAndAnOpenGateNothing()
    {
        final long failed = PreMarketCheck.FEED_LIVE.bit() | PreMarketCheck.VENUE_CONNECTED.bit();
        final PreMarketReport report = new PreMarketReport(1, failed, List.of("venue-connected: FIX session down"),
            false, Instant.EPOCH);

        assertThat(reasons(status(report, false))).containsExactly(
            "pre-market check venue-connected: FIX session down",
            "pre-market check feed-live: no market-data input within the stale-data breaker's feed age");
        assertThat(reasons(status(report, true))).isEmpty();
        assertThat(reasons(status(PreMarketReport.NONE, false))).containsExactly("pre-market checks have not run yet");
        assertThat(reasons(status(new PreMarketReport(7, 0, List.of(), false, Instant.EPOCH), false)))
            .containsExactly("pre-market gate still closed (checks passed at input 7)");
    }

    private static List<String> reasons(final PreMarketStatus status)
    {
        final List<String> reasons = new ArrayList<>();
        RunCommand.preMarketReasons(status, reasons);
        return reasons;
    }

    private static PreMarketStatus status(final PreMarketReport report, final boolean open)
    {
        return new PreMarketStatus()
        {
            @Override
            public PreMarketReport latest()
            {
                return report;
            }

            @Override
            public boolean gateOpen()
            {
                return open;
            }
        };
    }
}
