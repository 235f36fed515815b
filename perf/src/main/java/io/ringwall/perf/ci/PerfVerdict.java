package io.ringwall.perf.ci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The perf CI job's judgement: this run's figures ({@link PerfResults}) against the committed
 * {@link PerfBaseline}. It fails on
 * <ul>
 *   <li>a figure worse than its baseline by more than the figure's tolerance ({@code REGRESSION});</li>
 *   <li>a baselined figure this run did not produce ({@code MISSING}: a renamed benchmark must not drop out
 *       of the comparison unnoticed);</li>
 *   <li>any allocation on the logic thread above the epsilon ({@code ALLOCATES}), baseline or not.</li>
 * </ul>
 * A figure with no baseline is shown as {@code new} and does not fail.
 *
 * <p>Run by {@code scripts/perf-ci} as {@code ringwall perf-verdict}:
 * {@code --throughput F --latency F [--jmh F] --baseline F [--out F] [--write-baseline F]}.
 * Exit 0: pass; 1: regression, missing figure or allocation; 2: bad arguments or input.
 */
public final class PerfVerdict
{
    static final String USAGE = String.join("\n",
        "usage: ringwall perf-verdict --throughput FILE --latency FILE [--jmh FILE] --baseline FILE [--out FILE]",
        "                             [--write-baseline FILE]",
        "  --throughput FILE      JSON of ringwall throughput --json",
        "  --latency FILE         JSON of ringwall latency --json",
        "  --jmh FILE             JMH results (-rf json -prof gc)",
        "  --baseline FILE        the committed baseline (perf/baselines/perf-baseline.json)",
        "  --out FILE             write this run's figures as one JSON document",
        "  --write-baseline FILE  write this run's figures as a new baseline, keeping the tolerances of",
        "                         --baseline (to refresh it after an intended change; review before committing)");

    /** Default tolerance of a figure that enters the baseline for the first time. */
    static final double NEW_FIGURE_TOLERANCE = 0.5;

    /** One line of the table. */
    public record Row(String figure, String baseline, String now, String change, String verdict, boolean failed)
    {
    }

    /**
     * @param rows the table, compared figures first, then allocations.
     */
    public record Verdict(List<Row> rows)
    {
        public boolean passed()
        {
            return rows.stream().noneMatch(Row::failed);
        }

        public String table()
        {
            int width = "figure".length();
            for (final Row row : rows)
            {
                width = Math.max(width, row.figure().length());
            }
            final String format = "%-" + width + "s  %12s  %12s  %9s  %s%n";
            final StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, format, "figure", "baseline", "now", "change", "verdict"));
            for (final Row row : rows)
            {
                text.append(String.format(Locale.ROOT, format, row.figure(), row.baseline(), row.now(), row.change(),
                    row.verdict()));
            }
            final long failures = rows.stream().filter(Row::failed).count();
            text.append(failures == 0 ? "perf verdict: PASS" :
                "perf verdict: FAIL (" + failures + " figure" + (failures == 1 ? "" : "s") + ")");
            return text.toString();
        }
    }

    private PerfVerdict()
    {
    }

    public static Verdict judge(final PerfBaseline baseline, final PerfResults results)
    {
        final List<Row> rows = new ArrayList<>();
        baseline.figures().forEach((name, expectation) ->
        {
            final Double now = results.figures().get(name);
            if (now == null)
            {
                rows.add(new Row(name, number(expectation.baseline()), "-", "-", "MISSING", true));
                return;
            }
            final boolean ok = expectation.accepts(now);
            final double change = now / expectation.baseline() - 1;
            final boolean improved = expectation.better() == PerfBaseline.Better.HIGHER ? change > 0 : change < 0;
            rows.add(new Row(name, number(expectation.baseline()), number(now),
                String.format(Locale.ROOT, "%+.1f%%", change * 100),
                ok ? (improved ? "ok (better)" : "ok") :
                String.format(Locale.ROOT, "REGRESSION (limit %s, %s is better)", number(expectation.limit()),
                expectation.better().text()), !ok));
        });
        results.figures().forEach((name, now) ->
        {
            if (!baseline.figures().containsKey(name))
            {
                rows.add(new Row(name, "-", number(now), "-", "new (no baseline)", false));
            }
        });
        final String limit = "<= " + number(baseline.allocationEpsilonBytes());
        results.allocations().forEach((name, bytes) ->
        {
            // -1 from the throughput harness: the JVM could not measure the thread; not a pass by default.
            final boolean measured = bytes >= 0;
            final boolean ok = measured && bytes <= baseline.allocationEpsilonBytes();
            rows.add(new Row(name, limit, number(bytes), "-",
                ok ? "ok" : measured ? "ALLOCATES on the logic thread" : "NOT MEASURED", !ok));
        });
        return new Verdict(rows);
    }

    /**
     * @return a baseline holding this run's figures, keeping the tolerance and direction of figures the old
     * baseline knows ({@value #NEW_FIGURE_TOLERANCE} for new ones; latency ratios are lower-is-better).
     */
    public static PerfBaseline rebase(final PerfBaseline old, final PerfResults results)
    {
        final Map<String, PerfBaseline.Expectation> figures = new LinkedHashMap<>();
        results.figures().forEach((name, now) ->
        {
            final PerfBaseline.Expectation previous = old.figures().get(name);
            final PerfBaseline.Better better = previous != null ? previous.better() :
                name.equals(PerfResults.LATENCY_P99_RATIO) ? PerfBaseline.Better.LOWER : PerfBaseline.Better.HIGHER;
            figures.put(name, new PerfBaseline.Expectation(now,
                previous != null ? previous.tolerance() : NEW_FIGURE_TOLERANCE, better));
        });
        return new PerfBaseline(old.allocationEpsilonBytes(), figures);
    }

    private static String number(final double value)
    {
        return Math.abs(value) >= 1000 || value == Math.rint(value) && Math.abs(value) < 1e15 ?
            String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.4g", value);
    }

    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /**
     * @return the exit status.
     */
    static int run(final String[] args)
    {
        final Map<String, Path> files = new LinkedHashMap<>();
        try
        {
            for (int i = 0; i < args.length; i++)
            {
                if ("--help".equals(args[i]) || "-h".equals(args[i]))
                {
                    System.out.println(USAGE);
                    return 0;
                }
                if (!List.of("--throughput", "--latency", "--jmh", "--baseline", "--out", "--write-baseline")
                    .contains(args[i]) || i + 1 == args.length)
                {
                    throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
                }
                files.put(args[i], Paths.get(args[++i]));
            }
            for (final String required : List.of("--throughput", "--latency", "--baseline"))
            {
                if (!files.containsKey(required))
                {
                    throw new IllegalArgumentException(required + " is required");
                }
            }
            final Object jmh = files.containsKey("--jmh") ? Json.read(files.get("--jmh")) : null;
            final Object throughput = Json.read(files.get("--throughput"));
            final Object latency = Json.read(files.get("--latency"));
            final PerfResults results = PerfResults.collect(jmh, throughput, latency);
            final PerfBaseline baseline = PerfBaseline.fromJson(Json.read(files.get("--baseline")));
            if (files.containsKey("--out"))
            {
                // One document: the compared figures, then everything the programs measured.
                final Map<String, Object> json = results.toJson();
                final Map<String, Object> sources = new LinkedHashMap<>();
                sources.put("jmh", jmh);
                sources.put("throughput", throughput);
                sources.put("latency", latency);
                json.put("sources", sources);
                write(files.get("--out"), Json.write(json));
            }
            if (files.containsKey("--write-baseline"))
            {
                write(files.get("--write-baseline"), Json.write(rebase(baseline, results).toJson()));
                System.out.println("new baseline written to " + files.get("--write-baseline"));
            }
            final Verdict verdict = judge(baseline, results);
            System.out.println(verdict.table());
            return verdict.passed() ? 0 : 1;
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("perf-verdict: " + ex.getMessage());
            System.err.println(USAGE);
            return 2;
        }
    }

    private static void write(final Path file, final String text)
    {
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }
}
