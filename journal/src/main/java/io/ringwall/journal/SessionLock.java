package io.ringwall.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one-writer rule of a session directory, held as an OS file lock on {@code DIR/session.lock} for as
 * long as a writer has the directory open. The OS drops the lock when the process dies, however it dies
 * (kill -9 included), so a crash never leaves a stale lock for an operator to clean up; the file itself
 * stays and only says who held it last. Two engines on one directory would interleave their appends to
 * journal "in": the second one is refused before it touches a journal.
 */
public final class SessionLock implements AutoCloseable
{
    public static final String FILE_NAME = "session.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SessionLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code root} (which must exist) and records this process's pid in it.
     *
     * @param purpose what the caller is about to do, for the refusal's text ("run", "journal repair").
     * @throws SessionLockedException naming the holder's pid when another writer has the directory.
     */
    public static SessionLock acquire(final Path root, final String purpose)
    {
        final Path file = root.resolve(FILE_NAME);
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            final FileLock lock = tryLock(channel);
            if (lock == null)
            {
                final String holder = holder(channel);
                channel.close();
                throw new SessionLockedException(purpose + " refused: session " + root.toAbsolutePath() +
                    " is in use by pid " + holder + " (lock " + file.toAbsolutePath() + "); stop that process first " +
                    "or choose another --journal directory");
            }
            final byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
            return new SessionLock(channel, lock);
        }
        catch (final IOException ex)
        {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock session directory " + root.toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @return the pid recorded by the process that holds {@code root}'s lock now, or null when nobody holds it.
     */
    public static String holderOf(final Path root)
    {
        final Path file = root.resolve(FILE_NAME);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final FileLock probe = tryLock(channel);
            if (probe != null)
            {
                probe.release();
                return null;
            }
            return holder(channel);
        }
        catch (final java.nio.file.NoSuchFileException ex)
        {
            return null;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), ex);
        }
    }

    /** Releases the lock (the file stays, naming the last holder). */
    @Override
    public void close()
    {
        try
        {
            lock.release();
        }
        catch (final IOException ignored)
        {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
    }

    /** @return the lock, or null when another process, or another open in this process, holds it. */
    private static FileLock tryLock(final FileChannel channel) throws IOException
    {
        try
        {
            return channel.tryLock();
        }
        catch (final OverlappingFileLockException ex)
        {
            return null; // this JVM holds it already: a second writer in one process is refused just the same
        }
    }

    private static String holder(final FileChannel channel) throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.allocate(32);
        channel.read(bytes, 0);
        final String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).trim();
        return text.isEmpty() ? "unknown" : text;
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // nothing more to release
            }
        }
    }
}
