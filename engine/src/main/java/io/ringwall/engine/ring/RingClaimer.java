package io.ringwall.engine.ring;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * Claims ring slots without ever blocking forever: it idles while the ring is full and gives up with
 * {@link EngineHaltedException} once the engine has failed, both before claiming (producers stop
 * publishing at once) and while waiting (a dead consumer would never free capacity).
 */
final class RingClaimer
{
    private final RingBuffer<FrameEvent> ring;
    private final IdleStrategy idle;
    private final EngineFailure failure;
    /**
     * The slowest consumer's position when last read. Consumers only move forward, so the ring has at
     * least the room this promises: the gating sequences (written by other cores) are read again only
     * when it promises too little, not on every claim.
     */
    private long consumedCache = -1;

    RingClaimer(final RingBuffer<FrameEvent> ring, final IdleStrategy idle, final EngineFailure failure)
    {
        this.ring = ring;
        this.idle = idle;
        this.failure = failure;
    }

    /** What {@link #tryClaim} returns when the ring has no room. */
    static final long NO_SLOT = -1;

    /**
     * Claims a slot, idling while the ring is full.
     *
     * @param keepFree slots that must stay free after this claim (0: use the whole ring).
     * @return the claimed ring sequence; publish it with {@code ring.publish}.
     */
    long claim(final int keepFree)
    {
        idle.reset();
        long slot;
        while ((slot = tryClaim(keepFree)) == NO_SLOT)
        {
            idle.idle();
        }
        return slot;
    }

    /**
     * Claims a slot if the ring has room now, never waiting.
     *
     * @return the claimed ring sequence, or {@link #NO_SLOT}.
     */
    long tryClaim(final int keepFree)
    {
        failure.check();
        if (keepFree != 0 && !hasRoomKeeping(keepFree))
        {
            return NO_SLOT;
        }
        try
        {
            return ring.tryNext();
        }
        catch (final InsufficientCapacityException ignore)
        {
            return NO_SLOT; // a preallocated singleton: no allocation
        }
    }

    /** Whether one more slot can be claimed and still leave {@code keepFree} free. */
    private boolean hasRoomKeeping(final int keepFree)
    {
        final long mostInUse = ring.getBufferSize() - keepFree;
        final long cursor = ring.getCursor();
        if (cursor - consumedCache < mostInUse)
        {
            return true;
        }
        consumedCache = ring.getMinimumGatingSequence();
        return cursor - consumedCache < mostInUse;
    }
}
