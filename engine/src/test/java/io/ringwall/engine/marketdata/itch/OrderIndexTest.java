package io.ringwall.engine.marketdata.itch;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order index against a hash map: finds, refused second puts, removal at a found position (which shifts its
 * chain back), growth from a tiny table, at the load factor where chains are long, with sequential reference numbers
 * as ITCH issues them and with random ones.
 */
class OrderIndexTest
{
    @Test
    void putFindRemoveAndASecondPutOfAReferenceHeld()
    {
        final OrderIndex index = new OrderIndex(4);
        assertThat(index.putIfAbsent(42, 7)).isEqualTo(OrderIndex.NONE);
        assertThat(index.putIfAbsent(0, 3)).isEqualTo(OrderIndex.NONE); // reference 0 is a key like any other
        assertThat(index.putIfAbsent(42, 9)).isEqualTo(7);
        assertThat(index.slotAt(index.find(42))).isEqualTo(7);
        assertThat(index.slotAt(index.find(0))).isEqualTo(3);
        assertThat(index.find(43)).isEqualTo(OrderIndex.NONE);
        assertThat(index.size()).isEqualTo(2);
        index.removeAt(index.find(42));
        assertThat(index.find(42)).isEqualTo(OrderIndex.NONE);
        assertThat(index.slotAt(index.find(0))).isEqualTo(3);
        assertThat(index.size()).isEqualTo(1);
        index.clear();
        assertThat(index.find(0)).isEqualTo(OrderIndex.NONE);
        assertThat(index.size()).isZero();
    }

    @Test
    void sequentialAndRandomReferencesMatchAHashMapThroughGrowthAndRemovals()
    {
        for (final boolean sequential : new boolean[] {true, false})
        {
            final SplittableRandom random = new SplittableRandom(sequential ? 1 : 2);
            final OrderIndex index = new OrderIndex(1);
            final Map<Long, Integer> expected = new HashMap<>();
            final long[] live = new long[200_000];
            int liveCount = 0;
            long next = 1;
            for (int step = 0; step < 300_000; step++)
            {
                // Grows to ~20,000 live references, then churns around that (the table stays up to half full).
                final boolean add = liveCount == 0 || random.nextInt(100) < (liveCount < 20_000 ? 70 : 50);
                if (add)
                {
                    final long reference = sequential ? next++ : random.nextLong(1L << 40);
                    final int slot = random.nextInt(1 << 30);
                    final Integer held = expected.putIfAbsent(reference, slot);
                    assertThat(index.putIfAbsent(reference, slot)).isEqualTo(held == null ? OrderIndex.NONE : held);
                    if (held == null)
                    {
                        live[liveCount++] = reference;
                    }
                }
                else
                {
                    final int at = random.nextInt(liveCount);
                    final long reference = live[at];
                    final int position = index.find(reference);
                    assertThat(position).isNotEqualTo(OrderIndex.NONE);
                    assertThat(index.slotAt(position)).isEqualTo(expected.remove(reference));
                    index.removeAt(position);
                    live[at] = live[--liveCount];
                    assertThat(index.find(reference)).isEqualTo(OrderIndex.NONE);
                }
                assertThat(index.size()).isEqualTo(expected.size());
                if (step % 9_973 == 0)
                {
                    for (final Map.Entry<Long, Integer> entry : expected.entrySet())
                    {
                        assertThat(index.slotAt(index.find(entry.getKey()))).isEqualTo(entry.getValue());
                    }
                }
            }
            for (final Map.Entry<Long, Integer> entry : expected.entrySet())
            {
                assertThat(index.slotAt(index.find(entry.getKey()))).isEqualTo(entry.getValue());
            }
        }
    }
}
