package io.ringwall.engine.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * An interval recorder like HdrHistogram's {@code SingleWriterRecorder}, except that its one writer
 * buffers values and moves them into the histogram in bulk: one writer critical section (two atomic
 * increments) per {@link #flush()} or per {@value #BUFFERED} values, instead of one per value. On the
 * logic thread, which records three or four values per input, the per-value critical sections cost
 * about as much as a trade's strategy update.
 *
 * <p>A value becomes visible to the reader when the writer flushes; stage threads flush at the end of
 * each batch or duty cycle, so a reader is at most one batch behind. Nothing waits on the writer: an
 * idle writer holds no critical section.
 */
final class BufferedRecorder
{
    /** Values buffered before the writer moves them in bulk anyway. */
    static final int BUFFERED = 256;

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private final long[] buffered = new long[BUFFERED];
    private int bufferedCount;
    private volatile Histogram active;
    private Histogram inactive;

    BufferedRecorder(final long highestTrackableValue, final int significantDigits)
    {
        active = new Histogram(1, highestTrackableValue, significantDigits);
        inactive = new Histogram(1, highestTrackableValue, significantDigits);
    }

    /** Writer only; {@code value} must be within the histogram's range. */
    void record(final long value)
    {
        buffered[bufferedCount++] = value;
        if (bufferedCount == BUFFERED)
        {
            flush();
        }
    }

    /** Writer only: makes what was recorded visible to the reader. */
    void flush()
    {
        final int count = bufferedCount;
        if (count == 0)
        {
            return;
        }
        final long criticalValue = phaser.writerCriticalSectionEnter();
        try
        {
            final Histogram histogram = active;
            for (int i = 0; i < count; i++)
            {
                histogram.recordValue(buffered[i]);
            }
        }
        finally
        {
            phaser.writerCriticalSectionExit(criticalValue);
        }
        bufferedCount = 0;
    }

    /**
     * Reader only: what was flushed since the last call.
     *
     * @param recycle a histogram to reuse (from the previous call), or null.
     */
    synchronized Histogram intervalHistogram(final Histogram recycle)
    {
        final Histogram target = recycle != null ? recycle : new Histogram(inactive.getLowestDiscernibleValue(),
            inactive.getHighestTrackableValue(), inactive.getNumberOfSignificantValueDigits());
        phaser.readerLock();
        try
        {
            inactive.reset();
            final Histogram swapped = active;
            active = inactive;
            inactive = swapped;
            final long nowMs = System.currentTimeMillis();
            active.setStartTimeStamp(nowMs);
            phaser.flipPhase();
            inactive.setEndTimeStamp(nowMs);
        }
        finally
        {
            phaser.readerUnlock();
        }
        target.reset();
        inactive.copyInto(target);
        return target;
    }
}
