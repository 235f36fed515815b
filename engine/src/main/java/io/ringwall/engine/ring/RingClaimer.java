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

    /**
     * @param keepFree slots that must stay free after this claim (0: use the whole ring).
     * @return the claimed ring sequence; publish it with {@code ring.publish}.
     */
    long claim(final int keepFree)
    {
        failure.check();
        idle.reset();
        while (true)
        {
            if (keepFree == 0 || ring.remainingCapacity() > keepFree)
            {
                try
                {
                    return ring.tryNext();
                }
                catch (final InsufficientCapacityException ignore)
                {
                    // full: fall through and idle (the exception is a preallocated singleton)
                }
            }
            failure.check();
            idle.idle();
        }
    }
}
