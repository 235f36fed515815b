package io.ringwall.engine.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.ProducerType;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.junit.jupiter.api.Test;

/**
 * The reserve a producer must leave free is exact, although the claimer reads the consumers' positions
 * only when its cached view of them says the ring may be too full.
 */
class RingClaimerTest
{
    private static final int SIZE = 64;
    private static final int KEEP_FREE = 16;

    private final RingBuffer<FrameEvent> ring = RingBuffer.create(ProducerType.MULTI, FrameEvent::new, SIZE,
        WaitMode.YIELDING.waitStrategy());
    private final Sequence consumer = new Sequence();
    private final RingClaimer claimer = new RingClaimer(ring, new NoOpIdleStrategy(), new EngineFailure());

    RingClaimerTest()
    {
        ring.addGatingSequences(consumer);
    }

    @Test
    void aProducerWithAReserveFillsTheRingUpToTheReserveAndNoFurtherUntilTheConsumerMoves()
    {
        assertEquals(SIZE - KEEP_FREE, claimUntilRefused(KEEP_FREE), "claims before the reserve is reached");

        consumer.set(4); // the consumer takes slots 0..4: exactly five more fit
        assertEquals(5, claimUntilRefused(KEEP_FREE));

        // A producer without a reserve (venue answers) still gets the reserved slots, and no more.
        assertEquals(KEEP_FREE, claimUntilRefused(0));
    }

    @Test
    void aConsumerThatMovesWhileTheCacheIsStaleIsSeenOnTheNextRefusal()
    {
        claimUntilRefused(KEEP_FREE);
        consumer.set(ring.getCursor()); // consumed everything
        assertEquals(SIZE - KEEP_FREE, claimUntilRefused(KEEP_FREE));
    }

    private int claimUntilRefused(final int keepFree)
    {
        int claimed = 0;
        long slot;
        while ((slot = claimer.tryClaim(keepFree)) != RingClaimer.NO_SLOT)
        {
            ring.publish(slot);
            claimed++;
            if (claimed > SIZE)
            {
                throw new AssertionError("claimed more slots than the ring has");
            }
        }
        return claimed;
    }
}
