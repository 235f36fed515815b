package io.ringwall.journal;

import java.nio.file.Path;

/**
 * The engine stopped writing because the disk under a session is (nearly) full. Its message is the one line
 * an operator needs; every record written before it is intact, so the session resumes once space is freed.
 */
public final class DiskFullException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public DiskFullException(final Path where, final long freeBytes, final long minFreeBytes)
    {
        super("disk full at " + where.toAbsolutePath() + "; free space and run ringwall run --resume (" +
            mib(freeBytes) + " free, the engine stops below journal.min-free-space " + mib(minFreeBytes) + ")");
    }

    public DiskFullException(final Path where, final Throwable cause)
    {
        super("disk full at " + where.toAbsolutePath() + "; free space and run ringwall run --resume (" +
            cause.getMessage() + ")", cause);
    }

    /**
     * @return whether {@code failure} (or a cause of it) is a full disk: this exception, the operating
     * system's ENOSPC ("No space left on device") from any write, or the JVM's InternalError for a fault in a
     * memory-mapped write (SIGBUS), which is what a full disk does to a Chronicle file that something else
     * filled past the reserve (or a file truncated under the engine: the message says both).
     */
    public static boolean isDiskFull(final Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause())
        {
            if (cause instanceof DiskFullException || isOsDiskFull(cause))
            {
                return true;
            }
        }
        return false;
    }

    private static boolean isOsDiskFull(final Throwable cause)
    {
        final String message = String.valueOf(cause.getMessage());
        return cause instanceof java.io.IOException && message.contains("No space left on device") ||
            cause instanceof InternalError && message.contains("unsafe memory access");
    }

    /** @return the one-line message of the disk-full failure in {@code failure}'s chain, or null. */
    public static String messageOf(final Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause())
        {
            if (cause instanceof DiskFullException)
            {
                return cause.getMessage();
            }
            if (isOsDiskFull(cause))
            {
                return cause instanceof InternalError ?
                    "disk full (a memory-mapped journal write faulted: the disk is full, or a file was truncated " +
                        "under the engine); free space and run ringwall run --resume" :
                    "disk full (" + cause.getMessage() + "); free space and run ringwall run --resume";
            }
        }
        return null;
    }

    private static String mib(final long bytes)
    {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
