package io.ringwall.tools.validation;

import java.util.Arrays;

import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;

/**
 * Market data decoded once and kept in memory, read-only after {@link #record}: the many backtests of a
 * validation replay it (or a time slice of it) from several threads at once without reading the file again.
 * Records are kept in the order the source delivered them, with the event time each one drives the clock to
 * (a trade's exchange time, a bar's end), which slices are cut on.
 */
public final class RecordedMarketData
{
    private static final byte TRADE = 0;
    private static final byte BAR = 1;
    private static final byte QUOTE = 2;
    private static final byte TRADING_STATUS = 3;

    private final String description;
    private final int size;
    private final byte[] kind;
    private final int[] instrumentId;
    /**
     * Trade: trade id, price, quantity. Bar: open, high, low, close, volume, start, duration. Quote (an order-book
     * feed's top of book): bid, bid quantity, ask, ask quantity. Trading status (an exchange's halt or resume of the
     * instrument): the InstrumentTradingState value, the reason code. A file's feed has no live gap or silence, so
     * no FeedHealth is recorded.
     */
    private final long[][] fields;
    private final long[] eventTimeNs;

    private RecordedMarketData(final String description, final Recorder recorder)
    {
        this.description = description;
        this.size = recorder.size;
        this.kind = Arrays.copyOf(recorder.kind, size);
        this.instrumentId = Arrays.copyOf(recorder.instrumentId, size);
        this.fields = new long[recorder.fields.length][];
        for (int f = 0; f < fields.length; f++)
        {
            fields[f] = Arrays.copyOf(recorder.fields[f], size);
        }
        this.eventTimeNs = Arrays.copyOf(recorder.eventTimeNs, size);
    }

    /** Reads {@code source} to its end, once. */
    public static RecordedMarketData record(final MarketDataSource source)
    {
        final Recorder recorder = new Recorder();
        source.run(recorder);
        return new RecordedMarketData(source.describe(), recorder);
    }

    public int size()
    {
        return size;
    }

    /** @return event time of the first record; {@link Long#MIN_VALUE} when empty. */
    public long firstTimeNs()
    {
        return size == 0 ? Long.MIN_VALUE : eventTimeNs[0];
    }

    /** @return event time of the last record; {@link Long#MIN_VALUE} when empty. */
    public long lastTimeNs()
    {
        return size == 0 ? Long.MIN_VALUE : eventTimeNs[size - 1];
    }

    /** @return every record. */
    public MarketDataSource all()
    {
        return new Slice(0, size, description);
    }

    /**
     * @return the records whose event time is in [fromNs, toNs), in delivery order (times never decrease in the
     * bundled files; a record out of order is placed by the first record at or after its slice's start).
     */
    public MarketDataSource slice(final long fromNs, final long toNs)
    {
        final int from = firstAtOrAfter(fromNs);
        final int to = Math.max(from, firstAtOrAfter(toNs));
        return new Slice(from, to, description + " [" + fromNs + ", " + toNs + ")");
    }

    private int firstAtOrAfter(final long timeNs)
    {
        int low = 0;
        int high = size;
        while (low < high)
        {
            final int mid = (low + high) >>> 1;
            if (eventTimeNs[mid] < timeNs)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    /** A read-only view of [from, to); any number of threads may run views at once. */
    private final class Slice implements MarketDataSource
    {
        private final int from;
        private final int to;
        private final String name;

        Slice(final int from, final int to, final String name)
        {
            this.from = from;
            this.to = to;
            this.name = name;
        }

        @Override
        public SourceStats run(final MarketDataSink sink)
        {
            for (int i = from; i < to; i++)
            {
                if (kind[i] == TRADE)
                {
                    sink.trade(instrumentId[i], fields[0][i], fields[1][i], fields[2][i], eventTimeNs[i]);
                }
                else if (kind[i] == QUOTE)
                {
                    sink.quote(instrumentId[i], fields[0][i], fields[1][i], fields[2][i], fields[3][i], eventTimeNs[i]);
                }
                else if (kind[i] == TRADING_STATUS)
                {
                    sink.tradingStatus(instrumentId[i], io.ringwall.codecs.InstrumentTradingState.get(
                        (short)fields[0][i]), (int)fields[1][i], eventTimeNs[i]);
                }
                else
                {
                    sink.bar(instrumentId[i], fields[0][i], fields[1][i], fields[2][i], fields[3][i], fields[4][i],
                        fields[5][i], fields[6][i]);
                }
            }
            return new SourceStats(to - from, to - from, 0);
        }

        @Override
        public String describe()
        {
            return name;
        }

        @Override
        public long expectedRecords()
        {
            return to - from;
        }
    }

    /** Collects what a source delivers into growable arrays. */
    private static final class Recorder implements MarketDataSink
    {
        byte[] kind = new byte[1024];
        int[] instrumentId = new int[1024];
        long[][] fields = new long[7][1024];
        long[] eventTimeNs = new long[1024];
        int size;

        @Override
        public void trade(final int instrument, final long tradeId, final long price, final long quantity,
            final long exchangeTimeNs)
        {
            final int at = next(TRADE, instrument, exchangeTimeNs);
            fields[0][at] = tradeId;
            fields[1][at] = price;
            fields[2][at] = quantity;
        }

        @Override
        public void bar(final int instrument, final long open, final long high, final long low, final long close,
            final long volume, final long startTimeNs, final long durationNs)
        {
            final int at = next(BAR, instrument, startTimeNs + durationNs);
            fields[0][at] = open;
            fields[1][at] = high;
            fields[2][at] = low;
            fields[3][at] = close;
            fields[4][at] = volume;
            fields[5][at] = startTimeNs;
            fields[6][at] = durationNs;
        }

        @Override
        public void quote(final int instrument, final long bidPrice, final long bidQuantity, final long askPrice,
            final long askQuantity, final long exchangeTimeNs)
        {
            final int at = next(QUOTE, instrument, exchangeTimeNs);
            fields[0][at] = bidPrice;
            fields[1][at] = bidQuantity;
            fields[2][at] = askPrice;
            fields[3][at] = askQuantity;
        }

        @Override
        public void tradingStatus(final int instrument, final io.ringwall.codecs.InstrumentTradingState state,
            final int reasonCode, final long exchangeTimeNs)
        {
            final int at = next(TRADING_STATUS, instrument, exchangeTimeNs);
            fields[0][at] = state.value();
            fields[1][at] = reasonCode;
        }

        private int next(final byte recordKind, final int instrument, final long timeNs)
        {
            if (size == kind.length)
            {
                final int grown = size * 2;
                kind = Arrays.copyOf(kind, grown);
                instrumentId = Arrays.copyOf(instrumentId, grown);
                eventTimeNs = Arrays.copyOf(eventTimeNs, grown);
                for (int f = 0; f < fields.length; f++)
                {
                    fields[f] = Arrays.copyOf(fields[f], grown);
                }
            }
            kind[size] = recordKind;
            instrumentId[size] = instrument;
            eventTimeNs[size] = timeNs;
            return size++;
        }
    }
}
