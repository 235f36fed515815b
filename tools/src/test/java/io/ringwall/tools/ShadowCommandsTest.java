package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shadow trading commands as the README gives them: {@code run --shadow}, {@code shadow-report}, and the SHADOW
 * breaker in {@code risk-events} and {@code status}; {@code replay --verify} of the session; the refusals.
 */
class ShadowCommandsTest
{
    private static final String LIVE = "ma-crossover:symbol=SYN,fast=20,slow=100,qty=0.5";
    private static final String TWIN = "ma-crossover:symbol=SYN,fast=10,slow=100,qty=0.5";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aShadowRunWithAMisalignedTwinHaltsAndEveryToolShowsIt()
    {
        final String session = dir.resolve("shadow").toString();
        // a halt at the first misaligned decision: --set reaches the shadow keys like any other
        assertThat(execute("run", "--synthetic", "20000", "--strategy", LIVE, "--shadow", "--shadow-strategy", TWIN,
            "--set", "shadow.max-misalignments=1", "--journal", session)).as(text(err)).isZero();
        assertThat(text(out)).containsPattern("shadow        [0-9,]+ decisions, [0-9,]+ misaligned \\(alignment");
        assertThat(text(err)).as("a shadow session checkpoints").doesNotContain("no checkpoints this session");
        assertThat(text(out)).contains("breakers tripped: SHADOW 1");

        reset();
        assertThat(execute("risk-events", "--journal", session)).as(text(err)).isZero();
        assertThat(text(out)).contains("SHADOW").contains("misaligned decisions in a row 1 limit 1");

        reset();
        assertThat(execute("status", "--journal", session)).as(text(err)).isZero();
        assertThat(text(out)).contains("shadow        decisions").containsPattern("SHADOW\\s+HALTED\\s+1");

        reset();
        assertThat(execute("shadow-report", "--journal", session)).as(text(err)).isZero();
        assertThat(text(out)).contains("SIGNAL_DIFFERS").doesNotContain("alignment 100.00%");

        reset();
        assertThat(execute("replay", "--journal", session, "--verify")).as(text(out) + text(err)).isZero();
        assertThat(text(out)).contains("identical");

        reset();
        final Path backtest = dir.resolve("backtest");
        assertThat(execute("backtest", "--synthetic", "20000", "--strategy", LIVE, "--no-progress", "--journal",
            backtest.toString())).as(text(err)).isZero();
        reset();
        assertThat(execute("shadow-report", "--journal", session, "--against-backtest",
            backtest.resolve("backtest-report.json").toString(), "--out", dir.resolve("report").toString()))
            .as(text(err)).isZero();
        assertThat(text(out)).containsPattern("against .*backtest-report.json: [0-9]+ daily returns, correlation " +
            "\\S+, equity DTW distance \\S+");
        assertThat(dir.resolve("report").resolve("shadow-report.json")).content().contains("\"againstBacktest\"");
    }

    /**
     * A shadow session checkpoints: {@code run --resume} restores the newest snapshot, twin and judge included, and
     * replays only the inputs after it, each regenerated output identical to journal "out" (recovery refuses to go
     * live on a difference, so a snapshot missing the twin's state fails here).
     */
    @Test
    void aShadowSessionResumesFromItsCheckpointAndReplaysIdentical()
    {
        final String session = dir.resolve("resumed").toString();
        final String[] run = {"run", "--synthetic", "20000", "--strategy", LIVE, "--shadow", "--shadow-strategy", TWIN,
            "--set", "shadow.max-misalignments=1000", "--checkpoint-every", "4000", "--journal", session};
        assertThat(execute(run)).as(text(err)).isZero();
        assertThat(text(err)).doesNotContain("no checkpoints");
        assertThat(text(out)).containsPattern("shadow        [0-9,]+ decisions, [1-9][0-9,]* misaligned");

        reset();
        final String[] resume = new String[run.length + 1];
        System.arraycopy(run, 0, resume, 0, run.length);
        resume[run.length] = "--resume";
        assertThat(execute(resume)).as(text(out) + text(err)).isZero();
        assertThat(text(out)).containsPattern("snapshot +\\S+ \\(after input [1-9][0-9]*\\)")
            .containsPattern("outputs verified  [0-9]+ identical in journal \"out\"");

        reset();
        assertThat(execute("replay", "--journal", session, "--verify")).as(text(out) + text(err)).isZero();
        assertThat(text(out)).contains("identical");
    }

    @Test
    void shadowOptionsThatCannotWorkAreRefused()
    {
        assertThat(execute("run", "--synthetic", "10", "--shadow-strategy", TWIN, "--journal",
            dir.resolve("a").toString())).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("--shadow-strategy needs --shadow");

        reset();
        assertThat(execute("run", "--synthetic", "10", "--strategy", LIVE, "--shadow", "--shadow-strategy", TWIN,
            "--shadow-strategy", TWIN, "--journal", dir.resolve("b").toString())).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("2 twin strategies for 1 strategies");

        reset();
        assertThat(execute("run", "--synthetic", "10", "--shadow", "--set", "shadow.signal-tolerance=2", "--journal",
            dir.resolve("c").toString())).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("shadow.signal-tolerance");
    }

    private int execute(final String... args)
    {
        return RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private void reset()
    {
        out.reset();
        err.reset();
    }

    private static String text(final ByteArrayOutputStream stream)
    {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
