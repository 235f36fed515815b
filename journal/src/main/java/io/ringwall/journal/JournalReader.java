package io.ringwall.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Iterates a journal's records in order, from a chosen sequence, checking the layout and that
 * sequences are gap-free. Meant for one thread; the tailer is made on first use.
 */
public final class JournalReader implements AutoCloseable
{
    private final ChronicleQueue queue;
    private final String name;
    private final byte[] frameBytes = new byte[JournalRecord.MAX_FRAME_LENGTH];
    private final UnsafeBuffer frame = new UnsafeBuffer(frameBytes);
    private ExcerptTailer tailer;
    private long fromSequence = 1;
    private long lastSequence;
    private boolean tolerateTorn;
    private long tornRecords;
    private String lastTorn;

    JournalReader(final ChronicleQueue queue, final String name)
    {
        this.queue = queue;
        this.name = name;
    }

    /**
     * Records before {@code sequence} are read and checked but not delivered.
     *
     * @return this reader.
     */
    public JournalReader from(final long sequence)
    {
        fromSequence = sequence;
        return this;
    }

    /**
     * Recovery mode: a document that ends in a partial record (its header or frame cut short, as a crash or a
     * lost disk block leaves the last one) delivers its complete records and skips the partial one, which is
     * counted and described ({@link #tornRecords()}, {@link #lastTorn()}) instead of thrown. A sequence gap or
     * a nonsensical length is still corrupt.
     *
     * @return this reader.
     */
    public JournalReader tolerateTornRecords()
    {
        tolerateTorn = true;
        return this;
    }

    /** @return partial records skipped in {@link #tolerateTornRecords()} mode. */
    public long tornRecords()
    {
        return tornRecords;
    }

    /** @return where and what the last partial record skipped was, or null. */
    public String lastTorn()
    {
        return lastTorn;
    }

    /**
     * Reads the next document and delivers its records.
     *
     * @return false when no further document is available now.
     * @throws JournalCorruptException on a broken record or a sequence gap.
     */
    public boolean readNextDocument(final RecordHandler handler)
    {
        if (tailer == null)
        {
            tailer = queue.createTailer();
        }
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            while (bytes.readRemaining() > 0)
            {
                if (tolerateTorn && isTorn(bytes, dc.index()))
                {
                    bytes.readSkip(bytes.readRemaining());
                    break;
                }
                readRecord(bytes, handler, dc.index());
            }
            return true;
        }
    }

    /**
     * Delivers every record available now.
     *
     * @return the sequence of the last record read, 0 for an empty journal.
     */
    public long readAll(final RecordHandler handler)
    {
        while (readNextDocument(handler))
        {
            // each call delivers one document
        }
        return lastSequence;
    }

    /**
     * @return the sequence of the last record read so far.
     */
    public long lastSequence()
    {
        return lastSequence;
    }

    @Override
    public void close()
    {
        if (tailer != null)
        {
            tailer.close();
        }
    }

    /** @return whether what remains of the document is a cut-short record (then described). */
    private boolean isTorn(final Bytes<?> bytes, final long index)
    {
        final long remaining = bytes.readRemaining();
        if (remaining >= JournalRecord.HEADER_LENGTH)
        {
            final int length = bytes.readInt(bytes.readPosition());
            if (length <= 0 || length > JournalRecord.MAX_FRAME_LENGTH || length <= remaining - JournalRecord.HEADER_LENGTH)
            {
                return false;
            }
        }
        tornRecords++;
        lastTorn = name + " journal, excerpt index 0x" + Long.toHexString(index) + ": a partial record of " + remaining +
            " bytes after record " + lastSequence;
        return true;
    }

    private void readRecord(final Bytes<?> bytes, final RecordHandler handler, final long index)
    {
        if (bytes.readRemaining() < JournalRecord.HEADER_LENGTH)
        {
            throw corrupt(index, "a record header is cut short (" + bytes.readRemaining() + " bytes left)");
        }
        final int length = bytes.readInt();
        final long sequence = bytes.readLong();
        final long timeNs = bytes.readLong();
        if (length <= 0 || length > JournalRecord.MAX_FRAME_LENGTH || length > bytes.readRemaining())
        {
            throw corrupt(index, "record " + sequence + " claims a frame of " + length + " bytes, " +
                bytes.readRemaining() + " remain");
        }
        if (sequence != lastSequence + 1)
        {
            throw corrupt(index, lastSequence == 0 ? "the first record is " + sequence + ", not 1" :
                "record " + sequence + " follows " + lastSequence);
        }
        lastSequence = sequence;
        if (sequence >= fromSequence)
        {
            bytes.read(frameBytes, 0, length);
            handler.onRecord(sequence, timeNs, frame, 0, length);
        }
        else
        {
            // checked for order above, not delivered: no need to copy it (recovery skips millions this way)
            bytes.readSkip(length);
        }
    }

    private JournalCorruptException corrupt(final long index, final String why)
    {
        return new JournalCorruptException(name + " journal at " + queue.fileAbsolutePath() +
            ", excerpt index 0x" + Long.toHexString(index) + ": " + why +
            ". Stop trading; keep the files for the post-mortem and recover from the last good snapshot.");
    }
}
