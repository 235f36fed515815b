package io.ringwall.engine.logic;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes or reads a component's internal state as little-endian longs at a moving offset: the layout of a
 * snapshot's {@code components} entries. Each component writes and reads its own fields in one order; the
 * snapshot schema's version covers these layouts. Reused, allocation-free.
 */
final class StateCursor
{
    private MutableDirectBuffer out;
    private DirectBuffer in;
    private int position;
    private int limit;

    StateCursor writeTo(final MutableDirectBuffer buffer, final int offset)
    {
        out = buffer;
        in = null;
        position = offset;
        limit = buffer.capacity();
        return this;
    }

    StateCursor readFrom(final DirectBuffer buffer, final int offset, final int length)
    {
        in = buffer;
        out = null;
        position = offset;
        limit = offset + length;
        return this;
    }

    int position()
    {
        return position;
    }

    /** @return whether a read consumed exactly the entry. */
    boolean atEnd()
    {
        return position == limit;
    }

    void putLong(final long value)
    {
        out.putLong(position, value);
        position += 8;
    }

    long getLong()
    {
        if (position + 8 > limit)
        {
            throw new IllegalArgumentException("snapshot component entry is shorter than its layout");
        }
        final long value = in.getLong(position);
        position += 8;
        return value;
    }

    int getInt()
    {
        return Math.toIntExact(getLong());
    }

    void putLongs(final long[] values)
    {
        putLong(values.length);
        for (final long value : values)
        {
            putLong(value);
        }
    }

    void getLongs(final long[] values)
    {
        final long length = getLong();
        if (length != values.length)
        {
            throw new IllegalArgumentException("snapshot holds " + length + " values where this configuration " +
                "has " + values.length + " (was the session configured differently?)");
        }
        for (int i = 0; i < values.length; i++)
        {
            values[i] = getLong();
        }
    }
}
