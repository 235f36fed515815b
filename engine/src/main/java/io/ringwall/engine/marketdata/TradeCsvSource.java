package io.ringwall.engine.marketdata;

import io.ringwall.engine.Fixed;

/**
 * Replays recorded trades in the Bitstamp format {@code timestamp,price,amount}: Unix seconds, a
 * decimal price and a decimal amount. A line is refused (reported, counted, skipped) when a field is
 * not a number, the price or amount is not positive or has more decimals than the wire carries, or
 * the time goes backwards.
 */
public final class TradeCsvSource implements MarketDataSource
{
    public static final String HEADER = "timestamp,price,amount";

    private final String location;
    private final int instrumentId;
    private final MalformedLineReporter reporter;

    public TradeCsvSource(final String location, final int instrumentId, final MalformedLineReporter reporter)
    {
        this.location = location;
        this.instrumentId = instrumentId;
        this.reporter = reporter;
    }

    @Override
    public SourceStats run(final MarketDataSink sink)
    {
        final long[] state = {0, 0}; // last time, trade id
        return new CsvLines(location, HEADER, 3).read(reporter, line ->
        {
            final long seconds = Fixed.parse(line.text(), line.start(0), line.end(0), 0);
            if (seconds == Long.MIN_VALUE || seconds < 0 || seconds > 9_000_000_000L)
            {
                return "timestamp '" + line.field(0) + "' is not Unix seconds";
            }
            final long price = Fixed.parse(line.text(), line.start(1), line.end(1), Fixed.PRICE_DECIMALS);
            if (price == Long.MIN_VALUE || price <= 0)
            {
                return "price '" + line.field(1) + "' is not a positive decimal of at most " + Fixed.PRICE_DECIMALS +
                    " places";
            }
            final long quantity = Fixed.parse(line.text(), line.start(2), line.end(2), Fixed.QUANTITY_DECIMALS);
            if (quantity == Long.MIN_VALUE || quantity <= 0)
            {
                return "amount '" + line.field(2) + "' is not a positive decimal of at most " +
                    Fixed.QUANTITY_DECIMALS + " places";
            }
            final long timeNs = seconds * 1_000_000_000L;
            if (timeNs < state[0])
            {
                return "time goes backwards (previous line was later)";
            }
            state[0] = timeNs;
            sink.trade(instrumentId, ++state[1], price, quantity, timeNs);
            return null;
        });
    }

    @Override
    public String describe()
    {
        return "trades " + location;
    }
}
