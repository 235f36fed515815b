package io.ringwall.perf;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.TradeDecoder;
import io.ringwall.engine.ring.FrameEvent;
import io.ringwall.engine.ring.Gateway;
import io.ringwall.engine.ring.InboundPublisher;
import org.HdrHistogram.Histogram;

/**
 * The latency harness's venue: the end of the tick-to-order path. Every {@code NewOrder} (or, when risk
 * refused the order, its {@code RiskReject}) that reaches it
 * (journaled on "out" first: the gateway is gated on journal-out) is timed against the <em>planned</em>
 * send time of the trade that caused it, then answered at once like a frictionless venue (accepted, filled
 * in full at the last journaled trade price, no fee), so the order table and positions stay live and the
 * logic keeps doing its full per-order work.
 *
 * <p>The planned time travels in the trade's engine time: the harness stamps trade {@code i} with
 * {@code epochBaseNs + (planned_i - startNanos)}, and an output carries the engine time of the input that
 * caused it, so {@code planned = startNanos + (event.timeNs - epochBaseNs)}. No lookup table, nothing
 * shared between threads but the ring.
 *
 * <p>Runs on the gateway thread only; read the histograms after the pipeline has stopped.
 */
final class LatencyGateway implements Gateway
{
    private final InboundPublisher venue;
    private final long startNanos;
    private final long epochBaseNs;
    private final Histogram fromPlannedNs;
    private final Histogram fromSentNs;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private long lastTradePrice;
    private long venueOrderId;
    private long execId;
    private long orders;
    private long riskRejects;

    /**
     * @param fromPlannedNs order arrival minus the causing trade's planned send time (the figure).
     * @param fromSentNs    order arrival minus the trade's actual publish time (uncorrected; shown beside it
     *                      to make the size of coordinated omission visible).
     */
    LatencyGateway(final InboundPublisher venue, final long startNanos, final long epochBaseNs,
        final Histogram fromPlannedNs, final Histogram fromSentNs)
    {
        this.venue = venue;
        this.startNanos = startNanos;
        this.epochBaseNs = epochBaseNs;
        this.fromPlannedNs = fromPlannedNs;
        this.fromSentNs = fromSentNs;
    }

    @Override
    public void onEvent(final FrameEvent event, final long ringSequence, final boolean endOfBatch)
    {
        final long nowNanos = System.nanoTime();
        header.wrap(event.buffer, 0);
        final int templateId = header.templateId();
        if (templateId == NewOrderDecoder.TEMPLATE_ID)
        {
            final long plannedNanos = startNanos + (event.timeNs - epochBaseNs);
            record(fromPlannedNs, nowNanos - plannedNanos);
            record(fromSentNs, nowNanos - event.ingressNanos);
            orders++;
            answer(event);
        }
        else if (templateId == RiskRejectDecoder.TEMPLATE_ID)
        {
            // A refused order is timed too (to its refusal reaching the gateway): under overload the refused
            // trades are the late ones, and leaving them out would flatter the figures.
            final long plannedNanos = startNanos + (event.timeNs - epochBaseNs);
            record(fromPlannedNs, nowNanos - plannedNanos);
            record(fromSentNs, nowNanos - event.ingressNanos);
            riskRejects++;
        }
    }

    private void answer(final FrameEvent event)
    {
        newOrder.wrapAndApplyHeader(event.buffer, 0, header);
        final long clOrdId = newOrder.clOrdId();
        final int instrumentId = newOrder.instrumentId();
        final long quantity = newOrder.quantity();
        final long id = ++venueOrderId;
        venue.orderAccepted(event.timeNs, clOrdId, id, instrumentId);
        venue.orderFilled(event.timeNs, clOrdId, id, ++execId, instrumentId, newOrder.side(), lastTradePrice,
            quantity, 0, quantity, 0);
    }

    @Override
    public boolean observesInputs()
    {
        return true;
    }

    /** Keeps the last trade price to fill at; every input journaled before an order is seen before it. */
    @Override
    public void onJournaledInput(final FrameEvent event)
    {
        header.wrap(event.buffer, 0);
        if (header.templateId() == TradeDecoder.TEMPLATE_ID)
        {
            trade.wrapAndApplyHeader(event.buffer, 0, header);
            lastTradePrice = trade.price();
        }
    }

    private static void record(final Histogram histogram, final long valueNs)
    {
        histogram.recordValue(Math.max(0, Math.min(valueNs, histogram.getHighestTrackableValue())));
    }

    long orders()
    {
        return orders;
    }

    long riskRejects()
    {
        return riskRejects;
    }
}
