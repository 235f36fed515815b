package io.ringwall.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

/**
 * Appends records to one journal, several records per Chronicle document.
 *
 * <p>{@link #append} adds a record to the open batch; {@link #commit()} closes the document, which is
 * when the records become visible to readers and survive a crash of this process (the file is memory
 * mapped; the OS writes it back). One writer per journal, used from one thread: the appender is made
 * on first use so that it belongs to the writing thread. Nothing here allocates per record.
 */
public final class JournalWriter implements AutoCloseable
{
    private final ChronicleQueue queue;
    private final String name;
    private ExcerptAppender appender;
    private DocumentContext batch;
    private Bytes<?> batchBytes;
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
        if (batch == null)
        {
            openBatch();
        }

        final Bytes<?> bytes = batchBytes;
        bytes.writeInt(length).writeLong(sequence).writeLong(timeNs);
        final byte[] array = frame.byteArray();
        if (array != null)
        {
            bytes.write(array, frame.wrapAdjustment() + offset, length);
        }
        else
        {
            bytes.unsafeWrite(frame.addressOffset() + offset, length);
        }
        lastSequence = sequence;
    }

    /**
     * Closes the current document, publishing its records. Does nothing when no record is pending.
     */
    public void commit()
    {
        if (batch != null)
        {
            batch.close();
            batch = null;
            batchBytes = null;
        }
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

    private void openBatch()
    {
        if (appender == null)
        {
            appender = queue.createAppender();
        }
        batch = appender.writingDocument();
        batchBytes = batch.wire().bytes();
    }
}
