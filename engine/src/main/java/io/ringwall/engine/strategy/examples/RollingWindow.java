package io.ringwall.engine.strategy.examples;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

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

    /** @return bytes {@link #writeState} writes. */
    int stateLength()
    {
        return 8 + 8 * 3 + 8 + 8 * values.length;
    }

    /**
     * Writes the window verbatim (ring position, running sums with the exact bits of the double), so a
     * restored window produces bit-identical means and deviations.
     *
     * @return the offset after it.
     */
    int writeState(final MutableDirectBuffer buffer, final int offset)
    {
        int at = offset;
        buffer.putInt(at, values.length);
        buffer.putInt(at + 4, next);
        buffer.putLong(at + 8, size);
        buffer.putLong(at + 16, sum);
        buffer.putLong(at + 24, anchor);
        buffer.putLong(at + 32, Double.doubleToRawLongBits(sumOfSquares));
        at += 40;
        for (final long value : values)
        {
            buffer.putLong(at, value);
            at += 8;
        }
        return at;
    }

    /** @return the offset after the window read. */
    int readState(final DirectBuffer buffer, final int offset)
    {
        final int capacity = buffer.getInt(offset);
        if (capacity != values.length)
        {
            throw new IllegalArgumentException("rolling window of " + values.length + " values, the snapshot has " +
                capacity);
        }
        next = buffer.getInt(offset + 4);
        size = (int)buffer.getLong(offset + 8);
        sum = buffer.getLong(offset + 16);
        anchor = buffer.getLong(offset + 24);
        sumOfSquares = Double.longBitsToDouble(buffer.getLong(offset + 32));
        int at = offset + 40;
        for (int i = 0; i < values.length; i++)
        {
            values[i] = buffer.getLong(at);
            at += 8;
        }
        return at;
    }
}
