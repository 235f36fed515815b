package io.ringwall.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.logic.LogicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cluster-bench runs end to end on a few inputs: both sides measured in each run, the median row last, and the
 * outputs of the cluster and the single node compared (the benchmark throws when they differ). No figure is
 * asserted: it is a benchmark, not a timed test.
 */
class ClusterBenchTest
{
    @TempDir
    Path dir;

    @Test
    void measuresBothSidesOnTheSameInputsAndTheirOutputsAgree()
    {
        final LogicConfig logic = LogicConfig.unrestricted(List.of("BTCUSD"),
            List.of(OrderEveryTrade.class.getName(), EngineFixtures.MA), LogicConfig.DEFAULT_INITIAL_CASH, 1024);
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final List<ClusterBench.Run> runs = new ClusterBench(new ClusterBench.Options(300, 30, 2, dir, 29_900, logic),
            new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        assertThat(runs).hasSize(3);
        assertThat(runs.get(2).run()).isEqualTo(ClusterBench.Run.MEDIAN);
        for (final ClusterBench.Run run : runs)
        {
            assertThat(run.single().inputsPerSecond()).isPositive();
            assertThat(run.cluster().inputsPerSecond()).isPositive();
            assertThat(run.cluster().p50Ns()).isPositive();
            assertThat(run.ratio()).isPositive();
            assertThat(run.engineInputsPerSecond()).as("the single-node engine ran the same slice").isPositive();
            assertThat(run.engineRatio()).isPositive();
        }
        final String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("warm-up").contains("median").contains("byte for byte the same");
        // an order on every trade: the comparison covered real outputs
        assertThat(text).doesNotContain("outputs: 0 on each side");
    }
}
