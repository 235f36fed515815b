package io.ringwall.engine.marketdata;

/**
 * A source's trades as time bars ({@link TimeBars}): what {@code ringwall run --bars 60s} feeds the engine. Works on
 * any trade source (CSV trades, an ITCH book's prints); quotes pass through.
 */
public final class TimeBarSource implements MarketDataSource
{
    private final MarketDataSource trades;
    private final long durationNs;

    public TimeBarSource(final MarketDataSource trades, final long durationNs)
    {
        if (durationNs <= 0)
        {
            throw new IllegalArgumentException("a bar duration must be positive: " + durationNs + " ns");
        }
        this.trades = trades;
        this.durationNs = durationNs;
    }

    @Override
    public SourceStats run(final MarketDataSink sink)
    {
        final TimeBars bars = new TimeBars(sink, durationNs);
        final SourceStats read = trades.run(bars);
        bars.finish();
        return new SourceStats(read.lines(), read.events() - bars.trades() + bars.bars(), read.malformed());
    }

    @Override
    public String describe()
    {
        return trades.describe() + " as " + durationNs / 1_000_000_000.0 + " s bars";
    }
}
