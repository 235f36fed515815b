package io.ringwall.perf.ci;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one perf CI run, gathered from what its programs wrote: JMH's JSON results
 * ({@code -rf json}), {@code ringwall throughput --json} and {@code ringwall latency --json}.
 *
 * <p>Every compared figure is a <b>ratio to a raw figure of the same run</b>, so that a slower or busier
 * machine moves numerator and denominator together:
 * <ul>
 *   <li>{@code pipeline / raw chronicle} and {@code pipeline / raw disruptor}: the throughput harness's
 *       median per-run ratios;</li>
 *   <li>{@code latency engine p99 / raw p99}: the latency harness's median per-run ratio (the engine's
 *       tick-to-order p99 over the raw Disruptor hop + Chronicle append p99, same schedule);</li>
 *   <li>{@code jmh <benchmark> / raw chronicle}: each JMH score as operations per second over the raw
 *       Chronicle appends per second measured by the throughput harness of the same CI run.</li>
 * </ul>
 * Higher is better for all of them except the latency ratio.
 *
 * <p>Allocations are absolute (bytes per operation or per input), since bytes do not depend on the
 * machine's speed: every {@code LogicBenchmark} entry's {@code gc.alloc.rate.norm}, the logic thread's
 * bytes per input in the throughput harness's pipeline, and per trade (with its order and the venue's two
 * answers) in the latency harness's.
 *
 * @param figures     compared figures, by name.
 * @param allocations bytes per operation of the logic thread, by name.
 * @param raw         the raw figures the ratios are taken to (for the reader; not compared).
 */
public record PerfResults(Map<String, Double> figures, Map<String, Double> allocations, Map<String, Double> raw)
{
    public static final String PIPELINE_OVER_CHRONICLE = "pipeline throughput / raw chronicle append";
    public static final String PIPELINE_OVER_DISRUPTOR = "pipeline throughput / raw disruptor hop";
    public static final String LATENCY_P99_RATIO = "tick-to-order p99 / raw hop+append p99";
    public static final String PIPELINE_LOGIC_ALLOCATION = "pipeline logic thread B/input";
    public static final String LATENCY_LOGIC_ALLOCATION = "latency harness logic thread B/trade";
    private static final String LOGIC_BENCHMARK = "LogicBenchmark";
    private static final String LOGIC_THREAD = "ringwall-logic";

    /**
     * @param jmh        JMH's result array (may be null when no JMH results are given).
     * @param throughput the throughput harness's document.
     * @param latency    the latency harness's document.
     * @throws IllegalArgumentException naming the document and field that is missing.
     */
    public static PerfResults collect(final Object jmh, final Object throughput, final Object latency)
    {
        final Map<String, Double> figures = new LinkedHashMap<>();
        final Map<String, Double> allocations = new LinkedHashMap<>();
        final Map<String, Double> raw = new LinkedHashMap<>();

        final String t = "throughput results";
        final double rawChroniclePerSec = Json.number(throughput, "median.rawChroniclePerSec", t);
        raw.put("raw chronicle append /s", rawChroniclePerSec);
        raw.put("raw disruptor hop /s", Json.number(throughput, "median.rawDisruptorPerSec", t));
        raw.put("pipeline /s", Json.number(throughput, "median.pipelinePerSec", t));
        figures.put(PIPELINE_OVER_CHRONICLE, Json.number(throughput, "median.pipelineOverRawChronicle", t));
        figures.put(PIPELINE_OVER_DISRUPTOR, Json.number(throughput, "median.pipelineOverRawDisruptor", t));
        allocations.put(PIPELINE_LOGIC_ALLOCATION,
            Json.number(throughput, "median.allocatedBytesPerEvent." + LOGIC_THREAD, t));

        final String l = "latency results";
        raw.put("offered trades /s", Json.number(latency, "rate", l));
        raw.put("raw hop+append p99 ns", Json.number(latency, "median.raw.p99Ns", l));
        raw.put("tick-to-order p50 ns", Json.number(latency, "median.engine.p50Ns", l));
        raw.put("tick-to-order p99 ns", Json.number(latency, "median.engine.p99Ns", l));
        raw.put("tick-to-order p99.9 ns", Json.number(latency, "median.engine.p999Ns", l));
        figures.put(LATENCY_P99_RATIO, Json.number(latency, "median.engineP99OverRawP99", l));
        allocations.put(LATENCY_LOGIC_ALLOCATION, Json.number(latency, "median.logicBytesPerTrade", l));

        if (jmh != null)
        {
            if (!(jmh instanceof List<?> entries))
            {
                throw new IllegalArgumentException("JMH results: not an array of benchmark results");
            }
            for (final Object entry : entries)
            {
                addBenchmark(entry, rawChroniclePerSec, figures, allocations);
            }
        }
        return new PerfResults(figures, allocations, raw);
    }

    private static void addBenchmark(final Object entry, final double rawChroniclePerSec,
        final Map<String, Double> figures, final Map<String, Double> allocations)
    {
        final String j = "JMH results";
        final String name = benchmarkName(entry);
        final double score = Json.number(entry, "primaryMetric.score", j);
        final String unit = Json.text(entry, "primaryMetric.scoreUnit", j);
        figures.put("jmh " + name + " / raw chronicle", opsPerSecond(score, unit) / rawChroniclePerSec);
        if (name.startsWith(LOGIC_BENCHMARK + "."))
        {
            final Map<String, Object> secondary = Json.object(entry, "secondaryMetrics", j);
            if (!secondary.containsKey("gc.alloc.rate.norm"))
            {
                throw new IllegalArgumentException(j + ": " + name + " has no gc.alloc.rate.norm (run JMH with -prof gc)");
            }
            // The metric's name has dots, so it is looked up directly, not as a path.
            allocations.put("jmh " + name + " B/op", Json.number(secondary.get("gc.alloc.rate.norm"), "score", j));
        }
    }

    /** {@code LogicBenchmark.trade[strategy=quiet]}: class and method, then the parameters. */
    static String benchmarkName(final Object entry)
    {
        final String full = Json.text(entry, "benchmark", "JMH results");
        final String[] parts = full.split("\\.");
        final String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : full;
        if (!(entry instanceof Map<?, ?> map) || !(map.get("params") instanceof Map<?, ?> params) || params.isEmpty())
        {
            return shortName;
        }
        final StringBuilder name = new StringBuilder(shortName).append('[');
        params.forEach((key, value) -> name.append(name.charAt(name.length() - 1) == '[' ? "" : ",")
            .append(key).append('=').append(value));
        return name.append(']').toString();
    }

    /**
     * @param unit JMH's score unit: {@code ops/us} (throughput) or {@code ns/op} (average time), any of
     *             ns, us, ms, s.
     */
    static double opsPerSecond(final double score, final String unit)
    {
        if (unit.startsWith("ops/"))
        {
            return score / seconds(unit.substring("ops/".length()), unit);
        }
        if (unit.endsWith("/op"))
        {
            return 1 / (score * seconds(unit.substring(0, unit.length() - "/op".length()), unit));
        }
        throw new IllegalArgumentException("JMH score unit '" + unit + "' is neither ops/<time> nor <time>/op");
    }

    private static double seconds(final String timeUnit, final String unit)
    {
        return switch (timeUnit)
        {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("JMH score unit '" + unit + "': unknown time unit");
        };
    }

    /** The results as one JSON document (what perf CI writes to var/perf/perf-results.json). */
    public Map<String, Object> toJson()
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("figures", figures);
        json.put("allocations", allocations);
        json.put("raw", raw);
        return json;
    }

    /**
     * @throws IllegalArgumentException when a section is missing.
     */
    public static PerfResults fromJson(final Object json)
    {
        return new PerfResults(numbers(json, "figures"), numbers(json, "allocations"), numbers(json, "raw"));
    }

    private static Map<String, Double> numbers(final Object json, final String section)
    {
        final Map<String, Double> values = new LinkedHashMap<>();
        Json.object(json, section, "perf results").forEach((key, value) ->
        {
            if (!(value instanceof Double number))
            {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "perf results: %s.%s is not a number",
                    section, key));
            }
            values.put(key, number);
        });
        return values;
    }
}
