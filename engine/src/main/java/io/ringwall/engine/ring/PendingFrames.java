package io.ringwall.engine.ring;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A FIFO of frames a buffered producer could not put on the ring yet. Owned by the producer's thread;
 * only {@link #size()} is read elsewhere. Grows when needed (off the logic thread) and refuses to grow
 * past {@link #MAX_BYTES}: a backlog that large means the logic has stopped keeping up, and trading
 * halts rather than the process running out of memory.
 */
final class PendingFrames
{
    static final int MAX_BYTES = 64 << 20;
    private static final int HEADER = 8 + 4;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 16);
    private int head;
    private int tail;
    private volatile long size;

    boolean isEmpty()
    {
        return head == tail;
    }

    long size()
    {
        return size;
    }

    void add(final long timeNs, final MutableDirectBuffer frame, final int length)
    {
        if (head > 0 && tail + HEADER + length > buffer.capacity())
        {
            // Reuse the space of frames already delivered before growing.
            buffer.putBytes(0, buffer, head, tail - head);
            tail -= head;
            head = 0;
        }
        if (tail + HEADER + length > MAX_BYTES)
        {
            throw new IllegalStateException("more than " + (MAX_BYTES >> 20) + " MiB of venue answers wait for the " +
                "inbound ring: the business logic is not keeping up");
        }
        buffer.putLong(tail, timeNs);
        buffer.putInt(tail + 8, length);
        buffer.putBytes(tail + HEADER, frame, 0, length);
        tail += HEADER + length;
        size = size + 1;
    }

    long timeNs()
    {
        return buffer.getLong(head);
    }

    int frameLength()
    {
        return buffer.getInt(head + 8);
    }

    int frameOffset()
    {
        return head + HEADER;
    }

    ExpandableArrayBuffer buffer()
    {
        return buffer;
    }

    void remove()
    {
        head += HEADER + frameLength();
        if (head == tail)
        {
            head = 0;
            tail = 0;
        }
        size = size - 1;
    }
}
