package io.ringwall.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A journal whose first day's cycle file was pruned: readers that need every record are refused with what to do,
 * and the archiver's reader continues only where the first kept record chains to the last one removed.
 */
class PrunedPrefixTest
{
    private static final LocalDate DAY1 = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;

    @Test
    void readersRefuseAPrunedJournalAndTheArchiverContinuesOnlyOnAnUnbrokenChain() throws Exception
    {
        final int[] checksumOfRecord3 = new int[1];
        final SetTimeProvider clock = new SetTimeProvider(DAY1.atStartOfDay(ZoneOffset.UTC).toInstant());
        try (JournalDirectory journals = JournalDirectory.openRollingBy(dir, clock); JournalWriter in = journals.inputWriter())
        {
            journals.writeManifest(java.util.Map.of("logic.symbols", "X"));
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[16]);
            for (long sequence = 1; sequence <= 6; sequence++)
            {
                frame.putLong(0, sequence * 31);
                in.append(sequence, sequence, frame, 0, 16);
                in.commit();
                if (sequence == 3)
                {
                    clock.advanceMillis(86_400_000L);
                }
            }
        }
        try (JournalDirectory journals = JournalDirectory.openExisting(dir); JournalReader reader = journals.inputReader())
        {
            reader.readAll((sequence, timeNs, frame, offset, length) ->
            {
                if (sequence == 3)
                {
                    checksumOfRecord3[0] = reader.chainPoint().checksum();
                    assertThat(reader.currentCycle()).isEqualTo((int)DAY1.toEpochDay());
                }
            });
        }
        Files.delete(dir.resolve("in").resolve(JournalCycles.fileName((int)DAY1.toEpochDay())));
        new PrunedPrefix("/archive/of/it", 4, 0, checksumOfRecord3[0], 0, "2026-12-01T00:00:00Z").write(dir);

        try (JournalDirectory journals = JournalDirectory.openExisting(dir); JournalReader reader = journals.inputReader())
        {
            assertThatThrownBy(() -> reader.readAll((s, t, f, o, l) -> { }))
                .isInstanceOf(JournalPrunedException.class)
                .hasMessageContaining("journal \"in\" of " + dir.toAbsolutePath() + " starts at record 4")
                .hasMessageContaining("ringwall archive restore --archive /archive/of/it --to NEWDIR");
        }
        final List<Long> read = new ArrayList<>();
        try (JournalDirectory journals = JournalDirectory.openExisting(dir);
            JournalReader reader = journals.inputReader().continueAfterPrunedPrefix())
        {
            reader.readAll((sequence, timeNs, frame, offset, length) -> read.add(sequence));
        }
        assertThat(read).containsExactly(4L, 5L, 6L);

        // a note whose chain checksum is not the removed record's: the kept records are not proven to follow it
        new PrunedPrefix("/archive/of/it", 4, 0, checksumOfRecord3[0] ^ 1, 0, "2026-12-01T00:00:00Z").write(dir);
        try (JournalDirectory journals = JournalDirectory.openExisting(dir);
            JournalReader reader = journals.inputReader().continueAfterPrunedPrefix())
        {
            assertThatThrownBy(() -> reader.readAll((s, t, f, o, l) -> { }))
                .isInstanceOf(JournalCorruptException.class).hasMessageContaining("record 4 (the one after 3) fails its checksum");
        }
        assertThat(PrunedPrefix.read(dir).firstKept("in")).isEqualTo(4);
    }
}
