package io.ringwall.tools.archive;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;

/**
 * The records each cycle file of a session's journals holds: first and last sequence and the last one's chained
 * checksum. Found by reading both journals through, which also checks every record's checksum, so an archive is
 * only ever made of journals that verify.
 */
final class CycleRanges
{
    /** One cycle's records; {@code first} 0 when it holds none. */
    record Range(long first, long last, int lastChecksum)
    {
        static final Range EMPTY = new Range(0, 0, 0);
    }

    private final Map<Integer, Range> in = new TreeMap<>();
    private final Map<Integer, Range> out = new TreeMap<>();

    /**
     * @throws io.ringwall.journal.JournalCorruptException when a record of either journal fails its checks.
     */
    static CycleRanges read(final Path session)
    {
        final CycleRanges ranges = new CycleRanges();
        try (JournalDirectory journals = JournalDirectory.openExisting(session))
        {
            collect(journals.inputReader(), ranges.in);
            collect(journals.outputReader(), ranges.out);
        }
        return ranges;
    }

    /** @return the records of that journal's cycle, {@link Range#EMPTY} when it holds none. */
    Range of(final String journal, final int cycle)
    {
        return ("in".equals(journal) ? in : out).getOrDefault(cycle, Range.EMPTY);
    }

    private static void collect(final JournalReader reader, final Map<Integer, Range> ranges)
    {
        try (reader)
        {
            reader.continueAfterPrunedPrefix();
            reader.readAll((sequence, timeNs, buffer, offset, length) ->
            {
                final Range before = ranges.get(reader.currentCycle());
                ranges.put(reader.currentCycle(), new Range(before == null ? sequence : before.first(), sequence,
                    reader.chainPoint().checksum()));
            });
        }
    }
}
