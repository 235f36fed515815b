package io.ringwall.tools;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import io.ringwall.engine.metrics.LatencyStage;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyReportCommandTest
{
    @TempDir
    Path dir;
    Path log;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** logic: 1..1000 ns in the first second, 1001..2000 ns five seconds later; tick-to-order: 10 x 1500 ns. */
    @BeforeEach
    void writeALogWithKnownValues() throws Exception
    {
        log = dir.resolve("latency.hlog");
        try (LatencyLogs logs = new LatencyLogs(log))
        {
            logs.interval("tick-to-order", 0, 1_500, 1_500, 1).interval("logic", 0, 1, 1_000, 1);
            for (int i = 1; i < 10; i++)
            {
                logs.interval("tick-to-order", 0, 1_500, 1_500, 1);
            }
            logs.interval("logic", 5, 1_001, 2_000, 1).interval("mystery-stage", 5, 7, 7, 1);
        }
    }

    @Test
    void theLogIsAddedUpPerStageInPipelineOrder()
    {
        final LatencyLog read = LatencyLog.read(log);
        assertThat(read.stages()).extracting(LatencyLog.Stage::tag)
            .containsExactly("logic", "tick-to-order", "mystery-stage");
        assertThat(read.stages().get(0).stage()).isEqualTo(LatencyStage.LOGIC);
        assertThat(read.stages().get(2).stage()).isNull();
        assertThat(read.stage("logic").histogram().getTotalCount()).isEqualTo(2_000);
        assertThat(read.stage("tick-to-order").histogram().getTotalCount()).isEqualTo(10);
        assertThat(read.intervals()).isEqualTo(13);
        assertThat(read.firstSec()).isZero();
        assertThat(read.lastSec()).isEqualTo(6.0);
        assertThat(read.startTime().toEpochMilli()).isEqualTo(LatencyLogs.START_MS);
    }

    @Test
    void theTableGivesEachStagesPercentilesInMicroseconds()
    {
        assertThat(execute("latency-report", "--log", log.toString())).as(text(err)).isZero();
        final List<String> lines = text(out).lines().toList();
        assertThat(lines.get(0)).contains("13 intervals from 0.0 s to 6.0 s");
        assertThat(fields(lines.get(1))).containsExactly("stage", "count", "p50", "us", "p90", "us", "p99", "us",
            "p99.9", "us", "p99.99", "us", "max", "us");
        assertThat(fields(lines.get(2))).containsExactly("logic", "2,000", "1.000", "1.800", "1.980", "1.998",
            "2.000", "2.000");
        assertThat(fields(lines.get(3))).containsExactly("tick-to-order", "10", "1.500", "1.500", "1.500", "1.500",
            "1.500", "1.500");
        assertThat(fields(lines.get(4))).containsExactly("mystery-stage", "1", "0.007", "0.007", "0.007", "0.007",
            "0.007", "0.007");
    }

    @Test
    void aTimeRangeKeepsTheIntervalsStartingInIt()
    {
        assertThat(execute("latency-report", "--log", log.toString(), "--from", "5")).as(text(err)).isZero();
        assertThat(text(out)).contains("2 intervals from 5.0 s to 6.0 s").doesNotContain("tick-to-order");
        assertThat(fields(line(text(out), "logic"))).containsExactly("logic", "1,000", "1.500", "1.900", "1.990",
            "1.999", "2.000", "2.000");

        out.reset();
        assertThat(execute("latency-report", "--log", log.toString(), "--from", "0", "--to", "5")).isZero();
        assertThat(fields(line(text(out), "logic"))).containsExactly("logic", "1,000", "0.500", "0.900", "0.990",
            "0.999", "1.000", "1.000");
        assertThat(text(out)).contains("tick-to-order").doesNotContain("mystery-stage");

        out.reset();
        assertThat(execute("latency-report", "--log", log.toString(), "--from", "7")).isEqualTo(2);
        assertThat(text(err).strip()).contains("holds no intervals starting between 7.0 s and Infinity s")
            .doesNotContain("\n");
    }

    @Test
    void aComparisonGivesBeforeAfterAndTheChangePerStageAndPercentile() throws Exception
    {
        final Path slower = dir.resolve("slower.hlog");
        try (LatencyLogs logs = new LatencyLogs(slower))
        {
            logs.interval("logic", 0, 2, 4_000, 2).interval("tick-to-order", 0, 750, 750, 1);
        }
        assertThat(execute("latency-report", "--log", slower.toString(), "--compare", log.toString()))
            .as(text(err)).isZero();
        final String text = text(out);
        assertThat(text).contains("before: " + log).contains("after:  " + slower);
        assertThat(fields(line(text, "logic              p50 "))).containsExactly("logic", "p50", "1.000", "2.000",
            "+100.0%");
        // 4000 ns is kept to 3 digits: its bucket's highest equivalent value is 4001 ns.
        assertThat(fields(line(text, "logic              max "))).containsExactly("logic", "max", "2.000", "4.001",
            "+100.1%");
        assertThat(fields(line(text, "tick-to-order      p99 "))).containsExactly("tick-to-order", "p99", "1.500",
            "0.750", "-50.0%");
        assertThat(fields(line(text, "mystery-stage      p50 "))).containsExactly("mystery-stage", "p50", "0.007",
            "-", "n/a");
    }

    @Test
    void theChangeIsRelativeToTheBaseline()
    {
        assertThat(LatencyReport.change(1_000, 1_250)).isEqualTo("+25.0%");
        assertThat(LatencyReport.change(1_000, 900)).isEqualTo("-10.0%");
        assertThat(LatencyReport.change(0, 900)).isEqualTo("n/a");
    }

    @Test
    void aMissingLogIsOneLineAndExitStatusTwo()
    {
        assertThat(execute("latency-report", "--journal", dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(text(err)).isEqualTo("ringwall latency-report: no latency log at " +
            dir.resolve("nowhere").resolve("latency.hlog") + ": give the --journal directory of an engine run " +
            "(it holds latency.hlog) or --log FILE\n");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void anEmptyLogIsReported() throws Exception
    {
        final Path headerOnly = dir.resolve("header-only.hlog");
        new LatencyLogs(headerOnly).close();
        assertThat(execute("latency-report", "--log", headerOnly.toString())).isEqualTo(2);
        assertThat(text(err)).contains("holds no latency intervals").hasLineCount(1);

        err.reset();
        final Path zeroBytes = Files.createFile(dir.resolve("zero.hlog"));
        assertThat(execute("latency-report", "--log", zeroBytes.toString())).isEqualTo(2);
        assertThat(text(err)).contains("holds no latency intervals").hasLineCount(1);
    }

    @Test
    void aCorruptLogIsReportedInsteadOfEndingQuietly() throws Exception
    {
        final List<String> lines = Files.readAllLines(log);
        final int last = lines.size() - 1;
        final String payload = lines.get(last).substring(lines.get(last).lastIndexOf(',') + 1);
        lines.set(last, lines.get(last).replace(payload, payload.substring(0, payload.length() / 2) + "!!"));
        final Path corrupt = dir.resolve("corrupt.hlog");
        Files.write(corrupt, lines);
        assertThat(execute("latency-report", "--log", corrupt.toString())).isEqualTo(2);
        assertThat(text(err)).contains(corrupt + " is corrupt after 12 intervals").hasLineCount(1);

        err.reset();
        final Path text = Files.writeString(dir.resolve("notes.txt"), "these are not histograms\n");
        assertThat(execute("latency-report", "--log", text.toString())).isEqualTo(2);
        assertThat(text(err)).contains("is corrupt after 0 intervals").hasLineCount(1);
    }

    @Test
    void thePlotIsWrittenAsPngOrSvg() throws Exception
    {
        final Path png = dir.resolve("plots/latency.png");
        assertThat(execute("latency-report", "--log", log.toString(), "--plot", png.toString())).as(text(err)).isZero();
        final BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(LatencyPlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(LatencyPlot.HEIGHT);

        final Path svg = dir.resolve("latency.svg");
        assertThat(execute("latency-report", "--log", log.toString(), "--plot", svg.toString())).isZero();
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg").contains("tick-to-order")
            .contains("mystery-stage").contains("latency (us)").contains("percentile");

        assertThat(execute("latency-report", "--log", log.toString(), "--plot", dir.resolve("x.gif").toString()))
            .isEqualTo(2);
        assertThat(text(err)).contains("must end in .svg or .png");
    }

    @Test
    void thePlotsXAxisIsOneOverOneMinusThePercentile()
    {
        final XYSeries series = LatencyPlot.series("logic", LatencyLog.read(log).stage("logic").histogram());
        assertThat(series.getX(0).doubleValue()).isEqualTo(1.0);
        for (int i = 0; i < series.getItemCount(); i++)
        {
            final double x = series.getX(i).doubleValue();
            final double y = series.getY(i).doubleValue();
            if (Math.abs(x - 10.0) < 1e-9)
            {
                assertThat(y).as("90%% at x = 10").isEqualTo(1.8);
            }
            if (Math.abs(x - 100.0) < 1e-9)
            {
                assertThat(y).as("99%% at x = 100").isEqualTo(1.98);
            }
        }
        assertThat(series.getDataItem(series.getItemCount() - 1).getYValue()).as("ends at the maximum").isEqualTo(2.0);
        assertThat(series.getDataItem(series.getItemCount() - 1).getXValue()).isEqualTo(series.getMaxX());
    }

    @Test
    void thePercentileAxisIsLabelledInPercent()
    {
        final java.text.NumberFormat format = new LatencyPlot.PercentileFormat();
        assertThat(format.format(1.0)).isEqualTo("0%");
        assertThat(format.format(10.0)).isEqualTo("90%");
        assertThat(format.format(100.0)).isEqualTo("99%");
        assertThat(format.format(1_000.0)).isEqualTo("99.9%");
        assertThat(format.format(100_000.0)).isEqualTo("99.999%");
    }

    private int execute(final String... args)
    {
        return RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private static String text(final ByteArrayOutputStream bytes)
    {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> fields(final String line)
    {
        return Arrays.asList(line.trim().split("\\s+"));
    }

    private static String line(final String text, final String prefix)
    {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
            .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in\n" + text));
    }
}
