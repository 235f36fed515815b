package io.ringwall.engine.venue;

import com.lmax.disruptor.EventHandler;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.FrameEvent;
import io.ringwall.engine.ring.InboundPublisher;
import org.agrona.collections.Long2ObjectHashMap;
import org.HdrHistogram.Histogram;

/**
 * The minimal simulated venue: the gateway stage of paper mode. A market order is accepted and filled
 * in full at the venue's last trade price with a fee in basis points. A limit order is accepted and rests
 * until cancelled (filling it when the market trades through belongs to the full paper venue, as do stop
 * orders, which are rejected). A cancel of a resting order is confirmed; of anything else it is too late.
 * Answers go back through the inbound ring, like a real venue's.
 *
 * <p>It also measures tick-to-order: from the causing input's ingress to the order reaching the
 * gateway, recorded on this thread.
 */
public final class SimulatedVenue implements EventHandler<FrameEvent>
{
    private final InboundPublisher publisher;
    private final VenueMarketView market;
    private final long feeBps;
    private final ClockMode clock;
    private final Histogram tickToOrderNs;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final Long2ObjectHashMap<RestingOrder> resting = new Long2ObjectHashMap<>();
    private long nextVenueOrderId;
    private long nextExecId;

    /**
     * @param tickToOrderNs written only by this venue's thread; read it after the engine stops.
     */
    public SimulatedVenue(final InboundPublisher publisher, final VenueMarketView market, final long feeBps,
        final ClockMode clock, final Histogram tickToOrderNs)
    {
        this.publisher = publisher;
        this.market = market;
        this.feeBps = feeBps;
        this.clock = clock;
        this.tickToOrderNs = tickToOrderNs;
    }

    @Override
    public void onEvent(final FrameEvent event, final long ringSequence, final boolean endOfBatch)
    {
        header.wrap(event.buffer, 0);
        final int templateId = header.templateId();
        if (templateId == NewOrderDecoder.TEMPLATE_ID)
        {
            tickToOrderNs.recordValue(Math.min(System.nanoTime() - event.ingressNanos, tickToOrderNs.getHighestTrackableValue()));
            newOrder.wrapAndApplyHeader(event.buffer, 0, header);
            onNewOrder(clock.stamp(event.timeNs));
        }
        else if (templateId == CancelOrderDecoder.TEMPLATE_ID)
        {
            cancelOrder.wrapAndApplyHeader(event.buffer, 0, header);
            onCancel(clock.stamp(event.timeNs));
        }
    }

    private void onNewOrder(final long venueTimeNs)
    {
        final long clOrdId = newOrder.clOrdId();
        final int instrumentId = newOrder.instrumentId();
        final long quantity = newOrder.quantity();
        if (newOrder.ordType() != OrdType.MARKET && newOrder.ordType() != OrdType.LIMIT)
        {
            publisher.orderRejected(venueTimeNs, clOrdId, instrumentId, VenueRejectReason.UNSUPPORTED_ORDER_TYPE);
            return;
        }
        if (quantity <= 0)
        {
            publisher.orderRejected(venueTimeNs, clOrdId, instrumentId, VenueRejectReason.INVALID_QUANTITY);
            return;
        }
        if (newOrder.ordType() == OrdType.LIMIT)
        {
            final long venueOrderId = ++nextVenueOrderId;
            resting.put(clOrdId, new RestingOrder(venueOrderId, instrumentId, quantity));
            publisher.orderAccepted(venueTimeNs, clOrdId, venueOrderId, instrumentId);
            return;
        }
        final long price = market.lastPrice(instrumentId);
        if (price <= 0)
        {
            publisher.orderRejected(venueTimeNs, clOrdId, instrumentId, VenueRejectReason.NO_MARKET);
            return;
        }
        final long venueOrderId = ++nextVenueOrderId;
        final long fee = Fixed.mulDiv(Fixed.notional(price, quantity), feeBps, 10_000);
        publisher.orderAccepted(venueTimeNs, clOrdId, venueOrderId, instrumentId);
        publisher.orderFilled(venueTimeNs, clOrdId, venueOrderId, ++nextExecId, instrumentId, newOrder.side(), price,
            quantity, 0, quantity, fee);
    }

    private void onCancel(final long venueTimeNs)
    {
        final RestingOrder order = resting.remove(cancelOrder.origClOrdId());
        if (order == null)
        {
            publisher.cancelRejected(venueTimeNs, cancelOrder.clOrdId(), cancelOrder.origClOrdId(),
                VenueRejectReason.TOO_LATE_TO_CANCEL);
            return;
        }
        publisher.orderCancelled(venueTimeNs, cancelOrder.origClOrdId(), order.venueOrderId(), order.instrumentId(),
            order.quantity());
    }

    /** A limit order working at the venue (gateway thread only). */
    private record RestingOrder(long venueOrderId, int instrumentId, long quantity)
    {
    }
}
