package io.ringwall.engine.metrics;

/**
 * EXTENSION POINT for per-stage latency percentiles (e.g. the HdrHistogram recorders of {@code StageLatencies}):
 * monitoring does no latency recording itself. At scrape time, on the HTTP thread, {@link StageLatencyCollector}
 * asks the source to report each stage's current interval; it is exposed as the summary
 * {@code ringwall_stage_latency_seconds{stage, quantile}} with {@code _count} and {@code _sum}.
 * An implementation typically swaps its Recorder's interval histogram and reports its percentiles.
 */
@FunctionalInterface
public interface StageLatencySource
{
    /** Reports nothing (no latency recording wired). */
    StageLatencySource NONE = report ->
    {
    };

    /**
     * Called on the scrape thread; report every stage, each percentile once.
     */
    void reportTo(Report report);

    /** Where a source reports. Values are nanoseconds. */
    interface Report
    {
        /**
         * @param stage    e.g. "journal-in", "logic", "tick-to-order".
         * @param quantile in [0, 1], e.g. 0.99.
         */
        void quantile(String stage, double quantile, long valueNs);

        /** Sample count and sum (ns) of the stage's interval; the sum may be mean x count. */
        void totals(String stage, long count, double sumNs);
    }
}
