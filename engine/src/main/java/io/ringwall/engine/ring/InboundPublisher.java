package io.ringwall.engine.ring;

import com.lmax.disruptor.RingBuffer;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.frames.InputEncoder;

/**
 * One producer's door into the inbound ring: encodes an input frame straight into a ring slot, stamps
 * it and publishes it. Not thread-safe: each producing thread (market data, venue, operator, timers)
 * takes its own from {@link Pipeline#newPublisher()}.
 *
 * <p>Market data may not take the last {@code reserve} slots of the ring: they are kept for venue
 * events, operator commands and timers, so a flood of market data can never leave the venue unable to
 * deliver a fill while the logic waits on the outbound ring (a deadlock cycle otherwise).
 */
public final class InboundPublisher
{
    private final RingBuffer<FrameEvent> ring;
    private final RingClaimer claimer;
    private final int marketDataReserve;
    private final InputEncoder encoder = new InputEncoder();
    private long claimed;

    InboundPublisher(final RingBuffer<FrameEvent> ring, final RingClaimer claimer, final int marketDataReserve)
    {
        this.ring = ring;
        this.claimer = claimer;
        this.marketDataReserve = marketDataReserve;
    }

    /**
     * @param timeNs engine time of the input (data time in backtest/replay of recorded data, the wall
     *               clock live). It is the logic's clock.
     * @return the ring sequence it was published at.
     */
    public long trade(final long timeNs, final int instrumentId, final long tradeId, final long price,
        final long quantity, final long exchangeTimeNs)
    {
        final FrameEvent event = claim(marketDataReserve);
        event.length = encoder.trade(event.buffer, 0, instrumentId, tradeId, price, quantity, exchangeTimeNs);
        return publish(event, timeNs);
    }

    public long quote(final long timeNs, final int instrumentId, final long bidPrice, final long bidQuantity,
        final long askPrice, final long askQuantity, final long exchangeTimeNs)
    {
        final FrameEvent event = claim(marketDataReserve);
        event.length = encoder.quote(event.buffer, 0, instrumentId, bidPrice, bidQuantity, askPrice, askQuantity,
            exchangeTimeNs);
        return publish(event, timeNs);
    }

    public long bar(final long timeNs, final int instrumentId, final long open, final long high, final long low,
        final long close, final long volume, final long startTimeNs, final long durationNs)
    {
        final FrameEvent event = claim(marketDataReserve);
        event.length = encoder.bar(event.buffer, 0, instrumentId, open, high, low, close, volume, startTimeNs,
            durationNs);
        return publish(event, timeNs);
    }

    public long orderAccepted(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId)
    {
        final FrameEvent event = claim(0);
        event.length = encoder.orderAccepted(event.buffer, 0, clOrdId, venueOrderId, instrumentId, timeNs);
        return publish(event, timeNs);
    }

    public long orderFilled(final long timeNs, final long clOrdId, final long venueOrderId, final long execId,
        final int instrumentId, final Side side, final long lastPrice, final long lastQuantity,
        final long leavesQuantity, final long cumQuantity, final long fee)
    {
        final FrameEvent event = claim(0);
        event.length = encoder.orderFilled(event.buffer, 0, clOrdId, venueOrderId, execId, instrumentId, side,
            lastPrice, lastQuantity, leavesQuantity, cumQuantity, fee, timeNs);
        return publish(event, timeNs);
    }

    public long orderRejected(final long timeNs, final long clOrdId, final int instrumentId,
        final VenueRejectReason reason)
    {
        final FrameEvent event = claim(0);
        event.length = encoder.orderRejected(event.buffer, 0, clOrdId, instrumentId, reason, timeNs);
        return publish(event, timeNs);
    }

    public long orderCancelled(final long timeNs, final long clOrdId, final long venueOrderId,
        final int instrumentId, final long cancelledQuantity)
    {
        final FrameEvent event = claim(0);
        event.length = encoder.orderCancelled(event.buffer, 0, clOrdId, venueOrderId, instrumentId,
            cancelledQuantity, timeNs);
        return publish(event, timeNs);
    }

    public long cancelRejected(final long timeNs, final long clOrdId, final long origClOrdId,
        final VenueRejectReason reason)
    {
        final FrameEvent event = claim(0);
        event.length = encoder.cancelRejected(event.buffer, 0, clOrdId, origClOrdId, reason, timeNs);
        return publish(event, timeNs);
    }

    public long operatorCommand(final long timeNs, final OperatorCommandType type, final BreakerType breakerType,
        final long value, final String operatorName, final String reason)
    {
        final FrameEvent event = claim(0);
        event.length = encoder.operatorCommand(event.buffer, 0, type, breakerType, value, operatorName, reason);
        return publish(event, timeNs);
    }

    public long timerTick(final long timeNs, final int timerId)
    {
        final FrameEvent event = claim(0);
        event.length = encoder.timerTick(event.buffer, 0, timerId);
        return publish(event, timeNs);
    }

    private FrameEvent claim(final int keepFree)
    {
        claimed = claimer.claim(keepFree);
        return ring.get(claimed);
    }

    private long publish(final FrameEvent event, final long timeNs)
    {
        event.timeNs = timeNs;
        event.ingressNanos = System.nanoTime();
        ring.publish(claimed);
        return claimed;
    }
}
