package io.ringwall.journal;

import java.io.File;
import java.util.zip.CRC32C;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Iterates a journal's records in order, from a chosen sequence, checking the layout, that sequences are
 * gap-free and every version 2 record's chained checksum ({@link JournalRecord}): records before the chosen
 * sequence are checked too, so whoever reads a journal to its end has verified all of it. Meant for one
 * thread; the tailer is made on first use.
 */
public final class JournalReader implements AutoCloseable
{
    private final ChronicleQueue queue;
    private final String name;
    /** The previous record's checksum, then the record being read (the layout its checksum covers). */
    private final byte[] recordBytes = new byte[JournalRecord.TRAILER_LENGTH + JournalRecord.MAX_RECORD_LENGTH];
    private final UnsafeBuffer record = new UnsafeBuffer(recordBytes);
    private final CRC32C crc = new CRC32C();
    private ExcerptTailer tailer;
    private long fromSequence = 1;
    private long lastSequence;
    private boolean tolerateTorn;
    private ChainPoint expected = ChainPoint.NONE;
    private String expectedBy;
    private long tornRecords;
    private String lastTorn;
    /** What 'ringwall archive prune' removed from this session, or null: explains a first record after 1. */
    private final PrunedPrefix pruned;
    private final java.nio.file.Path root;

    JournalReader(final ChronicleQueue queue, final String name)
    {
        this(queue, name, null, null);
    }

    JournalReader(final ChronicleQueue queue, final String name, final PrunedPrefix pruned, final java.nio.file.Path root)
    {
        this.queue = queue;
        this.name = name;
        this.pruned = pruned;
        this.root = root;
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

    /**
     * For readers that only need what a pruned session still holds (the archiver): when {@code ringwall archive
     * prune} removed this journal's older cycles ({@link PrunedPrefix}), reading starts at the first record kept and
     * checks that it chains to the last record removed (whose checksum the note keeps). Without this call such a
     * journal is refused ({@link JournalPrunedException}).
     *
     * @return this reader.
     */
    public JournalReader continueAfterPrunedPrefix()
    {
        if (pruned != null && pruned.firstKept(name) > 1 && lastSequence == 0)
        {
            lastSequence = pruned.firstKept(name) - 1;
            record.putInt(0, pruned.prunedChecksum(name));
        }
        return this;
    }

    /**
     * Record {@code point.sequence()} must carry {@code point.checksum()}, which {@code recordedBy} (a snapshot)
     * recorded when it was written: another value means this is not the journal the snapshot was taken beside
     * (replaced by another session's, or rewritten with fresh checksums), and reading it throws. A version 1
     * record has no checksum to compare. Only records this reader passes are compared.
     *
     * @return this reader.
     */
    public JournalReader expectChain(final ChainPoint point, final String recordedBy)
    {
        expected = point;
        expectedBy = recordedBy;
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

    /**
     * @return the last record read (also inside {@link RecordHandler#onRecord} for the record being delivered) and its
     *         chained checksum (0 for a version 1 record); {@link ChainPoint#NONE} before the first.
     */
    public ChainPoint chainPoint()
    {
        return lastSequence == 0 ? ChainPoint.NONE : new ChainPoint(lastSequence, record.getInt(0));
    }

    /**
     * @return the cycle (UTC day since 1970-01-01, {@link JournalCycles}) of the document read last, also inside
     *         {@link RecordHandler#onRecord}; -1 before the first.
     */
    public int currentCycle()
    {
        return tailer == null ? -1 : tailer.cycle();
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
            final int firstWord = bytes.readInt(bytes.readPosition());
            if (JournalRecord.frameLength(firstWord) < 0 || JournalRecord.recordLength(firstWord) <= remaining)
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
        final long remaining = bytes.readRemaining();
        if (remaining < JournalRecord.HEADER_LENGTH)
        {
            throw corrupt(index, "a record header is cut short (" + remaining + " bytes left) after record " + lastSequence);
        }
        final int firstWord = bytes.readInt(bytes.readPosition());
        final int length = JournalRecord.frameLength(firstWord);
        if (length < 0 || JournalRecord.recordLength(firstWord) > remaining)
        {
            throw corrupt(index, "the record after " + lastSequence + " claims a frame of " + (firstWord & ~JournalRecord.CHECKSUMMED) +
                " bytes, " + (remaining - JournalRecord.HEADER_LENGTH) + " remain");
        }
        final int at = JournalRecord.TRAILER_LENGTH;
        bytes.read(recordBytes, at, JournalRecord.recordLength(firstWord));
        final long sequence = record.getLong(at + 4);
        final long timeNs = record.getLong(at + 12);
        if (lastSequence == 0 && sequence != 1 && pruned != null && pruned.firstKept(name) > 1)
        {
            // checked before the checksum, which chains to a record that is no longer here
            throw new JournalPrunedException(pruned.explain(name, root, sequence));
        }
        if ((firstWord & JournalRecord.CHECKSUMMED) != 0)
        {
            final int stored = record.getInt(at + JournalRecord.HEADER_LENGTH + length);
            if (JournalRecord.checksum(crc, recordBytes, at, length) != stored)
            {
                throw corrupt(index, "record " + sequence + " (the one after " + lastSequence + ") fails its checksum: " +
                    "its bytes, or the chain of records before it, were altered");
            }
            if (sequence == expected.sequence() && stored != expected.checksum())
            {
                throw notTheSnapshotsJournal(index, sequence, stored);
            }
            record.putInt(0, stored);
        }
        else
        {
            record.putInt(0, 0); // a version 1 record: the next checksum starts a new chain
        }
        if (sequence != lastSequence + 1)
        {
            throw corrupt(index, lastSequence == 0 ? "the first record is " + sequence + ", not 1" :
                "record " + sequence + " follows " + lastSequence);
        }
        lastSequence = sequence;
        if (sequence >= fromSequence)
        {
            handler.onRecord(sequence, timeNs, record, at + JournalRecord.HEADER_LENGTH, length);
        }
    }

    private JournalCorruptException notTheSnapshotsJournal(final long index, final long sequence, final int stored)
    {
        final File file = tailer.currentFile();
        return new JournalCorruptException(name + " journal, file " + (file == null ? queue.fileAbsolutePath() : file.getAbsolutePath()) +
            ", excerpt index 0x" + Long.toHexString(index) + ": record " + sequence + " carries checksum " +
            Integer.toHexString(stored) + ", but " + expectedBy + " was taken beside a journal whose record " + sequence +
            " carried " + Integer.toHexString(expected.checksum()) + ": this journal's records are consistent with each " +
            "other but are not the ones this session wrote (replaced by another session's journal, or rewritten). " +
            "Stop trading; keep the directory for the post-mortem, put back the session's own journal if you have it, " +
            "or start a new session and reconcile it with the venue.");
    }

    private JournalCorruptException corrupt(final long index, final String why)
    {
        final File file = tailer == null ? null : tailer.currentFile();
        return new JournalCorruptException(name + " journal, file " + (file == null ? queue.fileAbsolutePath() : file.getAbsolutePath()) +
            ", excerpt index 0x" + Long.toHexString(index) + ": " + why +
            ". Stop trading; keep the files for the post-mortem, and run 'ringwall journal repair --journal DIR --to NEWDIR' " +
            "to copy the verified prefix into a new session, then reconcile it with the venue.");
    }
}
