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
        if (keepFree != 0 && ring.remainingCapacity() <= keepFree)
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
}
