package io.ringwall.engine.venue;

import io.ringwall.codecs.Side;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.frames.VenueAnswers;
import io.ringwall.engine.metrics.StageLatencies;
import org.agrona.collections.Long2LongHashMap;

/**
 * Times the venue round trip on the gateway's thread: an order's send stamp ({@link #sent}) is kept by
 * client order id until its last answer, and each acknowledgement and fill passing through to the real
 * {@link VenueAnswers} is recorded as send &rarr; ack or send &rarr; fill in {@link StageLatencies}. The
 * stamps are {@link System#nanoTime()} of the host: wall-clock time spent before the answer reached the
 * engine, whatever clock the venue's own rules run on.
 *
 * <p>No allocation while the number of orders in flight stays within the capacity given.
 */
final class VenueRoundTrips implements VenueAnswers
{
    private static final long NONE = Long.MIN_VALUE;

    private final VenueAnswers delegate;
    private final StageLatencies latencies;
    private final Long2LongHashMap sentNanos;
    private long nowNanos = NONE;

    /**
     * @param capacity most orders in flight at once (the venue's capacity); more only grow the table.
     */
    VenueRoundTrips(final VenueAnswers delegate, final StageLatencies latencies, final int capacity)
    {
        this.delegate = delegate;
        this.latencies = latencies;
        this.sentNanos = new Long2LongHashMap(capacity * 2, 0.65f, NONE);
    }

    /**
     * An order is handed to the venue now.
     */
    void sent(final long clOrdId, final long nanos)
    {
        sentNanos.put(clOrdId, nanos);
        nowNanos = nanos;
    }

    /**
     * The host's time for the answers that follow, so several answers of one call share one clock read.
     */
    void now(final long nanos)
    {
        nowNanos = nanos;
    }

    /**
     * The host's time has moved: the next answer that is timed reads the clock once, and the answers
     * after it in the same call share that read. Most inputs (trades far from any order) cause no
     * answer, so they cost no clock read (about a trade's worth of venue work on this machine).
     */
    void clockMoved()
    {
        nowNanos = NONE;
    }

    private long nowNanos()
    {
        if (nowNanos == NONE)
        {
            nowNanos = System.nanoTime();
        }
        return nowNanos;
    }

    /** @return orders sent whose last answer has not been seen. */
    int inFlight()
    {
        return sentNanos.size();
    }

    @Override
    public void orderAccepted(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId)
    {
        final long sent = sentNanos.get(clOrdId);
        if (sent != NONE)
        {
            latencies.recordVenueAck(sent, nowNanos());
        }
        delegate.orderAccepted(timeNs, clOrdId, venueOrderId, instrumentId);
    }

    @Override
    public void orderFilled(final long timeNs, final long clOrdId, final long venueOrderId, final long execId,
        final int instrumentId, final Side side, final long lastPrice, final long lastQuantity,
        final long leavesQuantity, final long cumQuantity, final long fee)
    {
        final long sent = leavesQuantity > 0 ? sentNanos.get(clOrdId) : sentNanos.remove(clOrdId);
        if (sent != NONE)
        {
            latencies.recordVenueFill(sent, nowNanos());
        }
        delegate.orderFilled(timeNs, clOrdId, venueOrderId, execId, instrumentId, side, lastPrice, lastQuantity,
            leavesQuantity, cumQuantity, fee);
    }

    @Override
    public void orderRejected(final long timeNs, final long clOrdId, final int instrumentId,
        final VenueRejectReason reason)
    {
        sentNanos.remove(clOrdId);
        delegate.orderRejected(timeNs, clOrdId, instrumentId, reason);
    }

    @Override
    public void orderCancelled(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId,
        final long cancelledQuantity)
    {
        sentNanos.remove(clOrdId);
        delegate.orderCancelled(timeNs, clOrdId, venueOrderId, instrumentId, cancelledQuantity);
    }

    @Override
    public void orderExpired(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId,
        final long expiredQuantity)
    {
        sentNanos.remove(clOrdId);
        delegate.orderExpired(timeNs, clOrdId, venueOrderId, instrumentId, expiredQuantity);
    }

    @Override
    public void cancelRejected(final long timeNs, final long clOrdId, final long origClOrdId,
        final VenueRejectReason reason)
    {
        delegate.cancelRejected(timeNs, clOrdId, origClOrdId, reason);
    }

    @Override
    public void orderReplaced(final long timeNs, final long clOrdId, final long origClOrdId, final long venueOrderId,
        final int instrumentId, final long quantity, final long limitPrice, final long leavesQuantity,
        final long cumQuantity)
    {
        // the order's answers come under the amend's id from now on: its send stamp moves with it
        final long sent = sentNanos.remove(origClOrdId);
        if (sent != NONE)
        {
            sentNanos.put(clOrdId, sent);
        }
        delegate.orderReplaced(timeNs, clOrdId, origClOrdId, venueOrderId, instrumentId, quantity, limitPrice,
            leavesQuantity, cumQuantity);
    }

    @Override
    public void replaceRejected(final long timeNs, final long clOrdId, final long origClOrdId,
        final VenueRejectReason reason)
    {
        delegate.replaceRejected(timeNs, clOrdId, origClOrdId, reason);
    }
}
