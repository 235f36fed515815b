package io.ringwall.perf.ci;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The committed expectations ({@code perf/baselines/perf-baseline.json}):
 *
 * <pre>
 * {
 *   "allocationEpsilonBytes": 0.5,
 *   "figures": {
 *     "pipeline throughput / raw chronicle append": { "baseline": 0.9, "tolerance": 0.5, "better": "higher" },
 *     "tick-to-order p99 / raw hop+append p99":     { "baseline": 6.0, "tolerance": 3.0, "better": "lower" }
 *   }
 * }
 * </pre>
 *
 * A tolerance is a fraction of the baseline: "higher" fails below {@code baseline * (1 - tolerance)},
 * "lower" fails above {@code baseline * (1 + tolerance)}. Every allocation figure must stay at or below
 * the epsilon, whatever the baseline.
 *
 * @param allocationEpsilonBytes most bytes per operation the logic thread may allocate (measurement noise).
 * @param figures                expectations by figure name, in the order the table prints them.
 */
public record PerfBaseline(double allocationEpsilonBytes, Map<String, Expectation> figures)
{
    /** Which way a figure improves. */
    public enum Better
    {
        HIGHER, LOWER;

        static Better parse(final String text, final String figure)
        {
            return switch (text)
            {
                case "higher" -> HIGHER;
                case "lower" -> LOWER;
                default -> throw new IllegalArgumentException("baseline: figure '" + figure + "': better is '" + text +
                    "', not higher or lower");
            };
        }

        String text()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param baseline  the expected value.
     * @param tolerance allowed worsening as a fraction of the baseline (0.25 = 25 %).
     * @param better    which way is an improvement.
     */
    public record Expectation(double baseline, double tolerance, Better better)
    {
        public Expectation
        {
            if (!(baseline > 0) || !(tolerance >= 0) || better == Better.HIGHER && tolerance > 1)
            {
                throw new IllegalArgumentException("baseline " + baseline + " must be > 0 and tolerance " + tolerance +
                    " >= 0 (and <= 1 when higher is better)");
            }
        }

        /** @return the worst value that still passes. */
        public double limit()
        {
            return better == Better.HIGHER ? baseline * (1 - tolerance) : baseline * (1 + tolerance);
        }

        /** @return whether {@code now} is within tolerance (an improvement always is). */
        public boolean accepts(final double now)
        {
            return better == Better.HIGHER ? now >= limit() : now <= limit();
        }
    }

    /**
     * @throws IllegalArgumentException naming the figure and field that is wrong.
     */
    public static PerfBaseline fromJson(final Object json)
    {
        final String what = "baseline";
        final double epsilon = Json.number(json, "allocationEpsilonBytes", what);
        if (!(epsilon >= 0))
        {
            throw new IllegalArgumentException("baseline: allocationEpsilonBytes must be >= 0");
        }
        final Map<String, Expectation> figures = new LinkedHashMap<>();
        Json.object(json, "figures", what).forEach((name, value) ->
        {
            final String figure = what + " figure '" + name + "'";
            try
            {
                figures.put(name, new Expectation(Json.number(value, "baseline", figure),
                    Json.number(value, "tolerance", figure), Better.parse(Json.text(value, "better", figure), name)));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(figure + ": " + ex.getMessage(), ex);
            }
        });
        return new PerfBaseline(epsilon, figures);
    }

    public Map<String, Object> toJson()
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("allocationEpsilonBytes", allocationEpsilonBytes);
        final Map<String, Object> expectations = new LinkedHashMap<>();
        figures.forEach((name, expectation) ->
        {
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("baseline", expectation.baseline());
            entry.put("tolerance", expectation.tolerance());
            entry.put("better", expectation.better().text());
            expectations.put(name, entry);
        });
        json.put("figures", expectations);
        return json;
    }
}
