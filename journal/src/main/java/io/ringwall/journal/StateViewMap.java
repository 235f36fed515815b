package io.ringwall.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/**
 * A live key &rarr; text view of an engine's state in a persisted Chronicle Map, updated in place by one
 * writer thread (off the hot path) while other processes read it. The journal module knows nothing of what
 * the keys mean; the engine names them and formats the values.
 *
 * <p>Each entry is read whole (Chronicle's segment locks); a set of entries read one by one may span two
 * updates, so the writer brackets each update with a version entry, odd while it writes and even after
 * ({@link #beginUpdate}, {@link #endUpdate}), that a reader checks before and after it reads the rest
 * ({@link #snapshot}): a seqlock across processes.
 *
 * <p>Like {@link ReferenceDataMap}, a reader opens the existing file with {@code createPersistedTo} (which
 * loads the configuration stored in its header) and needs write permission on it; this class refuses
 * writes through a reader.
 */
public final class StateViewMap implements AutoCloseable
{
    /** The entry the writer updates last on every publication. */
    public static final String VERSION_KEY = "version";

    private static final String MAP_NAME = "ringwall-state-view";
    private static final double AVERAGE_KEY_BYTES = 20;
    private static final double AVERAGE_VALUE_BYTES = 160;

    private final ChronicleMap<CharSequence, CharSequence> map;
    private final Path file;
    private final boolean writer;
    private long version;

    private StateViewMap(final ChronicleMap<CharSequence, CharSequence> map, final Path file, final boolean writer)
    {
        this.map = map;
        this.file = file;
        this.writer = writer;
    }

    /**
     * Creates a new, empty view at {@code file}, replacing any earlier one (a view describes one live session).
     *
     * @param maxEntries most entries it will hold at once.
     */
    public static StateViewMap create(final Path file, final int maxEntries)
    {
        ChronicleSettings.apply();
        try
        {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            return new StateViewMap(builder().entries(maxEntries).createPersistedTo(file.toFile()), file, true);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create the state view " + file, ex);
        }
    }

    /**
     * Opens an existing view to read it, from any process.
     *
     * @throws IllegalArgumentException naming the file when there is no view there, or it is not one.
     */
    public static StateViewMap openReader(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("no state view at " + file.toAbsolutePath() +
                " (the engine writes it while it runs)");
        }
        ChronicleSettings.apply();
        try
        {
            return new StateViewMap(builder().entries(1).createPersistedTo(file.toFile()), file, false);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new IllegalArgumentException("cannot open the state view " + file.toAbsolutePath() + ": " +
                ex.getMessage(), ex);
        }
    }

    /** Marks the view as being written (odd version); readers retry until {@link #endUpdate}. */
    public void beginUpdate()
    {
        checkWriter();
        map.put(VERSION_KEY, Long.toString(++version));
    }

    /** Marks the update complete (even version). */
    public void endUpdate()
    {
        checkWriter();
        map.put(VERSION_KEY, Long.toString(++version));
    }

    public void put(final String key, final String value)
    {
        checkWriter();
        map.put(key, value);
    }

    public void remove(final String key)
    {
        checkWriter();
        map.remove(key);
    }

    /** @return the value under {@code key}, or null. */
    public String get(final String key)
    {
        final CharSequence value = map.get(key);
        return value == null ? null : value.toString();
    }

    /**
     * @return every entry, sorted by key, all from one update of the writer (retried while it writes).
     * @throws IllegalStateException when the writer kept changing the view for 2 s, or never
     *                               completed an update.
     */
    public Map<String, String> snapshot()
    {
        for (int attempt = 0; attempt < 2_000; attempt++)
        {
            final String before = get(VERSION_KEY);
            final Map<String, String> entries = new TreeMap<>();
            map.forEach((key, value) -> entries.put(key.toString(), value.toString()));
            final String after = get(VERSION_KEY);
            if (before != null && isEven(before) && before.equals(after) && before.equals(entries.get(VERSION_KEY)))
            {
                return entries;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        throw new IllegalStateException("the state view " + file + " changed under every read for 2 s, or has no complete update");
    }

    public Path file()
    {
        return file;
    }

    @Override
    public void close()
    {
        map.close();
    }

    private static boolean isEven(final String version)
    {
        return version.endsWith("0") || version.endsWith("2") || version.endsWith("4") || version.endsWith("6") ||
            version.endsWith("8");
    }

    private void checkWriter()
    {
        if (!writer)
        {
            throw new IllegalStateException("the state view " + file + " is open for reading");
        }
    }

    private static ChronicleMapBuilder<CharSequence, CharSequence> builder()
    {
        return ChronicleMapBuilder.of(CharSequence.class, CharSequence.class)
            .name(MAP_NAME)
            .averageKeySize(AVERAGE_KEY_BYTES)
            .averageValueSize(AVERAGE_VALUE_BYTES);
    }
}
