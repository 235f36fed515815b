package io.ringwall.engine.venue;

import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.FrameEvent;
import io.ringwall.engine.ring.Gateway;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.engine.metrics.StageLatencies;

/**
 * Paper mode's gateway: the {@link PaperVenue} behind the outbound ring, answering through the inbound
 * ring like a real venue. It sees the journaled inputs (to fill against prints) before each order, and its
 * clock is the inputs' time with the data clock, or the wall clock (then idle cycles move it too).
 *
 * <p>It measures the venue round trip (send &rarr; ack, send &rarr; fill) in wall-clock time on this thread,
 * into the engine's {@link StageLatencies}; the gateway's agent measures tick-to-order for any gateway.
 */
public final class SimulatedVenue implements Gateway
{
    /** Most orders the paper venue keeps working at once. */
    public static final int CAPACITY = 16_384;

    private final VenueFrames frames;
    private final ClockMode clock;
    private final VenueRoundTrips roundTrips;
    private org.agrona.collections.LongArrayList cancelsOnStart;
    /** Amends sent and not answered before the restart: replace id, venue id, quantity, limit, in turn. */
    private org.agrona.collections.LongArrayList amendsOnStart;
    private long restartTimeNs;

    /**
     * @param latencies where this venue's thread records the round trips (its single writer for them).
     */
    public SimulatedVenue(final InboundPublisher publisher, final LogicConfig logic, final ClockMode clock,
        final StageLatencies latencies)
    {
        this.roundTrips = new VenueRoundTrips(publisher, latencies, CAPACITY);
        this.frames = new VenueFrames(PaperVenue.forSession(logic, CAPACITY, roundTrips));
        this.clock = clock;
    }

    /**
     * Restart: rebuilds the venue's book from the recovered logic's working orders, which are exactly the
     * orders journal "out" sent without a final answer in journal "in": each is re-instated as the venue had
     * it (so it is neither lost nor sent again), and an unanswered cancel is applied when the gateway starts.
     * Call before the pipeline starts.
     *
     * @return the orders re-instated.
     */
    @Override
    public int resume(final BusinessLogic logic, final io.ringwall.journal.JournalDirectory journals)
    {
        return reinstate(logic);
    }

    public int reinstate(final BusinessLogic logic)
    {
        final PaperVenue venue = frames.venue();
        restartTimeNs = clock.stamp(logic.timeNs());
        venue.restoreAccount(logic.portfolio().cash(), logic.counters().ordersSent,
            logic.counters().fills + logic.counters().duplicateFills);
        cancelsOnStart = new org.agrona.collections.LongArrayList();
        final int[] count = {0};
        logic.forEachRestingOrder((clOrdId, instrumentId, side, ordType, timeInForce, quantity, filled, limitPrice,
            stopPrice, venueOrderId, acknowledged, cancelPending) ->
        {
            venue.reinstate(restartTimeNs, clOrdId, instrumentId, side, ordType, timeInForce, quantity, filled,
                limitPrice, stopPrice, venueOrderId, acknowledged);
            if (cancelPending)
            {
                cancelsOnStart.addLong(clOrdId);
            }
            count[0]++;
        });
        // An amend the crash left unanswered is applied when the gateway starts, like a cancel: the venue's book
        // was rebuilt with the order's terms before it.
        amendsOnStart = new org.agrona.collections.LongArrayList();
        logic.forEachPendingReplace((replaceClOrdId, venueClOrdId, quantity, limitPrice) ->
        {
            amendsOnStart.addLong(replaceClOrdId);
            amendsOnStart.addLong(venueClOrdId);
            amendsOnStart.addLong(quantity);
            amendsOnStart.addLong(limitPrice);
        });
        return count[0];
    }

    /** @return the venue; read it only while the gateway thread is not running. */
    public PaperVenue venue()
    {
        return frames.venue();
    }

    @Override
    public void onStart()
    {
        if (cancelsOnStart != null)
        {
            for (int i = 0; i < cancelsOnStart.size(); i++)
            {
                frames.venue().onCancel(restartTimeNs, 0, cancelsOnStart.getLong(i));
            }
            cancelsOnStart = null;
        }
        if (amendsOnStart != null)
        {
            for (int i = 0; i < amendsOnStart.size(); i += 4)
            {
                frames.venue().onReplace(restartTimeNs, amendsOnStart.getLong(i), amendsOnStart.getLong(i + 1),
                    amendsOnStart.getLong(i + 2), amendsOnStart.getLong(i + 3));
            }
            amendsOnStart = null;
        }
    }

    @Override
    public void onEvent(final FrameEvent event, final long ringSequence, final boolean endOfBatch)
    {
        final long nowNanos = System.nanoTime();
        final long clOrdId = frames.newOrderId(event.buffer, 0);
        if (clOrdId != VenueFrames.NOT_AN_ORDER)
        {
            roundTrips.sent(clOrdId, nowNanos);
        }
        else
        {
            roundTrips.now(nowNanos);
        }
        frames.onOutput(event.buffer, 0, clock.stamp(event.timeNs));
    }

    @Override
    public boolean observesInputs()
    {
        return true;
    }

    @Override
    public void onJournaledInput(final FrameEvent event)
    {
        roundTrips.clockMoved();
        frames.onInput(event.buffer, 0, clock.stamp(event.timeNs));
    }

    @Override
    public void onIdle()
    {
        if (clock == ClockMode.WALL)
        {
            roundTrips.clockMoved();
            frames.venue().advanceTo(clock.stamp(0));
        }
    }
}
