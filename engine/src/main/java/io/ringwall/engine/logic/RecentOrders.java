package io.ringwall.engine.logic;

import io.ringwall.codecs.Side;

/**
 * The orders sent inside the duplicate window, for the duplicate-prevention check: same instrument, side,
 * quantity and price inside the window is refused. A ring of fixed size; sized from the rate limit so
 * that, while the rate check holds, every order inside the window is still in the ring.
 */
final class RecentOrders
{
    private final int[] instrumentId;
    private final Side[] side;
    private final long[] quantity;
    private final long[] price;
    private final long[] timeNs;
    private final long windowNs;
    private int next;

    RecentOrders(final int capacity, final long windowNs)
    {
        instrumentId = new int[capacity];
        side = new Side[capacity];
        quantity = new long[capacity];
        price = new long[capacity];
        timeNs = new long[capacity];
        this.windowNs = windowNs;
        java.util.Arrays.fill(timeNs, Long.MIN_VALUE);
    }

    /**
     * @return the age of an identical order sent inside the window, or -1 when there is none.
     */
    long ageOfIdentical(final int instrument, final Side orderSide, final long orderQuantity, final long orderPrice,
        final long nowNs)
    {
        if (windowNs == 0)
        {
            return -1;
        }
        // Newest first; times only grow, so the first entry outside the window ends the search.
        int index = next;
        for (int scanned = 0; scanned < timeNs.length; scanned++)
        {
            index = index == 0 ? timeNs.length - 1 : index - 1;
            final long age = nowNs - timeNs[index];
            if (timeNs[index] == Long.MIN_VALUE || age >= windowNs)
            {
                return -1;
            }
            if (instrumentId[index] == instrument && side[index] == orderSide && quantity[index] == orderQuantity &&
                price[index] == orderPrice)
            {
                return age;
            }
        }
        return -1;
    }

    void record(final int instrument, final Side orderSide, final long orderQuantity, final long orderPrice,
        final long nowNs)
    {
        if (windowNs == 0)
        {
            return;
        }
        instrumentId[next] = instrument;
        side[next] = orderSide;
        quantity[next] = orderQuantity;
        price[next] = orderPrice;
        timeNs[next] = nowNs;
        next = next + 1 == timeNs.length ? 0 : next + 1;
    }

    /** Checkpoints: the ring verbatim (a side as its wire value, 0 for an empty slot). */
    void writeState(final StateCursor cursor)
    {
        cursor.putLong(timeNs.length);
        for (int i = 0; i < timeNs.length; i++)
        {
            cursor.putLong(instrumentId[i]);
            cursor.putLong(side[i] == null ? 0 : side[i].value());
            cursor.putLong(quantity[i]);
            cursor.putLong(price[i]);
            cursor.putLong(timeNs[i]);
        }
        cursor.putLong(next);
    }

    void readState(final StateCursor cursor)
    {
        if (cursor.getLong() != timeNs.length)
        {
            throw new IllegalArgumentException("duplicate-order ring of another size in the snapshot");
        }
        for (int i = 0; i < timeNs.length; i++)
        {
            instrumentId[i] = cursor.getInt();
            final int sideValue = cursor.getInt();
            side[i] = sideValue == 0 ? null : Side.get((short)sideValue);
            quantity[i] = cursor.getLong();
            price[i] = cursor.getLong();
            timeNs[i] = cursor.getLong();
        }
        next = cursor.getInt();
    }
}
