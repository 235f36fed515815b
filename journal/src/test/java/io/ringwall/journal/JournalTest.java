package io.ringwall.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest
{
    @TempDir
    Path dir;

    @Test
    void batchesOfRecordsReadBackInOrderAndAReopenedWriterContinuesTheSequence()
    {
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalWriter writer = journals.inputWriter())
        {
            for (int i = 1; i <= 1000; i++)
            {
                writer.append(i, i * 10L, frame(i), 0, 8 + i % 50);
                if (i % 7 == 0)
                {
                    writer.commit();
                }
            }
        }
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalWriter writer = journals.inputWriter())
        {
            assertThat(writer.lastSequence()).isEqualTo(1000);
            writer.append(1001, 10_010, frame(1001), 0, 8);
            writer.commit();
            assertThatThrownBy(() -> writer.append(1003, 0, frame(1), 0, 8))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("record 1003 after 1001");
        }

        final List<String> seen = new ArrayList<>();
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalReader reader = journals.inputReader())
        {
            reader.from(995).readAll((sequence, timeNs, frame, offset, length) ->
                seen.add(sequence + "@" + timeNs + ":" + length + ":" + frame.getLong(offset)));
            assertThat(reader.lastSequence()).isEqualTo(1001);
        }
        assertThat(seen).containsExactly("995@9950:53:995", "996@9960:54:996", "997@9970:55:997", "998@9980:56:998",
            "999@9990:57:999", "1000@10000:8:1000", "1001@10010:8:1001");
    }

    @Test
    void aBatchLargerThanTheStagingBufferIsWrittenWholeAndNothingIsVisibleBeforeItsFirstDocument()
    {
        final int frameLength = JournalRecord.MAX_FRAME_LENGTH;
        final int records = 3 * JournalWriter.STAGING_CAPACITY / (JournalRecord.HEADER_LENGTH + frameLength) + 5;
        // (each record also carries a 4-byte checksum: a few more documents, same test)
        final UnsafeBuffer big = new UnsafeBuffer(new byte[frameLength]);
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalWriter writer = journals.inputWriter())
        {
            writer.append(1, 10, big, 0, frameLength);
            assertThat(readableRecords(journals)).as("staged, not committed").isZero();
            for (int i = 2; i <= records; i++)
            {
                big.putLong(frameLength - Long.BYTES, i);
                writer.append(i, i * 10L, big, 0, frameLength);
            }
            assertThat(readableRecords(journals)).as("full staging buffers went out as documents of their own")
                .isGreaterThan(records / 2).isLessThan(records);
        }

        final List<Long> sequences = new ArrayList<>();
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalReader reader = journals.inputReader())
        {
            reader.from(1).readAll((sequence, timeNs, frame, offset, length) ->
            {
                assertThat(length).isEqualTo(frameLength);
                assertThat(timeNs).isEqualTo(sequence * 10);
                if (sequence > 1)
                {
                    assertThat(frame.getLong(offset + frameLength - Long.BYTES)).isEqualTo(sequence);
                }
                sequences.add(sequence);
            });
        }
        assertThat(sequences).hasSize(records);
        assertThat(sequences.get(records - 1)).isEqualTo(records);
    }

    @Test
    void theManifestRoundTripsAndAnEmptyDirectoryIsNotASession()
    {
        try (JournalDirectory journals = JournalDirectory.open(dir))
        {
            journals.writeManifest(Map.of("b", "2", "a", "x=y"));
            assertThat(journals.readManifest()).containsExactly(Map.entry("a", "x=y"), Map.entry("b", "2"));
        }
        assertThatThrownBy(() -> JournalDirectory.openExisting(dir.resolve("nothing")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Ringwall journal in");
    }

    @Test
    void aFlippedByteAnywhereInTheJournalHaltsEveryReaderNamingJournalSequenceAndFile() throws IOException
    {
        writeMarkedRecords(dir, 200);
        final Path cycleFile = flipByteOfRecord(dir.resolve("in"), 120);

        for (final long from : new long[] {1, 150})
        {
            try (JournalDirectory journals = JournalDirectory.openExisting(dir); JournalReader reader = journals.inputReader())
            {
                final List<Long> delivered = new ArrayList<>();
                assertThatThrownBy(() -> reader.from(from).readAll((sequence, timeNs, frame, offset, length) -> delivered.add(sequence)))
                    .as("reading from %d: a record before the first delivered one is still checked", from)
                    .isInstanceOf(JournalCorruptException.class)
                    .hasMessageContaining("in journal")
                    .hasMessageContaining("record 120")
                    .hasMessageContaining("fails its checksum")
                    .hasMessageContaining(cycleFile.getFileName().toString());
                assertThat(delivered).as("nothing at or after the altered record is delivered").allMatch(sequence -> sequence < 120);
            }
        }
        try (JournalDirectory journals = JournalDirectory.openExisting(dir); JournalReader reader = journals.inputReader().tolerateTornRecords())
        {
            assertThatThrownBy(() -> reader.readAll((sequence, timeNs, frame, offset, length) -> { }))
                .as("recovery's torn-tail tolerance never covers a checksum failure")
                .isInstanceOf(JournalCorruptException.class).hasMessageContaining("record 120");
        }
    }

    @Test
    void aSessionWrittenBeforeChecksumsIsReadAndResumedWithChecksummedRecordsAfterIt() throws IOException
    {
        // Exactly what the version 1 writer put in a document: int32 length | int64 sequence | int64 time | frame.
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir.resolve("in")).rollCycle(RollCycles.FAST_DAILY).build();
            ExcerptAppender appender = queue.createAppender())
        {
            for (int document = 0; document < 10; document++)
            {
                try (DocumentContext dc = appender.writingDocument())
                {
                    for (int i = 1; i <= 10; i++)
                    {
                        final long sequence = document * 10L + i;
                        dc.wire().bytes().writeInt(16).writeLong(sequence).writeLong(sequence * 10).writeLong(sequence).writeLong(-sequence);
                    }
                }
            }
        }
        Files.writeString(dir.resolve(JournalDirectory.MANIFEST_FILE), "mode=test\n");

        try (JournalDirectory journals = JournalDirectory.open(dir); JournalWriter writer = journals.inputWriter())
        {
            assertThat(writer.lastSequence()).isEqualTo(100);
            for (long sequence = 101; sequence <= 150; sequence++)
            {
                final UnsafeBuffer frame = new UnsafeBuffer(new byte[16]);
                frame.putLong(0, sequence);
                frame.putLong(8, -sequence);
                writer.append(sequence, sequence * 10, frame, 0, 16);
            }
        }
        final List<Long> checked = new ArrayList<>();
        try (JournalDirectory journals = JournalDirectory.openExisting(dir); JournalReader reader = journals.inputReader())
        {
            reader.readAll((sequence, timeNs, frame, offset, length) ->
            {
                assertThat(length).isEqualTo(16);
                assertThat(timeNs).isEqualTo(sequence * 10);
                assertThat(frame.getLong(offset)).isEqualTo(sequence);
                assertThat(frame.getLong(offset + 8)).isEqualTo(-sequence);
                checked.add(sequence);
            });
        }
        assertThat(checked).hasSize(150);
        assertThat(checked.get(149)).isEqualTo(150);
    }

    /** 160 MiB of full documents cross Chronicle's 64 MiB chunks at unaligned places; every record reads back. */
    @Test
    void fullDocumentsAcrossTheMappedFilesChunksReadBackIntact()
    {
        final int frameLength = 1_000; // records of 1,024 bytes: documents end at every 256 KiB, the chunks between
        final long records = (160L << 20) / (JournalRecord.HEADER_LENGTH + frameLength + JournalRecord.TRAILER_LENGTH);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[frameLength]);
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalWriter writer = journals.inputWriter())
        {
            for (long sequence = 1; sequence <= records; sequence++)
            {
                frame.putLong(0, sequence);
                frame.putLong(frameLength - Long.BYTES, -sequence);
                writer.append(sequence, sequence, frame, 0, frameLength);
                if (writer.stagedBytes() >= JournalWriter.MAX_DOCUMENT_BYTES - 100)
                {
                    writer.commit();
                }
            }
        }
        final long[] read = new long[1];
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalReader reader = journals.inputReader())
        {
            reader.readAll((sequence, timeNs, buffer, offset, length) ->
            {
                assertThat(buffer.getLong(offset)).isEqualTo(sequence);
                assertThat(buffer.getLong(offset + frameLength - Long.BYTES)).isEqualTo(-sequence);
                read[0]++;
            });
        }
        assertThat(read[0]).isEqualTo(records);
    }

    @Test
    void aSessionWrittenADocumentPerFrameBeforeBatchingIsReadAndResumedInBatches() throws IOException
    {
        // The first journals (before issue 25's batching and the checksums): one version 1 record per document.
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir.resolve("in")).rollCycle(RollCycles.FAST_DAILY).build();
            ExcerptAppender appender = queue.createAppender())
        {
            for (long sequence = 1; sequence <= 30; sequence++)
            {
                try (DocumentContext dc = appender.writingDocument())
                {
                    dc.wire().bytes().writeInt(16).writeLong(sequence).writeLong(sequence * 10).writeLong(sequence).writeLong(-sequence);
                }
            }
        }
        Files.writeString(dir.resolve(JournalDirectory.MANIFEST_FILE), "mode=test\n");

        try (JournalDirectory journals = JournalDirectory.open(dir); JournalWriter writer = journals.inputWriter())
        {
            assertThat(writer.lastSequence()).isEqualTo(30);
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[16]);
            for (long sequence = 31; sequence <= 70; sequence++)
            {
                frame.putLong(0, sequence);
                frame.putLong(8, -sequence);
                writer.append(sequence, sequence * 10, frame, 0, 16);
                if (sequence % 20 == 10)
                {
                    writer.commit(); // documents of 20 records, as a journal stage writes a ring batch
                }
            }
        }
        final List<Integer> recordsPerDocument = new ArrayList<>();
        final List<Long> checked = new ArrayList<>();
        try (JournalDirectory journals = JournalDirectory.openExisting(dir); JournalReader reader = journals.inputReader())
        {
            final int[] records = new int[1];
            while (reader.readNextDocument((sequence, timeNs, frame, offset, length) ->
            {
                assertThat(timeNs).isEqualTo(sequence * 10);
                assertThat(frame.getLong(offset)).isEqualTo(sequence);
                assertThat(frame.getLong(offset + 8)).isEqualTo(-sequence);
                checked.add(sequence);
                records[0]++;
            }))
            {
                recordsPerDocument.add(records[0]);
                records[0] = 0;
            }
        }
        assertThat(checked).hasSize(70).startsWith(1L, 2L).endsWith(69L, 70L);
        assertThat(recordsPerDocument.subList(0, 30)).containsOnly(1);
        assertThat(recordsPerDocument.subList(30, recordsPerDocument.size())).containsExactly(20, 20);
    }

    @Test
    void theChainPointFoundFromTheEndIsTheOneTheWriterCommittedAndAReaderReaches()
    {
        final ChainPoint committed;
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalWriter writer = journals.inputWriter())
        {
            for (int i = 1; i <= 40; i++)
            {
                writer.append(i, i * 10L, frame(i), 0, 8);
                if (i % 8 == 0)
                {
                    writer.commit();
                }
            }
            committed = writer.committedChain();
            journals.writeManifest(Map.of("mode", "test"));
        }
        assertThat(committed.sequence()).isEqualTo(40);

        try (JournalDirectory journals = JournalDirectory.openExisting(dir); JournalReader reader = journals.inputReader())
        {
            assertThat(journals.lastInputChainPoint()).isEqualTo(committed);
            assertThat(journals.lastOutputChainPoint()).isEqualTo(ChainPoint.NONE);
            assertThat(reader.chainPoint()).isEqualTo(ChainPoint.NONE);
            final ChainPoint[] at20 = new ChainPoint[1];
            reader.readAll((sequence, timeNs, frame, offset, length) ->
            {
                if (sequence == 20)
                {
                    at20[0] = reader.chainPoint();
                }
            });
            assertThat(reader.chainPoint()).isEqualTo(committed);
            assertThat(at20[0].sequence()).isEqualTo(20);
            // the checksum seen at record 20 is the one the journal carries there, and no other
            try (JournalReader again = journals.inputReader().expectChain(at20[0], "test"))
            {
                assertThat(again.readAll((sequence, timeNs, frame, offset, length) -> { })).isEqualTo(40);
            }
            try (JournalReader again = journals.inputReader().expectChain(new ChainPoint(20, at20[0].checksum() ^ 1), "test"))
            {
                assertThatThrownBy(() -> again.readAll((sequence, timeNs, frame, offset, length) -> { }))
                    .isInstanceOf(JournalCorruptException.class);
            }
        }
    }

    /** Writes {@code count} records whose frames carry a findable marker and their sequence. */
    static void writeMarkedRecords(final Path dir, final int count)
    {
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalWriter writer = journals.inputWriter())
        {
            for (int i = 1; i <= count; i++)
            {
                final UnsafeBuffer frame = new UnsafeBuffer(new byte[24]);
                frame.putLong(0, MARKER);
                frame.putLong(8, i);
                frame.putLong(16, i * 3L);
                writer.append(i, i * 10L, frame, 0, 24);
                if (i % 16 == 0)
                {
                    writer.commit();
                }
            }
            journals.writeManifest(Map.of("mode", "test"));
        }
    }

    /** Flips one bit in the frame of record {@code sequence} of a {@link #writeMarkedRecords} journal. @return the file. */
    static Path flipByteOfRecord(final Path queueDir, final long sequence) throws IOException
    {
        final Path file;
        try (var files = Files.list(queueDir))
        {
            file = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] bytes = Files.readAllBytes(file);
        final UnsafeBuffer view = new UnsafeBuffer(bytes);
        for (int at = 0; at + 16 <= bytes.length; at++)
        {
            if (view.getLong(at) == MARKER && view.getLong(at + 8) == sequence)
            {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
                {
                    raf.seek(at + 16);
                    raf.write(bytes[at + 16] ^ 0x04);
                }
                return file;
            }
        }
        throw new AssertionError("record " + sequence + " not found in " + file);
    }

    private static final long MARKER = 0x5EC0_4D5A_11AB_E1EDL;

    private static long readableRecords(final JournalDirectory journals)
    {
        try (JournalReader reader = journals.inputReader())
        {
            reader.readAll((sequence, timeNs, frame, offset, length) -> { });
            return reader.lastSequence();
        }
    }

    private static UnsafeBuffer frame(final long value)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        buffer.putLong(0, value);
        return buffer;
    }
}
