package io.ringwall.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;

/**
 * A journal's records in memory, for byte-for-byte comparisons in tests.
 */
public final class JournalDump
{
    /** One record: sequence, time and the frame's bytes. */
    public record Entry(long sequence, long timeNs, byte[] frame)
    {
        @Override
        public boolean equals(final Object other)
        {
            return other instanceof Entry e && e.sequence == sequence && e.timeNs == timeNs && Arrays.equals(e.frame, frame);
        }

        @Override
        public int hashCode()
        {
            return Long.hashCode(sequence) * 31 + Arrays.hashCode(frame);
        }

        public int templateId()
        {
            return new io.ringwall.codecs.MessageHeaderDecoder().wrap(new org.agrona.concurrent.UnsafeBuffer(frame), 0)
                .templateId();
        }
    }

    private JournalDump()
    {
    }

    public static List<Entry> inputs(final Path dir)
    {
        try (JournalDirectory journals = JournalDirectory.openExisting(dir); JournalReader reader = journals.inputReader())
        {
            return read(reader);
        }
    }

    public static List<Entry> outputs(final Path dir)
    {
        try (JournalDirectory journals = JournalDirectory.openExisting(dir); JournalReader reader = journals.outputReader())
        {
            return read(reader);
        }
    }

    private static List<Entry> read(final JournalReader reader)
    {
        final List<Entry> entries = new ArrayList<>();
        reader.readAll((sequence, timeNs, frame, offset, length) ->
        {
            final byte[] copy = new byte[length];
            frame.getBytes(offset, copy);
            entries.add(new Entry(sequence, timeNs, copy));
        });
        return entries;
    }
}
