package io.ringwall.engine.marketdata;

import java.util.SplittableRandom;

import io.ringwall.engine.Fixed;

/**
 * Generates a random-walk trade stream for load tests: {@code count} trades, a seeded generator (the
 * same seed gives the same stream), event times {@code intervalNs} apart. This is an adapter, off the
 * logic thread: randomness here becomes journaled input like any other market data.
 */
public final class SyntheticTradeSource implements MarketDataSource
{
    private final int instrumentId;
    private final long count;
    private final long seed;
    private final long startTimeNs;
    private final long intervalNs;

    public SyntheticTradeSource(final int instrumentId, final long count, final long seed, final long startTimeNs,
        final long intervalNs)
    {
        if (count < 0 || intervalNs < 0)
        {
            throw new IllegalArgumentException("synthetic source: count " + count + " and interval " + intervalNs +
                " must not be negative");
        }
        this.instrumentId = instrumentId;
        this.count = count;
        this.seed = seed;
        this.startTimeNs = startTimeNs;
        this.intervalNs = intervalNs;
    }

    @Override
    public SourceStats run(final MarketDataSink sink)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        long price = 1000 * Fixed.PRICE_SCALE;
        final long floor = Fixed.PRICE_SCALE;
        for (long i = 0; i < count; i++)
        {
            // +-5 bps steps, never below 1.0
            price = Math.max(floor, price + (price / 20_000) * (random.nextInt(3) - 1));
            final long quantity = (1 + random.nextInt(100)) * (Fixed.QUANTITY_SCALE / 100);
            sink.trade(instrumentId, i + 1, price, quantity, startTimeNs + i * intervalNs);
        }
        return new SourceStats(count, count, 0);
    }

    @Override
    public String describe()
    {
        return "synthetic " + count + " trades (seed " + seed + ")";
    }

    @Override
    public long expectedRecords()
    {
        return count;
    }
}
