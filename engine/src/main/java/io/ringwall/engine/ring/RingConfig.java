package io.ringwall.engine.ring;

/**
 * Sizes and waiting of the rings.
 *
 * @param inboundSize  slots of the inbound ring (power of two).
 * @param outboundSize slots of the outbound ring (power of two).
 * @param maxBatch     most frames one stage takes per batch: bounds a journal document's size.
 * @param waitMode     how idle stages and producers wait.
 */
public record RingConfig(int inboundSize, int outboundSize, int maxBatch, WaitMode waitMode)
{
    public static final int DEFAULT_RING_SIZE = 1 << 16;
    public static final int DEFAULT_MAX_BATCH = 256;

    public RingConfig
    {
        requirePowerOfTwo("inbound ring size", inboundSize);
        requirePowerOfTwo("outbound ring size", outboundSize);
        if (maxBatch < 1 || maxBatch > 4096)
        {
            throw new IllegalArgumentException("max batch " + maxBatch + " not in [1, 4096]");
        }
    }

    public static RingConfig defaults(final WaitMode waitMode)
    {
        return new RingConfig(DEFAULT_RING_SIZE, DEFAULT_RING_SIZE, DEFAULT_MAX_BATCH, waitMode);
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
