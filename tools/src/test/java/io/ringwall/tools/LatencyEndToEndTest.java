package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.marketdata.DataFiles;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.TradeCsvSource;
import io.ringwall.engine.metrics.LatencyStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real engine run writes latency.hlog; the report reads it and plots it.
 */
class LatencyEndToEndTest
{
    @TempDir
    Path dir;

    @Test
    void anEngineRunsLatencyLogCoversEveryStageItOwnsAndIsReported() throws Exception
    {
        final Path session = dir.resolve("session");
        final RunSummary summary;
        try (Engine engine = new Engine(EngineFixtures.recorded(session, EngineFixtures.MA), 200))
        {
            summary = engine.run(new TradeCsvSource(DataFiles.BITSTAMP_TRADES, 0, new MalformedLineReporter()));
            assertThat(engine.latencyLog().total(LatencyStage.LOGIC).getTotalCount()).isEqualTo(summary.counters().inputs);
        }
        assertThat(summary.failure()).isNull();
        assertThat(summary.counters().ordersSent).isGreaterThan(10);
        assertThat(summary.tickToOrderNs().getTotalCount()).as("the summary's tick-to-order is the logged stage's")
            .isEqualTo(summary.counters().ordersSent);

        final LatencyLog log = LatencyLog.read(session.resolve("latency.hlog"));
        final long inputs = summary.counters().inputs;
        assertThat(log.stage("ingress-journaled").histogram().getTotalCount()).isEqualTo(inputs);
        assertThat(log.stage("journaled-logic").histogram().getTotalCount()).isEqualTo(inputs);
        assertThat(log.stage("logic").histogram().getTotalCount()).isEqualTo(inputs);
        assertThat(log.stage("tick-to-order").histogram().getTotalCount()).isEqualTo(summary.counters().ordersSent);
        // Every output (orders; risk and breaker events) is published once and reaches the gateway once.
        assertThat(log.stage("outbound-gateway").histogram().getTotalCount())
            .isEqualTo(log.stage("logic-outbound").histogram().getTotalCount())
            .isGreaterThanOrEqualTo(summary.counters().ordersSent);
        // The paper venue times each order's round trip on the gateway thread: one ack per accepted order,
        // one fill per execution the logic received.
        assertThat(log.stage("venue-ack").histogram().getTotalCount())
            .isPositive()
            .isLessThanOrEqualTo(summary.counters().ordersSent - summary.counters().venueRejects);
        assertThat(log.stage("venue-fill").histogram().getTotalCount())
            .isEqualTo(summary.counters().fills + summary.counters().duplicateFills);
        assertThat(log.stage("logic").histogram().getMaxValue()).isPositive();

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final Path plot = dir.resolve("latency.svg");
        final int status = RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            "latency-report", "--journal", session.toString(), "--plot", plot.toString());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
            .containsPattern("(?m)^ingress-journaled +" + String.format("%,d", inputs) + " ")
            .containsPattern("(?m)^logic +" + String.format("%,d", inputs) + " ")
            .containsPattern("(?m)^tick-to-order +" + String.format("%,d", summary.counters().ordersSent) + " ")
            .contains("plot          " + plot);
        assertThat(Files.readString(plot)).contains("<svg").contains("ingress-journaled").contains("tick-to-order");
    }
}
