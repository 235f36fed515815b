package io.ringwall.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;

import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.logic.OutputSink;
import io.ringwall.journal.JournalCorruptException;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import io.ringwall.journal.JournalWriter;
import io.ringwall.journal.RecordHandler;
import io.ringwall.journal.SessionLock;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Copies the longest verified prefix of a damaged session into a new session directory; the source is only
 * read (and locked, so no engine starts on it meanwhile). The prefix is what a replay can prove: the inputs
 * of journal "in" up to its first bad record, replayed through the session's logic, as long as every output
 * they produce equals journal "out"'s record of the same sequence up to its first bad record. Where journal
 * "out" ended cleanly the rest of "in" is kept (its outputs were never journaled, so never sent: the resumed
 * engine sends them, as after a crash); where "out" ended on a bad record, the first input whose output falls
 * past it is where the copy stops, since whether that output reached the venue is unknown. No snapshot is
 * copied: the new session resumes by replaying from its first input.
 */
final class JournalRepair
{
    /** What was kept and dropped, and why the copy stopped where it did. */
    record Report(long inputsKept, long inputsDropped, long outputsKept, long outputsDropped, String inProblem,
        String outProblem, String stopReason)
    {
        String format(final Path from, final Path to)
        {
            final StringBuilder text = new StringBuilder();
            text.append("journal \"in\"  ").append(inProblem == null ? "verified to its end" : inProblem).append('\n');
            text.append("journal \"out\" ").append(outProblem == null ? "verified to its end" : outProblem).append('\n');
            text.append("kept          ").append(inputsKept).append(" inputs, ").append(outputsKept).append(" outputs\n");
            text.append("dropped       ").append(inputsDropped).append(" inputs, ").append(outputsDropped)
                .append(" outputs").append(stopReason == null ? "" : " (" + stopReason + ")").append('\n');
            text.append("repaired      ").append(from).append(" -> ").append(to).append(" (resume it with ringwall run " +
                "--resume --journal ").append(to).append(" and the session's options, then reconcile with the venue)\n");
            return text.toString();
        }
    }

    private record Record(long sequence, long timeNs, byte[] frame)
    {
        static Record copy(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
            final int length)
        {
            final byte[] bytes = new byte[length];
            frame.getBytes(offset, bytes);
            return new Record(sequence, timeNs, bytes);
        }
    }

    Report repair(final Path from, final Path to)
    {
        if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize()))
        {
            throw new IllegalArgumentException("journal repair never edits a session in place: --to must be a new directory");
        }
        if (Files.exists(to) && !isEmptyDirectory(to))
        {
            throw new IllegalArgumentException("--to " + to + " is not empty: journal repair writes a new session " +
                "directory and never overwrites one");
        }
        try (SessionLock lock = SessionLock.acquire(from, "journal repair");
            JournalDirectory source = JournalDirectory.openExisting(from))
        {
            final java.util.Map<String, String> manifest = source.readManifest();
            Files.createDirectories(to);
            try (JournalDirectory target = JournalDirectory.open(to, "journal repair");
                JournalWriter inCopy = target.inputWriter();
                JournalWriter outCopy = target.outputWriter())
            {
                target.writeManifest(manifest);
                copyIfPresent(from.resolve("reference-data.cm3"), to.resolve("reference-data.cm3"));
                final Report report = copyPrefix(source, manifest, inCopy, outCopy);
                inCopy.commit();
                outCopy.commit();
                return report;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("journal repair " + from + " -> " + to + ": " + ex.getMessage(), ex);
        }
    }

    private Report copyPrefix(final JournalDirectory source, final java.util.Map<String, String> manifest,
        final JournalWriter inCopy, final JournalWriter outCopy)
    {
        final Prefix outputs = new Prefix(source.outputReader().tolerateTornRecords());
        final Prefix inputs = new Prefix(source.inputReader().tolerateTornRecords());
        try (outputs; inputs)
        {
            final Comparison comparison = new Comparison(outputs);
            final BusinessLogic logic = BusinessLogic.create(LogicConfig.fromManifest(manifest), comparison);
            long inputsKept = 0;
            String stop = null;
            for (Record input = inputs.next(); input != null; input = inputs.next())
            {
                comparison.produced.clear();
                logic.onInput(input.sequence, input.timeNs, new UnsafeBuffer(input.frame), 0, input.frame.length, 0);
                stop = comparison.verdict();
                if (stop != null)
                {
                    break;
                }
                inCopy.append(input.sequence, input.timeNs, new UnsafeBuffer(input.frame), 0, input.frame.length);
                for (final Record output : comparison.produced)
                {
                    if (comparison.matched >= output.sequence)
                    {
                        outCopy.append(output.sequence, output.timeNs, new UnsafeBuffer(output.frame), 0, output.frame.length);
                    }
                }
                inputsKept++;
            }
            // counted from each journal's end: records past a bad one cannot be read in order, but are dropped too
            final long inputsDropped = Math.max(inputs.count(), source.lastInputSequence()) - inputsKept;
            final long outputsDropped = Math.max(outputs.countToEnd(), source.lastOutputSequence()) - comparison.matched;
            return new Report(inputsKept, inputsDropped, comparison.matched, outputsDropped,
                inputs.describe(), outputs.describe(), stop);
        }
    }

    /** Compares one input's outputs with journal "out" as the input is replayed. */
    private static final class Comparison implements OutputSink
    {
        private final Prefix journaled;
        private final java.util.List<Record> produced = new java.util.ArrayList<>();
        private long matched;
        private String mismatch;

        Comparison(final Prefix journaled)
        {
            this.journaled = journaled;
        }

        @Override
        public void publish(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
            final int length, final long causeIngressNanos)
        {
            final Record output = Record.copy(sequence, timeNs, frame, offset, length);
            produced.add(output);
            if (mismatch != null)
            {
                return;
            }
            final Record want = journaled.next();
            if (want == null)
            {
                if (journaled.problem != null)
                {
                    mismatch = "output " + sequence + " falls past journal \"out\"'s last verified record, so whether it " +
                        "reached the venue is unknown";
                }
                return;
            }
            if (want.sequence != sequence || want.timeNs != timeNs || !Arrays.equals(want.frame, output.frame))
            {
                mismatch = "the replay of the next input produces output " + sequence + " unlike journal \"out\"'s";
                journaled.pushBack(want);
                return;
            }
            matched = sequence;
        }

        /** @return why the input just replayed may not be kept, or null. */
        String verdict()
        {
            if (mismatch == null)
            {
                return null;
            }
            // the outputs of the refused input that did match are not kept either: the input is not
            matched -= produced.stream().filter(output -> output.sequence <= matched).count();
            return mismatch;
        }
    }

    /** The records of one journal up to its first unreadable one, one at a time. */
    private static final class Prefix implements AutoCloseable
    {
        private final JournalReader reader;
        private final ArrayDeque<Record> pending = new ArrayDeque<>();
        private final RecordHandler collect = (sequence, timeNs, frame, offset, length) ->
            pending.add(Record.copy(sequence, timeNs, frame, offset, length));
        private boolean ended;
        private long count;
        /** The first bad record: it and everything after it are not verified. */
        private String problem;

        Prefix(final JournalReader reader)
        {
            this.reader = reader;
        }

        Record next()
        {
            while (pending.isEmpty() && !ended)
            {
                try
                {
                    ended = !reader.readNextDocument(collect);
                }
                catch (final JournalCorruptException ex)
                {
                    // the records of the bad document before the bad one were delivered and stay
                    ended = true;
                    problem = ex.getMessage();
                }
            }
            final Record next = pending.poll();
            if (next != null)
            {
                count++;
            }
            return next;
        }

        void pushBack(final Record record)
        {
            pending.addFirst(record);
            count--;
        }

        long count()
        {
            return count;
        }

        long countToEnd()
        {
            while (next() != null)
            {
                // counts the verified records nobody consumed
            }
            return count;
        }

        /** @return null when verified to its end, else the bad record (a torn last record is only noted). */
        String describe()
        {
            if (problem != null)
            {
                return "ends its verified prefix at record " + reader.lastSequence() + ": " + problem;
            }
            return reader.tornRecords() == 0 ? null : "verified to its end, then a partial record (a crash while writing): " +
                reader.lastTorn();
        }

        @Override
        public void close()
        {
            reader.close();
        }
    }

    private static boolean isEmptyDirectory(final Path dir)
    {
        try (java.util.stream.Stream<Path> entries = Files.list(dir))
        {
            return entries.findAny().isEmpty();
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static void copyIfPresent(final Path from, final Path to) throws IOException
    {
        if (Files.exists(from))
        {
            Files.copy(from, to);
        }
    }
}
