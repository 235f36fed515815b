package io.ringwall.perf.ci;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The perf CI verdict on fixed inputs shaped like the real programs' JSON: JMH's {@code -rf json} with
 * {@code -prof gc}, {@code ringwall throughput --json} and {@code ringwall latency --json}.
 */
class PerfVerdictTest
{
    /** Raw chronicle 4,000,000 appends/s; pipeline 0.8 of it; engine p99 6x the raw p99; logic allocates 0. */
    private static final String THROUGHPUT = """
        {"events": 1000000, "median": {"run": "median", "rawDisruptorPerSec": 40000000,
          "rawChroniclePerSec": 4000000, "pipelinePerSec": 3200000, "pipelineOverRawDisruptor": 0.08,
          "pipelineOverRawChronicle": 0.8,
          "allocatedBytesPerEvent": {"ringwall-journal-in": 0.0, "ringwall-logic": 0.0001,
            "ringwall-journal-out": 0.0, "ringwall-gateway": 0.0}}}
        """;
    private static final String LATENCY = """
        {"rate": 100000, "median": {"run": "median",
          "raw": {"p50Ns": 1500, "p90Ns": 3000, "p99Ns": 10000, "p999Ns": 50000, "p9999Ns": 90000, "maxNs": 100000},
          "engine": {"p50Ns": 15000, "p90Ns": 30000, "p99Ns": 60000, "p999Ns": 500000, "p9999Ns": 900000,
            "maxNs": 1000000},
          "logicBytesPerTrade": 0.002, "engineP99OverRawP99": 6.0}}
        """;
    /** Codec at 40 ops/us (10 per raw append), logic every-trade at 250 ns/op (1 per raw append). */
    private static final String JMH = """
        [
          {"benchmark": "io.ringwall.perf.CodecBenchmark.encodeTrade", "mode": "thrpt",
           "primaryMetric": {"score": 40.0, "scoreUnit": "ops/us"},
           "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 0.0, "scoreUnit": "B/op"}}},
          {"benchmark": "io.ringwall.perf.LogicBenchmark.tradeWithVenue", "mode": "avgt",
           "params": {"strategy": "every-trade"},
           "primaryMetric": {"score": 250.0, "scoreUnit": "ns/op"},
           "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %s, "scoreUnit": "B/op"}}}
        ]
        """;

    private static PerfResults results(final double logicBytesPerOp)
    {
        return PerfResults.collect(Json.parse(JMH.formatted(logicBytesPerOp), "jmh"), Json.parse(THROUGHPUT, "t"),
            Json.parse(LATENCY, "l"));
    }

    private static PerfBaseline baseline(final double pipelineOverChronicle, final double p99Ratio,
        final double logicPerRawAppend)
    {
        return PerfBaseline.fromJson(Json.parse("""
            {"allocationEpsilonBytes": 0.5, "figures": {
              "pipeline throughput / raw chronicle append": {"baseline": %s, "tolerance": 0.25, "better": "higher"},
              "tick-to-order p99 / raw hop+append p99": {"baseline": %s, "tolerance": 0.5, "better": "lower"},
              "jmh LogicBenchmark.tradeWithVenue[strategy=every-trade] / raw chronicle":
                {"baseline": %s, "tolerance": 0.3, "better": "higher"}}}
            """.formatted(pipelineOverChronicle, p99Ratio, logicPerRawAppend), "baseline"));
    }

    @Test
    void figuresAreRatiosToTheRawFiguresOfTheSameRun()
    {
        final PerfResults results = results(0.0);

        assertThat(results.figures())
            .containsEntry(PerfResults.PIPELINE_OVER_CHRONICLE, 0.8)
            .containsEntry(PerfResults.PIPELINE_OVER_DISRUPTOR, 0.08)
            .containsEntry(PerfResults.LATENCY_P99_RATIO, 6.0)
            .containsEntry("jmh CodecBenchmark.encodeTrade / raw chronicle", 10.0);
        // 250 ns/op is 4 M ops/s: one per raw append.
        assertThat(results.figures().get("jmh LogicBenchmark.tradeWithVenue[strategy=every-trade] / raw chronicle"))
            .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        // Only the logic's allocation is judged: the codec benchmark's is not listed.
        assertThat(results.allocations()).containsOnlyKeys(PerfResults.PIPELINE_LOGIC_ALLOCATION,
            PerfResults.LATENCY_LOGIC_ALLOCATION, "jmh LogicBenchmark.tradeWithVenue[strategy=every-trade] B/op");
    }

    @Test
    void passesAgainstABaselineItMeetsWithinTolerance()
    {
        // Pipeline 0.8 vs 0.9 (-11 %, tolerance 25 %); p99 ratio 6 vs 5 (+20 %, tolerance 50 %); logic 1.0 vs 1.2.
        final PerfVerdict.Verdict verdict = PerfVerdict.judge(baseline(0.9, 5.0, 1.2), results(0.0));

        assertThat(verdict.passed()).as(verdict.table()).isTrue();
        assertThat(verdict.table()).contains("perf verdict: PASS")
            .containsPattern("pipeline throughput / raw chronicle append +0\\.9000 +0\\.8000 +-11\\.1% +ok");
        // A figure without a baseline is shown, not judged.
        assertThat(verdict.table()).contains("jmh CodecBenchmark.encodeTrade / raw chronicle").contains("new (no baseline)");
    }

    @Test
    void failsAgainstABaselineItRegressesFromBeyondTolerance()
    {
        // Pipeline 0.8 vs 1.2: -33 %, beyond 25 %. p99 ratio 6 vs 3: +100 %, beyond 50 %.
        final PerfVerdict.Verdict verdict = PerfVerdict.judge(baseline(1.2, 3.0, 1.2), results(0.0));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.rows()).filteredOn(PerfVerdict.Row::failed).extracting(PerfVerdict.Row::figure)
            .containsExactly(PerfResults.PIPELINE_OVER_CHRONICLE, PerfResults.LATENCY_P99_RATIO);
        assertThat(verdict.table()).contains("REGRESSION (limit 0.9000, higher is better)")
            .contains("REGRESSION (limit 4.500, lower is better)").contains("perf verdict: FAIL (2 figures)");
    }

    @Test
    void toleranceEdgeIsInclusiveAndImprovementsAlwaysPass()
    {
        final PerfBaseline.Expectation higher = new PerfBaseline.Expectation(1.0, 0.25, PerfBaseline.Better.HIGHER);
        assertThat(higher.accepts(0.75)).isTrue();
        assertThat(higher.accepts(0.7499)).isFalse();
        assertThat(higher.accepts(100)).isTrue();
        final PerfBaseline.Expectation lower = new PerfBaseline.Expectation(4.0, 0.5, PerfBaseline.Better.LOWER);
        assertThat(lower.accepts(6.0)).isTrue();
        assertThat(lower.accepts(6.01)).isFalse();
        assertThat(lower.accepts(0.1)).isTrue();
    }

    @Test
    void anyAllocationOnTheLogicThreadFailsEvenWhenEveryFigureIsFine()
    {
        final PerfVerdict.Verdict clean = PerfVerdict.judge(baseline(0.9, 5.0, 1.2), results(0.4));
        final PerfVerdict.Verdict allocating = PerfVerdict.judge(baseline(0.9, 5.0, 1.2), results(24.0));

        assertThat(clean.passed()).as("0.4 B/op is JMH's measurement noise, under the 0.5 epsilon").isTrue();
        assertThat(allocating.passed()).isFalse();
        assertThat(allocating.rows()).filteredOn(PerfVerdict.Row::failed).singleElement()
            .satisfies(row -> assertThat(row.figure()).isEqualTo("jmh LogicBenchmark.tradeWithVenue[strategy=every-trade] B/op"))
            .satisfies(row -> assertThat(row.verdict()).isEqualTo("ALLOCATES on the logic thread"));
    }

    @Test
    void aBaselinedFigureTheRunDidNotProduceFails()
    {
        final PerfBaseline baseline = PerfBaseline.fromJson(Json.parse("""
            {"allocationEpsilonBytes": 0.5, "figures": {
              "jmh LogicBenchmark.renamed / raw chronicle": {"baseline": 1, "tolerance": 0.3, "better": "higher"}}}
            """, "baseline"));

        final PerfVerdict.Verdict verdict = PerfVerdict.judge(baseline, results(0.0));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.table()).contains("MISSING");
    }

    @Test
    void jmhWithoutTheGcProfilerIsRefusedRatherThanPassingTheAllocationRule()
    {
        final String noGc = """
            [{"benchmark": "io.ringwall.perf.LogicBenchmark.trade", "params": {"strategy": "quiet"},
              "primaryMetric": {"score": 100.0, "scoreUnit": "ns/op"}, "secondaryMetrics": {}}]
            """;

        assertThatThrownBy(() -> PerfResults.collect(Json.parse(noGc, "jmh"), Json.parse(THROUGHPUT, "t"),
            Json.parse(LATENCY, "l")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-prof gc");
    }

    @Test
    void aBadBaselineSaysWhichFigureAndField()
    {
        assertThatThrownBy(() -> PerfBaseline.fromJson(Json.parse("""
            {"allocationEpsilonBytes": 0.5, "figures": {"x": {"baseline": 1, "tolerance": 0.3, "better": "up"}}}
            """, "baseline"))).hasMessageContaining("'x'").hasMessageContaining("not higher or lower");
        assertThatThrownBy(() -> PerfBaseline.fromJson(Json.parse("""
            {"allocationEpsilonBytes": 0.5, "figures": {"x": {"baseline": 1, "better": "higher"}}}
            """, "baseline"))).hasMessageContaining("'tolerance' is missing");
    }

    @Test
    void commandLineWritesOneResultsDocumentAndExitsOneOnARegression(@TempDir final Path dir) throws Exception
    {
        final Path jmh = Files.writeString(dir.resolve("jmh.json"), JMH.formatted(0.0));
        final Path throughput = Files.writeString(dir.resolve("throughput.json"), THROUGHPUT);
        final Path latency = Files.writeString(dir.resolve("latency.json"), LATENCY);
        final Path failing = Files.writeString(dir.resolve("failing.json"), Json.write(baseline(1.2, 3.0, 1.2).toJson()));
        final Path passing = Files.writeString(dir.resolve("passing.json"), Json.write(baseline(0.9, 5.0, 1.2).toJson()));
        final Path out = dir.resolve("out/perf-results.json");
        final Path rebased = dir.resolve("rebased.json");
        final String[] common = { "--jmh", jmh.toString(), "--throughput", throughput.toString(),
            "--latency", latency.toString(), "--out", out.toString() };

        assertThat(quietly(() -> PerfVerdict.run(concat(common, "--baseline", failing.toString())))).isEqualTo(1);
        assertThat(quietly(() -> PerfVerdict.run(concat(common, "--baseline", passing.toString(),
            "--write-baseline", rebased.toString())))).isEqualTo(0);
        assertThat(quietly(() -> PerfVerdict.run(concat(common, "--baseline", dir.resolve("none.json").toString()))))
            .isEqualTo(2);

        final PerfResults written = PerfResults.fromJson(Json.read(out));
        assertThat(written.figures()).containsEntry(PerfResults.PIPELINE_OVER_CHRONICLE, 0.8);
        assertThat(Json.object(Json.read(out), "sources", "out")).containsOnlyKeys("jmh", "throughput", "latency");
        // The refreshed baseline holds this run's figures with the old tolerances, and passes against itself.
        final PerfBaseline fresh = PerfBaseline.fromJson(Json.read(rebased));
        assertThat(fresh.figures().get(PerfResults.LATENCY_P99_RATIO))
            .isEqualTo(new PerfBaseline.Expectation(6.0, 0.5, PerfBaseline.Better.LOWER));
        assertThat(PerfVerdict.judge(fresh, written).passed()).isTrue();
    }

    private static String[] concat(final String[] first, final String... rest)
    {
        final String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    private static int quietly(final java.util.function.IntSupplier call)
    {
        final PrintStream out = System.out;
        final PrintStream err = System.err;
        final PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(sink);
        System.setErr(sink);
        try
        {
            return call.getAsInt();
        }
        finally
        {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
