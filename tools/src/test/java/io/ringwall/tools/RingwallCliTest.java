package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's commands through the CLI entry point the launcher calls.
 */
class RingwallCliTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void runOnTheBundledTradesThenReplayAndPrintTheJournal()
    {
        final Path journal = dir.resolve("session");
        assertThat(execute("run", "--journal", journal.toString())).as(err.toString()).isZero();
        assertThat(text(out)).contains("source        trades classpath:bitstamp_trades_from_20131125_usd.csv")
            .containsPattern("events +\\d[\\d,]* inputs journaled")
            .contains("18 malformed lines")
            .containsPattern("orders +\\d[\\d,]* sent")
            .contains("PnL           realised")
            .containsPattern("tick-to-order p50 [\\d.]+ us")
            .contains("journal       " + journal);
        // The file's 18 zero-amount trades: one summary line (count, share, the first three with line and why),
        // never one line each, and well within the 1 % a file may have.
        assertThat(text(out)).containsPattern("malformed     18 of 100,000 data lines of " +
            "classpath:bitstamp_trades_from_20131125_usd.csv malformed \\(0\\.018 %\\), counted and skipped: line \\d+: " +
            "amount '0(\\.0+)?' is not a positive decimal");
        assertThat(text(err)).doesNotContain("malformed");

        out.reset();
        assertThat(execute("replay", "--journal", journal.toString(), "--verify")).isZero();
        assertThat(text(out)).startsWith("identical: ");

        out.reset();
        assertThat(execute("journal", "--journal", journal.toString(), "--type", "NewOrder,OrderFilled", "--limit", "2"))
            .isZero();
        final String[] lines = text(out).split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("in ").contains("OrderFilled clOrdId=");
        assertThat(lines[2]).startsWith("out ").contains(" NewOrder clOrdId=").contains("side=BUY");

        out.reset();
        assertThat(execute("journal", "--journal", journal.toString(), "--which", "in", "--from", "3", "--to", "4"))
            .isZero();
        assertThat(text(out).split("\n")).hasSize(2).allMatch(l -> l.startsWith("in 3 ") || l.startsWith("in 4 "));
    }

    @Test
    void barsRunWithTheDefaultBarStrategy()
    {
        // the breaker can still be switched off, and the summary names the override
        assertThat(execute("run", "--data", "classpath:appleinc_bars_from_20130101_usd.csv", "--format", "bars",
            "--set", "breakers.stale-data.enabled=false", "--journal", dir.resolve("bars").toString()))
            .as(err.toString()).isZero();
        assertThat(text(out)).contains("252 events, 0 malformed lines").containsPattern("orders +[1-9]\\d* sent")
            .contains("RINGWALL_BREAKERS_STALE_DATA_ENABLED=false");

        // Issue 24: out of the box, bars are stale only after three bar intervals of open market, so daily bars
        // trade and trip nothing.
        out.reset();
        assertThat(execute("run", "--data", "classpath:appleinc_bars_from_20130101_usd.csv", "--format", "bars",
            "--journal", dir.resolve("bars-stale").toString())).as(err.toString()).isZero();
        assertThat(text(out)).contains("breakers tripped: none").containsPattern("orders +[1-9]\\d* sent")
            .doesNotContain("ATTENTION");
    }

    @Test
    void metricsPortServesTheEndpointDuringTheRunAndReleasesItAfter() throws Exception
    {
        final int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            port = probe.getLocalPort();
        }
        assertThat(execute("run", "--data", "classpath:appleinc_bars_from_20130101_usd.csv", "--format", "bars",
            "--set", "breakers.stale-data.enabled=false", "--metrics-port", Integer.toString(port),
            "--journal", dir.resolve("metrics").toString())).as(err.toString()).isZero();
        assertThat(text(err)).contains("metrics       http://127.0.0.1:" + port + "/metrics");
        assertThat(text(out)).contains("252 events");
        // closed with the engine: the port can be bound again
        try (java.net.ServerSocket again = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void helpListsTheCommandsAndErrorsAreClear()
    {
        assertThat(execute("--help")).isZero();
        assertThat(text(out)).contains("run", "replay", "journal");
        out.reset();
        assertThat(execute("run", "--help")).isZero();
        assertThat(text(out)).contains("--journal=DIR", "--strategy=SPEC", "--wait");

        assertThat(execute("replay", "--journal", dir.resolve("missing").toString())).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("no Ringwall journal in");
        assertThat(execute("run", "--strategy", "no-such-strategy", "--journal", dir.resolve("x").toString()))
            .isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("strategy 'no-such-strategy': unknown");
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
