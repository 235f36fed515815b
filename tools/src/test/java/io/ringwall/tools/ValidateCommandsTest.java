package io.ringwall.tools;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation commands end to end on the first 40,000 lines (about two and a half days) of the bundled Bitstamp
 * trades: each prints its figures and writes its JSON and HTML; the walk-forward's JSON is the same bytes on one
 * worker and on two.
 */
class ValidateCommandsTest
{
    @TempDir
    static Path dir;
    static Path trades;

    @BeforeAll
    static void aShortSliceOfRealTrades() throws IOException
    {
        System.setProperty("java.awt.headless", "true");
        trades = dir.resolve("bitstamp-head.csv");
        final List<String> lines = new ArrayList<>();
        try (InputStream in = ValidateCommandsTest.class.getClassLoader()
                .getResourceAsStream("bitstamp_trades_from_20131125_usd.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
        {
            for (String line = reader.readLine(); line != null && lines.size() < 40_000; line = reader.readLine())
            {
                lines.add(line);
            }
        }
        Files.write(trades, lines);
    }

    @Test
    void walkForwardIsTheSameBytesOnOneWorkerAndOnTwo() throws IOException
    {
        final Run one = ringwall("validate", "walk-forward", "--no-progress", "--data", trades.toString(), "--period", "1h",
            "--windows", "3", "--train", "24h", "--test", "8h", "--strategy", "ma-crossover:symbol=BTCUSD,qty=0.5",
            "--grid", "fast=10,30", "--grid", "slow=100,200", "--workers", "1", "--out", dir.resolve("wf1").toString());
        final Run two = ringwall("validate", "walk-forward", "--no-progress", "--data", trades.toString(), "--period", "1h",
            "--windows", "3", "--train", "24h", "--test", "8h", "--strategy", "ma-crossover:symbol=BTCUSD,qty=0.5",
            "--grid", "fast=10,30", "--grid", "slow=100,200", "--workers", "2", "--out", dir.resolve("wf2").toString());

        assertThat(one.exit).as(one.err).isZero();
        assertThat(two.exit).as(two.err).isZero();
        assertThat(one.out).contains("average OOS Sharpe", "degradation", "deflated Sharpe (OOS)", "PBO",
            "24 backtests on 1 workers");
        assertThat(dir.resolve("wf1/walk-forward.json")).hasSameBinaryContentAs(dir.resolve("wf2/walk-forward.json"));
        assertThat(Files.readString(dir.resolve("wf1/walk-forward.json"))).contains("\"windowCount\" : 3",
            "\"chosen\" : \"fast=");
        assertThat(Files.readString(dir.resolve("wf1/walk-forward.html"))).contains("<svg", "Walk-forward");
    }

    @Test
    void monteCarloIsReproducibleWithItsSeed() throws IOException
    {
        final Run first = ringwall("validate", "monte-carlo", "--no-progress", "--data", trades.toString(), "--period",
            "1h", "--runs", "200", "--cost-runs", "4", "--seed", "7", "--ruin-drawdown", "0.0001", "--out",
            dir.resolve("mc1").toString());
        final Run again = ringwall("validate", "monte-carlo", "--no-progress", "--data", trades.toString(), "--period",
            "1h", "--runs", "200", "--cost-runs", "4", "--seed", "7", "--ruin-drawdown", "0.0001", "--workers", "1",
            "--out", dir.resolve("mc2").toString());

        assertThat(first.exit).as(first.err).isZero();
        assertThat(first.out).contains("trade bootstrap", "trade shuffle", "costs/slippage/latency", "p5", "p95",
            "probability of ruin");
        assertThat(dir.resolve("mc1/monte-carlo.json")).hasSameBinaryContentAs(dir.resolve("mc2/monte-carlo.json"));
        assertThat(Files.readString(dir.resolve("mc1/monte-carlo.json"))).contains("\"runs\" : 200",
            "\"ruinProbability\"");
        assertThat(again.exit).isZero();
    }

    @Test
    void sensitivityPrintsTheSurfaceAndItsCliffs() throws IOException
    {
        final Run run = ringwall("validate", "sensitivity", "--no-progress", "--data", trades.toString(), "--period",
            "1h", "--strategy", "ma-crossover:symbol=BTCUSD,qty=0.5", "--grid", "fast=10,20,40", "--grid",
            "slow=100,200", "--out", dir.resolve("sens").toString());

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).contains("Sharpe by fast (rows) and slow (columns)", "fast=40 slow=200", "cliffs (");
        assertThat(Files.readString(dir.resolve("sens/sensitivity.json"))).contains("\"points\"", "\"cliffs\"");
        assertThat(Files.readString(dir.resolve("sens/sensitivity.html"))).contains("<svg");
    }

    @Test
    void benchPrintsItsFigures()
    {
        final Run run = ringwall("validate", "bench", "--no-progress", "--data", trades.toString(), "--period", "1h",
            "--windows", "2", "--train", "24h", "--test", "8h", "--grid", "fast=10,20", "--grid", "slow=100,200",
            "--runs", "100", "--out", dir.resolve("bench").toString());

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).contains("single ", "walk-forward  2 windows x 4 grid points: 8 training + 8 test",
            "monte-carlo   100 runs");
    }

    @Test
    void validateAloneShowsItsCommands()
    {
        final Run run = ringwall("validate");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("walk-forward", "monte-carlo", "sensitivity", "bench");
    }

    private record Run(int exit, String out, String err)
    {
    }

    private static Run ringwall(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
