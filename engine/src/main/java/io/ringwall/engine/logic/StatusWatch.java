package io.ringwall.engine.logic;

import io.ringwall.codecs.OrderState;

/**
 * Lost answers (issue 18, point 2), on the logic thread and in the logic's clock (the inputs' time): an order or a
 * cancel the venue has not answered within the timeout is asked about ({@code OrderStatusQuery}, which the FIX
 * gateway sends as OrderStatusRequest 35=H); each unanswered question waits one more timeout; when the configured
 * number of questions are all unanswered, the VENUE breaker halts trading and cancels the working orders where it
 * can. The venue's answer ({@code VenueOrderStatus}, journaled) starts the wait afresh and settles the order when it
 * is decisive ({@link #settle}).
 *
 * <p>Being the logic's decision, a replay asks the same questions at the same inputs, and a snapshot carries each
 * order's wait, so a resumed session asks when an uninterrupted one would. Allocation-free: a scan of the working
 * orders runs only when a deadline may have passed.
 */
final class StatusWatch
{
    private final OrderManager orders;
    private final OutputPublisher output;
    private final Breakers breakers;
    private final long timeoutNs;
    private final int tries;
    private final int maxOrders;
    /** No deadline falls before this: the next scan. */
    private long nextScanNs;

    /**
     * @param timeoutNs the wait for an answer, 0 for no questions at all (a session built before issue 18).
     */
    StatusWatch(final OrderManager orders, final OutputPublisher output, final Breakers breakers,
        final long timeoutNs, final int tries, final int maxOrders)
    {
        this.orders = orders;
        this.output = output;
        this.breakers = breakers;
        this.timeoutNs = timeoutNs;
        this.tries = tries;
        this.maxOrders = maxOrders;
    }

    /** Every input, before it is handled: asks about each order whose wait ran out, halts when questions go unanswered. */
    void onClock(final long nowNs)
    {
        if (timeoutNs == 0 || nowNs < nextScanNs)
        {
            return;
        }
        // An order that starts waiting after this scan has a deadline at least a timeout away.
        long next = nowNs + timeoutNs;
        Order silent = null;
        for (Order order = orders.oldestWorking(); order != null; order = order.nextWorking)
        {
            if (!order.awaitsVenue())
            {
                continue;
            }
            long deadline = deadline(order);
            if (nowNs >= deadline)
            {
                if (order.statusQueries >= tries && silent == null)
                {
                    silent = order;
                }
                order.statusQueries++;
                // by the id the venue knows the order under (an amended order's first id is unknown there), or a
                // pending amend's own id: whether the venue knows that one says whether it took the amend
                output.orderStatusQuery(order.questionClOrdId(), order.instrumentId, order.side, order.statusQueries);
                deadline = deadline(order);
            }
            next = Math.min(next, deadline);
        }
        nextScanNs = next;
        if (silent != null)
        {
            // after the scan: the trip cancels working orders, which starts their waits afresh
            breakers.onVenueSilent(silent.statusQueries - 1, tries, silent.instrumentId);
        }
    }

    /**
     * The venue answered a question about {@code order}: the wait starts afresh, and a decisive answer settles it.
     *
     * @return the lifecycle event the answer amounts to, or null when it settles nothing (the venue has it and it
     *         waits on there, or the answer contradicts the book: then the VENUE breaker has tripped).
     */
    OrderLifecycle.Event settle(final Order order, final long askedClOrdId, final OrderState venueState,
        final long venueFilled, final long nowNs)
    {
        if (!order.awaitsVenue())
        {
            // settled meanwhile by the venue's own report
            return null;
        }
        order.waitingSinceNs = nowNs;
        order.statusQueries = 0;
        nextScanNs = Math.min(nextScanNs, nowNs + timeoutNs);
        if (venueFilled > order.filledQuantity)
        {
            // executions the engine never heard of: its book cannot be trusted for this order
            breakers.onVenueSilent(venueFilled, order.filledQuantity, order.instrumentId);
            return null;
        }
        if (order.status == OrderStatus.PENDING_REPLACE)
        {
            return settleAmend(order, askedClOrdId, venueState);
        }
        final boolean neverArrived = order.status == OrderStatus.PENDING_NEW ||
            order.statusBeforeCancel == OrderStatus.PENDING_NEW;
        return switch (venueState)
        {
            // The venue has never seen it: an order still waiting was lost on the way, which is its rejection. An
            // order the venue had acknowledged and now does not know is a contradiction.
            case UNKNOWN -> neverArrived ? OrderLifecycle.Event.REJECT : contradiction(order);
            case ACCEPTED, PARTIALLY_FILLED ->
                order.status == OrderStatus.PENDING_NEW ? OrderLifecycle.Event.ACCEPT : null;
            case CANCELLED -> OrderLifecycle.Event.CANCEL_CONFIRM;
            case EXPIRED -> OrderLifecycle.Event.EXPIRE;
            case REJECTED -> OrderLifecycle.Event.REJECT;
            // filled there and not here: the filled quantities above already differ
            case FILLED -> contradiction(order);
            default -> null;
        };
    }

    /**
     * An answer about an order whose amend is pending decides the amend only when it names the amend's id: a venue
     * that took the amend knows the order by it (working there: replaced), one that never got it does not know the
     * id (refused: the order works on with its old terms, so nothing is lost or applied twice). An answer about the
     * order's older id settles nothing: the wait starts afresh.
     */
    private OrderLifecycle.Event settleAmend(final Order order, final long askedClOrdId, final OrderState venueState)
    {
        if (askedClOrdId != order.replaceClOrdId)
        {
            return null;
        }
        return switch (venueState)
        {
            case UNKNOWN, REJECTED -> OrderLifecycle.Event.REPLACE_REJECT;
            case ACCEPTED, PARTIALLY_FILLED -> OrderLifecycle.Event.REPLACE_CONFIRM;
            case CANCELLED -> OrderLifecycle.Event.CANCEL_CONFIRM;
            case EXPIRED -> OrderLifecycle.Event.EXPIRE;
            case FILLED -> contradiction(order);
            default -> null;
        };
    }

    private OrderLifecycle.Event contradiction(final Order order)
    {
        breakers.onVenueSilent(0, 0, order.instrumentId);
        return null;
    }

    private long deadline(final Order order)
    {
        return order.waitingSinceNs + timeoutNs * (order.statusQueries + 1L);
    }

    /**
     * Checkpoints: the next scan and each working order's wait, in a fixed layout of {@code maxOrders} entries
     * (clOrdId, waiting since, questions), unused entries zero; only the next scan when no question is ever asked
     * (a paper session's snapshots stay as small as before). The layout is fixed per configuration, whose digest
     * every snapshot carries.
     */
    void writeState(final StateCursor cursor)
    {
        cursor.putLong(nextScanNs);
        if (timeoutNs == 0)
        {
            return;
        }
        int written = 0;
        for (Order order = orders.oldestWorking(); order != null; order = order.nextWorking)
        {
            cursor.putLong(order.clOrdId);
            cursor.putLong(order.waitingSinceNs);
            cursor.putLong(order.statusQueries);
            written++;
        }
        for (; written < maxOrders; written++)
        {
            cursor.putLong(OrderManager.NULL_CLORDID);
            cursor.putLong(0);
            cursor.putLong(0);
        }
    }

    void readState(final StateCursor cursor)
    {
        nextScanNs = cursor.getLong();
        for (int i = 0; timeoutNs != 0 && i < maxOrders; i++)
        {
            final long clOrdId = cursor.getLong();
            final long waitingSinceNs = cursor.getLong();
            final int queries = Math.toIntExact(cursor.getLong());
            final Order order = clOrdId == OrderManager.NULL_CLORDID ? null : orders.find(clOrdId);
            if (order != null)
            {
                order.waitingSinceNs = waitingSinceNs;
                order.statusQueries = queries;
            }
        }
    }
}
