package io.ringwall.tools.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a data span into walk-forward windows: each window trains on one slice and tests on the slice right
 * after it; the test slices follow each other without gap or overlap. Rolling windows train on the
 * {@code trainNs} before their test slice; anchored windows train on everything from the data's start to their
 * test slice. The first test slice starts {@code trainNs} after the data's start, so every window has at least
 * {@code trainNs} of training data. Times are event times, half-open: [from, to).
 */
public final class WalkForwardWindows
{
    /** One window: training [trainFromNs, trainToNs), test [trainToNs, testToNs). */
    public record Window(int index, long trainFromNs, long trainToNs, long testToNs)
    {
        public long testFromNs()
        {
            return trainToNs;
        }
    }

    private WalkForwardWindows()
    {
    }

    /**
     * @param dataFromNs the first record's time.
     * @param dataToNs   just after the last record's time.
     * @throws IllegalArgumentException when the windows do not fit in the data or a figure is not positive.
     */
    public static List<Window> of(final long dataFromNs, final long dataToNs, final int windows, final long trainNs,
        final long testNs, final boolean anchored)
    {
        if (windows < 1 || trainNs <= 0 || testNs <= 0)
        {
            throw new IllegalArgumentException("walk-forward needs at least 1 window and positive --train and --test");
        }
        final long needed = trainNs + windows * testNs;
        if (needed > dataToNs - dataFromNs)
        {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%d windows of --train %s and --test %s need %s of data; " +
                "the data span %s", windows, hours(trainNs), hours(testNs), hours(needed), hours(dataToNs - dataFromNs)));
        }
        final List<Window> cut = new ArrayList<>(windows);
        for (int i = 0; i < windows; i++)
        {
            final long testFrom = dataFromNs + trainNs + i * testNs;
            cut.add(new Window(i, anchored ? dataFromNs : testFrom - trainNs, testFrom, testFrom + testNs));
        }
        return cut;
    }

    private static String hours(final long ns)
    {
        return String.format(java.util.Locale.ROOT, "%.2f h", ns / 3.6e12);
    }
}
