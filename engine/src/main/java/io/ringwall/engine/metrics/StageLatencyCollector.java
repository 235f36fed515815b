package io.ringwall.engine.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;

/**
 * Exposes a {@link StageLatencySource} as the summary {@code ringwall_stage_latency_seconds{stage, quantile}}.
 * Runs entirely on the scrape thread.
 */
public final class StageLatencyCollector implements MultiCollector
{
    private final StageLatencySource source;

    public StageLatencyCollector(final StageLatencySource source)
    {
        this.source = source;
    }

    @Override
    public MetricSnapshots collect()
    {
        final Map<String, Stage> stages = new LinkedHashMap<>();
        source.reportTo(new StageLatencySource.Report()
        {
            public void quantile(final String stage, final double quantile, final long valueNs)
            {
                stages.computeIfAbsent(stage, name -> new Stage()).quantiles.add(new Quantile(quantile, valueNs / 1e9));
            }

            public void totals(final String stage, final long count, final double sumNs)
            {
                final Stage entry = stages.computeIfAbsent(stage, name -> new Stage());
                entry.count = count;
                entry.sumSeconds = sumNs / 1e9;
            }
        });
        final SummarySnapshot.Builder summary = SummarySnapshot.builder().name("ringwall_stage_latency_seconds")
            .help("Latency per pipeline stage over the last interval, seconds");
        stages.forEach((name, stage) -> summary.dataPoint(SummaryDataPointSnapshot.builder()
            .labels(Labels.of("stage", name)).quantiles(Quantiles.of(stage.quantiles))
            .count(stage.count).sum(stage.sumSeconds).build()));
        return MetricSnapshots.of(summary.build());
    }

    private static final class Stage
    {
        final List<Quantile> quantiles = new ArrayList<>();
        long count;
        double sumSeconds;
    }
}
