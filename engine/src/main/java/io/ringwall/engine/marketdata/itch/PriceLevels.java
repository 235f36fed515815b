package io.ringwall.engine.marketdata.itch;

import java.util.Arrays;

/**
 * One side of a price-level book: the total displayed shares at each price. Most of a feed's changes land within a
 * few cents of the touch, so the prices near it live in a ladder: an array of shares indexed by ticks from a base
 * price, found with one subtraction and no search. Prices the ladder cannot hold (further than its window, or off
 * the penny tick, e.g. sub-dollar quotes) go to a sorted "far" list, as every price did before the ladder.
 *
 * <p>Both sides work on one ordering: a key that is the price for bids and minus the price for asks, so the best
 * level is always the highest key. The ladder window covers {@code windowTicks} ticks; a bitmap of occupied ticks
 * finds the next best level when the best one empties (a few word scans, only then). The window is re-centred on the
 * best price, with a quarter of the window above it for improving prices, when an add improves the best beyond the
 * window's top, when the window empties while far levels remain, and when an empty side takes its first level
 * (free then). Re-centring moves levels between the ladder and the far list, so it costs the number of levels, and is
 * rare: the touch has to move a quarter of the window at once.
 *
 * <p>Preallocated; the far list grows (doubling) only when a side holds more far prices than it ever has. Not
 * thread-safe: one book builder owns it.
 */
final class PriceLevels
{
    /** The tick of ITCH prices of $1 and more (Reg NMS Rule 612: $0.01, 100 in Price(4)). */
    static final long TICK = 100;
    /** Ticks the ladder covers by default: $20.48 at the penny tick, 16 KB per side. */
    static final int DEFAULT_WINDOW_TICKS = 2048;
    /** No key: below every key a price makes (prices are positive 32-bit numbers). */
    private static final long NO_KEY = Long.MIN_VALUE;

    private final boolean bids;
    private final int windowTicks;
    private final long windowSpan;
    /** Shares per tick of the window, 0 for no level. */
    private final long[] windowShares;
    /** One bit per tick of the window: set when it holds a level. */
    private final long[] occupied;
    /** The key of the window's first tick; a multiple of {@link #TICK}. */
    private long baseKey;
    private int windowLevels;

    /** Levels the window cannot hold, keys ascending (best last). */
    private long[] farKeys;
    private long[] farShares;
    private int farCount;
    /** Where a re-centring merges the window into the far list; swapped with it. */
    private long[] scratchKeys;
    private long[] scratchShares;

    /** The best level's key, meaningful when the side holds a level. */
    private long bestKey;
    /** The best level's window index, -1 when it is in the far list. */
    private int bestIndex = -1;

    /**
     * @param bids true for the buy side (best = highest price), false for the sell side (best = lowest).
     * @param initialFarLevels levels outside the ladder held before the far list grows.
     */
    PriceLevels(final boolean bids, final int initialFarLevels)
    {
        this(bids, DEFAULT_WINDOW_TICKS, initialFarLevels);
    }

    /**
     * @param windowTicks ticks the ladder covers: a power of two, at least 64.
     */
    PriceLevels(final boolean bids, final int windowTicks, final int initialFarLevels)
    {
        if (windowTicks < 64 || Integer.bitCount(windowTicks) != 1)
        {
            throw new IllegalArgumentException("the ladder's ticks must be a power of two >= 64: " + windowTicks);
        }
        this.bids = bids;
        this.windowTicks = windowTicks;
        this.windowSpan = windowTicks * TICK;
        this.windowShares = new long[windowTicks];
        this.occupied = new long[windowTicks >>> 6];
        final int far = Math.max(4, initialFarLevels);
        this.farKeys = new long[far];
        this.farShares = new long[far];
        this.scratchKeys = new long[far];
        this.scratchShares = new long[far];
    }

    /** Adds {@code quantity} shares at {@code price}, making the level when it is new. */
    void add(final long price, final long quantity)
    {
        final long key = key(price);
        final boolean wasEmpty = levels() == 0;
        if (wasEmpty)
        {
            // Nothing to move: placing the window on the first price is free.
            centreOn(key);
        }
        final int index = windowIndex(key);
        if (index >= 0)
        {
            if (windowShares[index] == 0)
            {
                occupied[index >>> 6] |= 1L << index;
                windowLevels++;
            }
            windowShares[index] += quantity;
        }
        else
        {
            farAdd(key, quantity);
        }
        if (wasEmpty || key > bestKey)
        {
            bestKey = key;
            bestIndex = index;
            if (key >= baseKey + windowSpan && key % TICK == 0)
            {
                // The touch left the window upwards: follow it, or every change at the touch would search. (A
                // price off the tick stays far wherever the window is: no reason to move it.)
                centreOn(key);
            }
        }
    }

    /**
     * Takes {@code quantity} shares off the level at {@code price}, removing the level when none are left.
     *
     * @return false when there is no level at that price or it holds fewer shares (the book and the feed disagree).
     */
    boolean remove(final long price, final long quantity)
    {
        final long key = key(price);
        final int index = windowIndex(key);
        if (index >= 0)
        {
            final long held = windowShares[index];
            if (held == 0 || held < quantity)
            {
                return false;
            }
            windowShares[index] = held - quantity;
            if (held == quantity)
            {
                occupied[index >>> 6] &= ~(1L << index);
                windowLevels--;
                if (key == bestKey)
                {
                    // No window level is above the best: the next one is at or below it.
                    findBest(index);
                }
            }
            return true;
        }
        final int at = Arrays.binarySearch(farKeys, 0, farCount, key);
        if (at < 0 || farShares[at] < quantity)
        {
            return false;
        }
        farShares[at] -= quantity;
        if (farShares[at] == 0)
        {
            System.arraycopy(farKeys, at + 1, farKeys, at, farCount - at - 1);
            System.arraycopy(farShares, at + 1, farShares, at, farCount - at - 1);
            farCount--;
            if (key == bestKey)
            {
                findBest(windowTicks - 1);
            }
        }
        return true;
    }

    /** Prices with shares on this side. */
    int levels()
    {
        return windowLevels + farCount;
    }

    /** Of {@link #levels()}, those outside the ladder (in the far list): where the ladder is, for tests. */
    int farLevels()
    {
        return farCount;
    }

    /** The best price (ITCH Price(4) mantissa), 0 when the side is empty. */
    long bestPrice()
    {
        return levels() == 0 ? 0 : price(bestKey);
    }

    /** Shares at the best price, 0 when the side is empty. */
    long bestShares()
    {
        if (levels() == 0)
        {
            return 0;
        }
        // The best is the highest key: in the far list, its last entry.
        return bestIndex >= 0 ? windowShares[bestIndex] : farShares[farCount - 1];
    }

    /** The price of the level {@code depth} away from the best (0 is the best). Walks the levels: not for the feed. */
    long priceAt(final int depth)
    {
        return levelAt(depth, false);
    }

    /** The shares of the level {@code depth} away from the best (0 is the best). Walks the levels: not for the feed. */
    long sharesAt(final int depth)
    {
        return levelAt(depth, true);
    }

    /** Empties the side (a new session). */
    void clear()
    {
        Arrays.fill(windowShares, 0);
        Arrays.fill(occupied, 0);
        windowLevels = 0;
        farCount = 0;
        bestIndex = -1;
    }

    /** The window index of a key, -1 when the window cannot hold it (outside, or off the tick). */
    private int windowIndex(final long key)
    {
        final long offset = key - baseKey;
        if (offset < 0 || offset >= windowSpan || offset % TICK != 0)
        {
            return -1;
        }
        return (int)(offset / TICK);
    }

    /** After the best level emptied: the highest level left, from the window at or below {@code fromIndex}. */
    private void findBest(final int fromIndex)
    {
        final int index = windowLevels == 0 ? -1 : highestOccupied(fromIndex);
        final long windowKey = index < 0 ? NO_KEY : baseKey + index * TICK;
        final long farKey = farCount == 0 ? NO_KEY : farKeys[farCount - 1];
        if (windowKey > farKey)
        {
            bestKey = windowKey;
            bestIndex = index;
            return;
        }
        bestKey = farKey;
        bestIndex = -1;
        if (windowLevels == 0 && farKey != NO_KEY && farKey % TICK == 0)
        {
            // The touch left the window (downwards, or it was far all along): bring the ladder to it. Not for a
            // price off the tick, which the window cannot hold: that would move every level for nothing.
            centreOn(farKey);
        }
    }

    /** The highest occupied window index at or below {@code from}, -1 when none. */
    private int highestOccupied(final int from)
    {
        int word = from >>> 6;
        long bits = occupied[word] & (-1L >>> (63 - (from & 63)));
        while (bits == 0)
        {
            if (--word < 0)
            {
                return -1;
            }
            bits = occupied[word];
        }
        return (word << 6) + 63 - Long.numberOfLeadingZeros(bits);
    }

    /**
     * Moves the window so that {@code key}'s tick sits a quarter of the window below its top, and moves the levels
     * between the window and the far list so that the far list holds exactly the keys the window cannot.
     */
    private void centreOn(final long key)
    {
        final long newBaseKey = Math.floorDiv(key, TICK) * TICK - (long)(windowTicks - windowTicks / 4) * TICK;
        if (newBaseKey == baseKey)
        {
            return;
        }
        if (windowLevels > 0)
        {
            windowIntoFar();
        }
        baseKey = newBaseKey;
        int kept = 0;
        for (int i = 0; i < farCount; i++)
        {
            final long farKey = farKeys[i];
            final int index = windowIndex(farKey);
            if (index >= 0)
            {
                occupied[index >>> 6] |= 1L << index;
                windowShares[index] = farShares[i];
                windowLevels++;
            }
            else
            {
                farKeys[kept] = farKey;
                farShares[kept++] = farShares[i];
            }
        }
        farCount = kept;
        bestIndex = levels() == 0 ? -1 : windowIndex(bestKey);
    }

    /** Empties the window into the far list, merging two ascending runs through the scratch arrays. */
    private void windowIntoFar()
    {
        final int merged = farCount + windowLevels;
        if (scratchKeys.length < merged)
        {
            scratchKeys = new long[Math.max(merged, scratchKeys.length * 2)];
            scratchShares = new long[scratchKeys.length];
        }
        int far = 0;
        int out = 0;
        for (int word = 0; word < occupied.length; word++)
        {
            long bits = occupied[word];
            while (bits != 0)
            {
                final int index = (word << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                final long key = baseKey + index * TICK;
                while (far < farCount && farKeys[far] < key)
                {
                    scratchKeys[out] = farKeys[far];
                    scratchShares[out++] = farShares[far++];
                }
                scratchKeys[out] = key;
                scratchShares[out++] = windowShares[index];
                windowShares[index] = 0;
            }
            occupied[word] = 0;
        }
        while (far < farCount)
        {
            scratchKeys[out] = farKeys[far];
            scratchShares[out++] = farShares[far++];
        }
        final long[] keys = farKeys;
        final long[] shares = farShares;
        farKeys = scratchKeys;
        farShares = scratchShares;
        scratchKeys = keys;
        scratchShares = shares;
        farCount = out;
        windowLevels = 0;
    }

    private void farAdd(final long key, final long quantity)
    {
        final int at = Arrays.binarySearch(farKeys, 0, farCount, key);
        if (at >= 0)
        {
            farShares[at] += quantity;
            return;
        }
        final int insert = -at - 1;
        if (farCount == farKeys.length)
        {
            farKeys = Arrays.copyOf(farKeys, farCount * 2);
            farShares = Arrays.copyOf(farShares, farCount * 2);
        }
        System.arraycopy(farKeys, insert, farKeys, insert + 1, farCount - insert);
        System.arraycopy(farShares, insert, farShares, insert + 1, farCount - insert);
        farKeys[insert] = key;
        farShares[insert] = quantity;
        farCount++;
    }

    /** The key or the shares of the level {@code depth} from the best: the window and the far list merged, best first. */
    private long levelAt(final int depth, final boolean shares)
    {
        if (depth < 0 || depth >= levels())
        {
            throw new IndexOutOfBoundsException("depth " + depth + " of " + levels() + " levels");
        }
        int window = windowLevels == 0 ? -1 : highestOccupied(windowTicks - 1);
        int far = farCount - 1;
        for (int at = 0; ; at++)
        {
            final long windowKey = window < 0 ? NO_KEY : baseKey + window * TICK;
            final long farKey = far < 0 ? NO_KEY : farKeys[far];
            final boolean fromWindow = windowKey > farKey;
            if (at == depth)
            {
                if (shares)
                {
                    return fromWindow ? windowShares[window] : farShares[far];
                }
                return price(fromWindow ? windowKey : farKey);
            }
            if (fromWindow)
            {
                window = window == 0 ? -1 : highestOccupied(window - 1);
            }
            else
            {
                far--;
            }
        }
    }

    private long key(final long price)
    {
        return bids ? price : -price;
    }

    private long price(final long key)
    {
        return bids ? key : -key;
    }
}
