package io.ringwall.tools;

import java.nio.file.Path;
import java.util.ArrayDeque;

import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.logic.OutputSink;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Replays journal "in" through a fresh business logic built from the session manifest and compares
 * every output with journal "out", byte for byte (record sequence, time and frame).
 */
public final class ReplayVerifier
{
    /**
     * @param divergence null when identical, else where and how the first output differs.
     */
    public record Result(long inputs, long outputs, String divergence)
    {
        public boolean identical()
        {
            return divergence == null;
        }

        public String format()
        {
            return identical() ? "identical: " + inputs + " events (" + inputs + " inputs replayed, " + outputs +
                " outputs matched byte for byte)" : "DIVERGED: " + divergence;
        }
    }

    private record Expected(long sequence, long timeNs, byte[] frame)
    {
    }

    private final FrameCatalog catalog = new FrameCatalog();

    /**
     * @throws IllegalArgumentException when {@code dir} holds no journal or its manifest is incomplete.
     * @throws io.ringwall.journal.JournalCorruptException when a journal is corrupt.
     */
    public Result verify(final Path dir)
    {
        try (JournalDirectory journals = JournalDirectory.openExisting(dir);
            JournalReader inputs = journals.inputReader().tolerateTornRecords();
            JournalReader outputs = journals.outputReader())
        {
            final Comparison comparison = new Comparison(outputs);
            final BusinessLogic logic = BusinessLogic.create(LogicConfig.fromManifest(journals.readManifest()), comparison);
            final long[] replayed = {0};
            inputs.readAll((sequence, timeNs, frame, offset, length) ->
            {
                if (comparison.divergence == null)
                {
                    replayed[0]++;
                    logic.onInput(sequence, timeNs, frame, offset, length, 0);
                }
            });
            comparison.finish();
            return new Result(replayed[0], comparison.matched, comparison.divergence);
        }
    }

    private final class Comparison implements OutputSink
    {
        private final JournalReader journal;
        private final ArrayDeque<Expected> expected = new ArrayDeque<>();
        private long matched;
        private String divergence;

        Comparison(final JournalReader journal)
        {
            this.journal = journal;
        }

        @Override
        public void publish(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
            final int length, final long causeIngressNanos)
        {
            if (divergence != null)
            {
                return;
            }
            if (expected.isEmpty())
            {
                journal.readNextDocument(this::expect);
            }
            final Expected want = expected.poll();
            final byte[] got = new byte[length];
            frame.getBytes(offset, got);
            if (want == null)
            {
                divergence = "output sequence " + sequence + " (" + catalog.describe(frame, offset, length) +
                    ") was produced by the replay but journal \"out\" ends before it";
                return;
            }
            final String difference = compare(want, sequence, timeNs, got);
            if (difference != null)
            {
                divergence = difference;
                return;
            }
            matched++;
        }

        void finish()
        {
            if (divergence == null && expected.isEmpty())
            {
                journal.readNextDocument(this::expect);
            }
            if (divergence == null && !expected.isEmpty())
            {
                final Expected extra = expected.peek();
                divergence = "journal \"out\" has output sequence " + extra.sequence + " (" +
                    catalog.describe(new UnsafeBuffer(extra.frame), 0, extra.frame.length) +
                    ") that the replay did not produce";
            }
        }

        private void expect(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
            final int length)
        {
            final byte[] copy = new byte[length];
            frame.getBytes(offset, copy);
            expected.add(new Expected(sequence, timeNs, copy));
        }

        private String compare(final Expected want, final long sequence, final long timeNs, final byte[] got)
        {
            final UnsafeBuffer wantBuffer = new UnsafeBuffer(want.frame);
            final UnsafeBuffer gotBuffer = new UnsafeBuffer(got);
            final String where = "output sequence " + want.sequence + ", frame type " +
                catalog.name(catalog.templateId(wantBuffer, 0));
            if (want.sequence != sequence)
            {
                return where + ", field record.sequence: journal \"out\" has " + want.sequence + ", replay produced " +
                    sequence;
            }
            if (want.timeNs != timeNs)
            {
                return where + ", field record.timeNs: journal \"out\" has " + want.timeNs + ", replay produced " +
                    timeNs;
            }
            final int common = Math.min(want.frame.length, got.length);
            for (int i = 0; i < common; i++)
            {
                if (want.frame[i] != got[i])
                {
                    return where + ", field " + catalog.fieldAt(catalog.templateId(wantBuffer, 0), i) +
                        ": journal \"out\" has [" + catalog.describe(wantBuffer, 0, want.frame.length) +
                        "], replay produced [" + catalog.describe(gotBuffer, 0, got.length) + "]";
                }
            }
            if (want.frame.length != got.length)
            {
                return where + ", frame length: journal \"out\" has " + want.frame.length + " bytes, replay produced " +
                    got.length;
            }
            return null;
        }
    }
}
