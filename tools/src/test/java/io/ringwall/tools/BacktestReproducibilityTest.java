package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.engine.JournalDump;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringwall backtest} on the bundled real data, twice: the JSON report and both journals are
 * identical byte for byte, the output journal replays as identical, and the single-thread backtest
 * writes the same journals as the lock-stepped pipeline ({@code ringwall run}): one engine, no separate
 * backtester.
 */
class BacktestReproducibilityTest
{
    @TempDir
    Path dir;

    static Stream<Arguments> dataSets()
    {
        return Stream.of(
            Arguments.of("bitstamp-trades", List.of()),
            // daily bars are a day apart: the stale-data breaker (minutes) would trip on the second bar
            Arguments.of("apple-bars", List.of("--data", "classpath:appleinc_bars_from_20130101_usd.csv",
                "--format", "bars", "--set", "breakers.stale-data.enabled=false")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataSets")
    void twoBacktestsAgreeByteForByteReplayAsIdenticalAndMatchThePipeline(final String name, final List<String> data)
        throws Exception
    {
        final Path first = dir.resolve("first");
        final Path second = dir.resolve("second");
        final Path pipeline = dir.resolve("pipeline");

        run("backtest", first, data);
        run("backtest", second, data);

        final byte[] report = Files.readAllBytes(first.resolve("backtest-report.json"));
        assertThat(report).isEqualTo(Files.readAllBytes(second.resolve("backtest-report.json")));
        assertThat(new String(report, StandardCharsets.UTF_8)).contains("\"fills\"");
        assertThat(Files.size(first.resolve("equity-curve.png"))).isPositive();

        final List<JournalDump.Entry> inputs = JournalDump.inputs(first);
        final List<JournalDump.Entry> outputs = JournalDump.outputs(first);
        assertThat(inputs.stream().filter(e -> e.templateId() == OrderFilledDecoder.TEMPLATE_ID)).isNotEmpty();
        assertThat(outputs.stream().filter(e -> e.templateId() == NewOrderDecoder.TEMPLATE_ID)).isNotEmpty();
        assertThat(JournalDump.inputs(second)).isEqualTo(inputs);
        assertThat(JournalDump.outputs(second)).isEqualTo(outputs);

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(execute(out, "replay", "--journal", first.toString(), "--verify")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("identical: " + inputs.size() + " events");

        run("run", pipeline, data);
        assertThat(JournalDump.inputs(pipeline)).as("pipeline inputs").isEqualTo(inputs);
        assertThat(JournalDump.outputs(pipeline)).as("pipeline outputs").isEqualTo(outputs);
    }

    private static void run(final String command, final Path journal, final List<String> data)
    {
        final List<String> args = new ArrayList<>(List.of(command, "--journal", journal.toString()));
        if (command.equals("backtest"))
        {
            args.add("--no-progress");
        }
        args.addAll(data);
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(execute(new ByteArrayOutputStream(), err, args.toArray(String[]::new)))
            .as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static int execute(final ByteArrayOutputStream out, final String... args)
    {
        return execute(out, new ByteArrayOutputStream(), args);
    }

    private static int execute(final ByteArrayOutputStream out, final ByteArrayOutputStream err, final String... args)
    {
        return RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }
}
