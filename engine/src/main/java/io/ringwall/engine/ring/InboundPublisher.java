package io.ringwall.engine.ring;

import com.lmax.disruptor.RingBuffer;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.frames.VenueAnswers;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One producer's door into the inbound ring: encodes an input frame straight into a ring slot, stamps
 * it and publishes it. Not thread-safe: each producing thread (market data, venue, operator, timers)
 * takes its own from {@link Pipeline#newPublisher()}.
 *
 * <p>Market data may not take the last quarter of the ring, which is kept for venue answers, operator
 * commands and timers. The gateway's publisher is buffered: it never waits for the inbound ring (the
 * logic may be waiting on the outbound ring for the gateway: a cycle), it queues instead.
 */
public final class InboundPublisher implements VenueAnswers
{
    private final RingBuffer<FrameEvent> ring;
    private final RingClaimer claimer;
    private final int marketDataReserve;
    private final InputEncoder encoder = new InputEncoder();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[FrameEvent.CAPACITY]);
    private final PendingFrames pending;

    /**
     * @param buffered true for a producer that must never wait for the ring (the gateway): when the
     *                 ring has no room its frames queue, in order, until {@link #flush()} gets them in.
     */
    InboundPublisher(final RingBuffer<FrameEvent> ring, final RingClaimer claimer, final int marketDataReserve,
        final boolean buffered)
    {
        this.ring = ring;
        this.claimer = claimer;
        this.marketDataReserve = marketDataReserve;
        this.pending = buffered ? new PendingFrames() : null;
    }

    /**
     * Publishes queued frames while the ring has room (buffered publishers only).
     *
     * @return how many were published.
     */
    public int flush()
    {
        int published = 0;
        while (pending != null && !pending.isEmpty() && tryPublish(0, pending.timeNs(), pending.buffer(),
            pending.frameOffset(), pending.frameLength()))
        {
            pending.remove();
            published++;
        }
        return published;
    }

    /**
     * @return frames queued and not yet on the ring; safe to read from another thread.
     */
    public long pendingFrames()
    {
        return pending == null ? 0 : pending.size();
    }

    /**
     * @param timeNs engine time of the input (data time in backtest/replay of recorded data, the wall
     *               clock live). It is the logic's clock.
     */
    public void trade(final long timeNs, final int instrumentId, final long tradeId, final long price,
        final long quantity, final long exchangeTimeNs)
    {
        publish(marketDataReserve, timeNs,
            encoder.trade(scratch, 0, instrumentId, tradeId, price, quantity, exchangeTimeNs));
    }

    public void quote(final long timeNs, final int instrumentId, final long bidPrice, final long bidQuantity,
        final long askPrice, final long askQuantity, final long exchangeTimeNs)
    {
        publish(marketDataReserve, timeNs,
            encoder.quote(scratch, 0, instrumentId, bidPrice, bidQuantity, askPrice, askQuantity,
            exchangeTimeNs));
    }

    public void bar(final long timeNs, final int instrumentId, final long open, final long high, final long low,
        final long close, final long volume, final long startTimeNs, final long durationNs)
    {
        publish(marketDataReserve, timeNs,
            encoder.bar(scratch, 0, instrumentId, open, high, low, close, volume, startTimeNs,
            durationNs));
    }

    /** An exchange feed's gap or silence: market data (it comes from the feed's thread, in the feed's order). */
    public void feedHealth(final long timeNs, final io.ringwall.codecs.FeedHealthState state,
        final long expectedSequence, final long receivedSequence, final long silenceNs, final long exchangeTimeNs)
    {
        publish(marketDataReserve, timeNs,
            encoder.feedHealth(scratch, 0, state, expectedSequence, receivedSequence, silenceNs, exchangeTimeNs));
    }

    /** An instrument's trading state at its exchange (halt, pause, resume): market data. */
    public void tradingStatus(final long timeNs, final int instrumentId,
        final io.ringwall.codecs.InstrumentTradingState state, final int reasonCode, final long exchangeTimeNs)
    {
        publish(marketDataReserve, timeNs,
            encoder.tradingStatus(scratch, 0, instrumentId, state, reasonCode, exchangeTimeNs));
    }

    @Override
    public void orderAccepted(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId)
    {
        publish(0, timeNs,
            encoder.orderAccepted(scratch, 0, clOrdId, venueOrderId, instrumentId, timeNs));
    }

    @Override
    public void orderFilled(final long timeNs, final long clOrdId, final long venueOrderId, final long execId,
        final int instrumentId, final Side side, final long lastPrice, final long lastQuantity,
        final long leavesQuantity, final long cumQuantity, final long fee)
    {
        publish(0, timeNs,
            encoder.orderFilled(scratch, 0, clOrdId, venueOrderId, execId, instrumentId, side,
            lastPrice, lastQuantity, leavesQuantity, cumQuantity, fee, timeNs));
    }

    @Override
    public void orderRejected(final long timeNs, final long clOrdId, final int instrumentId,
        final VenueRejectReason reason)
    {
        publish(0, timeNs,
            encoder.orderRejected(scratch, 0, clOrdId, instrumentId, reason, timeNs));
    }

    @Override
    public void orderCancelled(final long timeNs, final long clOrdId, final long venueOrderId,
        final int instrumentId, final long cancelledQuantity)
    {
        publish(0, timeNs,
            encoder.orderCancelled(scratch, 0, clOrdId, venueOrderId, instrumentId,
            cancelledQuantity, timeNs));
    }

    @Override
    public void orderExpired(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId,
        final long expiredQuantity)
    {
        publish(0, timeNs,
            encoder.orderExpired(scratch, 0, clOrdId, venueOrderId, instrumentId, expiredQuantity, timeNs));
    }

    @Override
    public void cancelRejected(final long timeNs, final long clOrdId, final long origClOrdId,
        final VenueRejectReason reason)
    {
        publish(0, timeNs,
            encoder.cancelRejected(scratch, 0, clOrdId, origClOrdId, reason, timeNs));
    }

    @Override
    public void orderReplaced(final long timeNs, final long clOrdId, final long origClOrdId, final long venueOrderId,
        final int instrumentId, final long quantity, final long limitPrice, final long leavesQuantity,
        final long cumQuantity)
    {
        publish(0, timeNs, encoder.orderReplaced(scratch, 0, clOrdId, origClOrdId, venueOrderId, instrumentId,
            quantity, limitPrice, leavesQuantity, cumQuantity, timeNs));
    }

    @Override
    public void replaceRejected(final long timeNs, final long clOrdId, final long origClOrdId,
        final VenueRejectReason reason)
    {
        publish(0, timeNs, encoder.replaceRejected(scratch, 0, clOrdId, origClOrdId, reason, timeNs));
    }

    public void operatorCommand(final long timeNs, final OperatorCommandType type, final BreakerType breakerType,
        final long value, final String operatorName, final String reason)
    {
        publish(0, timeNs,
            encoder.operatorCommand(scratch, 0, type, breakerType, value, operatorName, reason));
    }

    /** The venue's position in one instrument, answering reconciliation {@code reconciliationId}. */
    public void venuePosition(final long timeNs, final long reconciliationId, final int instrumentId,
        final long positionQuantity, final long venueCash)
    {
        publish(0, timeNs,
            encoder.venuePosition(scratch, 0, reconciliationId, instrumentId, positionQuantity, venueCash, timeNs));
    }

    /** An order the venue reports open, answering reconciliation {@code reconciliationId}. */
    public void venueOpenOrder(final long timeNs, final long reconciliationId, final long clOrdId,
        final int instrumentId, final Side side, final long leavesQuantity)
    {
        publish(0, timeNs,
            encoder.venueOpenOrder(scratch, 0, reconciliationId, clOrdId, instrumentId, side, leavesQuantity, timeNs));
    }

    /** The venue's answer to reconciliation {@code reconciliationId} is complete, or never came. */
    public void reconciliationEnd(final long timeNs, final long reconciliationId, final ReconciliationOutcome outcome,
        final int positionReports, final int openOrderReports, final long tolerancePpm,
        final io.ringwall.codecs.ReconciliationScope scope)
    {
        publish(0, timeNs,
            encoder.reconciliationEnd(scratch, 0, reconciliationId, outcome, positionReports, openOrderReports,
            tolerancePpm, scope));
    }

    /** The venue's answer about one order (an OrderStatusQuery's, or an order-status question of the gateway's). */
    public void venueOrderStatus(final long timeNs, final long clOrdId, final int instrumentId,
        final io.ringwall.codecs.OrderState venueState, final long cumQuantity)
    {
        publish(0, timeNs, encoder.venueOrderStatus(scratch, 0, clOrdId, instrumentId, venueState, cumQuantity, timeNs));
    }

    public void timerTick(final long timeNs, final int timerId)
    {
        publish(0, timeNs,
            encoder.timerTick(scratch, 0, timerId));
    }

    /**
     * The frame is encoded before a slot is claimed: nothing can throw between claim and publish, which
     * would leave a hole in the ring that every consumer waits on forever.
     */
    private void publish(final int keepFree, final long timeNs, final int length)
    {
        if (pending != null)
        {
            if (!pending.isEmpty() || !tryPublish(keepFree, timeNs, scratch, 0, length))
            {
                pending.add(timeNs, scratch, length);
            }
            return;
        }
        copyAndPublish(claimer.claim(keepFree), timeNs, scratch, 0, length);
    }

    private boolean tryPublish(final int keepFree, final long timeNs, final DirectBuffer frame, final int offset,
        final int length)
    {
        final long slot = claimer.tryClaim(keepFree);
        if (slot == RingClaimer.NO_SLOT)
        {
            return false;
        }
        copyAndPublish(slot, timeNs, frame, offset, length);
        return true;
    }

    private void copyAndPublish(final long slot, final long timeNs, final DirectBuffer frame, final int offset,
        final int length)
    {
        final FrameEvent event = ring.get(slot);
        event.copyFrame(frame, offset, length);
        event.timeNs = timeNs;
        event.ingressNanos = System.nanoTime();
        ring.publish(slot);
    }
}
