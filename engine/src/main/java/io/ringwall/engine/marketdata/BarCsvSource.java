package io.ringwall.engine.marketdata;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Replays daily bars in the format {@code date,open,high,low,close,volume} (ISO date, decimals). A bar
 * is stamped at its close (the end of its UTC day): that is when it is known. A line is refused when a
 * field does not parse, the date is outside the nanosecond timestamps' range (1677 to 2262), the prices are not
 * positive or low/high do not bound open and close, or the dates do not increase.
 */
public final class BarCsvSource implements MarketDataSource
{
    public static final String HEADER = "date,open,high,low,close,volume";
    private static final long DAY_NS = 86_400_000_000_000L;
    /** The first and last UTC days whose start and close fit in int64 nanoseconds since the epoch. */
    private static final LocalDate FIRST_DAY = LocalDate.ofEpochDay(Math.floorDiv(Long.MIN_VALUE, DAY_NS) + 1);
    private static final LocalDate LAST_DAY = LocalDate.ofEpochDay(Long.MAX_VALUE / DAY_NS - 1);

    private final String location;
    private final int instrumentId;
    private final MalformedLineReporter reporter;

    public BarCsvSource(final String location, final int instrumentId, final MalformedLineReporter reporter)
    {
        this.location = location;
        this.instrumentId = instrumentId;
        this.reporter = reporter;
    }

    @Override
    public SourceStats run(final MarketDataSink sink)
    {
        final long[] lastStart = {Long.MIN_VALUE};
        final long[] prices = new long[4];
        return new CsvLines(location, HEADER, 6).read(reporter, line ->
        {
            final long startNs;
            try
            {
                // Its start and its close (start + a day) must both fit in int64 nanoseconds.
                final long day = LocalDate.parse(line.field(0)).toEpochDay();
                startNs = Math.multiplyExact(day, DAY_NS);
                Math.addExact(startNs, DAY_NS);
            }
            catch (final DateTimeParseException ex)
            {
                return "date '" + line.field(0) + "' is not yyyy-mm-dd";
            }
            catch (final ArithmeticException ex)
            {
                return "date '" + line.field(0) + "' is outside what nanosecond timestamps hold (" + FIRST_DAY +
                    " to " + LAST_DAY + ")";
            }
            for (int i = 0; i < 4; i++)
            {
                final String why = BarChecks.price(line.text(), line.start(i + 1), line.end(i + 1), prices, i);
                if (why != null)
                {
                    return why;
                }
            }
            final String bounds = BarChecks.bounds(prices);
            if (bounds != null)
            {
                return bounds;
            }
            final long volume = BarChecks.volume(line.text(), line.start(5), line.end(5));
            if (volume == Long.MIN_VALUE)
            {
                return "volume '" + line.field(5) + "' is not a non-negative decimal";
            }
            if (startNs <= lastStart[0])
            {
                return "date does not increase";
            }
            lastStart[0] = startNs;
            sink.bar(instrumentId, prices[0], prices[1], prices[2], prices[3], volume, startNs, DAY_NS);
            return null;
        });
    }

    @Override
    public String describe()
    {
        return "bars " + location;
    }
}
