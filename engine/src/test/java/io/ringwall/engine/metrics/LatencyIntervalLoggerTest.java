package io.ringwall.engine.metrics;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyIntervalLoggerTest
{
    @TempDir
    Path dir;

    @Test
    void valuesAreClampedIntoTheTrackableRangeInsteadOfThrowing()
    {
        final StageLatencies latencies = new StageLatencies();
        latencies.record(LatencyStage.LOGIC, -5);
        latencies.record(LatencyStage.LOGIC, Long.MAX_VALUE);
        latencies.record(LatencyStage.LOGIC, 700);
        latencies.flush(LatencyStage.LOGIC); // this test's thread is the stage's writer: it publishes its batch
        final Histogram logic = latencies.intervalHistogram(LatencyStage.LOGIC, null);
        assertThat(logic.getTotalCount()).isEqualTo(3);
        assertThat(logic.getMinValue()).isZero();
        assertThat(logic.valuesAreEquivalent(logic.getMaxValue(), StageLatencies.HIGHEST_TRACKABLE_NS)).isTrue();
        assertThat(logic.getCountAtValue(700)).isEqualTo(1);
        assertThat(latencies.intervalHistogram(LatencyStage.LOGIC, logic).getTotalCount())
            .as("the next interval starts empty").isZero();
    }

    @Test
    void venueRoundTripsAreRecordedFromSendToAnswer()
    {
        final StageLatencies latencies = new StageLatencies();
        latencies.recordVenueAck(1_000, 1_250);
        latencies.recordVenueFill(1_000, 1_900);
        latencies.recordVenueFill(1_000, 2_000);
        latencies.flushGatewayThread();
        assertThat(latencies.intervalHistogram(LatencyStage.VENUE_ACK, null).getCountAtValue(250)).isEqualTo(1);
        final Histogram fills = latencies.intervalHistogram(LatencyStage.VENUE_FILL, null);
        assertThat(fills.getTotalCount()).isEqualTo(2);
        assertThat(fills.getMaxValue()).isEqualTo(1_000);
    }

    @Test
    void theLogHasAHeaderAndOneTaggedIntervalPerStageThatRecorded() throws Exception
    {
        final StageLatencies latencies = new StageLatencies();
        latencies.record(LatencyStage.LOGIC, 99);
        latencies.record(LatencyStage.LOGIC, 123);
        latencies.flushLogicThread();
        final Path file = dir.resolve(LatencyIntervalLogger.FILE_NAME);
        // An interval far longer than the test: the only interval is the one written at close.
        final LatencyIntervalLogger logger = new LatencyIntervalLogger(latencies, file, 3_600_000);
        final long before = System.currentTimeMillis();
        logger.start();
        for (int i = 1; i <= 1_000; i++)
        {
            latencies.record(LatencyStage.LOGIC, i);
        }
        latencies.record(LatencyStage.TICK_TO_ORDER, 5_000);
        latencies.flushLogicThread();
        latencies.flushGatewayThread();
        logger.close();

        final String text = Files.readString(file);
        assertThat(text).startsWith("#[Histogram log format version 1.3]").contains("#[StartTime: ")
            .contains("#[BaseTime: ").contains("\"StartTimestamp\",\"Interval_Length\"")
            .contains("Tag=logic,").contains("Tag=tick-to-order,").doesNotContain("Tag=venue-ack");

        final HistogramLogReader reader = new HistogramLogReader(new File(file.toString()));
        final Map<String, Histogram> byTag = new HashMap<>();
        EncodableHistogram interval;
        while ((interval = reader.nextIntervalHistogram()) != null)
        {
            byTag.put(interval.getTag(), (Histogram)interval);
        }
        assertThat(byTag).containsOnlyKeys("logic", "tick-to-order");
        assertThat(byTag.get("logic").getTotalCount()).as("what was recorded before start is discarded").isEqualTo(1_000);
        assertThat(byTag.get("logic").getValueAtPercentile(50)).isEqualTo(500);
        assertThat(byTag.get("tick-to-order").getTotalCount()).isEqualTo(1);
        assertThat(reader.getStartTimeSec() * 1000).isBetween(before - 1.0, System.currentTimeMillis() + 1.0);
        assertThat(byTag.get("logic").getStartTimeStamp()).isGreaterThanOrEqualTo(before);
        assertThat(logger.total(LatencyStage.LOGIC).getTotalCount()).isEqualTo(1_000);
    }

    @Test
    void aNonPositiveIntervalIsRefused()
    {
        assertThatThrownBy(() -> new LatencyIntervalLogger(new StageLatencies(), dir.resolve("x.hlog"), 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive");
    }
}
