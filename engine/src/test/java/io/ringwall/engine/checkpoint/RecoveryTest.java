package io.ringwall.engine.checkpoint;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.ringwall.engine.RunSummary;
import io.ringwall.journal.JournalDirectory;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Restarts from damaged state: a torn newest snapshot, a newest snapshot with a bad checksum, a journal whose
 * last record is cut short. Each time the recovered state must equal the whole journal replayed from scratch.
 */
class RecoveryTest
{
    private static final long TRADES = 9_000;

    @TempDir
    Path dir;

    @Test
    void aTornNewestSnapshotIsReportedAndThePreviousOneUsed() throws Exception
    {
        final long last = firstSession();
        final List<SnapshotStore.Entry> snapshots = new SnapshotStore(dir, 3).newestFirst();
        assertThat(snapshots).hasSize(3);
        assertThat(snapshots.get(0).inputSequence()).as("the final snapshot").isEqualTo(last);
        try (RandomAccessFile file = new RandomAccessFile(snapshots.get(0).file().toFile(), "rw"))
        {
            file.setLength(file.length() / 2);
        }

        final RecoveryReport report = resume(TRADES);
        assertThat(report.rejected()).singleElement().asString()
            .contains(snapshots.get(0).file().getFileName().toString()).contains("torn");
        assertThat(report.snapshotSequence()).isEqualTo(snapshots.get(1).inputSequence());
        assertThat(report.inputsReplayed()).isEqualTo(last - snapshots.get(1).inputSequence()).isPositive();
        assertThat(report.outputsVerified()).isPositive();
        assertThat(report.stateDigest()).isEqualTo(CheckpointSessions.fromScratch(dir).report().stateDigest());
    }

    @Test
    void aSnapshotWithABadChecksumIsReportedAndThePreviousOneUsed() throws Exception
    {
        final long last = firstSession();
        final List<SnapshotStore.Entry> snapshots = new SnapshotStore(dir, 3).newestFirst();
        final byte[] bytes = Files.readAllBytes(snapshots.get(0).file());
        bytes[SnapshotFile.HEADER_LENGTH + 40] ^= 0x10;
        Files.write(snapshots.get(0).file(), bytes);

        final RecoveryReport report = resume(TRADES);
        assertThat(report.rejected()).singleElement().asString().contains("payload checksum mismatch");
        assertThat(report.snapshotSequence()).isEqualTo(snapshots.get(1).inputSequence());
        assertThat(report.lastInputSequence()).isEqualTo(last);
        assertThat(report.stateDigest()).isEqualTo(CheckpointSessions.fromScratch(dir).report().stateDigest());
    }

    @Test
    void withEverySnapshotDamagedTheWholeJournalIsReplayed() throws Exception
    {
        final long last = firstSession();
        for (final SnapshotStore.Entry entry : new SnapshotStore(dir, 3).newestFirst())
        {
            Files.write(entry.file(), new byte[] {'x'});
        }
        final RecoveryReport report = resume(TRADES);
        assertThat(report.rejected()).hasSize(3).allSatisfy(reason -> assertThat(reason).contains("torn"));
        assertThat(report.snapshotFile()).isNull();
        assertThat(report.inputsReplayed()).isEqualTo(last);
        assertThat(report.stateDigest()).isEqualTo(CheckpointSessions.fromScratch(dir).report().stateDigest());
    }

    @Test
    void aTruncatedLastJournalRecordIsReportedSkippedAndTheSessionGoesOn() throws Exception
    {
        final long last = firstSession();
        appendPartialRecord(dir.resolve("in"), last + 1);

        final RecoveryReport[] report = new RecoveryReport[1];
        final RunSummary resumed = CheckpointSessions.run(dir, TRADES + 3_000, true, report);
        assertThat(report[0].tornRecords()).isEqualTo(1);
        assertThat(report[0].torn()).contains("in journal").contains("partial record of 30 bytes after record " + last);
        assertThat(report[0].lastInputSequence()).isEqualTo(last);
        assertThat(report[0].inputsReplayed()).as("the final snapshot is at the last complete input").isZero();
        assertThat(resumed.failure()).isNull();
        assertThat(resumed.counters().marketDataInputs).as("the 3,000 new trades, none twice").isEqualTo(TRADES + 3_000);

        // The session went on past the partial record: replaying it all gives the live state and journal "out".
        final Recovery.Result scratch = CheckpointSessions.fromScratch(dir);
        assertThat(scratch.report().tornRecords()).isEqualTo(1);
        assertThat(scratch.logic().lastInputSequence()).isGreaterThan(last + 3_000);
        assertThat(scratch.report().stateDigest()).isEqualTo(finalSnapshotDigest());
    }

    @Test
    void aSessionIsNotResumedWithoutBeingAskedNorWithAnotherConfiguration()
    {
        firstSession();
        assertThatThrownBy(() -> CheckpointSessions.run(dir, TRADES, false, null))
            .hasMessageContaining("already holds a session").hasMessageContaining("--resume");
        final io.ringwall.engine.EngineConfig same = CheckpointSessions.config(dir);
        final io.ringwall.engine.EngineConfig other = new io.ringwall.engine.EngineConfig(dir,
            io.ringwall.engine.logic.LogicConfig.unrestricted(List.of("BTCUSD"), List.of(CheckpointSessions.MA),
                io.ringwall.engine.logic.LogicConfig.DEFAULT_INITIAL_CASH, 1024), same.ring(), same.clockMode(),
            true, same.timerIntervalNs(), 0);
        assertThatThrownBy(() -> new io.ringwall.engine.Engine(other, CheckpointSessions.EVERY_2000, true))
            .hasMessageContaining("configured differently").hasMessageContaining("logic.strategies");
    }

    /** Trades like RestingBuyer, but once {@link #changed} is set it also buys at market: another logic. */
    public static final class Changeable implements io.ringwall.engine.strategy.Strategy
    {
        static volatile boolean changed;
        private io.ringwall.engine.strategy.StrategyContext context;

        public Changeable(final io.ringwall.engine.strategy.StrategyParameters parameters)
        {
        }

        @Override
        public void onStart(final io.ringwall.engine.strategy.StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onTrade(final io.ringwall.engine.strategy.TradeEvent trade)
        {
            if (changed && trade.tradeId() % 1_000 == 0)
            {
                context.submitMarket(trade.instrumentId(), io.ringwall.codecs.Side.BUY,
                    io.ringwall.engine.Fixed.QUANTITY_SCALE / 100);
            }
        }

        @Override
        public int writeState(final org.agrona.MutableDirectBuffer buffer, final int offset)
        {
            return 0;
        }
    }

    @Test
    void aReplayThatDoesNotReproduceJournalOutRefusesToGoLive()
    {
        final io.ringwall.engine.EngineConfig base = CheckpointSessions.config(dir);
        final io.ringwall.engine.EngineConfig config = new io.ringwall.engine.EngineConfig(dir,
            io.ringwall.engine.logic.LogicConfig.unrestricted(List.of("BTCUSD"),
                List.of(CheckpointSessions.MA, Changeable.class.getName()),
                io.ringwall.engine.logic.LogicConfig.DEFAULT_INITIAL_CASH, 1024), base.ring(), base.clockMode(), true,
            base.timerIntervalNs(), 0);
        final CheckpointSettings noSnapshots = new CheckpointSettings(0, 0, 3, true, 30_000_000_000L);
        Changeable.changed = false;
        try (io.ringwall.engine.Engine engine = new io.ringwall.engine.Engine(config, noSnapshots, false))
        {
            engine.run(CheckpointSessions.trades(3_000));
        }
        for (final SnapshotStore.Entry entry : new SnapshotStore(dir, 3).newestFirst())
        {
            entry.file().toFile().delete();
        }
        Changeable.changed = true;
        try
        {
            assertThatThrownBy(() -> new io.ringwall.engine.Engine(config, noSnapshots, true))
                .isInstanceOf(RecoveryException.class)
                .hasMessageContaining("replay diverges from journal \"out\"")
                .hasMessageContaining("refusing to go live");
        }
        finally
        {
            Changeable.changed = false;
        }
    }

    @Test
    void aDeletedJournalOutRefusesToGoLiveInsteadOfSendingEveryOutputAgain() throws Exception
    {
        firstSession();
        deleteTree(dir.resolve("out"));
        assertThatThrownBy(() -> CheckpointSessions.run(dir, TRADES, true, null))
            .isInstanceOf(RecoveryException.class)
            .hasMessageContaining("journal \"out\"").hasMessageContaining("ends at record 0")
            .hasMessageContaining("lost records").hasMessageContaining("ringwall journal repair");
    }

    @Test
    void aJournalOutTruncatedInTheMiddleRefusesToGoLive() throws Exception
    {
        firstSession();
        final long kept = keepFirstOutputs(dir, 50);
        assertThat(kept).isEqualTo(50);
        assertThatThrownBy(() -> CheckpointSessions.run(dir, TRADES, true, null))
            .isInstanceOf(RecoveryException.class)
            .hasMessageContaining("journal \"out\"").hasMessageContaining("ends at record 50").hasMessageContaining("lost records");
    }

    @Test
    void aDeletedJournalInRefusesToGoLive() throws Exception
    {
        firstSession();
        deleteTree(dir.resolve("in"));
        assertThatThrownBy(() -> CheckpointSessions.run(dir, TRADES, true, null))
            .isInstanceOf(RecoveryException.class)
            .hasMessageContaining("journal \"in\"").hasMessageContaining("ends at record 0").hasMessageContaining("lost records");
    }

    @Test
    void bothJournalsDeletedBesideTheirSnapshotsIsNotANewSession() throws Exception
    {
        firstSession();
        deleteTree(dir.resolve("in"));
        deleteTree(dir.resolve("out"));
        assertThatThrownBy(() -> CheckpointSessions.run(dir, TRADES, true, null))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("holds snapshots but journals").hasMessageContaining("were deleted");
    }

    @Test
    void aFlippedByteInJournalInRefusesToGoLiveNamingTheRecord() throws Exception
    {
        firstSession();
        final Path file = JournalFiles.flipFrameByte(dir.resolve("in"), 1_234);
        assertThatThrownBy(() -> CheckpointSessions.run(dir, TRADES, true, null))
            .isInstanceOf(io.ringwall.journal.JournalCorruptException.class)
            .hasMessageContaining("in journal").hasMessageContaining("record 1234").hasMessageContaining("fails its checksum")
            .hasMessageContaining(file.getFileName().toString());
    }

    @Test
    void aFlippedByteInJournalOutRefusesToGoLiveNamingTheRecord() throws Exception
    {
        firstSession();
        JournalFiles.flipFrameByte(dir.resolve("out"), 7);
        assertThatThrownBy(() -> CheckpointSessions.run(dir, TRADES, true, null))
            .isInstanceOf(io.ringwall.journal.JournalCorruptException.class)
            .hasMessageContaining("out journal").hasMessageContaining("record 7").hasMessageContaining("fails its checksum");
    }

    @Test
    void aJournalInRewrittenWithFreshChecksumsRefusesToGoLive() throws Exception
    {
        firstSession();
        // a tool that "fixes" a record and recomputes every checksum after it leaves a self-consistent journal:
        // only the chain point the snapshot kept can tell it is not the journal the session wrote
        rewrite(dir, "in", Long.MAX_VALUE, 1_234);
        assertThatThrownBy(() -> CheckpointSessions.run(dir, TRADES, true, null))
            .isInstanceOf(io.ringwall.journal.JournalCorruptException.class)
            .hasMessageContaining("in journal").hasMessageContaining("snapshot snapshot-")
            .hasMessageContaining("not the ones this session wrote").hasMessageContaining("Stop trading");
    }

    @Test
    void aJournalOutReplacedByASelfConsistentCopyRefusesToGoLive() throws Exception
    {
        firstSession();
        rewrite(dir, "out", Long.MAX_VALUE, 7);
        assertThatThrownBy(() -> CheckpointSessions.run(dir, TRADES, true, null))
            .isInstanceOf(io.ringwall.journal.JournalCorruptException.class)
            .hasMessageContaining("out journal").hasMessageContaining("not the ones this session wrote");
    }

    @Test
    void aSnapshotOfTheFirstFormatWithoutChainPointsStillResumes() throws Exception
    {
        final long last = firstSession();
        final SnapshotStore.Entry newest = new SnapshotStore(dir, 3).newestFirst().get(0);
        final byte[] file = Files.readAllBytes(newest.file());
        final SnapshotFile.Header header = SnapshotFile.read(file, newest.inputSequence());
        assertThat(header.inputChain().sequence()).as("journal \"in\" held every input when it was written").isEqualTo(last);
        assertThat(header.outputChain().isSet()).isTrue();
        Files.write(newest.file(), formatOne(file, header.payloadOffset(), newest.inputSequence()));

        final RecoveryReport report = resume(TRADES);
        assertThat(report.rejected()).isEmpty();
        assertThat(report.snapshotSequence()).isEqualTo(last);
        assertThat(report.stateDigest()).isEqualTo(CheckpointSessions.fromScratch(dir).report().stateDigest());
    }

    /** The same payload behind format 1's 32-byte header (magic, format, length, sequence, payload CRC, header CRC). */
    private static byte[] formatOne(final byte[] file, final int payloadOffset, final long inputSequence)
    {
        final int length = file.length - payloadOffset;
        final java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(32 + length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(file, payloadOffset, length);
        out.put(file, 0, 8).putInt(1).putInt(length).putLong(inputSequence).putInt((int)crc.getValue());
        crc.reset();
        crc.update(out.array(), 0, 28);
        out.putInt((int)crc.getValue()).put(file, payloadOffset, length);
        return out.array();
    }

    /** Rewrites journal "out" with only its first {@code count} records, as a file cut in the middle leaves it. */
    private static long keepFirstOutputs(final Path session, final long count) throws Exception
    {
        rewrite(session, "out", count, 0);
        return count;
    }

    /**
     * Rewrites one journal through a fresh writer (so every checksum is consistent): its first {@code count}
     * records, with a byte of record {@code altered}'s frame flipped (0: none).
     */
    private static void rewrite(final Path session, final String journal, final long count, final long altered)
        throws Exception
    {
        final Path copy = session.resolveSibling(session.getFileName() + "-rewritten");
        final boolean in = "in".equals(journal);
        try (io.ringwall.journal.JournalDirectory source = io.ringwall.journal.JournalDirectory.openExisting(session);
            io.ringwall.journal.JournalReader records = in ? source.inputReader() : source.outputReader();
            io.ringwall.journal.JournalDirectory target = io.ringwall.journal.JournalDirectory.open(copy);
            io.ringwall.journal.JournalWriter writer = in ? target.inputWriter() : target.outputWriter())
        {
            final org.agrona.concurrent.UnsafeBuffer changed = new org.agrona.concurrent.UnsafeBuffer(new byte[4096]);
            records.readAll((sequence, timeNs, frame, offset, length) ->
            {
                if (sequence > count)
                {
                    return;
                }
                if (sequence != altered)
                {
                    writer.append(sequence, timeNs, frame, offset, length);
                    return;
                }
                changed.putBytes(0, frame, offset, length);
                changed.putByte(length - 1, (byte)(changed.getByte(length - 1) ^ 0x01));
                writer.append(sequence, timeNs, changed, 0, length);
            });
        }
        deleteTree(session.resolve(journal));
        Files.move(copy.resolve(journal), session.resolve(journal));
        deleteTree(copy);
    }

    static void deleteTree(final Path root) throws java.io.IOException
    {
        try (var paths = Files.walk(root))
        {
            for (final Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList())
            {
                Files.delete(path);
            }
        }
    }

    private long firstSession()
    {
        final RunSummary first = CheckpointSessions.run(dir, TRADES, false, null);
        assertThat(first.failure()).isNull();
        assertThat(first.counters().ordersSent).isGreaterThan(100);
        return first.counters().inputs;
    }

    private RecoveryReport resume(final long trades)
    {
        final RecoveryReport[] report = new RecoveryReport[1];
        final RunSummary resumed = CheckpointSessions.run(dir, trades, true, report);
        assertThat(resumed.failure()).isNull();
        assertThat(report[0]).isNotNull();
        return report[0];
    }

    private String finalSnapshotDigest() throws Exception
    {
        final SnapshotStore.Entry newest = new SnapshotStore(dir, 3).newestFirst().get(0);
        final byte[] file = Files.readAllBytes(newest.file());
        final io.ringwall.engine.logic.BusinessLogic logic = io.ringwall.engine.logic.BusinessLogic.create(
            CheckpointSessions.config(dir).logic(), (s, t, f, o, l, i) -> { });
        final int offset = SnapshotFile.validate(file, newest.inputSequence());
        logic.restoreState(new org.agrona.concurrent.UnsafeBuffer(file), offset, file.length - offset);
        return Recovery.digest(logic);
    }

    /** What a crash in the middle of a record leaves: a document whose last record is cut short. */
    private static void appendPartialRecord(final Path queueDir, final long sequence)
    {
        JournalDirectory.open(queueDir.getParent()).close();
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(queueDir).rollCycle(RollCycles.FAST_DAILY).build();
            ExcerptAppender appender = queue.createAppender())
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().writeInt(64).writeLong(sequence).writeLong(0L).write(new byte[10]);
            }
        }
    }
}
