package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.TradeCsvSource;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.RingConfig;
import io.ringwall.engine.ring.WaitMode;
import io.ringwall.codecs.TradeDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, point 7: a market-data file that is mostly garbage used to be "traded" with exit 0, every rejected
 * line echoed. Now a file whose malformed lines are more than market-data.max-malformed-fraction (1 %) of its data
 * lines is refused before trading, in one line with the count and the first bad line; one within the share runs,
 * its malformed lines summarised in one line; the share is configurable; and a read that passes its budget
 * mid-run (the file changed after the check) stops the engine the normal way, leaving a session that replays.
 */
class MalformedMarketDataTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aFileOfGarbageIsRefusedInOneLineBeforeTrading() throws IOException
    {
        final Path passwd = dir.resolve("passwd");
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++)
        {
            lines.add("user" + i + ":x:" + (1000 + i) + ":" + (1000 + i) + ":User " + i + ":/home/user" + i + ":/bin/bash");
        }
        Files.write(passwd, lines);
        final Path journal = dir.resolve("garbage");

        assertThat(execute("run", "--data", passwd.toString(), "--journal", journal.toString()))
            .isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).isEqualTo("ringwall run: market data refused: 30 of 30 data lines of " + passwd +
            " are malformed (100.000 %, more than the 1.000 % market-data.max-malformed-fraction allows); the first " +
            "is line 1: expected 3 fields (timestamp,price,amount), found 1\n");
        assertThat(text(out)).isEmpty();
        assertThat(journal).doesNotExist();
    }

    @Test
    void aBadFirstLineAmongGoodOnesRunsAndIsSummarisedNotEchoed() throws IOException
    {
        final Path file = trades(dir.resolve("first-bad.csv"), 1, 300);
        final Path journal = dir.resolve("first-bad");
        assertThat(execute("run", "--data", file.toString(), "--journal", journal.toString())).as(text(err)).isZero();
        assertThat(text(out)).contains("malformed     1 of 301 data lines of " + file + " malformed (0.332 %), counted and skipped: " +
                "line 2: price 'oops' is not a positive decimal");
        assertThat(text(err)).doesNotContain("malformed");
    }

    @Test
    void theShareIsConfigurable() throws IOException
    {
        // 5 malformed of 100 data lines: 5 %
        final Path file = trades(dir.resolve("five-percent.csv"), 5, 95);
        assertThat(execute("run", "--data", file.toString(), "--journal", dir.resolve("a").toString()))
            .isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("market data refused: 5 of 100 data lines");
        err.reset();
        assertThat(execute("run", "--data", file.toString(), "--set", "market-data.max-malformed-fraction=0.049",
            "--journal", dir.resolve("b").toString())).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("more than the 4.900 % market-data.max-malformed-fraction allows");
        err.reset();
        assertThat(execute("run", "--data", file.toString(), "--max-malformed-fraction", "0.05",
            "--journal", dir.resolve("c").toString())).as(text(err)).isZero();
        assertThat(text(out)).contains("malformed     5 of 100 data lines").contains("RINGWALL_MARKET_DATA_MAX_MALFORMED_FRACTION=0.05");
        err.reset();
        assertThat(execute("run", "--max-malformed-fraction", "1.5", "--journal", dir.resolve("d").toString()))
            .isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("market-data.max-malformed-fraction");
        // a share of 0 refuses even the bundled file's 18 of 100,000
        err.reset();
        assertThat(execute("run", "--max-malformed-fraction", "0", "--journal", dir.resolve("e").toString()))
            .isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("market data refused: 18 of 100,000 data lines of " +
            "classpath:bitstamp_trades_from_20131125_usd.csv");
    }

    @Test
    void aReadPastItsBudgetStopsTheEngineTheNormalWayAndTheSessionReplays() throws IOException
    {
        // 400 good trades, then garbage: as if the file had grown worse after the check that set the budget
        final Path file = dir.resolve("grows-worse.csv");
        final List<String> lines = new ArrayList<>(List.of("timestamp,price,amount"));
        for (int i = 0; i < 400; i++)
        {
            lines.add((1_385_337_600L + i) + "," + (800 + i % 7) + ".5,0.1");
        }
        for (int i = 0; i < 20; i++)
        {
            lines.add("garbage " + i);
        }
        Files.write(file, lines);
        final Path journal = dir.resolve("session");
        final EngineConfig config = new EngineConfig(journal,
            LogicConfig.unrestricted(List.of("BTCUSD"), List.of("ma-crossover:symbol=BTCUSD,fast=5,slow=20,qty=0.01"),
                LogicConfig.DEFAULT_INITIAL_CASH, 1024),
            RingConfig.ofSize(1 << 12, WaitMode.YIELDING), ClockMode.DATA, true, 60_000_000_000L, 0);
        final RunSummary summary;
        try (Engine engine = new Engine(config))
        {
            summary = engine.run(new TradeCsvSource(file.toString(), 0, new MalformedLineReporter(3)));
            assertThat(engine.finalSnapshot()).as("stopped as at the end of the data: a final snapshot").isNotNull();
        }
        assertThat(summary.failure()).isEqualTo("market data refused: 4 malformed lines in " + file + " by line 405, " +
            "more than the 3 its first read allowed (did the file change?); the first is line 402: expected 3 fields " +
            "(timestamp,price,amount), found 1");
        assertThat(summary.counters().marketDataInputs).isEqualTo(400);
        assertThat(JournalDump.inputs(journal).stream().filter(e -> e.templateId() == TradeDecoder.TEMPLATE_ID))
            .hasSize(400);
        assertThat(execute("replay", "--journal", journal.toString(), "--verify")).as(text(err)).isZero();
        assertThat(text(out)).startsWith("identical: ");
    }

    /** A trades file: {@code bad} malformed lines first (line 2 on), then {@code good} good ones. */
    private static Path trades(final Path file, final int bad, final int good) throws IOException
    {
        final List<String> lines = new ArrayList<>(List.of("timestamp,price,amount"));
        for (int i = 0; i < bad; i++)
        {
            lines.add((1_385_337_600L + i) + ",oops,0.1");
        }
        for (int i = 0; i < good; i++)
        {
            lines.add((1_385_337_600L + bad + i) + "," + (800 + i % 11) + ".25,0.2");
        }
        Files.write(file, lines);
        return file;
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
