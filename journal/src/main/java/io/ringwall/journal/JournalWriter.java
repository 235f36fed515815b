package io.ringwall.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Appends records to one journal, several records per Chronicle document.
 *
 * <p>{@link #append} stages a record in a private buffer with plain stores; {@link #commit()} writes the
 * staged records as one document in one copy, which is when they become visible to readers and survive a
 * crash of this process (the file is memory mapped; the OS writes it back). Staging costs a second copy
 * of a record's bytes, but each Chronicle {@code write} call checks its bounds, its mapping chunk and its
 * thread; four such calls per record cost more than the copy (the journal stages' appends halved).
 * When the staging buffer fills, the records staged so far are written as a document of their own, so a
 * batch larger than the buffer makes several documents: readers see records, not documents.
 *
 * <p>One writer per journal, used from one thread: the appender is made on first use so that it belongs
 * to the writing thread. Nothing here allocates per record.
 */
public final class JournalWriter implements AutoCloseable
{
    /** Staged bytes that force a document out; a record is at most {@link JournalRecord#MAX_RECORD_LENGTH}. */
    static final int STAGING_CAPACITY = 256 * 1024;

    private final ChronicleQueue queue;
    private final String name;
    private final byte[] stagingBytes = new byte[STAGING_CAPACITY];
    private final UnsafeBuffer staging = new UnsafeBuffer(stagingBytes);
    private int stagedLength;
    private ExcerptAppender appender;
    private long lastSequence;

    JournalWriter(final ChronicleQueue queue, final String name, final long lastSequence)
    {
        this.queue = queue;
        this.name = name;
        this.lastSequence = lastSequence;
    }

    /**
     * Adds one record to the current batch.
     *
     * @throws IllegalStateException if {@code sequence} is not the next one (a bug upstream: fail closed).
     */
    public void append(final long sequence, final long timeNs, final DirectBuffer frame, final int offset, final int length)
    {
        if (sequence != lastSequence + 1)
        {
            throw new IllegalStateException(name + " journal: record " + sequence + " after " + lastSequence);
        }
        if (length <= 0 || length > JournalRecord.MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException(name + " journal: frame length " + length + " at " + sequence);
        }
        if (stagedLength + JournalRecord.HEADER_LENGTH + length > STAGING_CAPACITY)
        {
            commit();
        }

        final UnsafeBuffer buffer = staging;
        final int at = stagedLength;
        buffer.putInt(at, length);
        buffer.putLong(at + 4, sequence);
        buffer.putLong(at + 12, timeNs);
        buffer.putBytes(at + JournalRecord.HEADER_LENGTH, frame, offset, length);
        stagedLength = at + JournalRecord.HEADER_LENGTH + length;
        lastSequence = sequence;
    }

    /**
     * Writes the staged records as one document, publishing them. Does nothing when no record is pending.
     */
    public void commit()
    {
        if (stagedLength == 0)
        {
            return;
        }
        if (appender == null)
        {
            appender = queue.createAppender();
        }
        try (DocumentContext document = appender.writingDocument())
        {
            document.wire().bytes().write(stagingBytes, 0, stagedLength);
        }
        stagedLength = 0;
    }

    /**
     * @return the sequence of the last record appended (committed or not); 0 for an empty journal.
     */
    public long lastSequence()
    {
        return lastSequence;
    }

    @Override
    public void close()
    {
        commit();
        if (appender != null)
        {
            appender.close();
        }
    }
}
