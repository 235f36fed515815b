package io.ringwall.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
