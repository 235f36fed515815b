package io.ringwall.engine.ring;

/**
 * Sizes and waiting of the rings, and the threads that run their stages.
 *
 * @param inboundSize  slots of the inbound ring (power of two).
 * @param outboundSize slots of the outbound ring (power of two).
 * @param maxBatch     most frames one stage takes per batch: bounds a journal document's size.
 * @param waitMode     how idle stages and producers wait.
 * @param threading    a thread per stage, or one for all of them.
 * @param batching     what else bounds a journal document: its bytes and the ingress time it spans.
 */
public record RingConfig(int inboundSize, int outboundSize, int maxBatch, WaitMode waitMode, StageThreading threading,
    JournalBatching batching)
{
    public static final int DEFAULT_RING_SIZE = 1 << 16;
    /**
     * Under backlog a multi-producer barrier scans every published slot up to the cursor on each wait,
     * so a small cap costs a rescan of the backlog per batch (256 held the pipeline to 0.4x of a raw
     * Chronicle append; 4096 gives 1.1-1.5x). The cap only has to bound a journal document: 4096
     * frames of at most 512 bytes is 2 MiB, well inside Chronicle's limit.
     */
    public static final int DEFAULT_MAX_BATCH = 4096;
    public static final int MAX_BATCH_LIMIT = 1 << 16;

    /** Dedicated stage threads. */
    public RingConfig(final int inboundSize, final int outboundSize, final int maxBatch, final WaitMode waitMode)
    {
        this(inboundSize, outboundSize, maxBatch, waitMode, StageThreading.DEDICATED);
    }

    /** The default journal batching. */
    public RingConfig(final int inboundSize, final int outboundSize, final int maxBatch, final WaitMode waitMode,
        final StageThreading threading)
    {
        this(inboundSize, outboundSize, maxBatch, waitMode, threading, JournalBatching.DEFAULTS);
    }

    public RingConfig
    {
        if (waitMode == null || threading == null || batching == null)
        {
            throw new IllegalArgumentException("wait mode, stage threading and journal batching are required");
        }
        requirePowerOfTwo("inbound ring size", inboundSize);
        requirePowerOfTwo("outbound ring size", outboundSize);
        if (maxBatch < 1 || maxBatch > MAX_BATCH_LIMIT)
        {
            throw new IllegalArgumentException("max batch " + maxBatch + " not in [1, " + MAX_BATCH_LIMIT + "]");
        }
    }

    public static RingConfig defaults(final WaitMode waitMode)
    {
        return ofSize(DEFAULT_RING_SIZE, waitMode);
    }

    /**
     * @return both rings of {@code size} slots, the default batch limit.
     */
    public static RingConfig ofSize(final int size, final WaitMode waitMode)
    {
        return new RingConfig(size, size, DEFAULT_MAX_BATCH, waitMode);
    }

    /**
     * @return this configuration with its stages run as {@code threading} says.
     */
    public RingConfig withThreading(final StageThreading threading)
    {
        return new RingConfig(inboundSize, outboundSize, maxBatch, waitMode, threading, batching);
    }

    /**
     * @return this configuration with its journal documents bounded as {@code batching} says.
     */
    public RingConfig withBatching(final JournalBatching batching)
    {
        return new RingConfig(inboundSize, outboundSize, maxBatch, waitMode, threading, batching);
    }

    /**
     * @return inbound slots market data may not take (a quarter of the ring).
     */
    public int marketDataReserve()
    {
        return inboundSize / 4;
    }

    private static void requirePowerOfTwo(final String what, final int size)
    {
        if (size < 64 || size > 1 << 24 || Integer.bitCount(size) != 1)
        {
            throw new IllegalArgumentException(what + " " + size + " is not a power of two in [64, 16777216]");
        }
    }
}
