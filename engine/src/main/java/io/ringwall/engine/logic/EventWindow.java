package io.ringwall.engine.logic;

/**
 * The times of the last N events, to ask "did N events happen inside a rolling window?" without
 * allocating: the pre-trade order-rate check and the rate breakers use it. An event at time t is inside the
 * window ending at {@code now} when {@code now - t < windowNs}.
 */
final class EventWindow
{
    private final long[] times;
    private final long windowNs;
    private int oldest;
    private int size;

    EventWindow(final int count, final long windowNs)
    {
        this.times = new long[count];
        this.windowNs = windowNs;
    }

    void record(final long timeNs)
    {
        times[oldest] = timeNs;
        oldest = oldest + 1 == times.length ? 0 : oldest + 1;
        size = Math.min(size + 1, times.length);
    }

    /**
     * @return true when the last N recorded events all lie inside the window ending at {@code nowNs}.
     */
    boolean full(final long nowNs)
    {
        return size == times.length && nowNs - times[oldest] < windowNs;
    }

    int capacity()
    {
        return times.length;
    }

    void clear()
    {
        size = 0;
    }

    /** Checkpoints: the ring verbatim. */
    void writeState(final StateCursor cursor)
    {
        cursor.putLongs(times);
        cursor.putLong(oldest);
        cursor.putLong(size);
    }

    void readState(final StateCursor cursor)
    {
        cursor.getLongs(times);
        oldest = cursor.getInt();
        size = cursor.getInt();
    }
}
