package io.ringwall.cluster;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The logic's outputs the gateway has not confirmed yet, in order, each under its output index. Every node keeps
 * the same ones (outputs and confirmations both come from the replicated log), so whichever node becomes leader
 * can send again what the old leader may not have delivered. Records are laid out as
 * {@code [int32 length][int64 index][frame]}; confirmed ones are dropped from the front.
 */
final class RetainedOutputs
{
    static final int RECORD_HEADER = Integer.BYTES + Long.BYTES;

    /** A gateway that never confirms must not exhaust the node's memory: past this the service halts. */
    private final int maxBytes;
    private final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(64 * 1024);
    private int head;
    private int tail;

    RetainedOutputs(final int maxBytes)
    {
        this.maxBytes = maxBytes;
    }

    /**
     * @throws IllegalStateException when the outputs not confirmed exceed the bound (fail closed: the gateway is
     *                               gone or stuck, and the cluster must not go on trading blind).
     */
    void add(final long index, final DirectBuffer frame, final int offset, final int length)
    {
        if (tail - head + RECORD_HEADER + length > maxBytes)
        {
            throw new IllegalStateException("more than " + maxBytes + " bytes of outputs not confirmed by the " +
                "gateway: start the gateway (ringwall cluster-gateway) and restart the cluster nodes");
        }
        if (tail + RECORD_HEADER + length > buffer.capacity() && head > 0)
        {
            compact();
        }
        buffer.putInt(tail, length);
        buffer.putLong(tail + Integer.BYTES, index);
        buffer.putBytes(tail + RECORD_HEADER, frame, offset, length);
        tail += RECORD_HEADER + length;
    }

    /** Drops every record up to and including {@code index}. */
    void confirm(final long index)
    {
        while (head < tail && buffer.getLong(head + Integer.BYTES) <= index)
        {
            head += RECORD_HEADER + buffer.getInt(head);
        }
        if (head == tail)
        {
            head = 0;
            tail = 0;
        }
    }

    private void compact()
    {
        buffer.putBytes(0, buffer, head, tail - head);
        tail -= head;
        head = 0;
    }

    /** @return the record offset of the first output after {@code index}, or {@link #end()} when none. */
    int after(final long index)
    {
        int at = head;
        while (at < tail && buffer.getLong(at + Integer.BYTES) <= index)
        {
            at = next(at);
        }
        return at;
    }

    int end()
    {
        return tail;
    }

    int next(final int record)
    {
        return record + RECORD_HEADER + buffer.getInt(record);
    }

    long index(final int record)
    {
        return buffer.getLong(record + Integer.BYTES);
    }

    int frameOffset(final int record)
    {
        return record + RECORD_HEADER;
    }

    int frameLength(final int record)
    {
        return buffer.getInt(record);
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    /** @return bytes {@link #copyTo} writes. */
    int length()
    {
        return tail - head;
    }

    void copyTo(final MutableDirectBuffer target, final int offset)
    {
        target.putBytes(offset, buffer, head, tail - head);
    }

    /** Snapshot restore: the records as {@link #copyTo} wrote them. */
    void restore(final DirectBuffer source, final int offset, final int length)
    {
        head = 0;
        tail = 0;
        buffer.putBytes(0, source, offset, length);
        tail = length;
    }
}
