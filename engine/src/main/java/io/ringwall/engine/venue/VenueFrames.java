package io.ringwall.engine.venue;

import io.ringwall.codecs.BarDecoder;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.TradeDecoder;
import org.agrona.DirectBuffer;

/**
 * Hands a {@link PaperVenue} what it reacts to, decoded from frames: the engine's orders and cancels (from
 * the outbound ring or the backtest's output queue) and the journaled inputs, whose prints it fills
 * against and whose time moves its clock. Both hosts use it, so the venue sees the same calls either way.
 */
public final class VenueFrames
{
    /** {@link #newOrderId} of a frame that is not a new order. */
    public static final long NOT_AN_ORDER = Long.MIN_VALUE;

    private final PaperVenue venue;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final io.ringwall.codecs.ReplaceOrderDecoder replaceOrder = new io.ringwall.codecs.ReplaceOrderDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final BarDecoder bar = new BarDecoder();
    private final io.ringwall.codecs.QuoteDecoder quote = new io.ringwall.codecs.QuoteDecoder();

    public VenueFrames(final PaperVenue venue)
    {
        this.venue = venue;
    }

    public PaperVenue venue()
    {
        return venue;
    }

    /**
     * @return the client order id of a new-order frame, else {@link #NOT_AN_ORDER}.
     */
    public long newOrderId(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        if (header.templateId() != NewOrderDecoder.TEMPLATE_ID)
        {
            return NOT_AN_ORDER;
        }
        newOrder.wrapAndApplyHeader(buffer, offset, header);
        return newOrder.clOrdId();
    }

    /**
     * An engine output reaches the venue at {@code venueTimeNs}; outputs other than orders and cancels
     * (risk rejects, breaker changes) are not for the venue.
     *
     * @return true when it was a new order.
     */
    public boolean onOutput(final DirectBuffer buffer, final int offset, final long venueTimeNs)
    {
        header.wrap(buffer, offset);
        final int templateId = header.templateId();
        if (templateId == NewOrderDecoder.TEMPLATE_ID)
        {
            newOrder.wrapAndApplyHeader(buffer, offset, header);
            venue.onNewOrder(venueTimeNs, newOrder.clOrdId(), newOrder.instrumentId(), newOrder.side(),
                newOrder.ordType(), newOrder.timeInForce(), newOrder.quantity(), newOrder.limitPrice(),
                newOrder.stopPrice());
            return true;
        }
        if (templateId == CancelOrderDecoder.TEMPLATE_ID)
        {
            cancelOrder.wrapAndApplyHeader(buffer, offset, header);
            venue.onCancel(venueTimeNs, cancelOrder.clOrdId(), cancelOrder.origClOrdId());
        }
        else if (templateId == io.ringwall.codecs.ReplaceOrderDecoder.TEMPLATE_ID)
        {
            replaceOrder.wrapAndApplyHeader(buffer, offset, header);
            venue.onReplace(venueTimeNs, replaceOrder.clOrdId(), replaceOrder.origClOrdId(), replaceOrder.quantity(),
                replaceOrder.limitPrice());
        }
        return false;
    }

    /**
     * A journaled input: a trade or bar is a print the venue fills against, a quote the touch it fills takers at;
     * anything else only moves its clock.
     */
    public void onInput(final DirectBuffer buffer, final int offset, final long venueTimeNs)
    {
        header.wrap(buffer, offset);
        final int templateId = header.templateId();
        if (templateId == TradeDecoder.TEMPLATE_ID)
        {
            trade.wrapAndApplyHeader(buffer, offset, header);
            venue.onTrade(venueTimeNs, trade.instrumentId(), trade.price(), trade.quantity());
        }
        else if (templateId == BarDecoder.TEMPLATE_ID)
        {
            bar.wrapAndApplyHeader(buffer, offset, header);
            final long startNs = venueTimeNs - bar.durationNs();
            venue.onBar(venueTimeNs, bar.instrumentId(), bar.openPrice(), bar.highPrice(), bar.lowPrice(),
                bar.closePrice(), bar.volume(), startNs);
        }
        else if (templateId == io.ringwall.codecs.QuoteDecoder.TEMPLATE_ID)
        {
            quote.wrapAndApplyHeader(buffer, offset, header);
            venue.onQuote(venueTimeNs, quote.instrumentId(), quote.bidPrice(), quote.bidQuantity(), quote.askPrice(),
                quote.askQuantity());
        }
        else
        {
            venue.advanceTo(venueTimeNs);
        }
    }
}
