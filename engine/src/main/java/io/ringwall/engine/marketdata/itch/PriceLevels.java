package io.ringwall.engine.marketdata.itch;

import java.util.Arrays;

/**
 * One side of a price-level book: the total displayed shares at each price, kept sorted in two primitive arrays with
 * the best price last, so the changes a feed makes most (at or near the touch) move few entries and reading the top
 * is one array access. Bids keep their prices ascending, asks descending (stored negated, so both sort ascending).
 *
 * <p>Preallocated; it grows (doubling) only when a side holds more prices than it ever has, which is rare and then
 * never again for that size. Not thread-safe: one book builder owns it.
 */
final class PriceLevels
{
    private final boolean bids;
    private long[] keys;
    private long[] shares;
    private int count;

    /**
     * @param bids true for the buy side (best = highest price), false for the sell side (best = lowest).
     */
    PriceLevels(final boolean bids, final int initialLevels)
    {
        this.bids = bids;
        this.keys = new long[Math.max(4, initialLevels)];
        this.shares = new long[keys.length];
    }

    /** Adds {@code quantity} shares at {@code price}, making the level when it is new. */
    void add(final long price, final long quantity)
    {
        final long key = key(price);
        final int at = Arrays.binarySearch(keys, 0, count, key);
        if (at >= 0)
        {
            shares[at] += quantity;
            return;
        }
        final int insert = -at - 1;
        if (count == keys.length)
        {
            keys = Arrays.copyOf(keys, count * 2);
            shares = Arrays.copyOf(shares, count * 2);
        }
        System.arraycopy(keys, insert, keys, insert + 1, count - insert);
        System.arraycopy(shares, insert, shares, insert + 1, count - insert);
        keys[insert] = key;
        shares[insert] = quantity;
        count++;
    }

    /**
     * Takes {@code quantity} shares off the level at {@code price}, removing the level when none are left.
     *
     * @return false when there is no level at that price or it holds fewer shares (the book and the feed disagree).
     */
    boolean remove(final long price, final long quantity)
    {
        final int at = Arrays.binarySearch(keys, 0, count, key(price));
        if (at < 0 || shares[at] < quantity)
        {
            return false;
        }
        shares[at] -= quantity;
        if (shares[at] == 0)
        {
            System.arraycopy(keys, at + 1, keys, at, count - at - 1);
            System.arraycopy(shares, at + 1, shares, at, count - at - 1);
            count--;
        }
        return true;
    }

    /** Prices with shares on this side. */
    int levels()
    {
        return count;
    }

    /** The best price (ITCH Price(4) mantissa), 0 when the side is empty. */
    long bestPrice()
    {
        return count == 0 ? 0 : price(count - 1);
    }

    /** Shares at the best price, 0 when the side is empty. */
    long bestShares()
    {
        return count == 0 ? 0 : shares[count - 1];
    }

    /** The price of the level {@code depth} away from the best (0 is the best). */
    long priceAt(final int depth)
    {
        return price(count - 1 - depth);
    }

    /** The shares of the level {@code depth} away from the best (0 is the best). */
    long sharesAt(final int depth)
    {
        return shares[count - 1 - depth];
    }

    /** Empties the side (a new session). */
    void clear()
    {
        count = 0;
    }

    private long key(final long price)
    {
        return bids ? price : -price;
    }

    private long price(final int index)
    {
        return bids ? keys[index] : -keys[index];
    }
}
