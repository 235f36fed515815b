package io.ringwall.tools;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.ShadowDecisionDecoder;
import io.ringwall.codecs.ShadowExecutionDecoder;
import io.ringwall.codecs.ShadowVerdict;
import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.config.ShadowSettings;
import io.ringwall.engine.marketdata.DataFiles;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.TradeCsvSource;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paper session with the shadow on (issue 20): the twin's decisions and the live executions are journaled, the
 * live side trades exactly as without the shadow, and the session replays byte for byte.
 */
class ShadowSessionTest
{
    /** A twin with a faster average: it changes its mind at other prices than the live strategy. */
    static final String OTHER_TWIN = "ma-crossover:symbol=BTCUSD,fast=10,slow=100,qty=0.5";

    @TempDir
    Path dir;

    @Test
    void aShadowSessionJournalsItsComparisonsAndReplaysIdentically()
    {
        final Path session = dir.resolve("shadow");
        final RunSummary summary = run(session, ShadowSettings.OFF.on(List.of()));

        assertThat(summary.failure()).isNull();
        final List<ShadowDecisionDecoder> decisions = decisions(session);
        // the twin is the same strategy on the same prices: every decision agrees
        assertThat(decisions).hasSizeGreaterThan(10)
            .allSatisfy(d -> assertThat(d.verdict()).isEqualTo(ShadowVerdict.ALIGNED));
        assertThat(summary.counters().shadowDecisions).isEqualTo(decisions.size());
        assertThat(count(session, ShadowExecutionDecoder.TEMPLATE_ID)).isEqualTo(summary.counters().shadowExecutions)
            .isGreaterThan(10);
        assertThat(summary.counters().breakerTrips(BreakerType.SHADOW)).isZero();

        final ReplayVerifier.Result result = new ReplayVerifier().verify(session);
        assertThat(result.identical()).as(result.format()).isTrue();
        assertThat(result.inputs()).isEqualTo(summary.counters().inputs);
    }

    @Test
    void theShadowChangesNothingTheLiveSideDoes()
    {
        final Path without = dir.resolve("without");
        final Path with = dir.resolve("with");
        run(without, ShadowSettings.OFF);
        // a misaligned twin, with a SHADOW breaker that never trips: the one way the shadow may act on the live side
        run(with, new ShadowSettings(true, ShadowSettings.DEFAULT_SIGNAL_TOLERANCE_PPM, 1_000, 0,
            ShadowSettings.DEFAULT_EXECUTION_WINDOW, List.of(OTHER_TWIN)));

        assertThat(JournalDump.inputs(with)).isEqualTo(JournalDump.inputs(without));
        assertThat(liveFrames(with)).isEqualTo(liveFrames(without)).hasSizeGreaterThan(20);
        assertThat(decisions(with)).anySatisfy(d -> assertThat(d.verdict()).isNotEqualTo(ShadowVerdict.ALIGNED));
    }

    @Test
    void aMisalignedTwinHaltsTradingAndTheSessionStillReplaysIdentically()
    {
        final Path session = dir.resolve("misaligned");
        final RunSummary summary = run(session, ShadowSettings.OFF.on(List.of(OTHER_TWIN)));

        final List<ShadowDecisionDecoder> decisions = decisions(session);
        final int tripAt = firstRunOf(decisions, ShadowSettings.DEFAULT_MAX_MISALIGNMENTS);
        assertThat(tripAt).as("three misaligned decisions in a row").isGreaterThanOrEqualTo(0);
        final List<BreakerStateChangeDecoder> trips = JournalDump.outputs(session).stream()
            .filter(e -> e.templateId() == BreakerStateChangeDecoder.TEMPLATE_ID)
            .map(e -> new BreakerStateChangeDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                new MessageHeaderDecoder()))
            .filter(d -> d.breakerType() == BreakerType.SHADOW).toList();
        assertThat(trips).hasSize(1);
        assertThat(trips.get(0).toState()).isEqualTo(BreakerState.HALTED);
        assertThat(trips.get(0).causeSequence()).isEqualTo(decisions.get(tripAt).causeSequence());
        assertThat(summary.counters().breakerTrips(BreakerType.SHADOW)).isEqualTo(1);

        final ReplayVerifier.Result result = new ReplayVerifier().verify(session);
        assertThat(result.identical()).as(result.format()).isTrue();
    }

    /** @return the index of the decision that completes the first run of {@code n} misalignments, or -1. */
    private static int firstRunOf(final List<ShadowDecisionDecoder> decisions, final int n)
    {
        for (int i = 0; i < decisions.size(); i++)
        {
            if (decisions.get(i).misalignmentsInRow() == n)
            {
                return i;
            }
        }
        return -1;
    }

    private static RunSummary run(final Path session, final ShadowSettings shadow)
    {
        final EngineConfig base = EngineFixtures.recorded(session, EngineFixtures.MA);
        final EngineConfig config = new EngineConfig(base.journalDir(), base.logic().withShadow(shadow), base.ring(),
            base.clockMode(), base.lockStep(), base.timerIntervalNs(), base.ratePerSecond());
        try (Engine engine = new Engine(config))
        {
            return engine.run(new TradeCsvSource(DataFiles.BITSTAMP_TRADES, 0, new MalformedLineReporter()));
        }
    }

    /** Journal "out" without the shadow's frames, each frame's bytes. */
    private static List<List<Byte>> liveFrames(final Path session)
    {
        return JournalDump.outputs(session).stream()
            .filter(e -> e.templateId() != ShadowDecisionDecoder.TEMPLATE_ID &&
                e.templateId() != ShadowExecutionDecoder.TEMPLATE_ID)
            .map(e -> boxed(e.frame())).toList();
    }

    private static List<Byte> boxed(final byte[] bytes)
    {
        final Byte[] boxed = new Byte[bytes.length];
        Arrays.setAll(boxed, i -> bytes[i]);
        return List.of(boxed);
    }

    static List<ShadowDecisionDecoder> decisions(final Path session)
    {
        return JournalDump.outputs(session).stream().filter(e -> e.templateId() == ShadowDecisionDecoder.TEMPLATE_ID)
            .map(e -> new ShadowDecisionDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                new MessageHeaderDecoder())).toList();
    }

    private static long count(final Path session, final int templateId)
    {
        return JournalDump.outputs(session).stream().filter(e -> e.templateId() == templateId).count();
    }
}
