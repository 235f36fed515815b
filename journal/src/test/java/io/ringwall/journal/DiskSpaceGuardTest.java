package io.ringwall.journal;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What each journal leaves written when the disk runs below its reserve: journal "in" keeps the batch that
 * crossed it (inputs are never lost), journal "out" refuses it before writing (outputs not journaled were
 * never sent, so a resume sends them), and neither writes again, not even on close.
 */
class DiskSpaceGuardTest
{
    private static final long RESERVE = 1 << 20;

    @TempDir
    Path dir;

    private final AtomicLong free = new AtomicLong(100L << 20);
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[64]);

    @Test
    void journalInKeepsTheBatchThatCrossedTheReserveThenRefusesEverything()
    {
        try (JournalDirectory journals = JournalDirectory.open(dir))
        {
            final JournalWriter in = writer(journals, false);
            in.append(1, 1, frame, 0, frame.capacity());
            in.commit();
            free.set(RESERVE - 1);
            in.append(2, 2, frame, 0, frame.capacity());
            assertThatThrownBy(in::commit).isInstanceOf(DiskFullException.class)
                .hasMessageStartingWith("disk full at " + dir.toAbsolutePath() + "; free space and run ringwall run --resume");
            free.set(100L << 20);
            in.append(3, 3, frame, 0, frame.capacity());
            assertThatThrownBy(in::commit).isInstanceOf(DiskFullException.class);
            in.close();
            assertThat(journals.lastInputSequence()).isEqualTo(2);
        }
    }

    @Test
    void journalOutRefusesTheBatchBeforeWritingItAndCloseWritesNothing()
    {
        try (JournalDirectory journals = JournalDirectory.open(dir))
        {
            final JournalWriter out = writer(journals, true);
            out.append(1, 1, frame, 0, frame.capacity());
            out.commit();
            free.set(RESERVE - 1);
            out.append(2, 2, frame, 0, frame.capacity());
            assertThatThrownBy(out::commit).isInstanceOf(DiskFullException.class);
            out.close();
            assertThat(journals.lastOutputSequence()).isEqualTo(1);
        }
    }

    @Test
    void theDirectoryRefusesToOpenWritersBelowTheReserve()
    {
        try (JournalDirectory journals = JournalDirectory.open(dir))
        {
            assertThatThrownBy(() -> journals.keepFreeSpace(Long.MAX_VALUE)).isInstanceOf(DiskFullException.class)
                .hasMessageContaining("disk full at " + dir.toAbsolutePath());
            journals.keepFreeSpace(1);
        }
    }

    @Test
    void theOperatingSystemsOwnDiskFullErrorsAreRecognised()
    {
        assertThat(DiskFullException.isDiskFull(new RuntimeException(new java.io.IOException("No space left on device"))))
            .isTrue();
        assertThat(DiskFullException.isDiskFull(new InternalError(
            "a fault occurred in a recent unsafe memory access operation in compiled Java code"))).isTrue();
        assertThat(DiskFullException.isDiskFull(new java.io.IOException("Permission denied"))).isFalse();
        assertThat(DiskFullException.messageOf(new InternalError("a fault occurred in an unsafe memory access")))
            .contains("free space and run ringwall run --resume");
    }

    private JournalWriter writer(final JournalDirectory journals, final boolean out)
    {
        journals.keepFreeSpace(new DiskSpaceGuard(dir, free::get, RESERVE, 1)); // every commit checks
        return out ? journals.outputWriter() : journals.inputWriter();
    }
}
