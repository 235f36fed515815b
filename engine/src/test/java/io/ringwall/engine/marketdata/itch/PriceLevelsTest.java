package io.ringwall.engine.marketdata.itch;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price levels against a sorted map: prices at the touch and at every depth to 100 levels, new levels in the gaps,
 * absent prices and overdrawn levels refused with the book unchanged, the best level emptied, growth past the
 * preallocated size from either end, and a long random sequence crowding the touch.
 */
class PriceLevelsTest
{
    private static final int DEEP = 100;

    @Test
    void bidsFindLevelsAtEveryDepth()
    {
        final PriceLevels bids = new PriceLevels(true, 4);
        // Prices 100..100+DEEP-1 in steps of 100, added worst first: the best is the last added.
        for (int i = 0; i < DEEP; i++)
        {
            bids.add(100 * (i + 1), 1);
        }
        assertThat(bids.levels()).isEqualTo(DEEP);
        assertThat(bids.bestPrice()).isEqualTo(100L * DEEP);
        // every depth: the best, the gallop's probes (1, 3, 7, 15 ... deep), either side of them, the deepest
        for (int depth = 0; depth < DEEP; depth++)
        {
            final long price = 100L * (DEEP - depth);
            bids.add(price, 10);
            assertThat(bids.priceAt(depth)).isEqualTo(price);
            assertThat(bids.sharesAt(depth)).isEqualTo(11);
            assertThat(bids.levels()).isEqualTo(DEEP);
        }
        // New levels between existing ones, deep and near, and below the worst.
        bids.add(150, 5);
        bids.add(100L * DEEP - 50, 6);
        bids.add(50, 7);
        assertThat(bids.levels()).isEqualTo(DEEP + 3);
        assertThat(bids.priceAt(1)).isEqualTo(100L * DEEP - 50);
        assertThat(bids.sharesAt(1)).isEqualTo(6);
        assertThat(bids.priceAt(DEEP)).isEqualTo(150);
        assertThat(bids.sharesAt(DEEP)).isEqualTo(5);
        assertThat(bids.priceAt(DEEP + 1)).isEqualTo(100);
        assertThat(bids.sharesAt(DEEP + 1)).isEqualTo(11);
        assertThat(bids.priceAt(DEEP + 2)).isEqualTo(50);
        assertThat(bids.sharesAt(DEEP + 2)).isEqualTo(7);
        assertSortedBestFirst(bids, true);
    }

    @Test
    void absentPricesAndOverdrawnLevelsAreRefusedWhereverTheyWouldBe()
    {
        final PriceLevels asks = new PriceLevels(false, 4);
        for (int i = 0; i < DEEP; i++)
        {
            asks.add(10_000 + 100 * i, 3);
        }
        // Absent: above the worst, between levels deep and near, below the best.
        assertThat(asks.remove(10_000 + 100L * DEEP, 1)).isFalse();
        assertThat(asks.remove(10_050, 1)).isFalse();
        assertThat(asks.remove(10_000 + 100L * (DEEP - 1) - 50, 1)).isFalse();
        assertThat(asks.remove(9_900, 1)).isFalse();
        for (int depth = 0; depth < DEEP; depth++)
        {
            assertThat(asks.remove(10_000 + 100L * depth + 50, 1)).isFalse();
        }
        // Present but holding fewer shares, near and deep: refused and left as it was.
        assertThat(asks.remove(10_000, 4)).isFalse();
        assertThat(asks.remove(10_000 + 100L * (DEEP - 1), 4)).isFalse();
        assertThat(asks.levels()).isEqualTo(DEEP);
        assertThat(asks.bestShares()).isEqualTo(3);
        assertThat(asks.sharesAt(DEEP - 1)).isEqualTo(3);
    }

    @Test
    void emptyingTheBestLevelMakesTheNextOneBestOnBothSides()
    {
        final PriceLevels bids = new PriceLevels(true, 4);
        final PriceLevels asks = new PriceLevels(false, 4);
        for (int i = 0; i < 3; i++)
        {
            bids.add(1_000 - 100 * i, 10);
            asks.add(1_100 + 100 * i, 20);
        }
        assertThat(bids.remove(1_000, 4)).isTrue();
        assertThat(bids.bestPrice()).isEqualTo(1_000);
        assertThat(bids.bestShares()).isEqualTo(6);
        assertThat(bids.remove(1_000, 6)).isTrue();
        assertThat(bids.bestPrice()).isEqualTo(900);
        assertThat(bids.bestShares()).isEqualTo(10);
        assertThat(bids.levels()).isEqualTo(2);
        assertThat(asks.remove(1_100, 20)).isTrue();
        assertThat(asks.bestPrice()).isEqualTo(1_200);
        assertThat(asks.bestShares()).isEqualTo(20);
        assertThat(asks.remove(1_200, 20)).isTrue();
        assertThat(asks.remove(1_300, 20)).isTrue();
        assertThat(asks.levels()).isZero();
        assertThat(asks.bestPrice()).isZero();
        assertThat(asks.bestShares()).isZero();
        // An emptied side takes a level again.
        asks.add(1_500, 1);
        assertThat(asks.bestPrice()).isEqualTo(1_500);
        assertThat(asks.levels()).isEqualTo(1);
    }

    @Test
    void growsPastItsPreallocatedSizeFromEitherEndAndKeepsEveryLevel()
    {
        final PriceLevels bids = new PriceLevels(true, 4);
        // Alternately a new best and a new worst, so growth happens with inserts at both ends.
        for (int i = 0; i < 500; i++)
        {
            bids.add(100_000 + 100L * i, i + 1);
            bids.add(100_000 - 100L * (i + 1), i + 1);
        }
        assertThat(bids.levels()).isEqualTo(1000);
        assertThat(bids.bestPrice()).isEqualTo(100_000 + 100L * 499);
        assertThat(bids.bestShares()).isEqualTo(500);
        assertThat(bids.priceAt(999)).isEqualTo(100_000 - 100L * 500);
        assertThat(bids.sharesAt(999)).isEqualTo(500);
        assertSortedBestFirst(bids, true);
        for (int i = 0; i < 500; i++)
        {
            assertThat(bids.remove(100_000 + 100L * i, i + 1)).isTrue();
            assertThat(bids.remove(100_000 - 100L * (i + 1), i + 1)).isTrue();
        }
        assertThat(bids.levels()).isZero();
    }

    @Test
    void aLongRandomSequenceCrowdingTheTouchMatchesASortedMap()
    {
        final SplittableRandom random = new SplittableRandom(8);
        for (final boolean side : new boolean[] {true, false})
        {
            final PriceLevels levels = new PriceLevels(side, 8);
            final TreeMap<Long, Long> expected = new TreeMap<>();
            for (int step = 0; step < 200_000; step++)
            {
                // Ticks from a fixed touch: mostly near it, now and then hundreds of ticks away.
                final int ticks = random.nextInt(10) == 0 ? random.nextInt(400) : random.nextInt(12);
                final long price = side ? 5_000_000 - 100L * ticks : 5_000_100 + 100L * ticks;
                final long shares = 1 + random.nextInt(5);
                if (random.nextBoolean())
                {
                    levels.add(price, shares);
                    expected.merge(price, shares, Long::sum);
                }
                else
                {
                    final Long held = expected.get(price);
                    final boolean possible = held != null && held >= shares;
                    assertThat(levels.remove(price, shares)).isEqualTo(possible);
                    if (possible)
                    {
                        if (held == shares)
                        {
                            expected.remove(price);
                        }
                        else
                        {
                            expected.put(price, held - shares);
                        }
                    }
                }
                if (step % 997 == 0)
                {
                    assertSame(levels, side ? expected.descendingMap() : expected);
                }
            }
            assertSame(levels, side ? expected.descendingMap() : expected);
        }
    }

    private static void assertSame(final PriceLevels levels, final Map<Long, Long> bestFirst)
    {
        assertThat(levels.levels()).isEqualTo(bestFirst.size());
        int depth = 0;
        for (final Map.Entry<Long, Long> level : bestFirst.entrySet())
        {
            assertThat(levels.priceAt(depth)).isEqualTo(level.getKey());
            assertThat(levels.sharesAt(depth)).isEqualTo(level.getValue());
            depth++;
        }
    }

    private static void assertSortedBestFirst(final PriceLevels levels, final boolean bids)
    {
        for (int depth = 1; depth < levels.levels(); depth++)
        {
            if (bids)
            {
                assertThat(levels.priceAt(depth)).isLessThan(levels.priceAt(depth - 1));
            }
            else
            {
                assertThat(levels.priceAt(depth)).isGreaterThan(levels.priceAt(depth - 1));
            }
        }
    }
}
