package io.ringwall.engine.checkpoint;

/**
 * When the logic thread captures a snapshot, how many are kept, and how a graceful shutdown behaves.
 *
 * @param everyInputs          capture after this many inputs since the last capture; 0 = not by count.
 * @param everyEventTimeNs     capture once this much event time passed since the last capture; 0 = not by time.
 * @param retain               snapshot files kept (the newest ones).
 * @param cancelOnShutdown     a graceful shutdown cancels every working order first.
 * @param shutdownTimeoutNs    a graceful shutdown that takes longer is abandoned: the process exits non-zero.
 * @param minFreeBytes         the engine halts (disk full) before the session's file system has less free.
 */
public record CheckpointSettings(long everyInputs, long everyEventTimeNs, int retain, boolean cancelOnShutdown,
    long shutdownTimeoutNs, long minFreeBytes)
{
    /** Replay after a crash is bounded by this many inputs (about 0.1-0.3 s of replay on this class of machine). */
    public static final long DEFAULT_EVERY_INPUTS = 100_000;
    /** Quiet sessions still checkpoint every five minutes of event time. */
    public static final long DEFAULT_EVERY_EVENT_TIME_NS = 300_000_000_000L;
    public static final int DEFAULT_RETAIN = 3;
    public static final long DEFAULT_SHUTDOWN_TIMEOUT_NS = 30_000_000_000L;
    /** Room for a snapshot and what is in flight when the check trips, with a wide margin (journal.min-free-space). */
    public static final long DEFAULT_MIN_FREE_BYTES = 64L << 20;

    public static final CheckpointSettings DEFAULTS = new CheckpointSettings(DEFAULT_EVERY_INPUTS,
        DEFAULT_EVERY_EVENT_TIME_NS, DEFAULT_RETAIN, true, DEFAULT_SHUTDOWN_TIMEOUT_NS, DEFAULT_MIN_FREE_BYTES);

    public CheckpointSettings(final long everyInputs, final long everyEventTimeNs, final int retain,
        final boolean cancelOnShutdown, final long shutdownTimeoutNs)
    {
        this(everyInputs, everyEventTimeNs, retain, cancelOnShutdown, shutdownTimeoutNs, DEFAULT_MIN_FREE_BYTES);
    }

    public CheckpointSettings
    {
        if (everyInputs < 0 || everyEventTimeNs < 0)
        {
            throw new IllegalArgumentException("checkpoint intervals must not be negative: every " + everyInputs +
                " inputs, every " + everyEventTimeNs + " ns");
        }
        if (retain < 1)
        {
            throw new IllegalArgumentException("checkpoint retention " + retain + " must be at least 1");
        }
        if (minFreeBytes < 0)
        {
            throw new IllegalArgumentException("minimum free space " + minFreeBytes + " bytes must not be negative");
        }
        if (shutdownTimeoutNs <= 0)
        {
            throw new IllegalArgumentException("shutdown timeout " + shutdownTimeoutNs + " ns must be positive");
        }
    }
}
