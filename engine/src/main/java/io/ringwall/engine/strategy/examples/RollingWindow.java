package io.ringwall.engine.strategy.examples;

/**
 * The last {@code capacity} values with their running sum and sum of squares; allocation-free after
 * construction. Squares are taken of the distance from the first value, not of the value itself, so
 * the double sum stays small enough to be exact for realistic prices (a 10,000.0000 price squared is
 * already past 2^53; its distance from a nearby anchor is not).
 */
final class RollingWindow
{
    private final long[] values;
    private int next;
    private int size;
    private long sum;
    private long anchor;
    private double sumOfSquares;

    RollingWindow(final int capacity)
    {
        values = new long[capacity];
    }

    void add(final long value)
    {
        if (size == 0)
        {
            anchor = value;
        }
        if (size == values.length)
        {
            final double old = values[next] - anchor;
            sum -= values[next];
            sumOfSquares -= old * old;
        }
        else
        {
            size++;
        }
        values[next] = value;
        next = next + 1 == values.length ? 0 : next + 1;
        sum += value;
        final double distance = value - anchor;
        sumOfSquares += distance * distance;
    }

    boolean isFull()
    {
        return size == values.length;
    }

    int capacity()
    {
        return values.length;
    }

    long sum()
    {
        return sum;
    }

    double mean()
    {
        return (double)sum / size;
    }

    double standardDeviation()
    {
        final double meanDistance = mean() - anchor;
        return Math.sqrt(Math.max(0.0, sumOfSquares / size - meanDistance * meanDistance));
    }
}
