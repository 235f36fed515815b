package io.ringwall.engine.checkpoint;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import io.ringwall.journal.ChainPoint;
import io.ringwall.journal.DiskFullException;
import io.ringwall.journal.DiskSpaceGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot refused for a full disk halts trading (the journals cannot go on either) and writes no file. */
class SnapshotWriterDiskFullTest
{
    @TempDir
    Path dir;

    @Test
    void aSnapshotBelowTheReserveIsNotWrittenAndHaltsTrading()
    {
        final SnapshotStore store = new SnapshotStore(dir, 3);
        final AtomicReference<DiskFullException> halted = new AtomicReference<>();
        try (SnapshotWriter writer = new SnapshotWriter(store, 64, 1, () -> ChainPoint.NONE, () -> new ChainPoint(Long.MAX_VALUE, 0),
            DiskSpaceGuard.of(dir, Long.MAX_VALUE), halted::set))
        {
            final SnapshotWriter.Slot slot = writer.claim();
            slot.buffer().putLong(0, 42);
            writer.publish(slot, 10, 0, 8);
            writer.flush();
            assertThat(writer.failed()).isEqualTo(1);
            assertThat(writer.written()).isZero();
        }
        assertThat(halted.get()).isNotNull();
        assertThat(halted.get().getMessage()).startsWith("disk full at " + dir.toAbsolutePath());
        assertThat(store.newestFirst()).isEmpty();
    }
}
