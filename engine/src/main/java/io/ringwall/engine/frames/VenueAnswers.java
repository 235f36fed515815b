package io.ringwall.engine.frames;

import io.ringwall.codecs.Side;
import io.ringwall.codecs.VenueRejectReason;

/**
 * Where a venue's answers go: onto the inbound ring in the engine's pipeline, straight into the journal and
 * the logic in a backtest. Every answer carries the venue's time, which becomes the input's time.
 */
public interface VenueAnswers
{
    void orderAccepted(long timeNs, long clOrdId, long venueOrderId, int instrumentId);

    void orderFilled(long timeNs, long clOrdId, long venueOrderId, long execId, int instrumentId, Side side,
        long lastPrice, long lastQuantity, long leavesQuantity, long cumQuantity, long fee);

    void orderRejected(long timeNs, long clOrdId, int instrumentId, VenueRejectReason reason);

    void orderCancelled(long timeNs, long clOrdId, long venueOrderId, int instrumentId, long cancelledQuantity);

    void orderExpired(long timeNs, long clOrdId, long venueOrderId, int instrumentId, long expiredQuantity);

    void cancelRejected(long timeNs, long clOrdId, long origClOrdId, VenueRejectReason reason);

    /** The venue took an amend: the order ({@code origClOrdId} until now) is {@code clOrdId} from now on. */
    void orderReplaced(long timeNs, long clOrdId, long origClOrdId, long venueOrderId, int instrumentId, long quantity,
        long limitPrice, long leavesQuantity, long cumQuantity);

    /** The venue refused amend {@code clOrdId} of {@code origClOrdId}; the order works on unchanged. */
    void replaceRejected(long timeNs, long clOrdId, long origClOrdId, VenueRejectReason reason);
}
