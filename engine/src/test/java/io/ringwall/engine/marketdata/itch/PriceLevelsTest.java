package io.ringwall.engine.marketdata.itch;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price levels against a sorted map: prices at the touch and at every depth to 100 levels, new levels in the gaps,
 * absent prices and overdrawn levels refused with the book unchanged, the best level emptied, growth past the
 * preallocated size from either end, and a long random sequence crowding the touch. For the ladder: prices beyond its
 * window and off the tick (far list) beside ladder prices, a touch leaving the window upwards tick by tick and
 * downwards at once (re-centring), and a wandering touch with stubs and sub-pennies checked at every step.
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

    @Test
    void pricesBeyondTheLadderAndOffTheTickLiveInTheFarListInPriceOrder()
    {
        for (final boolean side : new boolean[] {true, false})
        {
            // A 64-tick ladder placed by the first price with it at index 48: 48 ticks worse fit, 15 better fit.
            final PriceLevels levels = new PriceLevels(side, 64, 4);
            final TreeMap<Long, Long> expected = new TreeMap<>();
            final long touch = 100_0000;
            final long worse = side ? -1 : 1;
            final long[] prices = {
                touch,
                touch + worse * 100 * 10,
                touch + worse * 100 * 48,      // the window's worst tick
                touch + worse * 100 * 49,      // one tick beyond: far
                touch + worse * 100 * 5_000,   // a stub quote: far
                touch + worse * 37,            // off the tick: far, between ladder levels
                touch + worse * (100 * 3 + 1), // off the tick, deeper
                touch - worse * 100 * 15,      // better, the window's best tick
                touch - worse * 1_550,         // better still, off the tick: far, the best, the window stays
            };
            for (int i = 0; i < prices.length; i++)
            {
                change(levels, expected, side, true, prices[i], i + 1);
            }
            assertThat(levels.levels()).isEqualTo(prices.length);
            assertThat(levels.bestPrice()).isEqualTo(touch - worse * 1_550);
            assertThat(levels.bestShares()).isEqualTo(prices.length);
            // Absent prices next to far ones and on empty ticks are refused; then every level goes, best first.
            assertThat(levels.remove(touch + worse * 36, 1)).isFalse();
            assertThat(levels.remove(touch + worse * 100 * 47, 1)).isFalse();
            assertThat(levels.remove(touch + worse * 100 * 4_999, 1)).isFalse();
            assertThat(levels.remove(touch + worse * 100 * 49, 5)).isFalse();
            while (!expected.isEmpty())
            {
                final long best = side ? expected.lastKey() : expected.firstKey();
                change(levels, expected, side, false, best, expected.get(best));
            }
            assertThat(levels.levels()).isZero();
            assertThat(levels.bestPrice()).isZero();
            assertThat(levels.bestShares()).isZero();
        }
    }

    @Test
    void theLadderFollowsATouchThatClimbsTickByTickAndThenCrashesPastIt()
    {
        for (final boolean side : new boolean[] {true, false})
        {
            final PriceLevels levels = new PriceLevels(side, 64, 4);
            final TreeMap<Long, Long> expected = new TreeMap<>();
            final long better = side ? 100 : -100;
            final long start = 500_0000;
            // A resting level deep below, then a best that improves 300 ticks, one at a time, leaving 3 levels
            // behind it: the window is left upwards again and again.
            change(levels, expected, side, true, start - better * 1_000, 7);
            for (int tick = 0; tick < 300; tick++)
            {
                change(levels, expected, side, true, start + better * tick, 10 + tick);
                if (tick >= 3)
                {
                    final long old = start + better * (tick - 3);
                    change(levels, expected, side, false, old, expected.get(old));
                }
            }
            assertThat(levels.bestPrice()).isEqualTo(start + better * 299);
            // The ladder followed: the three levels at the touch are in it, only the deep one is far.
            assertThat(levels.farLevels()).isEqualTo(1);
            // The crash: the three levels at the top go, the best is the deep one about 1,300 ticks away, far from
            // the window; the ladder moves to it and a new level next to it is in the right place.
            for (int tick = 297; tick < 300; tick++)
            {
                change(levels, expected, side, false, start + better * tick, 10 + tick);
            }
            assertThat(levels.bestPrice()).isEqualTo(start - better * 1_000);
            assertThat(levels.bestShares()).isEqualTo(7);
            assertThat(levels.farLevels()).isZero();
            change(levels, expected, side, true, start - better * 1_001, 3);
            change(levels, expected, side, true, start - better * 999, 4);
            assertThat(levels.bestPrice()).isEqualTo(start - better * 999);
            change(levels, expected, side, false, start - better * 999, 4);
            assertThat(levels.bestPrice()).isEqualTo(start - better * 1_000);
            assertThat(levels.levels()).isEqualTo(2);
            assertThat(levels.farLevels()).isZero();
        }
    }

    @Test
    void aTouchWanderingFarAndWideWithStubsAndSubPenniesMatchesASortedMapAtEveryStep()
    {
        for (final int windowTicks : new int[] {64, PriceLevels.DEFAULT_WINDOW_TICKS})
        {
            final SplittableRandom random = new SplittableRandom(22 + windowTicks);
            for (final boolean side : new boolean[] {true, false})
            {
                final PriceLevels levels = new PriceLevels(side, windowTicks, 4);
                final TreeMap<Long, Long> expected = new TreeMap<>();
                long touch = 200_0000;
                for (int step = 0; step < 40_000; step++)
                {
                    // The touch walks, and now and then jumps 200 ticks either way.
                    touch += random.nextInt(100) == 0 ? 100L * (random.nextInt(401) - 200) :
                        100L * (random.nextInt(3) - 1);
                    touch = Math.max(10_0000, touch);
                    final int kind = random.nextInt(100);
                    final long away = kind < 2 ? 100L * random.nextInt(20_000) : kind < 5 ? 1 + random.nextInt(5_000) :
                        100L * Math.min(random.nextInt(60), random.nextInt(60));
                    final long price = Math.max(1, side ? touch - away : touch + away);
                    if (random.nextInt(5) < 3 || expected.isEmpty())
                    {
                        change(levels, expected, side, true, price, 1 + random.nextInt(9));
                    }
                    else
                    {
                        // Mostly a level that exists (the nearest to the drawn price), sometimes more than it holds.
                        final Long held = expected.ceilingKey(price) != null ? expected.ceilingKey(price) :
                            expected.floorKey(price);
                        final long shares = random.nextInt(10) == 0 ? expected.get(held) + 1 :
                            random.nextBoolean() ? expected.get(held) : 1;
                        change(levels, expected, side, false, held, shares);
                    }
                    if (step % 997 == 0)
                    {
                        assertSame(levels, side ? expected.descendingMap() : expected);
                    }
                }
                assertSame(levels, side ? expected.descendingMap() : expected);
                levels.clear();
                assertThat(levels.levels()).isZero();
                assertThat(levels.bestPrice()).isZero();
                change(levels, new TreeMap<>(), side, true, 3_0000, 5);
                assertThat(levels.priceAt(0)).isEqualTo(3_0000);
            }
        }
    }

    /** Adds or removes on both, checks the outcome, the best level and the count. */
    private static void change(final PriceLevels levels, final TreeMap<Long, Long> expected, final boolean bids,
        final boolean add, final long price, final long shares)
    {
        if (add)
        {
            levels.add(price, shares);
            expected.merge(price, shares, Long::sum);
        }
        else
        {
            final Long held = expected.get(price);
            final boolean possible = held != null && held >= shares;
            assertThat(levels.remove(price, shares)).as("remove %d at %d", shares, price).isEqualTo(possible);
            if (possible && held == shares)
            {
                expected.remove(price);
            }
            else if (possible)
            {
                expected.put(price, held - shares);
            }
        }
        assertThat(levels.levels()).isEqualTo(expected.size());
        final Map.Entry<Long, Long> best =
            expected.isEmpty() ? null : bids ? expected.lastEntry() : expected.firstEntry();
        assertThat(levels.bestPrice()).isEqualTo(best == null ? 0 : best.getKey());
        assertThat(levels.bestShares()).isEqualTo(best == null ? 0 : best.getValue());
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
