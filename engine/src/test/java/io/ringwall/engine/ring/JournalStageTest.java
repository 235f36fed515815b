package io.ringwall.engine.ring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.lmax.disruptor.Sequence;
import io.ringwall.engine.metrics.StageLatencies;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import io.ringwall.journal.JournalRecord;
import io.ringwall.journal.JournalWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Journal "in" writes a ring batch as one document, closed earlier by {@link JournalBatching}'s bounds; a
 * document closed inside a batch releases its inputs to the logic at once (dedicated threading), never an
 * input after it.
 */
class JournalStageTest
{
    /** A 40-byte frame makes a 64-byte checksummed record. */
    private static final int FRAME_LENGTH = 40;
    private static final int RECORD_LENGTH = JournalRecord.HEADER_LENGTH + FRAME_LENGTH + JournalRecord.TRAILER_LENGTH;

    @TempDir
    Path dir;

    @Test
    void aRingBatchIsOneDocumentWhenNoBoundIsReached()
    {
        final List<Integer> documents = journalOneBatch(new JournalBatching(JournalBatching.DEFAULT_MAX_BYTES, 0), 100, 1_000);
        assertThat(documents).containsExactly(100);
    }

    @Test
    void theByteBoundClosesADocumentAtTheRecordThatReachesIt()
    {
        // 5 records are 320 bytes: the fifth reaches 300, so documents of 5, and the batch's end closes the last
        final List<Integer> documents = journalOneBatch(new JournalBatching(300, 0), 23, 1_000);
        assertThat(documents).containsExactly(5, 5, 5, 5, 3);
    }

    @Test
    void oneByteWritesADocumentPerRecordAsJournalsDidBeforeBatching()
    {
        final List<Integer> documents = journalOneBatch(new JournalBatching(1, 0), 7, 1_000);
        assertThat(documents).containsExactly(1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void theDelayBoundClosesADocumentOnceItsFramesSpanThatMuchIngressTime()
    {
        // inputs 1 us apart, a 3 us bound: the fourth input spans 3 us after the first
        final List<Integer> documents = journalOneBatch(new JournalBatching(JournalBatching.DEFAULT_MAX_BYTES, 3_000), 10, 1_000);
        assertThat(documents).containsExactly(4, 4, 2);
    }

    @Test
    void aDocumentClosedInsideABatchReleasesExactlyItsInputsToTheLogic()
    {
        final Sequence released = new Sequence(-1);
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalWriter writer = journals.inputWriter())
        {
            final JournalStage stage = new JournalStage(writer, new StageLatencies(), 64, new JournalBatching(2 * RECORD_LENGTH, 0));
            stage.setSequenceCallback(released);
            final List<Long> seen = new ArrayList<>();
            for (long ring = 0; ring < 5; ring++)
            {
                stage.onEvent(input(ring * 1_000), ring, ring == 4);
                seen.add(released.get());
            }
            // ring 1 and 3 close documents inside the batch; the batch's end (ring 4) is the processor's to publish
            assertThat(seen).containsExactly(-1L, 1L, 1L, 3L, 3L);
            assertThat(writer.committedChain().sequence()).isEqualTo(5);
        }
    }

    @Test
    void boundsOutsideTheirRangesAreRefused()
    {
        assertThatThrownBy(() -> new JournalBatching(0, 0)).hasMessageContaining("journal batch of 0 bytes not in [1, 262144]");
        assertThatThrownBy(() -> new JournalBatching(JournalWriter.MAX_DOCUMENT_BYTES + 1, 0))
            .hasMessageContaining("not in [1, 262144]");
        assertThatThrownBy(() -> new JournalBatching(1, -1)).hasMessageContaining("must not be negative");
    }

    /**
     * Journals {@code inputs} inputs, {@code ingressStepNs} apart, as one ring batch.
     *
     * @return the records of each document written, in order.
     */
    private List<Integer> journalOneBatch(final JournalBatching batching, final int inputs, final long ingressStepNs)
    {
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalWriter writer = journals.inputWriter())
        {
            final JournalStage stage = new JournalStage(writer, new StageLatencies(), 4_096, batching);
            for (int ring = 0; ring < inputs; ring++)
            {
                stage.onEvent(input(ring * ingressStepNs), ring, ring == inputs - 1);
            }
        }
        writeManifest();
        final List<Integer> documents = new ArrayList<>();
        try (JournalDirectory journals = JournalDirectory.openExisting(dir); JournalReader reader = journals.inputReader())
        {
            final int[] records = new int[1];
            while (reader.readNextDocument((sequence, timeNs, frame, offset, length) -> records[0]++))
            {
                documents.add(records[0]);
                records[0] = 0;
            }
            assertThat(reader.lastSequence()).isEqualTo(inputs);
        }
        return documents;
    }

    private void writeManifest()
    {
        try
        {
            Files.writeString(dir.resolve(JournalDirectory.MANIFEST_FILE), "mode=test\n");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static FrameEvent input(final long ingressNanos)
    {
        final FrameEvent event = new FrameEvent();
        event.set(0, 1_700_000_000_000_000_000L, new UnsafeBuffer(new byte[FRAME_LENGTH]), 0, FRAME_LENGTH, ingressNanos);
        return event;
    }
}
