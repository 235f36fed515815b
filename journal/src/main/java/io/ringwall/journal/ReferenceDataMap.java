package io.ringwall.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.BiConsumer;

import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reference data in a persisted Chronicle Map that processes other than the engine open: key = symbol,
 * value = the bytes of one SBE frame (message header first). The journal stores frames and knows nothing of
 * what they mean; the engine decides which message they are.
 *
 * <p><b>Writer.</b> {@link #createOrReplace} builds a fresh map in {@code FILE.tmp}; {@link #commit()} closes
 * it, forces it to disk and renames it onto {@code FILE} atomically. So a reader never opens a half-written
 * map, and a reader that has the previous one open keeps reading it intact (on POSIX the old file lives on
 * until its last mapping goes). {@link #close()} without a commit discards the new map. One writer per file.
 *
 * <p><b>Readers.</b> Open-source Chronicle Map has no read-only mode: {@link #openReadOnly} opens the
 * existing file with {@code createPersistedTo}, which loads the configuration stored in the file's header
 * and writes no entry. {@code recoverPersistedTo} is not used: it assumes no other process has the file open
 * and rewrites segment headers. Even a reader maps the file read-write (Chronicle takes segment locks in the
 * mapped memory), so it needs write permission on the file; this class refuses puts on it. Within one JVM
 * Chronicle shares one file handle per path among the maps open on it: a map opened while another instance
 * of the same path is still open in that JVM sees that instance's file, even after a replacement. Readers in
 * the writer's own process close before they reopen; other processes always see the newest commit.
 *
 * <p>Not for the hot path: entries are copied to and from byte arrays.
 */
public final class ReferenceDataMap implements AutoCloseable
{
    /** Largest frame a value may hold; Chronicle chains chunks for entries above the average size. */
    public static final int MAX_FRAME_LENGTH = 1024;
    /** Longest symbol accepted as a key. */
    public static final int MAX_SYMBOL_LENGTH = 64;

    /** Chronicle sizes its chunks from averages: tickers are short ("BTCUSD", "AAPL", "ES-2026Z"). */
    private static final double AVERAGE_SYMBOL_BYTES = 8;
    /** An InstrumentReference frame with a short symbol and sector is about 72 bytes. */
    private static final double AVERAGE_FRAME_BYTES = 96;
    private static final String MAP_NAME = "ringwall-reference-data";

    private final ChronicleMap<CharSequence, byte[]> map;
    private final Path file;
    private final Path pending;
    private final int maxEntries;
    private boolean closed;

    private ReferenceDataMap(final ChronicleMap<CharSequence, byte[]> map, final Path file, final Path pending,
        final int maxEntries)
    {
        this.map = map;
        this.file = file;
        this.pending = pending;
        this.maxEntries = maxEntries;
    }

    /**
     * Starts a new map that {@link #commit()} will put in place of {@code file} (whether or not it exists).
     *
     * @param maxEntries most entries it will hold; Chronicle sizes its segments from it.
     */
    public static ReferenceDataMap createOrReplace(final Path file, final int maxEntries)
    {
        if (maxEntries < 1)
        {
            throw new IllegalArgumentException("reference-data map " + file + ": maxEntries " + maxEntries + " < 1");
        }
        ChronicleSettings.apply();
        final Path pending = file.resolveSibling(file.getFileName() + ".tmp");
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // A left-over from a writer that died would be opened, not created, by createPersistedTo.
            Files.deleteIfExists(pending);
            final ChronicleMap<CharSequence, byte[]> map = builder().entries(maxEntries).createPersistedTo(pending.toFile());
            return new ReferenceDataMap(map, file, pending, maxEntries);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create reference-data map " + pending, ex);
        }
    }

    /**
     * Opens a committed map for reading.
     *
     * @throws IllegalArgumentException naming the file when there is no map there, or it is not one.
     */
    public static ReferenceDataMap openReadOnly(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("no reference-data map at " + file.toAbsolutePath());
        }
        ChronicleSettings.apply();
        try
        {
            // The sizes given here are ignored: an existing file's header carries its own configuration.
            return new ReferenceDataMap(builder().entries(1).createPersistedTo(file.toFile()), file, null, 0);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new IllegalArgumentException("cannot open reference-data map " + file.toAbsolutePath() + ": " +
                ex.getMessage(), ex);
        }
    }

    /**
     * Stores a copy of {@code length} bytes of {@code frame} under {@code symbol}, replacing any previous value.
     *
     * @throws IllegalStateException on a map opened read-only or already committed, or when it is full.
     */
    public void put(final CharSequence symbol, final DirectBuffer frame, final int offset, final int length)
    {
        if (pending == null || closed)
        {
            throw new IllegalStateException("reference-data map " + file + " is " + (closed ? "closed" : "read-only"));
        }
        if (symbol.length() == 0 || symbol.length() > MAX_SYMBOL_LENGTH)
        {
            throw new IllegalArgumentException("reference-data map " + file + ": symbol '" + symbol +
                "' is not 1 to " + MAX_SYMBOL_LENGTH + " characters");
        }
        if (length <= 0 || length > MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("reference-data map " + file + ": frame of " + symbol + " is " +
                length + " bytes, not 1 to " + MAX_FRAME_LENGTH);
        }
        final String key = symbol.toString();
        // Chronicle only fails once its segments overflow, well past `entries`; say so at the stated size.
        if (map.size() >= maxEntries && !map.containsKey(key))
        {
            throw new IllegalStateException("reference-data map " + file + " is full: " + maxEntries + " entries");
        }
        final byte[] value = new byte[length];
        frame.getBytes(offset, value);
        map.put(key, value);
    }

    /**
     * Calls {@code consumer} for every entry, in no particular order. The buffer spans exactly the frame
     * (offset 0, capacity = length) and is reused: copy what must outlive the call.
     */
    public void forEach(final BiConsumer<String, DirectBuffer> consumer)
    {
        final UnsafeBuffer frame = new UnsafeBuffer(0, 0);
        map.forEach((symbol, value) ->
        {
            frame.wrap(value);
            consumer.accept(symbol.toString(), frame);
        });
    }

    public int size()
    {
        return map.size();
    }

    /**
     * Closes the new map, forces it to disk and renames it onto the target file: readers see it from now on.
     */
    public void commit()
    {
        if (pending == null || closed)
        {
            throw new IllegalStateException("reference-data map " + file + " is " + (closed ? "closed" : "read-only"));
        }
        closed = true;
        map.close();
        try (FileChannel channel = FileChannel.open(pending, StandardOpenOption.WRITE))
        {
            channel.force(true);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot force reference-data map " + pending + " to disk", ex);
        }
        try
        {
            Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot move reference-data map " + pending + " to " + file, ex);
        }
    }

    /**
     * Closes the map; an uncommitted new map is deleted. Idempotent.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        map.close();
        if (pending != null)
        {
            try
            {
                Files.deleteIfExists(pending);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot delete uncommitted reference-data map " + pending, ex);
            }
        }
    }

    private static ChronicleMapBuilder<CharSequence, byte[]> builder()
    {
        return ChronicleMapBuilder.of(CharSequence.class, byte[].class)
            .name(MAP_NAME)
            .averageKeySize(AVERAGE_SYMBOL_BYTES)
            .averageValueSize(AVERAGE_FRAME_BYTES);
    }
}
