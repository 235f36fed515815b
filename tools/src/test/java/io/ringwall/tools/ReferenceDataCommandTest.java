package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.config.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDataCommandTest
{
    private static final List<InstrumentSpec> INSTRUMENTS = List.of(
        new InstrumentSpec("BTCUSD", "crypto", 1_000_000, 100, 12_000 * Fixed.QUANTITY_SCALE, 50_000),
        new InstrumentSpec("AAPL", "technology", Fixed.QUANTITY_SCALE, 100, 0, 0));

    private static final String[] EXPECTED = {
        "id   symbol       sector                    lot       tick                    ADV     band",
        "0    BTCUSD       crypto                   0.01       0.01                  12000       5%",
        "1    AAPL         technology                  1       0.01                unknown  default",
        "2 instruments"};

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsThePublishedInstrumentsByIdWithTheirUnits()
    {
        final Path file = dir.resolve("reference-data.cmap");
        ReferenceData.publish(file, INSTRUMENTS);

        assertThat(execute("reference-data", "--map", file.toString())).as(text(err)).isZero();

        assertThat(text(out).split("\n")).containsExactly(EXPECTED);
    }

    @Test
    void anotherProcessReadsTheMap() throws Exception
    {
        final Path file = dir.resolve("reference-data.cmap");
        ReferenceData.publish(file, INSTRUMENTS);

        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The same JVM flags (Chronicle's --add-opens etc.) and classpath this test runs with.
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RingwallCli.class.getName(),
            "reference-data", "--map", file.toString()));
        final Process process = new ProcessBuilder(command).redirectError(dir.resolve("child.err").toFile()).start();
        final String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed.split("\n")).containsExactly(EXPECTED);
    }

    @Test
    void aMissingMapIsAClearFailure()
    {
        assertThat(execute("reference-data", "--map", dir.resolve("missing.cmap").toString()))
            .isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).startsWith("ringwall reference-data: no reference-data map at ")
            .contains("missing.cmap");
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
