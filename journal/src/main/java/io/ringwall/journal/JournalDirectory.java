package io.ringwall.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * One session's journals on disk:
 *
 * <pre>
 *   DIR/in/                 journal "in": every input, before the logic sees it (Chronicle Queue, daily roll)
 *   DIR/out/                journal "out": every output of the logic
 *   DIR/manifest.properties how the session was configured, so a replay builds the same logic
 *   DIR/session.lock        held by the one process writing the session ({@link SessionLock})
 * </pre>
 *
 * <p>{@link #open} is for the session's writer and takes the directory's lock; {@link #openExisting} is for
 * readers (replay, the journal printer, reports), which may run beside a live engine and take no lock.
 */
public final class JournalDirectory implements AutoCloseable
{
    public static final String MANIFEST_FILE = "manifest.properties";

    private final Path root;
    private final ChronicleQueue in;
    private final ChronicleQueue out;
    private final SessionLock lock;
    private DiskSpaceGuard space = DiskSpaceGuard.NONE;
    private boolean checksums = true;

    private JournalDirectory(final Path root, final SessionLock lock, final TimeProvider cycleClock)
    {
        ChronicleSettings.apply();
        this.root = root;
        this.lock = lock;
        try
        {
            this.in = queue(root.resolve("in"), cycleClock);
            this.out = queue(root.resolve("out"), cycleClock);
        }
        catch (final RuntimeException ex)
        {
            if (lock != null)
            {
                lock.close();
            }
            throw ex;
        }
    }

    /**
     * Opens (creating if needed) the journals under {@code root} for writing, holding its lock until {@link #close}.
     *
     * @param purpose what the writer does, for a refusal's text ("run", "backtest", "journal repair").
     * @throws SessionLockedException naming the holder's pid when another writer has the directory open.
     */
    public static JournalDirectory open(final Path root, final String purpose)
    {
        try
        {
            Files.createDirectories(root);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create journal directory " + root, ex);
        }
        return new JournalDirectory(root, SessionLock.acquire(root, purpose), SystemTimeProvider.INSTANCE);
    }

    /**
     * {@link #open(Path, String)} whose journals roll by {@code cycleClock} instead of the wall clock: tests write
     * sessions whose records fall in past days' cycle files (archive and retention work on whole days).
     */
    public static JournalDirectory openRollingBy(final Path root, final TimeProvider cycleClock)
    {
        try
        {
            Files.createDirectories(root);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create journal directory " + root, ex);
        }
        return new JournalDirectory(root, SessionLock.acquire(root, "writing the journals"), cycleClock);
    }

    /** {@link #open(Path, String)} for a writer that needs no purpose in its refusal. */
    public static JournalDirectory open(final Path root)
    {
        return open(root, "opening the journals for writing");
    }

    /**
     * Opens the journals of an existing session; refuses a directory that holds none.
     *
     * @throws IllegalArgumentException naming the directory when there is no journal there.
     */
    public static JournalDirectory openExisting(final Path root)
    {
        if (!Files.isDirectory(root.resolve("in")) || !Files.isRegularFile(root.resolve(MANIFEST_FILE)))
        {
            throw new IllegalArgumentException("no Ringwall journal in " + root.toAbsolutePath() +
                " (expected in/, out/ and " + MANIFEST_FILE + "; run 'ringwall run --journal DIR' to make one)");
        }
        return new JournalDirectory(root, null, SystemTimeProvider.INSTANCE);
    }

    public Path root()
    {
        return root;
    }

    /**
     * Writers made from now on stop before the disk under this directory has less than {@code minFreeBytes}
     * free ({@link DiskSpaceGuard}); checked once now.
     *
     * @throws DiskFullException when it already has less.
     */
    public void keepFreeSpace(final long minFreeBytes)
    {
        space = DiskSpaceGuard.of(root, minFreeBytes);
        space.checkNow();
    }

    /**
     * Benchmarks only: writers made from now on write version 1 records (no checksum), to measure what the
     * checksums cost. Readers read both versions; a session written so is not protected against bit rot.
     */
    public void writeWithoutChecksums()
    {
        checksums = false;
    }

    /** Tests: writers made from now on use {@code guard}. */
    void keepFreeSpace(final DiskSpaceGuard guard)
    {
        space = guard;
    }

    /** Writer of journal "in"; continues after its last record. */
    public JournalWriter inputWriter()
    {
        final long[] last = lastRecord(in);
        return new JournalWriter(in, "in", last[0], (int)last[1], space.copy(), false, checksums);
    }

    /** Writer of journal "out"; continues after its last record. */
    public JournalWriter outputWriter()
    {
        final long[] last = lastRecord(out);
        return new JournalWriter(out, "out", last[0], (int)last[1], space.copy(), true, checksums);
    }

    /** @return the sequence of journal "in"'s last complete record, found from its end (0 when empty). */
    public long lastInputSequence()
    {
        return lastRecord(in)[0];
    }

    /** @return the sequence of journal "out"'s last complete record, found from its end (0 when empty). */
    public long lastOutputSequence()
    {
        return lastRecord(out)[0];
    }

    /**
     * @return journal "in"'s last complete record and its chained checksum, found from its end ({@link ChainPoint#NONE}
     *         when empty; checksum 0 for a version 1 record). Equal points mean an unchanged journal: the checksum
     *         chains every record before it.
     */
    public ChainPoint lastInputChainPoint()
    {
        final long[] last = lastRecord(in);
        return new ChainPoint(last[0], (int)last[1]);
    }

    /** @return {@link #lastInputChainPoint()} for journal "out". */
    public ChainPoint lastOutputChainPoint()
    {
        final long[] last = lastRecord(out);
        return new ChainPoint(last[0], (int)last[1]);
    }

    public JournalReader inputReader()
    {
        return new JournalReader(in, "in", PrunedPrefix.read(root), root);
    }

    /** @return where journal "in"'s files are (for tools and tests that inspect them). */
    public Path inputPath()
    {
        return root.resolve("in");
    }

    public JournalReader outputReader()
    {
        return new JournalReader(out, "out", PrunedPrefix.read(root), root);
    }

    /**
     * Writes the session manifest atomically (temporary file, then rename), keys sorted.
     */
    public void writeManifest(final Map<String, String> entries)
    {
        final StringBuilder text = new StringBuilder("# Ringwall session manifest: how this session's logic was built\n");
        new TreeMap<>(entries).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        final Path target = root.resolve(MANIFEST_FILE);
        final Path temp = root.resolve(MANIFEST_FILE + ".tmp");
        try
        {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + target, ex);
        }
    }

    /**
     * @return the manifest's entries, sorted by key; empty when there is none.
     */
    public Map<String, String> readManifest()
    {
        final Path file = root.resolve(MANIFEST_FILE);
        final Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(file))
        {
            return entries;
        }
        try
        {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
            {
                final int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0)
                {
                    entries.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        return entries;
    }

    @Override
    public void close()
    {
        in.close();
        out.close();
        if (lock != null)
        {
            lock.close();
        }
    }

    private static ChronicleQueue queue(final Path path, final TimeProvider cycleClock)
    {
        return SingleChronicleQueueBuilder.binary(path).rollCycle(RollCycles.FAST_DAILY).timeProvider(cycleClock).build();
    }

    /** @return the last complete record's sequence and checksum (0 for version 1), {0, 0} for an empty journal. */
    private static long[] lastRecord(final ChronicleQueue queue)
    {
        try (ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd())
        {
            // Backwards over documents: one that holds only a partial record (see
            // JournalReader#tolerateTornRecords) never happened, so the one before it counts.
            final long[] last = new long[2];
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return last;
                    }
                    if (lastCompleteRecord(dc.wire().bytes(), last))
                    {
                        return last;
                    }
                }
            }
        }
    }

    /** @return whether the document holds a complete record; the last one's sequence and checksum go to {@code last}. */
    private static boolean lastCompleteRecord(final Bytes<?> bytes, final long[] last)
    {
        boolean found = false;
        while (bytes.readRemaining() >= JournalRecord.HEADER_LENGTH)
        {
            final long at = bytes.readPosition();
            final int firstWord = bytes.readInt(at);
            if (JournalRecord.frameLength(firstWord) < 0 || JournalRecord.recordLength(firstWord) > bytes.readRemaining())
            {
                break;
            }
            final int recordLength = JournalRecord.recordLength(firstWord);
            last[0] = bytes.readLong(at + 4);
            last[1] = (firstWord & JournalRecord.CHECKSUMMED) != 0 ?
                bytes.readInt(at + recordLength - JournalRecord.TRAILER_LENGTH) : 0;
            found = true;
            bytes.readSkip(recordLength);
        }
        return found;
    }
}
