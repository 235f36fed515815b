package io.ringwall.journal;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

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
 * <p>Every record is written in {@link JournalRecord}'s version 2 layout, its CRC32C chained to the record
 * before it. The staging buffer keeps the previous record's checksum in its first four bytes, so each
 * checksum is one pass over contiguous bytes (CRC32C is a CPU instruction on x86 and ARM: a few ns a record).
 *
 * <p>A {@link DiskSpaceGuard} stops the writer before the disk is full. Journal "in" checks after a document
 * is written: its inputs are journaled (so never lost), then the engine halts before the logic sees them, and
 * a resume replays them. Journal "out" checks before: outputs it refuses are not journaled, so never sent,
 * and a resume regenerates and sends them. Once refused, the writer refuses every later commit.
 *
 * <p>One writer per journal, used from one thread: the appender is made on first use so that it belongs
 * to the writing thread. Nothing here allocates per record.
 */
public final class JournalWriter implements AutoCloseable
{
    /** The largest document a writer's caller may ask for ({@link #stagedBytes()} is how far it is). */
    public static final int MAX_DOCUMENT_BYTES = 256 * 1024;
    /**
     * Staged bytes that force a document out within {@link #append}: room for a full document and one more
     * record, so a caller that writes at its own bound (at most {@link #MAX_DOCUMENT_BYTES}) is never pre-empted.
     */
    static final int STAGING_CAPACITY = JournalRecord.TRAILER_LENGTH + MAX_DOCUMENT_BYTES + JournalRecord.MAX_RECORD_LENGTH;

    private final ChronicleQueue queue;
    private final String name;
    private final byte[] stagingBytes = new byte[STAGING_CAPACITY];
    private final UnsafeBuffer staging = new UnsafeBuffer(stagingBytes);
    private final CRC32C crc = new CRC32C();
    /** End of the staged records, which start after the previous checksum at {@link #FIRST_RECORD}. */
    private int stagedEnd = FIRST_RECORD;
    private ExcerptAppender appender;
    private long lastSequence;
    private long documents;
    /**
     * The last written record's sequence and checksum ({@link #committedChain()}), for the snapshot writer's
     * thread (it waits for journal "out" to hold what a snapshot covers, and keeps both journals' points): a
     * seqlock, odd while the two plain fields change. Written once per document, not per record.
     */
    private final AtomicLong chainVersion = new AtomicLong();
    private long chainSequence;
    private int chainChecksum;

    private static final int FIRST_RECORD = JournalRecord.TRAILER_LENGTH;

    private final DiskSpaceGuard space;
    /** False only to measure their cost ({@link JournalDirectory#writeWithoutChecksums()}): version 1 records. */
    private final boolean checksums;
    private final boolean checkBeforeWrite;
    private DiskFullException refused;

    JournalWriter(final ChronicleQueue queue, final String name, final long lastSequence, final int lastChecksum)
    {
        this(queue, name, lastSequence, lastChecksum, DiskSpaceGuard.NONE, false, true);
    }

    JournalWriter(final ChronicleQueue queue, final String name, final long lastSequence, final int lastChecksum,
        final DiskSpaceGuard space, final boolean checkBeforeWrite, final boolean checksums)
    {
        this.checksums = checksums;
        this.queue = queue;
        this.name = name;
        this.space = space;
        this.checkBeforeWrite = checkBeforeWrite;
        this.lastSequence = lastSequence;
        staging.putInt(0, lastChecksum);
        publishChain(lastSequence, lastChecksum);
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
        final int recordLength = JournalRecord.HEADER_LENGTH + length + (checksums ? JournalRecord.TRAILER_LENGTH : 0);
        if (stagedEnd + recordLength > STAGING_CAPACITY)
        {
            commit();
        }

        final UnsafeBuffer buffer = staging;
        final int at = stagedEnd;
        buffer.putInt(at, checksums ? length | JournalRecord.CHECKSUMMED : length);
        buffer.putLong(at + 4, sequence);
        buffer.putLong(at + 12, timeNs);
        buffer.putBytes(at + JournalRecord.HEADER_LENGTH, frame, offset, length);
        if (checksums)
        {
            buffer.putInt(at + JournalRecord.HEADER_LENGTH + length, JournalRecord.checksum(crc, stagingBytes, at, length));
        }
        stagedEnd = at + recordLength;
        lastSequence = sequence;
    }

    /**
     * Writes the staged records as one document, publishing them. Does nothing when no record is pending.
     *
     * @throws DiskFullException when the disk is below its reserve (see the class comment for which records
     * that leaves written).
     */
    public void commit()
    {
        final int end = stagedEnd;
        if (end == FIRST_RECORD)
        {
            return;
        }
        if (refused != null)
        {
            throw refused;
        }
        if (checkBeforeWrite)
        {
            checkSpace(end - FIRST_RECORD);
        }
        if (appender == null)
        {
            appender = queue.createAppender();
        }
        try (DocumentContext document = appender.writingDocument())
        {
            document.wire().bytes().write(stagingBytes, FIRST_RECORD, end - FIRST_RECORD);
        }
        // the last record's checksum seeds the next document's first record
        final int lastChecksum = checksums ? staging.getInt(end - JournalRecord.TRAILER_LENGTH) : 0;
        staging.putInt(0, lastChecksum);
        stagedEnd = FIRST_RECORD;
        documents++;
        publishChain(lastSequence, lastChecksum);
        if (!checkBeforeWrite)
        {
            checkSpace(end - FIRST_RECORD);
        }
    }

    private void checkSpace(final int bytes)
    {
        try
        {
            space.written(bytes);
        }
        catch (final DiskFullException ex)
        {
            refused = ex;
            throw ex;
        }
    }

    private void publishChain(final long sequence, final int checksum)
    {
        final long version = chainVersion.get();
        chainVersion.lazySet(version + 1);
        VarHandle.storeStoreFence();
        chainSequence = sequence;
        chainChecksum = checksum;
        chainVersion.lazySet(version + 2);
    }

    /**
     * @return the last record written out as a document and its checksum (0 when written without checksums,
     * which readers do not compare), {@link ChainPoint#NONE} for an empty journal; safe to call from any thread.
     */
    public ChainPoint committedChain()
    {
        while (true)
        {
            final long version = chainVersion.get();
            if ((version & 1) == 0)
            {
                final long sequence = chainSequence;
                final int checksum = chainChecksum;
                VarHandle.loadLoadFence();
                if (chainVersion.get() == version)
                {
                    return sequence == 0 ? ChainPoint.NONE : new ChainPoint(sequence, checksum);
                }
            }
            Thread.onSpinWait();
        }
    }

    /** @return documents this writer wrote (its records per document is what batching bought). */
    public long documentsWritten()
    {
        return documents;
    }

    /**
     * @return bytes of the records appended since the last document was written (0 when none is pending).
     */
    public int stagedBytes()
    {
        return stagedEnd - FIRST_RECORD;
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
        if (refused == null)
        {
            commit();
        }
        if (appender != null)
        {
            appender.close();
        }
    }
}
