package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.ringwall.engine.control.AdminToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: options that used to be taken silently. {@code --synthetic 0} or a negative count traded the bundled
 * file instead; an admin endpoint bound where other hosts reach it needed no word from the operator. Each is
 * refused before anything starts (one line, exit 2, no session directory), and the allowed forms still run.
 */
class RunOptionRefusalsTest
{
    private static final String TOKEN = "remote-test-token-2a7c9e1b5d3f4680";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void restoreEnvironment()
    {
        RunCommand.processEnvironment = System.getenv();
    }

    @Test
    void syntheticZeroOrNegativeIsRefusedInsteadOfTradingTheBundledFile()
    {
        for (final String count : new String[] {"0", "-5"})
        {
            out.reset();
            err.reset();
            final Path journal = dir.resolve("synthetic" + count);
            assertThat(execute("run", "--synthetic", count, "--journal", journal.toString()))
                .isEqualTo(RingwallCli.EXIT_FAILURE);
            assertThat(text(err)).isEqualTo("ringwall run: --synthetic " + count + " is not a number of trades: " +
                "give at least 1 (or leave --synthetic out to trade --data)\n");
            assertThat(text(out)).doesNotContain("source");
            assertThat(journal).doesNotExist();
        }
        assertThat(execute("fix-venue", "--port", "1", "--synthetic", "0")).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("ringwall fix-venue: --synthetic 0 is not a number of trades");

        out.reset();
        assertThat(execute("run", "--synthetic", "1", "--journal", dir.resolve("one").toString())).as(text(err)).isZero();
        assertThat(text(out)).contains("source        synthetic 1 trades (seed 42)");
    }

    @Test
    void reconciliationOffIsRefusedInProductionBeforeAnythingStarts()
    {
        final Path journal = dir.resolve("off");
        assertThat(execute("run", "--env", "production", "--set", "reconciliation.mode=off", "--synthetic", "10",
            "--journal", journal.toString())).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).isEqualTo("ringwall run: environment variable RINGWALL_RECONCILIATION_MODE: " +
            "reconciliation.mode = off is not allowed in production: the venue's positions and open orders must be " +
            "reconciled (full or orders-only)\n");
        assertThat(journal).doesNotExist();
    }

    @Test
    void tortureRefusesADirectoryHoldingAnEarlierRun() throws IOException
    {
        final Path work = dir.resolve("torture");
        Files.createDirectories(work.resolve("session"));
        for (final String venue : new String[] {"paper", "fix"})
        {
            err.reset();
            assertThat(execute("torture", "--kills", "1", "--venue", venue, "--dir", work.toString()))
                .isEqualTo(RingwallCli.EXIT_FAILURE);
            assertThat(text(err)).isEqualTo("ringwall torture: --dir " + work + " is not empty (an earlier run's session " +
                "and logs would be resumed and judged): give a new or empty directory, or leave --dir out\n");
        }
        assertThat(work.resolve("logs")).doesNotExist();
    }

    @Test
    void fixVenueRefusesARejectTypeItCannotRehearse()
    {
        assertThat(execute("fix-venue", "--port", "1", "--reject-types", "AN,D")).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("ringwall fix-venue: --reject-types AN,D: each must be one of AN, AF, H");
    }

    @Test
    void aNegativeSessionRejectEveryIsRefusedBeforeTheVenueStarts()
    {
        assertThat(execute("fix-venue", "--port", "1", "--session-reject-every", "-1"))
            .isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("ringwall fix-venue: --session-reject-every -1 is negative");
    }

    @Test
    void aRemoteAdminHostIsRefusedWithoutAdminAllowRemote()
    {
        final Path journal = dir.resolve("remote");
        assertThat(execute("run", "--admin-port", "0", "--admin-host", "0.0.0.0", "--synthetic", "100",
            "--journal", journal.toString())).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).isEqualTo("ringwall run: --admin-host 0.0.0.0 can be reached from other hosts, and the " +
            "admin endpoint can halt, flatten and shut down this engine: refused without --admin-allow-remote " +
            "(or bind 127.0.0.1)\n");
        assertThat(journal).doesNotExist();
    }

    @Test
    void withAdminAllowRemoteItWarnsAndServes()
    {
        RunCommand.processEnvironment = Map.of(AdminToken.ENVIRONMENT_VARIABLE, TOKEN);
        assertThat(execute("run", "--admin-port", "0", "--admin-host", "0.0.0.0", "--admin-allow-remote",
            "--synthetic", "2000", "--journal", dir.resolve("allowed").toString())).as(text(err)).isZero();
        assertThat(text(err)).contains("ringwall: warning: the admin endpoint on 0.0.0.0 is reachable from other " +
            "hosts (--admin-allow-remote): anyone there with the token can halt, flatten or shut down this engine\n");
        assertThat(text(out)).containsPattern("admin endpoint  http://0\\.0\\.0\\.0:\\d+ ");

        // loopback needs no flag and warns of nothing
        err.reset();
        assertThat(execute("run", "--admin-port", "0", "--admin-host", "localhost", "--synthetic", "500",
            "--journal", dir.resolve("loopback").toString())).as(text(err)).isZero();
        assertThat(text(err)).doesNotContain("warning");
        assertThat(text(out)).contains("admin endpoint  http://localhost:");
    }

    @Test
    void aRemoteMetricsHostIsWarnedAbout() throws Exception
    {
        final int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0))
        {
            port = probe.getLocalPort();
        }
        assertThat(execute("run", "--metrics-port", Integer.toString(port), "--metrics-host", "0.0.0.0",
            "--synthetic", "500", "--journal", dir.resolve("metrics").toString())).as(text(err)).isZero();
        assertThat(text(err)).contains("ringwall: warning: the metrics endpoint on 0.0.0.0 is reachable from other " +
            "hosts: positions, PnL and health are readable there without authentication\n");
    }

    @Test
    void loopbackIsWhatResolvesToALoopbackAddress()
    {
        assertThat(RunCommand.isLoopback("--admin-host", "127.0.0.1")).isTrue();
        assertThat(RunCommand.isLoopback("--admin-host", "127.0.0.2")).isTrue();
        assertThat(RunCommand.isLoopback("--admin-host", "localhost")).isTrue();
        assertThat(RunCommand.isLoopback("--admin-host", "::1")).isTrue();
        assertThat(RunCommand.isLoopback("--admin-host", "0.0.0.0")).isFalse();
        assertThat(RunCommand.isLoopback("--admin-host", "::")).isFalse();
        assertThat(RunCommand.isLoopback("--admin-host", "192.168.1.10")).isFalse();
    }

    private int execute(final String... args)
    {
        return RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private static String text(final ByteArrayOutputStream stream)
    {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
