package io.ringwall.engine.fix;

import java.nio.file.Path;
import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.ReconciliationEndDecoder;
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.ReconciliationReportDecoder;
import io.ringwall.codecs.ReconciliationScope;
import io.ringwall.codecs.ReconciliationVerdict;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.config.ReconciliationMode;
import io.ringwall.engine.ring.ClockMode;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.ringwall.engine.fix.FixHarness.SYMBOL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, points 7 and 9: reconciliation modes against the venue simulator's broker rehearsals. A broker that
 * refuses RequestForPositions and OrderMassStatusRequest ({@code fix-venue --reject-types AN,AF}) gives UNSUPPORTED
 * at once, with a console line, instead of a silent NO_ANSWER halt after the timeout; in orders-only mode that is no
 * halt. A broker that ignores OrderMassStatusRequest ({@code --no-mass-status}) times out (NO_ANSWER), and under
 * {@code --clock data} the timeout runs in event time. Mode off asks nothing.
 */
class FixReconciliationModesTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void aVenueRejectingANAndAFIsUnsupportedAtOnceAndAFullReconciliationHalts() throws Exception
    {
        final FixHarness.Options options = FixHarness.Options.DEFAULT
            .withVenue(venue -> venue.rejectTypes(List.of("AN", "AF")));
        try (FixHarness fix = new FixHarness(dir, 0, options))
        {
            FixHarness.await(() -> ends(fix).size() == 1, "the start-up reconciliation's end");
            FixHarness.await(() -> fix.venue.businessRejects() == 2, "both requests refused by the venue");
            FixHarness.await(() -> fix.engine.logic().breakerState(BreakerType.RECONCILIATION) == BreakerState.HALTED,
                "the halt");

            assertThat(ends(fix)).containsExactly(ReconciliationOutcome.UNSUPPORTED);
            assertThat(fix.gateway.reconciliations(ReconciliationOutcome.UNSUPPORTED)).isEqualTo(1);
            assertThat(fix.gateway.reconciliations(ReconciliationOutcome.NO_ANSWER)).isZero();
            // the logic's count, exported as ringwall_reconciliations{outcome="UNSUPPORTED"}
            assertThat(fix.engine.logic().counters().reconciliations(ReconciliationOutcome.UNSUPPORTED)).isEqualTo(1);
            assertThat(fix.console).singleElement().asString()
                .contains("UNSUPPORTED (full)", "RequestForPositions (35=AN)", "trading halts (RECONCILIATION)");
        }
    }

    @Test
    void ordersOnlyAsksNoPositionsAndAVenueRejectingAFIsUnsupportedWithoutAHalt() throws Exception
    {
        final FixHarness.Options options = FixHarness.Options.DEFAULT.withMode(ReconciliationMode.ORDERS_ONLY)
            .withVenue(venue -> venue.rejectTypes(List.of("AN", "AF")));
        try (FixHarness fix = new FixHarness(dir, 0, options))
        {
            FixHarness.await(() -> verdicts(fix).size() == 2, "the start-up reconciliation's report");

            assertThat(ends(fix)).containsExactly(ReconciliationOutcome.UNSUPPORTED);
            assertThat(scopes(fix)).containsExactly(ReconciliationScope.ORDERS_ONLY);
            // AF only: AN was never asked
            assertThat(fix.venue.businessRejects()).isEqualTo(1);
            assertThat(verdicts(fix)).containsOnly(ReconciliationVerdict.NOT_COMPARED);
            assertThat(fix.engine.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.ACTIVE);
            assertThat(fix.engine.logic().counters().reconciliations(ReconciliationOutcome.UNSUPPORTED)).isEqualTo(1);
            assertThat(fix.console).singleElement().asString()
                .contains("UNSUPPORTED (orders-only)", "OrderMassStatusRequest (35=AF)", "not a halt");
        }
    }

    @Test
    void ordersOnlyAgainstAWellBehavedVenueComparesOrdersNotPositions() throws Exception
    {
        final FixHarness.Options options = FixHarness.Options.DEFAULT.withMode(ReconciliationMode.ORDERS_ONLY)
            .withVenue(venue -> venue.injectPositionOffset(SYMBOL, FixScript.quantity("3")));
        try (FixHarness fix = new FixHarness(dir, 0, options))
        {
            FixHarness.await(() -> verdicts(fix).size() == 2, "the start-up reconciliation's report");

            assertThat(ends(fix)).containsExactly(ReconciliationOutcome.COMPLETE);
            // a position difference a full reconciliation halts on is not looked at
            assertThat(verdicts(fix)).containsOnly(ReconciliationVerdict.NOT_COMPARED);
            assertThat(fix.engine.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.ACTIVE);
            assertThat(fix.console).singleElement().asString().contains("COMPLETE (orders-only)");
        }
    }

    @Test
    void aVenueIgnoringMassStatusLeavesNoAnswerAndTheTimeoutHalts() throws Exception
    {
        final FixHarness.Options options = FixHarness.Options.DEFAULT.withTimeout(4_000_000_000L)
            .withVenue(venue -> venue.noMassStatus(true));
        try (FixHarness fix = new FixHarness(dir, 0, options))
        {
            FixHarness.await(() -> fix.venue.massStatusIgnored() == 1, "the question at the venue");
            FixHarness.await(() -> ends(fix).size() == 1, "the start-up reconciliation's end");

            assertThat(ends(fix)).containsExactly(ReconciliationOutcome.NO_ANSWER);
            FixHarness.await(() -> fix.engine.logic().breakerState(BreakerType.RECONCILIATION) == BreakerState.HALTED,
                "the halt");
            assertThat(fix.console).singleElement().asString()
                .contains("NO_ANSWER (full)", "within 4 s of wall time", "trading halts");
        }
    }

    @Test
    void underTheDataClockTheReconciliationTimeoutRunsInEventTime() throws Exception
    {
        final FixHarness.Options options = FixHarness.Options.DEFAULT.withClock(ClockMode.DATA)
            .withTimeout(1_000_000_000L).withVenue(venue -> venue.noMassStatus(true));
        try (FixHarness fix = new FixHarness(dir, 0, options))
        {
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            fix.tickAt(T0);
            FixHarness.await(() -> fix.venue.massStatusIgnored() == 1, "the question at the venue");
            fix.tickAt(T0 + 500_000_000L);
            // two seconds of wall time, half a second of event time: on wall time it would have ended twice over
            Thread.sleep(2_000);
            assertThat(ends(fix)).isEmpty();

            fix.tickAt(T0 + 1_000_000_000L);
            FixHarness.await(() -> ends(fix).size() == 1, "the end after a second of event time");
            assertThat(ends(fix)).containsExactly(ReconciliationOutcome.NO_ANSWER);
            assertThat(fix.console).singleElement().asString().contains("NO_ANSWER", "event time (--clock data)");
        }
    }

    @Test
    void modeOffAsksTheVenueNothing() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0, FixHarness.Options.DEFAULT.withMode(ReconciliationMode.OFF)
            .withTimeout(500_000_000L)))
        {
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            Thread.sleep(1_000);
            assertThat(ends(fix)).isEmpty();
            assertThat(fix.console).isEmpty();
            assertThat(fix.engine.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.ACTIVE);
        }
    }

    private static List<ReconciliationOutcome> ends(final FixHarness fix)
    {
        return fromEnds(fix, ReconciliationEndDecoder::outcome);
    }

    private static List<ReconciliationScope> scopes(final FixHarness fix)
    {
        return fromEnds(fix, ReconciliationEndDecoder::scope);
    }

    private static <T> List<T> fromEnds(final FixHarness fix,
        final java.util.function.Function<ReconciliationEndDecoder, T> field)
    {
        final ReconciliationEndDecoder end = new ReconciliationEndDecoder();
        return frames(fix.inputs(), ReconciliationEndDecoder.TEMPLATE_ID).stream()
            .map(buffer -> field.apply(end.wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()))).toList();
    }

    private static List<ReconciliationVerdict> verdicts(final FixHarness fix)
    {
        final ReconciliationReportDecoder report = new ReconciliationReportDecoder();
        return frames(fix.outputs(), ReconciliationReportDecoder.TEMPLATE_ID).stream()
            .map(buffer -> report.wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()).verdict()).toList();
    }

    private static List<UnsafeBuffer> frames(final List<JournalDump.Entry> entries, final int templateId)
    {
        return entries.stream().filter(e -> e.templateId() == templateId).map(e -> new UnsafeBuffer(e.frame()))
            .toList();
    }
}
