package io.ringwall.engine.logic;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.engine.Fixed;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The engine's orders: deterministic client order ids, the working-order table, and the lifecycle
 * transitions. Orders come from a pool sized at start; none is allocated while running.
 */
final class OrderManager
{
    /**
     * Client order ids one input may use (orders and cancels); the id packs the index below it. Room for a
     * cancel of every working order ({@link LogicConfig#MAX_WORKING_ORDERS_LIMIT}) plus as many new orders.
     */
    static final int MAX_ORDERS_PER_INPUT = 1 << 16;
    static final long NULL_CLORDID = 0;
    /** In a checkpoint's amend state: the bit beside the status ordinal that marks a cancel queued behind an amend. */
    private static final long CANCEL_AFTER_REPLACE = 1L << 32;

    private final Long2ObjectHashMap<Order> working;
    private final Order[] pool;
    private final long[] openQuantity;
    private final long[] openBuyQuantity;
    private final long[] openSellQuantity;
    private long openBuyCash;
    private final EngineCounters counters;
    private int pooled;
    /** Oldest and newest working order: the table's iteration order must not depend on hash layout, or a
     * restored table (same orders, other insertion history) would cancel in another order than the original. */
    private Order oldest;
    private Order newest;
    private long inputSequence;
    private int ordersThisInput;
    /** The current input's time: stamps when an order starts waiting for the venue. */
    private long timeNs;

    OrderManager(final int maxWorkingOrders, final int instruments, final EngineCounters counters)
    {
        // Up to three ids per order (its first, the one the venue knows after an amend, a pending amend's): sized so
        // the table never grows while running.
        this.working = new Long2ObjectHashMap<>(maxWorkingOrders * 6, 0.5f);
        this.pool = new Order[maxWorkingOrders];
        for (int i = 0; i < maxWorkingOrders; i++)
        {
            pool[i] = new Order();
        }
        this.pooled = maxWorkingOrders;
        this.openQuantity = new long[instruments];
        this.openBuyQuantity = new long[instruments];
        this.openSellQuantity = new long[instruments];
        this.counters = counters;
    }

    void beginInput(final long sequence, final long time)
    {
        inputSequence = sequence;
        timeNs = time;
        ordersThisInput = 0;
    }

    /**
     * @return the next client order id for the current input, or {@link #NULL_CLORDID} when there is no
     * input yet (ids derive from it) or the input has used all {@link #MAX_ORDERS_PER_INPUT}.
     */
    long nextClOrdId()
    {
        if (inputSequence == 0 || ordersThisInput >= MAX_ORDERS_PER_INPUT)
        {
            return NULL_CLORDID;
        }
        return inputSequence * MAX_ORDERS_PER_INPUT + ordersThisInput++;
    }

    boolean hasInput()
    {
        return inputSequence != 0;
    }

    boolean hasCapacity()
    {
        return pooled > 0;
    }

    Order open(final long clOrdId, final int strategyId, final int instrumentId, final Side side, final OrdType ordType,
        final TimeInForce timeInForce, final long quantity, final long limitPrice, final long checkPrice)
    {
        final Order order = pool[--pooled];
        pool[pooled] = null;
        order.clOrdId = clOrdId;
        order.strategyId = strategyId;
        order.instrumentId = instrumentId;
        order.side = side;
        order.ordType = ordType;
        order.timeInForce = timeInForce;
        order.quantity = quantity;
        order.filledQuantity = 0;
        order.limitPrice = limitPrice;
        order.checkPrice = checkPrice;
        order.stopPrice = 0;
        order.arrivalPrice = 0;
        order.estimatedCost = 0;
        order.venueOrderId = 0;
        order.status = OrderStatus.PENDING_NEW;
        order.statusBeforeCancel = OrderStatus.PENDING_NEW;
        order.statusBeforeReplace = OrderStatus.PENDING_NEW;
        order.venueClOrdId = clOrdId;
        order.replaceClOrdId = NULL_CLORDID;
        order.replaceQuantity = 0;
        order.replaceLimitPrice = 0;
        order.replaceCheckPrice = 0;
        order.cancelAfterReplace = false;
        order.waitingSinceNs = timeNs;
        order.statusQueries = 0;
        working.put(clOrdId, order);
        link(order);
        track(order, 1);
        return order;
    }

    /**
     * @return the working order, or null when none has this id (counted by the caller). Any of the order's ids
     *         finds it: its first, the one an amend gave it at the venue, a pending amend's.
     */
    Order find(final long clOrdId)
    {
        return working.get(clOrdId);
    }

    /** @return buys minus sells still open on the instrument. */
    long openQuantity(final int instrumentId)
    {
        return openQuantity[instrumentId];
    }

    long openBuyQuantity(final int instrumentId)
    {
        return openBuyQuantity[instrumentId];
    }

    long openSellQuantity(final int instrumentId)
    {
        return openSellQuantity[instrumentId];
    }

    /** @return the cash open buys would spend at the prices risk checked them at. */
    long openBuyCash()
    {
        return openBuyCash;
    }

    /**
     * Visits every working order (for cancel-all); the visitor must not open or release orders.
     */
    void forEachWorking(final java.util.function.Consumer<Order> visitor)
    {
        for (Order order = oldest; order != null; order = order.nextWorking)
        {
            visitor.accept(order);
        }
    }

    /** @return the oldest working order, or null; follow {@link Order#nextWorking}. */
    Order oldestWorking()
    {
        return oldest;
    }

    /**
     * Checkpoints: re-opens a working order exactly as recorded, appended after those restored before it.
     */
    Order restore(final long clOrdId, final int strategyId, final int instrumentId, final Side side,
        final OrdType ordType, final TimeInForce timeInForce, final long quantity, final long filledQuantity,
        final long limitPrice, final long stopPrice, final long checkPrice, final long arrivalPrice,
        final long estimatedCost, final long venueOrderId, final OrderStatus status, final OrderStatus beforeCancel)
    {
        if (!hasCapacity() || working.containsKey(clOrdId))
        {
            throw new IllegalArgumentException("snapshot order " + clOrdId + " is repeated or beyond the " +
                pool.length + " working orders configured");
        }
        final Order order = open(clOrdId, strategyId, instrumentId, side, ordType, timeInForce, quantity, limitPrice,
            checkPrice);
        fill(order, filledQuantity);
        order.stopPrice = stopPrice;
        order.arrivalPrice = arrivalPrice;
        order.estimatedCost = estimatedCost;
        order.venueOrderId = venueOrderId;
        order.status = status;
        order.statusBeforeCancel = beforeCancel;
        return order;
    }

    /** Checkpoints: the per-input id allocation. */
    void writeState(final StateCursor cursor)
    {
        cursor.putLong(inputSequence);
        cursor.putLong(ordersThisInput);
    }

    void readState(final StateCursor cursor)
    {
        inputSequence = cursor.getLong();
        ordersThisInput = cursor.getInt();
    }

    int workingCount()
    {
        // not the table's size: an amended order is in it under more than one id
        return pool.length - pooled;
    }

    /**
     * Applies a lifecycle event. A fill must have set the new filled quantity through {@link #fill} first.
     *
     * @return false (and counts it) when the transition is invalid; the order is then unchanged.
     */
    boolean apply(final Order order, final OrderLifecycle.Event event)
    {
        final OrderStatus next = OrderLifecycle.next(order.status, event);
        if (next == null)
        {
            counters.invalidTransitions++;
            return false;
        }
        if (event == OrderLifecycle.Event.CANCEL_REQUEST)
        {
            order.statusBeforeCancel = order.status;
        }
        else if (event == OrderLifecycle.Event.REPLACE_REQUEST)
        {
            order.statusBeforeReplace = order.status;
        }
        else if (order.status == OrderStatus.PENDING_REPLACE && event == OrderLifecycle.Event.PARTIAL_FILL)
        {
            // filled while the amend was pending: its answer returns the order to this
            order.statusBeforeReplace = OrderStatus.PARTIALLY_FILLED;
        }
        else if (order.status == OrderStatus.PENDING_CANCEL)
        {
            // The order moved on while the cancel was pending: a cancel reject must restore that.
            if (event == OrderLifecycle.Event.ACCEPT && order.statusBeforeCancel == OrderStatus.PENDING_NEW)
            {
                order.statusBeforeCancel = OrderStatus.ACCEPTED;
            }
            else if (event == OrderLifecycle.Event.PARTIAL_FILL)
            {
                order.statusBeforeCancel = OrderStatus.PARTIALLY_FILLED;
            }
        }
        final OrderStatus before = order.status;
        order.status = switch (event)
        {
            case CANCEL_REJECT -> order.statusBeforeCancel;
            case REPLACE_CONFIRM, REPLACE_REJECT -> order.statusBeforeReplace;
            default -> next;
        };
        if (order.status != before && order.awaitsVenue())
        {
            // a new wait for the venue: its status questions start afresh
            order.waitingSinceNs = timeNs;
            order.statusQueries = 0;
        }
        return true;
    }

    /**
     * Records an execution against the order's open quantity.
     */
    void fill(final Order order, final long quantity)
    {
        track(order, -1);
        order.filledQuantity += quantity;
        track(order, 1);
    }

    /**
     * An amend is sent ({@link OrderLifecycle.Event#REPLACE_REQUEST} applied): its id finds the order from now on,
     * and until the venue answers the open totals count the larger of the old and the new terms.
     */
    void requestReplace(final Order order, final long replaceClOrdId, final long quantity, final long limitPrice,
        final long checkPrice)
    {
        track(order, -1);
        order.replaceClOrdId = replaceClOrdId;
        order.replaceQuantity = quantity;
        order.replaceLimitPrice = limitPrice;
        order.replaceCheckPrice = checkPrice;
        track(order, 1);
        working.put(replaceClOrdId, order);
    }

    /**
     * The venue replaced the order: the new terms hold, the venue knows it by the amend's id (the id before it is
     * forgotten, unless it is the order's first: the strategy's handle).
     */
    void confirmReplace(final Order order)
    {
        track(order, -1);
        if (order.venueClOrdId != order.clOrdId)
        {
            working.remove(order.venueClOrdId);
        }
        order.venueClOrdId = order.replaceClOrdId;
        order.quantity = order.replaceQuantity;
        order.limitPrice = order.replaceLimitPrice;
        order.checkPrice = order.replaceCheckPrice;
        clearReplace(order);
        track(order, 1);
    }

    /** The venue refused the amend: the order works on with its terms before it. */
    void rejectReplace(final Order order)
    {
        track(order, -1);
        working.remove(order.replaceClOrdId);
        clearReplace(order);
        track(order, 1);
    }

    private static void clearReplace(final Order order)
    {
        order.replaceClOrdId = NULL_CLORDID;
        order.replaceQuantity = 0;
        order.replaceLimitPrice = 0;
        order.replaceCheckPrice = 0;
    }

    /**
     * Checkpoints: each working order's amend state, in the order they opened, padded to the table's size so the
     * layout's length is fixed per configuration.
     */
    void writeAmends(final StateCursor cursor)
    {
        int written = 0;
        for (Order order = oldest; order != null; order = order.nextWorking)
        {
            cursor.putLong(order.clOrdId);
            cursor.putLong(order.venueClOrdId);
            cursor.putLong(order.replaceClOrdId);
            cursor.putLong(order.replaceQuantity);
            cursor.putLong(order.replaceLimitPrice);
            cursor.putLong(order.replaceCheckPrice);
            // a cancel queued behind the amend rides in the same word, so the layout stays as it was
            cursor.putLong(order.statusBeforeReplace.ordinal() | (order.cancelAfterReplace ? CANCEL_AFTER_REPLACE : 0));
            written++;
        }
        for (; written < pool.length; written++)
        {
            for (int i = 0; i < 7; i++)
            {
                cursor.putLong(NULL_CLORDID);
            }
        }
    }

    void readAmends(final StateCursor cursor)
    {
        for (int i = 0; i < pool.length; i++)
        {
            final long clOrdId = cursor.getLong();
            final long venueClOrdId = cursor.getLong();
            final long replaceClOrdId = cursor.getLong();
            final long quantity = cursor.getLong();
            final long limitPrice = cursor.getLong();
            final long checkPrice = cursor.getLong();
            final long beforeWord = cursor.getLong();
            final Order order = clOrdId == NULL_CLORDID ? null : working.get(clOrdId);
            if (order == null)
            {
                continue;
            }
            order.statusBeforeReplace = OrderStatus.values()[(int)(beforeWord & ~CANCEL_AFTER_REPLACE)];
            order.cancelAfterReplace = (beforeWord & CANCEL_AFTER_REPLACE) != 0;
            if (venueClOrdId != clOrdId)
            {
                order.venueClOrdId = venueClOrdId;
                working.put(venueClOrdId, order);
            }
            if (replaceClOrdId != NULL_CLORDID)
            {
                requestReplace(order, replaceClOrdId, quantity, limitPrice, checkPrice);
            }
        }
    }

    /**
     * Removes a terminal order from the table and returns it to the pool.
     */
    void release(final Order order)
    {
        track(order, -1);
        working.remove(order.clOrdId);
        if (order.venueClOrdId != order.clOrdId)
        {
            working.remove(order.venueClOrdId);
        }
        if (order.replacePending())
        {
            working.remove(order.replaceClOrdId);
            clearReplace(order);
        }
        unlink(order);
        pool[pooled++] = order;
    }

    /** Adds ({@code sign} 1) or removes (-1) the order's leaves (the larger terms while amending) from the totals. */
    private void track(final Order order, final int sign)
    {
        final long leaves = sign * (order.exposureQuantity() - order.filledQuantity);
        final int instrumentId = order.instrumentId;
        if (order.side == Side.BUY)
        {
            openQuantity[instrumentId] += leaves;
            openBuyQuantity[instrumentId] += leaves;
            openBuyCash += Fixed.notional(order.exposurePrice(), leaves);
        }
        else
        {
            openQuantity[instrumentId] -= leaves;
            openSellQuantity[instrumentId] += leaves;
        }
    }

    private void link(final Order order)
    {
        order.previousWorking = newest;
        order.nextWorking = null;
        if (newest == null)
        {
            oldest = order;
        }
        else
        {
            newest.nextWorking = order;
        }
        newest = order;
    }

    private void unlink(final Order order)
    {
        if (order.previousWorking == null)
        {
            oldest = order.nextWorking;
        }
        else
        {
            order.previousWorking.nextWorking = order.nextWorking;
        }
        if (order.nextWorking == null)
        {
            newest = order.previousWorking;
        }
        else
        {
            order.nextWorking.previousWorking = order.previousWorking;
        }
        order.previousWorking = null;
        order.nextWorking = null;
    }
}
