package io.ringwall.engine.logic;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;

/**
 * One working order. Pooled by {@link OrderManager}; fields are reset on reuse.
 */
final class Order
{
    long clOrdId;
    int strategyId;
    int instrumentId;
    Side side;
    OrdType ordType;
    TimeInForce timeInForce;
    long quantity;
    long filledQuantity;
    long limitPrice;
    long stopPrice;
    /** The market's reference price when the order was sent: realised cost is measured from it. */
    long arrivalPrice;
    /** What the cost model expected the whole order to cost, money. */
    long estimatedCost;
    /** The price risk valued the order at (limit, or the reference price of a market order). */
    long checkPrice;
    long venueOrderId;
    OrderStatus status;
    OrderStatus statusBeforeCancel;
    /** The working status an amend's answer returns the order to (fills while it is pending move it on). */
    OrderStatus statusBeforeReplace;
    /** The ClOrdID the venue knows the order by: {@link #clOrdId} until an amend is confirmed, then the amend's. */
    long venueClOrdId;
    /** The pending amend's ClOrdID, {@link OrderManager#NULL_CLORDID} when none; its terms below. */
    long replaceClOrdId;
    long replaceQuantity;
    long replaceLimitPrice;
    long replaceCheckPrice;
    /**
     * A cancel was asked for while the amend was pending: it goes once the amend is answered (one open request per
     * order), naming the id the venue knows the order by then.
     */
    boolean cancelAfterReplace;
    /**
     * When the order last started waiting for the venue (sent, a cancel sent) or the venue last answered a status
     * question about it: the logic's clock. Its status questions are timed from here ({@link StatusWatch}).
     */
    long waitingSinceNs;
    /** Status questions asked since {@link #waitingSinceNs} and not answered. */
    int statusQueries;
    /** Shadow trading: the paper model's price for the order when sent, and when it was acknowledged and first filled
     * (event time, -1 until then), and its average fill price so far. Set only with the shadow on. */
    long shadowModelPrice;
    long shadowSentNs;
    long shadowAckNs;
    long shadowFirstFillNs;
    long shadowAveragePrice;
    /** Working orders form a list in the order they opened: iteration (cancel-all, snapshots) follows it. */
    Order previousWorking;
    Order nextWorking;

    /** @return whether the order waits for the venue's answer: to the order itself, to a cancel or to an amend. */
    boolean awaitsVenue()
    {
        return status == OrderStatus.PENDING_NEW || status == OrderStatus.PENDING_CANCEL ||
            status == OrderStatus.PENDING_REPLACE;
    }

    /**
     * @return the ClOrdID a status question about the pending request names: a pending amend's own id (the venue
     *         knows the order by it only if it took the amend), else the id the venue knows the order by.
     */
    long questionClOrdId()
    {
        return status == OrderStatus.PENDING_REPLACE ? replaceClOrdId : venueClOrdId;
    }

    long leavesQuantity()
    {
        return quantity - filledQuantity;
    }

    boolean replacePending()
    {
        return replaceClOrdId != OrderManager.NULL_CLORDID;
    }

    /**
     * @return the most the order may still execute: while an amend is pending the venue may apply either the old
     *         or the new quantity, so open totals (and the overfill check) count the larger.
     */
    long exposureQuantity()
    {
        return replacePending() ? Math.max(quantity, replaceQuantity) : quantity;
    }

    /** @return the price open buy cash counts the order at: the higher of old and new while an amend is pending. */
    long exposurePrice()
    {
        return replacePending() ? Math.max(checkPrice, replaceCheckPrice) : checkPrice;
    }

    /** @return leaves quantity signed by side: buys positive. */
    long signedLeaves()
    {
        return side == Side.BUY ? leavesQuantity() : -leavesQuantity();
    }
}
