package io.ringwall.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stops a writer before the file system under it runs out. Chronicle Queue writes through memory-mapped files,
 * where running out of space is not an error code but a SIGBUS on the store that touches the page: the JVM
 * turns it into an InternalError at best, and nothing says "disk full". So the writers keep a reserve: every
 * {@code checkEveryBytes} written they ask the file system for its usable space (one statfs, a microsecond or
 * two) and refuse to go on below {@code minFreeBytes}, while there is still room for what is in flight.
 * One guard per writer thread.
 */
public final class DiskSpaceGuard
{
    /** No checks (tests of other things, tools that only read). */
    public static final DiskSpaceGuard NONE = new DiskSpaceGuard(null, null, 0);

    /** The file system's usable bytes now. */
    interface FreeSpace
    {
        long usableBytes() throws IOException;
    }

    private static final long MAX_CHECK_INTERVAL_BYTES = 1 << 20;
    private static final long MIN_CHECK_INTERVAL_BYTES = 4 << 10;

    private final Path where;
    private final FreeSpace store;
    private final long minFreeBytes;
    private final long checkEveryBytes;
    private long sinceCheck;

    private DiskSpaceGuard(final Path where, final FreeSpace store, final long minFreeBytes)
    {
        // a writer crosses at most one interval between two checks, so an eighth of the reserve keeps most of it
        this(where, store, minFreeBytes,
            Math.max(MIN_CHECK_INTERVAL_BYTES, Math.min(MAX_CHECK_INTERVAL_BYTES, minFreeBytes / 8)));
    }

    DiskSpaceGuard(final Path where, final FreeSpace store, final long minFreeBytes, final long checkEveryBytes)
    {
        this.where = where;
        this.store = store;
        this.minFreeBytes = minFreeBytes;
        this.checkEveryBytes = checkEveryBytes;
        this.sinceCheck = checkEveryBytes; // the first write checks
    }

    /**
     * @param where        a directory on the file system to watch (named in the refusal).
     * @param minFreeBytes the reserve; 0 turns the guard off.
     */
    public static DiskSpaceGuard of(final Path where, final long minFreeBytes)
    {
        if (minFreeBytes <= 0)
        {
            return NONE;
        }
        try
        {
            final FileStore store = Files.getFileStore(where);
            return new DiskSpaceGuard(where, store::getUsableSpace, minFreeBytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot watch the free space of " + where.toAbsolutePath(), ex);
        }
    }

    /** @return a guard of the same reserve for another writer thread. */
    public DiskSpaceGuard copy()
    {
        return store == null ? NONE : new DiskSpaceGuard(where, store, minFreeBytes, checkEveryBytes);
    }

    public long minFreeBytes()
    {
        return minFreeBytes;
    }

    /**
     * Counts {@code bytes} about to be written (or just written) and checks the free space when due.
     *
     * @throws DiskFullException below the reserve.
     */
    public void written(final long bytes)
    {
        if (store == null)
        {
            return;
        }
        sinceCheck += bytes;
        if (sinceCheck >= checkEveryBytes)
        {
            sinceCheck = 0;
            checkNow();
        }
    }

    /**
     * @throws DiskFullException below the reserve.
     */
    public void checkNow()
    {
        if (store == null)
        {
            return;
        }
        final long free;
        try
        {
            free = store.usableBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the free space of " + where.toAbsolutePath(), ex);
        }
        if (free < minFreeBytes)
        {
            throw new DiskFullException(where, free, minFreeBytes);
        }
    }
}
