package io.ringwall.engine.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32C;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.OutputSink;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import io.ringwall.journal.JournalWriter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Restart of a session from its journal directory: the newest valid snapshot (a torn or corrupt one is
 * reported and the one before it used), then journal "in" after the snapshot replayed through the logic with
 * every regenerated output checked byte for byte against journal "out". Outputs journal "out" does not hold
 * yet (the process died between the two journals) are appended to it: they were never sent, so they go out
 * now. Any difference is a {@link RecoveryException}: the engine does not go live on a state it cannot prove.
 */
public final class Recovery
{
    private final JournalDirectory journals;
    private final SnapshotStore store;
    private final Function<OutputSink, BusinessLogic> logicFactory;

    /** The recovered logic (fed on this thread: hand it over before another thread runs it) and the report. */
    public record Result(BusinessLogic logic, SwitchableSink sink, RecoveryReport report)
    {
    }

    private final long upToInput;

    public Recovery(final JournalDirectory journals, final SnapshotStore store,
        final Function<OutputSink, BusinessLogic> logicFactory)
    {
        this(journals, store, logicFactory, Long.MAX_VALUE);
    }

    private Recovery(final JournalDirectory journals, final SnapshotStore store,
        final Function<OutputSink, BusinessLogic> logicFactory, final long upToInput)
    {
        this.journals = journals;
        this.store = store;
        this.logicFactory = logicFactory;
        this.upToInput = upToInput;
    }

    /**
     * The reference a recovery is judged by: the whole journal "in" up to {@code upToInput} replayed from the
     * first input, no snapshot, every output checked against journal "out"; read-only, so it may run beside a
     * live engine appending to the same journals (later outputs are not checked, nothing is appended).
     */
    public static Result replayFromScratch(final JournalDirectory journals,
        final Function<OutputSink, BusinessLogic> logicFactory, final long upToInput)
    {
        return new Recovery(journals, null, logicFactory, upToInput).recover();
    }

    /**
     * @throws RecoveryException when the replay does not reproduce journal "out".
     */
    public Result recover()
    {
        final long startNs = System.nanoTime();
        final long journaledInputs;
        final long journaledOutputs;
        try (JournalWriter inProbe = journals.inputWriter(); JournalWriter outProbe = journals.outputWriter())
        {
            journaledInputs = inProbe.lastSequence();
            journaledOutputs = outProbe.lastSequence();
        }
        final Checker checker = new Checker();
        final SwitchableSink sink = new SwitchableSink(checker);
        final List<String> rejected = new ArrayList<>();
        BusinessLogic logic = null;
        SnapshotStore.Entry chosen = null;
        SnapshotFile.Header chosenHeader = null;
        for (final SnapshotStore.Entry entry : store == null ? List.<SnapshotStore.Entry>of() : store.newestFirst())
        {
            final String name = entry.file().getFileName().toString();
            if (entry.inputSequence() > journaledInputs)
            {
                // the logic saw only journaled inputs, so the journal held this input when the snapshot was taken
                throw lostRecords("in", journaledInputs, name, entry.inputSequence());
            }
            try
            {
                final byte[] file = Files.readAllBytes(entry.file());
                final SnapshotFile.Header header = SnapshotFile.read(file, entry.inputSequence());
                final int offset = header.payloadOffset();
                final BusinessLogic candidate = logicFactory.apply(sink);
                candidate.restoreState(new UnsafeBuffer(file), offset, file.length - offset);
                // snapshots are written only once journal "out" holds their outputs (SnapshotWriter), and each
                // names the last record either journal held then: a journal shorter than that lost records
                final long outputsCovered = Math.max(candidate.outputSequence(), header.outputChain().sequence());
                if (outputsCovered > journaledOutputs)
                {
                    throw lostRecords("out", journaledOutputs, name, outputsCovered);
                }
                if (header.inputChain().sequence() > journaledInputs)
                {
                    throw lostRecords("in", journaledInputs, name, header.inputChain().sequence());
                }
                logic = candidate;
                chosen = entry;
                chosenHeader = header;
                break;
            }
            catch (final RecoveryException ex)
            {
                throw ex;
            }
            catch (final IOException | RuntimeException ex)
            {
                rejected.add(name + ": " + ex.getMessage());
            }
        }
        if (logic == null)
        {
            logic = logicFactory.apply(sink);
        }
        final long snapshotSequence = logic.lastInputSequence();
        final long[] replayed = {0};
        final BusinessLogic replaying = logic;
        long torn;
        String tornWhere;
        try (JournalReader outputs = journals.outputReader().from(logic.outputSequence() + 1);
            JournalReader inputs = journals.inputReader().tolerateTornRecords().from(snapshotSequence + 1))
        {
            if (chosenHeader != null)
            {
                // each journal must be the one the snapshot was taken beside, not a self-consistent stand-in
                final String by = "snapshot " + chosen.file().getFileName();
                inputs.expectChain(chosenHeader.inputChain(), by);
                outputs.expectChain(chosenHeader.outputChain(), by);
            }
            checker.expected = outputs;
            inputs.readAll((sequence, timeNs, frame, offset, length) ->
            {
                if (sequence <= upToInput)
                {
                    replayed[0]++;
                    replaying.onInput(sequence, timeNs, frame, offset, length, 0);
                }
            });
            torn = inputs.tornRecords();
            tornWhere = inputs.lastTorn();
            if (upToInput == Long.MAX_VALUE)
            {
                checker.finish();
            }
        }
        // A replayed SNAPSHOT_NOW or SHUTDOWN was acted on before the crash (or never will be): not again now.
        logic.takeSnapshotRequest();
        logic.takeShutdownRequest();
        if (store != null && !checker.completed.isEmpty())
        {
            try (JournalWriter out = journals.outputWriter())
            {
                for (final Record record : checker.completed)
                {
                    out.append(record.sequence, record.timeNs, new UnsafeBuffer(record.frame), 0, record.frame.length);
                }
                out.commit();
            }
        }
        final String digest = logic.checkpointsUnsupported() == null ? digest(logic) : "n/a";
        final RecoveryReport report = new RecoveryReport(chosen == null ? null : chosen.file().getFileName().toString(),
            snapshotSequence, rejected, replayed[0], checker.verified, checker.completed.size(), torn, tornWhere,
            logic.lastInputSequence(), digest, System.nanoTime() - startNs, 0);
        return new Result(logic, sink, report);
    }

    private RecoveryException lostRecords(final String journal, final long journaled, final String snapshot, final long covered)
    {
        return new RecoveryException("journal \"" + journal + "\" of " + journals.root().toAbsolutePath() + " ends at record " +
            journaled + ", but snapshot " + snapshot + " covers record " + covered + ": journal \"" + journal + "\" lost " +
            "records after they were written (truncated, deleted or restored from an old copy). Refusing to go live: " +
            "keep the directory for the post-mortem, and run 'ringwall journal repair --journal DIR --to NEWDIR' to " +
            "copy its longest verified prefix into a new session, then reconcile that session with the venue.");
    }

    /** @return CRC32C (hex) of the logic's state encoded as a snapshot: equal states, equal digests. */
    public static String digest(final BusinessLogic logic)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[logic.maxSnapshotLength()]);
        final int length = logic.captureState(buffer, 0);
        final CRC32C crc = new CRC32C();
        crc.update(buffer.byteArray(), 0, length);
        return String.format("%08x", crc.getValue());
    }

    private record Record(long sequence, long timeNs, byte[] frame)
    {
    }

    /** Compares each regenerated output with journal "out"'s record of the same sequence. */
    private static final class Checker implements OutputSink
    {
        private final ArrayDeque<Record> pending = new ArrayDeque<>();
        private final List<Record> completed = new ArrayList<>();
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private JournalReader expected;
        private boolean exhausted;
        private long verified;

        @Override
        public void publish(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
            final int length, final long causeIngressNanos)
        {
            final byte[] bytes = new byte[length];
            frame.getBytes(offset, bytes);
            final Record journaled = next();
            if (journaled == null)
            {
                completed.add(new Record(sequence, timeNs, bytes));
                return;
            }
            if (journaled.sequence != sequence || journaled.timeNs != timeNs || !Arrays.equals(journaled.frame, bytes))
            {
                throw new RecoveryException("replay diverges from journal \"out\" at output " + journaled.sequence +
                    ": journaled " + describe(journaled.sequence, journaled.timeNs, journaled.frame) + ", regenerated " +
                    describe(sequence, timeNs, bytes) + ". The logic or its configuration differs from the one that " +
                    "wrote this session; refusing to go live. Keep the directory for the post-mortem " +
                    "(ringwall replay --journal DIR --verify).");
            }
            verified++;
        }

        void finish()
        {
            final Record extra = next();
            if (extra != null)
            {
                throw new RecoveryException("journal \"out\" holds output " + extra.sequence + " (" +
                    describe(extra.sequence, extra.timeNs, extra.frame) + ") that replaying journal \"in\" does not " +
                    "produce; refusing to go live.");
            }
        }

        private Record next()
        {
            while (pending.isEmpty() && !exhausted)
            {
                if (!expected.readNextDocument((sequence, timeNs, frame, offset, length) ->
                {
                    final byte[] bytes = new byte[length];
                    frame.getBytes(offset, bytes);
                    pending.add(new Record(sequence, timeNs, bytes));
                }))
                {
                    exhausted = true;
                }
            }
            return pending.poll();
        }

        private String describe(final long sequence, final long timeNs, final byte[] frame)
        {
            header.wrap(new UnsafeBuffer(frame), 0);
            return "#" + sequence + " template " + header.templateId() + ", " + frame.length + " bytes, time " + timeNs;
        }
    }
}
