package io.ringwall.engine.marketdata.itch;

import java.util.Arrays;

/**
 * Order reference number to the book's slot for the order: open addressing, linear probing, keys and slots side by
 * side in one array (one cache line per probe). Unlike a map with get and remove, a lookup returns the position, so
 * an execute or cancel that takes an order's last shares finds it once and removes it there
 * ({@link #removeAt}, backward-shift deletion: no tombstones, chains stay short).
 *
 * <p>Fibonacci hashing spreads ITCH's sequential reference numbers. Preallocated for twice the expected orders; it
 * doubles when half full, which a day's peak reaches once. Not thread-safe: the book's thread owns it.
 */
final class OrderIndex
{
    /** What {@link #find} and {@link #putIfAbsent} return for "not there". */
    static final int NONE = -1;

    /** Pairs: entries[2p] the reference number, entries[2p + 1] the slot + 1 (0: position p is free). */
    private long[] entries;
    private int mask;
    private int shift;
    private int size;
    private int resizeAt;

    OrderIndex(final int expectedOrders)
    {
        allocate(Math.max(16, Integer.highestOneBit(Math.max(1, expectedOrders) * 2 - 1) << 1));
    }

    /** The position of {@code reference}, or {@link #NONE}; valid until the next put or remove. */
    int find(final long reference)
    {
        final long[] entries = this.entries;
        int position = home(reference);
        while (entries[2 * position + 1] != 0)
        {
            if (entries[2 * position] == reference)
            {
                return position;
            }
            position = (position + 1) & mask;
        }
        return NONE;
    }

    /** The slot held at a position {@link #find} returned. */
    int slotAt(final int position)
    {
        return (int)entries[2 * position + 1] - 1;
    }

    /**
     * Holds {@code slot} for {@code reference} unless the reference is held already.
     *
     * @return {@link #NONE} when it was added, else the slot already held (left as it was).
     */
    int putIfAbsent(final long reference, final int slot)
    {
        if (size >= resizeAt)
        {
            grow();
        }
        int position = home(reference);
        while (entries[2 * position + 1] != 0)
        {
            if (entries[2 * position] == reference)
            {
                return slotAt(position);
            }
            position = (position + 1) & mask;
        }
        entries[2 * position] = reference;
        entries[2 * position + 1] = slot + 1L;
        size++;
        return NONE;
    }

    /** Removes the entry at a position {@link #find} returned, shifting back the entries its chain displaced. */
    void removeAt(final int position)
    {
        final long[] entries = this.entries;
        int hole = position;
        int next = position;
        while (true)
        {
            next = (next + 1) & mask;
            if (entries[2 * next + 1] == 0)
            {
                break;
            }
            final int home = home(entries[2 * next]);
            // The entry may fill the hole unless its home lies (cyclically) after the hole, up to where it sits.
            final boolean homeAfterHole = hole < next ? home > hole && home <= next : home > hole || home <= next;
            if (!homeAfterHole)
            {
                entries[2 * hole] = entries[2 * next];
                entries[2 * hole + 1] = entries[2 * next + 1];
                hole = next;
            }
        }
        entries[2 * hole] = 0;
        entries[2 * hole + 1] = 0;
        size--;
    }

    /** References held. */
    int size()
    {
        return size;
    }

    void clear()
    {
        Arrays.fill(entries, 0);
        size = 0;
    }

    private int home(final long reference)
    {
        return (int)((reference * 0x9E37_79B9_7F4A_7C15L) >>> shift);
    }

    private void allocate(final int positions)
    {
        entries = new long[2 * positions];
        mask = positions - 1;
        shift = 64 - Integer.numberOfTrailingZeros(positions);
        resizeAt = positions / 2;
    }

    private void grow()
    {
        final long[] old = entries;
        allocate(2 * (mask + 1));
        for (int i = 0; i < old.length; i += 2)
        {
            if (old[i + 1] != 0)
            {
                int position = home(old[i]);
                while (entries[2 * position + 1] != 0)
                {
                    position = (position + 1) & mask;
                }
                entries[2 * position] = old[i];
                entries[2 * position + 1] = old[i + 1];
            }
        }
    }
}
