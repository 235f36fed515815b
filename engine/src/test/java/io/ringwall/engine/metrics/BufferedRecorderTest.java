package io.ringwall.engine.metrics;

import java.util.concurrent.atomic.AtomicBoolean;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BufferedRecorderTest
{
    @Test
    void valuesReachTheReaderOnlyWhenFlushedOrWhenTheBufferFills()
    {
        final BufferedRecorder recorder = new BufferedRecorder(StageLatencies.HIGHEST_TRACKABLE_NS, 3);
        recorder.record(1_000);
        recorder.record(2_000);
        assertThat(recorder.intervalHistogram(null).getTotalCount()).as("buffered, not flushed").isZero();

        recorder.flush();
        final Histogram flushed = recorder.intervalHistogram(null);
        assertThat(flushed.getTotalCount()).isEqualTo(2);
        assertThat(flushed.getMaxValue()).isEqualTo(flushed.highestEquivalentValue(2_000));
        assertThat(recorder.intervalHistogram(flushed).getTotalCount()).as("an interval is read once").isZero();

        for (int i = 0; i < BufferedRecorder.BUFFERED + 3; i++)
        {
            recorder.record(500);
        }
        assertThat(recorder.intervalHistogram(null).getTotalCount()).as("a full buffer moves by itself")
            .isEqualTo(BufferedRecorder.BUFFERED);
        recorder.flush();
        assertThat(recorder.intervalHistogram(null).getTotalCount()).isEqualTo(3);
    }

    @Test
    void aReaderSwappingIntervalsWhileTheWriterRecordsLosesAndDoublesNothing() throws Exception
    {
        final BufferedRecorder recorder = new BufferedRecorder(StageLatencies.HIGHEST_TRACKABLE_NS, 3);
        final int values = 2_000_000;
        final AtomicBoolean done = new AtomicBoolean();
        final Thread writer = new Thread(() ->
        {
            for (int i = 1; i <= values; i++)
            {
                recorder.record(i % 10_000);
                if (i % 1_000 == 0)
                {
                    recorder.flush();
                }
            }
            recorder.flush();
            done.set(true);
        });
        writer.start();
        long total = 0;
        Histogram interval = null;
        while (!done.get())
        {
            interval = recorder.intervalHistogram(interval);
            total += interval.getTotalCount();
        }
        writer.join();
        total += recorder.intervalHistogram(interval).getTotalCount();
        assertThat(total).isEqualTo(values);
    }
}
