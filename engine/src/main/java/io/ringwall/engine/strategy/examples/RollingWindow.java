package io.ringwall.engine.strategy.examples;

/**
 * The last {@code capacity} values with their running sum and sum of squares; allocation-free after
 * construction.
 */
final class RollingWindow
{
    private final long[] values;
    private int next;
    private int size;
    private long sum;
    private double sumOfSquares;

    RollingWindow(final int capacity)
    {
        values = new long[capacity];
    }

    void add(final long value)
    {
        if (size == values.length)
        {
            final long old = values[next];
            sum -= old;
            sumOfSquares -= (double)old * old;
        }
        else
        {
            size++;
        }
        values[next] = value;
        next = next + 1 == values.length ? 0 : next + 1;
        sum += value;
        sumOfSquares += (double)value * value;
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
        final double mean = mean();
        return Math.sqrt(Math.max(0.0, sumOfSquares / size - mean * mean));
    }
}
