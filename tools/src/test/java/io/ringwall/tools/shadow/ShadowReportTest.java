package io.ringwall.tools.shadow;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.ShadowVerdict;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.ShadowSettings;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.logic.LogicHarness;
import io.ringwall.engine.strategy.StrategyFactory;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalWriter;
import io.ringwall.tools.RingwallCli;
import io.ringwall.tools.readiness.ReportFiles;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code ringwall shadow-report} on a small shadow session whose every figure is counted by hand: four decisions
 * (one misaligned), four live orders answered as scripted below.
 */
class ShadowReportTest
{
    private static final String STRATEGY = ScriptedTargetStrategy.class.getName() + ":targets=";
    private static final long ONE = Fixed.QUANTITY_SCALE;
    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    private Path session;

    @BeforeEach
    void recordSession()
    {
        final LogicConfig config = LogicHarness.config(STRATEGY + "1/2/0/1")
            .withShadow(ShadowSettings.OFF.on(List.of(STRATEGY + "1/3/0/1")));
        final LogicHarness h = new LogicHarness(config, StrategyFactory.createAll(config.strategySpecs()));
        // decision 1 (1 vs 1): order A buys 1 at model 100.00; ack after 2 ms, filled at 100.10 after 5 ms: 10 bps
        h.advance(MS).trade(0, 1_000_000, 1_000 * ONE);
        final long a = lastOrder(h);
        h.advance(2 * MS).accepted(a, 0);
        h.advance(3 * MS).filled(a, 0, Side.BUY, 1_001_000, ONE, 0, 0);
        // decision 2 (2 vs 3, misaligned): order B buys 1 at 101.00; ack after 4 ms, then cancelled: not filled
        h.advance(MS).trade(0, 1_010_000, 1_000 * ONE);
        final long b = lastOrder(h);
        h.advance(4 * MS).accepted(b, 0);
        h.advance(MS).cancelled(b, 0, ONE);
        // decision 3 (0 vs 0): order C sells 1 at 102.00; filled at 101.90 after 10 ms, unacknowledged: 9.80 bps
        h.advance(MS).trade(0, 1_020_000, 1_000 * ONE);
        final long c = lastOrder(h);
        h.advance(10 * MS).filled(c, 0, Side.SELL, 1_019_000, ONE, 0, 0);
        // decision 4 (1 vs 1): order D buys 1 at 103.00; ack after 2 ms, half filled at 103.00 after 4 ms, cancelled
        h.advance(MS).trade(0, 1_030_000, 1_000 * ONE);
        final long d = lastOrder(h);
        h.advance(2 * MS).accepted(d, 0);
        h.advance(2 * MS).filled(d, 0, Side.BUY, 1_030_000, ONE / 2, ONE / 2, 0);
        h.advance(6 * MS).cancelled(d, 0, ONE / 2);

        session = dir.resolve("session");
        try (JournalDirectory journals = JournalDirectory.open(session))
        {
            journals.writeManifest(config.toManifest());
            final JournalWriter out = journals.outputWriter();
            for (final LogicHarness.Output output : h.outputs())
            {
                out.append(output.sequence(), output.timeNs(), new UnsafeBuffer(output.frame()), 0,
                    output.frame().length);
            }
            out.commit();
        }
    }

    @Test
    void theFiguresEqualAHandCount()
    {
        final ShadowReport report = ShadowReport.read(session);

        assertThat(report.decisions()).isEqualTo(4);
        assertThat(report.aligned()).isEqualTo(3);
        assertThat(report.alignment()).isEqualTo(0.75);
        assertThat(report.misalignments()).hasSize(1);
        final ShadowReport.Misalignment m = report.misalignments().get(0);
        assertThat(m.decision()).isEqualTo(2);
        assertThat(m.liveTarget()).isEqualTo(2 * ONE);
        assertThat(m.twinTarget()).isEqualTo(3 * ONE);
        assertThat(m.verdict()).isEqualTo(ShadowVerdict.TARGET_DIFFERS);
        assertThat(m.differencePpm()).isEqualTo(333_333);
        assertThat(m.misalignmentsInRow()).isEqualTo(1);

        assertThat(report.executions()).isEqualTo(4);
        assertThat(report.filled()).isEqualTo(2);
        assertThat(report.partial()).isEqualTo(1);
        assertThat(report.notFilled()).isEqualTo(1);
        assertThat(report.executionQuality()).isEqualTo(0.5);
        // A 10.00, C 9.80 (0.10 of 102.00, truncated to whole ppm), D 0.00
        assertThat(report.slippageBps()).containsExactly(10.0, 9.80, 0.0);
        assertThat(report.averageSlippageBps()).isCloseTo(6.6, within(1e-9));
        assertThat(ShadowReport.percentile(report.slippageBps(), 50)).isEqualTo(9.80);
        assertThat(ShadowReport.percentile(report.slippageBps(), 100)).isEqualTo(10.0);
        assertThat(report.ackLatencyMs()).containsExactly(2.0, 4.0, 10.0, 2.0);
        assertThat(ShadowReport.percentile(report.ackLatencyMs(), 50)).isEqualTo(2.0);
        assertThat(ShadowReport.percentile(report.ackLatencyMs(), 90)).isEqualTo(10.0);
        assertThat(report.fillLatencyMs()).containsExactly(5.0, 10.0, 4.0);
        assertThat(ShadowReport.percentile(report.fillLatencyMs(), 50)).isEqualTo(5.0);
    }

    @Test
    void theCommandPrintsTheFiguresAndWritesWhatReadinessReads() throws Exception
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int status = RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            "shadow-report", "--journal", session.toString());

        final String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(text).isZero();
        assertThat(text).contains("decisions 4, aligned 3, misaligned 1: alignment 75.00%")
            .contains("live orders finished 4: filled 2, partial 1, not filled 1: execution quality 50.00%")
            .contains("slippage vs model, bps (3 orders): average 6.600, p50 9.800, p90 10.000, p99 10.000, max 10.000")
            .contains("send -> ack, ms (4 orders): p50 2.000")
            .contains("strategy 0 BTCUSD: live 2 twin 3, TARGET_DIFFERS");
        assertThat(Files.readString(session.resolve(ShadowReportFiles.HTML))).contains("<svg");
        final var figures = ReportFiles.shadow(session);
        assertThat(figures.alignment()).isEqualTo(0.75);
        assertThat(figures.executionQuality()).isEqualTo(0.5);
    }

    @Test
    void aSessionWithoutTheShadowIsRefused() throws Exception
    {
        final Path plain = dir.resolve("plain");
        try (JournalDirectory journals = JournalDirectory.open(plain))
        {
            journals.writeManifest(LogicHarness.config(STRATEGY + "1").toManifest());
            journals.outputWriter().commit();
        }
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = RingwallCli.execute(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), "shadow-report", "--journal",
            plain.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no shadow frames");
    }

    @Test
    void correlationAndDtwOfKnownSeries()
    {
        final BacktestComparison same = BacktestComparison.of(new double[] {0.01, -0.02, 0.03},
            new double[] {0.01, -0.02, 0.03, 0.5});
        assertThat(same.periods()).isEqualTo(3);
        assertThat(same.correlation()).isCloseTo(1.0, within(1e-12));
        // equity 1, 1.01 against 1, 1.02: warped pairs (1,1), (1.01,1.02): 0.01
        assertThat(BacktestComparison.dtw(new double[] {1, 1.01}, new double[] {1, 1.02})).isCloseTo(0.01, within(1e-12));
        // a curve and its time-shifted copy are 0 apart under warping
        assertThat(BacktestComparison.dtw(new double[] {1, 1, 2, 3}, new double[] {1, 2, 3, 3})).isZero();
    }

    private static long lastOrder(final LogicHarness h)
    {
        final List<LogicHarness.Output> orders = h.outputs().stream()
            .filter(o -> o.templateId() == NewOrderDecoder.TEMPLATE_ID).toList();
        return new NewOrderDecoder().wrapAndApplyHeader(orders.get(orders.size() - 1).buffer(), 0,
            new MessageHeaderDecoder()).clOrdId();
    }
}
