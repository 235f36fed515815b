package io.ringwall.engine.venue;

import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.FrameEvent;
import io.ringwall.engine.ring.Gateway;
import io.ringwall.engine.ring.InboundPublisher;
import org.HdrHistogram.Histogram;

/**
 * Paper mode's gateway: the {@link PaperVenue} behind the outbound ring, answering through the inbound
 * ring like a real venue. It sees the journaled inputs (to fill against prints) before each order, and its
 * clock is the inputs' time with the data clock, or the wall clock (then idle cycles move it too).
 *
 * <p>It also measures tick-to-order: from the causing input's ingress to the order reaching the
 * gateway, recorded on this thread.
 */
public final class SimulatedVenue implements Gateway
{
    /** Most orders the paper venue keeps working at once. */
    public static final int CAPACITY = 16_384;

    private final VenueFrames frames;
    private final ClockMode clock;
    private final Histogram tickToOrderNs;

    /**
     * @param tickToOrderNs written only by this venue's thread; read it after the engine stops.
     */
    public SimulatedVenue(final InboundPublisher publisher, final LogicConfig logic, final ClockMode clock,
        final Histogram tickToOrderNs)
    {
        this.frames = new VenueFrames(PaperVenue.forSession(logic, CAPACITY, publisher));
        this.clock = clock;
        this.tickToOrderNs = tickToOrderNs;
    }

    @Override
    public void onEvent(final FrameEvent event, final long ringSequence, final boolean endOfBatch)
    {
        final long nowNanos = System.nanoTime();
        if (frames.onOutput(event.buffer, 0, clock.stamp(event.timeNs)))
        {
            tickToOrderNs.recordValue(Math.min(nowNanos - event.ingressNanos, tickToOrderNs.getHighestTrackableValue()));
        }
    }

    @Override
    public boolean observesInputs()
    {
        return true;
    }

    @Override
    public void onJournaledInput(final FrameEvent event)
    {
        frames.onInput(event.buffer, 0, clock.stamp(event.timeNs));
    }

    @Override
    public void onIdle()
    {
        if (clock == ClockMode.WALL)
        {
            frames.venue().advanceTo(clock.stamp(0));
        }
    }
}
