package io.ringwall.perf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.itch.AddOrder;
import io.ringwall.engine.marketdata.itch.AddOrderWithMpid;
import io.ringwall.engine.marketdata.itch.ItchBook;
import io.ringwall.engine.marketdata.itch.ItchDecoder;
import io.ringwall.engine.marketdata.itch.ItchFields;
import io.ringwall.engine.marketdata.itch.ItchListener;
import io.ringwall.engine.marketdata.itch.Noii;
import io.ringwall.engine.marketdata.itch.OrderCancel;
import io.ringwall.engine.marketdata.itch.OrderDelete;
import io.ringwall.engine.marketdata.itch.OrderExecuted;
import io.ringwall.engine.marketdata.itch.OrderExecutedWithPrice;
import io.ringwall.engine.marketdata.itch.OrderReplace;
import io.ringwall.engine.marketdata.itch.Trade;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TotalView-ITCH 5.0 decode throughput over a BinaryFILE-framed buffer of 65,536 messages in roughly the mix of a
 * Nasdaq day (adds ~42%, deletes ~38%, replaces ~8%, executions ~5%, NOII ~4%, cancels ~2%, the rest trades and
 * adds with MPID), beside a raw scan of the same buffer in the same run: the scan walks the length prefixes and
 * reads each message's type byte and one 8-byte word, the least any decoder must do. Scores are messages per
 * second ({@code @OperationsPerInvocation}); the ratio is the decoder's cost over touching the bytes.
 *
 * <p>The decoder goes through {@link ItchDecoder} and a listener that folds the fields a book reads into a sum, so
 * the JIT can drop neither the dispatch nor the reads. Run: {@code scripts/ringwall bench -prof gc ItchDecode}
 * (0 B/op expected).
 *
 * <p>{@link #decodeAndBook} runs a second, self-consistent stream (every execute, cancel, delete and replace names a
 * live order; the same mix; 8 symbols, all followed, prices within 100 ticks of the touch and crowding it, replaces
 * keeping their side) into
 * {@link ItchBook}, whose trades and quotes go to a sink that sums them; {@link #rawScanBookFeed} scans that same
 * stream. The stream ends by deleting every order left, so each pass starts from an empty book and is the same.
 *
 * <p>Nothing is dead code: each benchmark returns its sum (JMH sinks a return value into its Blackhole), and the book's
 * work ends in the sink's sum. Each benchmark also reports {@link CpuTime}'s {@code messages} and {@code cpuNs}:
 * their quotient is messages per CPU second, which the machine's other load does not take away as it does from the
 * wall-clock score.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ItchDecodeBenchmark
{
    static final int MESSAGES = 65_536;

    private final ItchDecoder decoder = new ItchDecoder();
    private final BookFieldsListener listener = new BookFieldsListener();
    private UnsafeBuffer buffer;
    private int length;

    private static final String[] SYMBOLS = {"AAPL", "MSFT", "AMZN", "NVDA", "META", "GOOG", "TSLA", "AVGO"};
    private final SummingSink sink = new SummingSink();
    private ItchBook book;
    private UnsafeBuffer bookFeed;
    private int bookFeedLength;
    private int bookFeedMessages;

    @Setup
    public void setUp()
    {
        final ByteBuffer out = ByteBuffer.allocate(MESSAGES * 52);
        final SplittableRandom random = new SplittableRandom(22);
        long timestamp = 34_200_000_000_000L;
        for (int i = 0; i < MESSAGES; i++)
        {
            timestamp += 1 + random.nextInt(20_000);
            final int pick = random.nextInt(1000);
            final int locate = 1 + random.nextInt(8000);
            final long order = 1_000_000L + random.nextInt(1 << 24);
            final char type = pick < 420 ? 'A' : pick < 800 ? 'D' : pick < 880 ? 'U' : pick < 915 ? 'E' :
                pick < 930 ? 'C' : pick < 970 ? 'I' : pick < 985 ? 'X' : pick < 995 ? 'P' : 'F';
            final int start = out.position();
            out.putShort((short)0).put((byte)type).putShort((short)locate).putShort((short)i)
                .putShort((short)(timestamp >>> 32)).putInt((int)timestamp);
            switch (type)
            {
                case 'A', 'F' ->
                {
                    out.putLong(order).put((byte)(random.nextBoolean() ? 'B' : 'S')).putInt(100 * (1 + random.nextInt(10)))
                        .put("AAPL    ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(1_500_000 + random.nextInt(10_000));
                    if (type == 'F')
                    {
                        out.put("VIRT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                }
                case 'D' -> out.putLong(order);
                case 'U' -> out.putLong(order).putLong(order + 1).putInt(100).putInt(1_500_100);
                case 'E' -> out.putLong(order).putInt(100).putLong(i);
                case 'C' -> out.putLong(order).putInt(100).putLong(i).put((byte)'Y').putInt(1_500_200);
                case 'X' -> out.putLong(order).putInt(50);
                case 'P' -> out.putLong(0).put((byte)'B').putInt(100)
                    .put("MSFT    ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(4_150_000).putLong(i);
                default -> out.putLong(1_000_000).putLong(20_000).put((byte)'B')
                    .put("AAPL    ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .putInt(1_500_000).putInt(1_500_100).putInt(1_500_050).put((byte)'O').put((byte)'L');
            }
            out.putShort(start, (short)(out.position() - start - 2));
        }
        length = out.position();
        buffer = new UnsafeBuffer(java.util.Arrays.copyOf(out.array(), length));
        final int decoded = decodeAll();
        if (decoded != MESSAGES)
        {
            throw new IllegalStateException("the benchmark's messages do not decode: " + decoded + " of " + MESSAGES);
        }
        setUpBookFeed();
        // Warm the code before JMH's warmup, by passes rather than by time: on the shared machine a benchmark at
        // nice 19 may get a tenth of a core, and 3 warmup seconds of that can leave the measured iterations running
        // code the JIT has not finished compiling (seen under load: iterations at a third of the CPU-time rate of
        // the others, which this is meant to rule out).
        for (int pass = 0; pass < WARM_PASSES; pass++)
        {
            decodeAll();
            bookAll();
            scan(buffer, length);
            scan(bookFeed, bookFeedLength);
        }
    }

    /** Passes of every workload in the setup: past the JIT's compile thresholds (65,536 messages a pass). */
    private static final int WARM_PASSES = 10;

    private void setUpBookFeed()
    {
        final BookFeedWriter writer = new BookFeedWriter(MESSAGES + 32_768);
        for (int i = 0; i < SYMBOLS.length; i++)
        {
            writer.directory(i + 1, SYMBOLS[i]);
        }
        final SplittableRandom random = new SplittableRandom(23);
        final long[] live = new long[MESSAGES];
        final int[] liveLocate = new int[MESSAGES];
        final int[] liveShares = new int[MESSAGES];
        final boolean[] liveBuy = new boolean[MESSAGES];
        int liveCount = 0;
        long nextReference = 1;
        long match = 1;
        // Random operations until they and the deletes of the orders left make exactly BOOK_FEED_MESSAGES.
        while (writer.messages + liveCount < BOOK_FEED_MESSAGES - 1)
        {
            final int pick = random.nextInt(1000);
            final int at = liveCount == 0 ? -1 : random.nextInt(liveCount);
            if (pick < 420 || at < 0)
            {
                final int locate = 1 + random.nextInt(SYMBOLS.length);
                final boolean buy = random.nextBoolean();
                final int shares = 100 * (1 + random.nextInt(10));
                writer.add(locate, nextReference, buy, shares, SYMBOLS[locate - 1], nearTouch(random, buy));
                live[liveCount] = nextReference++;
                liveShares[liveCount] = shares;
                liveBuy[liveCount] = buy;
                liveLocate[liveCount++] = locate;
            }
            else if (pick < 800 || pick < 985 && pick >= 880 && (pick < 970 || pick >= 930) && liveShares[at] <= 50)
            {
                // a delete, or an execute/cancel that would take the order's last shares (the stream keeps its
                // list of live orders exact)
                writer.delete(liveLocate[at], live[at]);
                live[at] = live[--liveCount];
                liveLocate[at] = liveLocate[liveCount];
                liveShares[at] = liveShares[liveCount];
                liveBuy[at] = liveBuy[liveCount];
            }
            else if (pick < 880)
            {
                // A replace keeps the order's side (ITCH's rule) and moves it as traders do, near its side's touch;
                // a sell replaced at bid prices would cross the book, which a real feed does not.
                writer.replace(liveLocate[at], live[at], nextReference, 100, nearTouch(random, liveBuy[at]));
                live[at] = nextReference++;
                liveShares[at] = 100;
            }
            else if (pick < 915)
            {
                writer.executed(liveLocate[at], live[at], 50, match++);
                liveShares[at] -= 50;
            }
            else if (pick < 930)
            {
                writer.executedWithPrice(liveLocate[at], live[at], 50, match++);
                liveShares[at] -= 50;
            }
            else if (pick < 970)
            {
                writer.noii(liveLocate[at]);
            }
            else if (pick < 985)
            {
                writer.cancel(liveLocate[at], live[at], 10);
                liveShares[at] -= 10;
            }
            else
            {
                writer.trade(liveLocate[at], SYMBOLS[liveLocate[at] - 1], match++);
            }
        }
        if (writer.messages + liveCount < BOOK_FEED_MESSAGES)
        {
            writer.noii(1);
        }
        for (int i = 0; i < liveCount; i++)
        {
            writer.delete(liveLocate[i], live[i]);
        }
        bookFeed = new UnsafeBuffer(java.util.Arrays.copyOf(writer.out.array(), writer.out.position()));
        bookFeedLength = writer.out.position();
        bookFeedMessages = writer.messages;
        final int[] ids = new int[SYMBOLS.length];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = i;
        }
        book = new ItchBook(SYMBOLS, ids, 1 << 12).publishTo(sink, 0);
        for (int pass = 0; pass < 2; pass++)
        {
            final int decoded = bookAll();
            if (decoded != BOOK_FEED_MESSAGES || book.orders() != 0 || book.unknownOrders() != 0 ||
                book.inconsistencies() != 0)
            {
                throw new IllegalStateException("the book feed is not consistent: decoded " + decoded + " of " +
                    bookFeedMessages + ", orders left " + book.orders() + ", unknown " + book.unknownOrders() +
                    ", inconsistencies " + book.inconsistencies());
            }
        }
    }

    /**
     * A price for a new order: ticks from the touch (bid 150.00, ask 150.01) the least of three uniform draws over
     * 100, so activity crowds the top of the book as on a real one (about half the adds within 20 ticks).
     */
    private static long nearTouch(final SplittableRandom random, final boolean buy)
    {
        final int ticks = Math.min(random.nextInt(100), Math.min(random.nextInt(100), random.nextInt(100)));
        return buy ? 1_500_000 - 100 * ticks : 1_500_100 + 100 * ticks;
    }

    /**
     * Each iteration starts from an empty book and a zero sum. A pass ends with every order deleted, so this is a
     * guard (the book's state cannot carry from one iteration into the next), and cheap: once a second.
     */
    @Setup(Level.Iteration)
    public void emptyBook()
    {
        book.clear();
        sink.sum = 0;
        listener.sum = 0;
    }

    /** Messages of the book feed, the final deletes of the orders left included. */
    static final int BOOK_FEED_MESSAGES = MESSAGES;

    /** The consistent stream through the decoder into the L3 books; trades and quotes summed by the sink. */
    @Benchmark
    @OperationsPerInvocation(BOOK_FEED_MESSAGES)
    public long decodeAndBook(final CpuTime cpu)
    {
        final long startNs = cpu.startNs();
        bookAll();
        cpu.took(startNs, BOOK_FEED_MESSAGES);
        return sink.sum;
    }

    /** The floor for {@link #decodeAndBook}: the raw scan of the same stream. */
    @Benchmark
    @OperationsPerInvocation(BOOK_FEED_MESSAGES)
    public long rawScanBookFeed(final CpuTime cpu)
    {
        final long startNs = cpu.startNs();
        final long sum = scan(bookFeed, bookFeedLength);
        cpu.took(startNs, BOOK_FEED_MESSAGES);
        return sum;
    }

    private int bookAll()
    {
        final UnsafeBuffer buffer = this.bookFeed;
        int decoded = 0;
        int index = 0;
        while (index < bookFeedLength)
        {
            final int messageLength = ItchFields.uint16(buffer, index);
            if (decoder.decode(buffer, index + 2, messageLength, book) == ItchDecoder.OK)
            {
                decoded++;
            }
            index += 2 + messageLength;
        }
        return decoded;
    }

    private static long scan(final UnsafeBuffer buffer, final int length)
    {
        long sum = 0;
        int index = 0;
        while (index < length)
        {
            final int messageLength = ItchFields.uint16(buffer, index);
            sum += buffer.getByte(index + 2) + ItchFields.int64(buffer, index + 2 + 11);
            index += 2 + messageLength;
        }
        return sum;
    }

    /** Every message through {@link ItchDecoder} to a listener that reads what a book needs. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long decode(final CpuTime cpu)
    {
        final long startNs = cpu.startNs();
        decodeAll();
        cpu.took(startNs, MESSAGES);
        return listener.sum;
    }

    /** The floor: walk the length prefixes, read each type byte and one 8-byte word. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long rawScan(final CpuTime cpu)
    {
        final long startNs = cpu.startNs();
        final long sum = scan(buffer, length);
        cpu.took(startNs, MESSAGES);
        return sum;
    }

    private int decodeAll()
    {
        final UnsafeBuffer buffer = this.buffer;
        int decoded = 0;
        int index = 0;
        while (index < length)
        {
            final int messageLength = ItchFields.uint16(buffer, index);
            if (decoder.decode(buffer, index + 2, messageLength, listener) == ItchDecoder.OK)
            {
                decoded++;
            }
            index += 2 + messageLength;
        }
        return decoded;
    }

    /**
     * The thread CPU time the passes took, beside JMH's wall-clock score: {@code messages / cpuNs} is the rate the code
     * runs at while it runs. On this shared 2-core machine a benchmark at nice 19 gets the share of a core the
     * scheduler leaves it (a nice 0 or 10 build beside it takes nearly all), so the wall-clock score of one iteration
     * can swing 60x with no change in the code; the CPU-time rate does not (it still feels caches the neighbours
     * evict). One clock read before and one after a pass of 65,536 messages: under 0.5% of the fastest pass.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime
    {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        /** Thread CPU nanoseconds spent in the iteration's passes. */
        public long cpuNs;
        /** Messages the iteration's passes handled. */
        public long messages;

        @Setup(Level.Iteration)
        public void reset()
        {
            if (!THREADS.isCurrentThreadCpuTimeSupported())
            {
                throw new IllegalStateException("this JVM cannot read a thread's CPU time");
            }
            cpuNs = 0;
            messages = 0;
        }

        long startNs()
        {
            return THREADS.getCurrentThreadCpuTime();
        }

        void took(final long startNs, final int passMessages)
        {
            cpuNs += THREADS.getCurrentThreadCpuTime() - startNs;
            messages += passMessages;
        }
    }

    /** Sums what the book publishes, so none of it is dead code; allocates nothing. */
    static final class SummingSink implements MarketDataSink
    {
        long sum;

        @Override
        public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
            final long exchangeTimeNs)
        {
            sum += instrumentId + tradeId + price + quantity + exchangeTimeNs;
        }

        @Override
        public void quote(final int instrumentId, final long bidPrice, final long bidQuantity, final long askPrice,
            final long askQuantity, final long exchangeTimeNs)
        {
            sum += instrumentId + bidPrice + bidQuantity + askPrice + askQuantity + exchangeTimeNs;
        }

        @Override
        public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
            final long volume, final long startTimeNs, final long durationNs)
        {
        }
    }

    /** Writes the book feed: BinaryFILE framing, the specification's layouts, timestamps 1 us apart. */
    static final class BookFeedWriter
    {
        final ByteBuffer out;
        int messages;
        private long timestamp = 34_200_000_000_000L;

        BookFeedWriter(final int maxMessages)
        {
            out = ByteBuffer.allocate(maxMessages * 52);
        }

        private void header(final int length, final char type, final int locate)
        {
            timestamp += 1_000;
            out.putShort((short)length).put((byte)type).putShort((short)locate).putShort((short)0)
                .putShort((short)(timestamp >>> 32)).putInt((int)timestamp);
            messages++;
        }

        private void stock(final String symbol)
        {
            out.put(String.format("%-8s", symbol).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        void directory(final int locate, final String symbol)
        {
            header(39, 'R', locate);
            stock(symbol);
            out.put((byte)'Q').put((byte)'N').putInt(100).put((byte)'N').put((byte)'C').put((byte)'C').put((byte)' ')
                .put((byte)'P').put((byte)'N').put((byte)'N').put((byte)'1').put((byte)'N').putInt(0).put((byte)'N');
        }

        void add(final int locate, final long reference, final boolean buy, final int shares, final String symbol,
            final long price)
        {
            header(36, 'A', locate);
            out.putLong(reference).put((byte)(buy ? 'B' : 'S')).putInt(shares);
            stock(symbol);
            out.putInt((int)price);
        }

        void delete(final int locate, final long reference)
        {
            header(19, 'D', locate);
            out.putLong(reference);
        }

        void replace(final int locate, final long reference, final long newReference, final int shares,
            final long price)
        {
            header(35, 'U', locate);
            out.putLong(reference).putLong(newReference).putInt(shares).putInt((int)price);
        }

        void executed(final int locate, final long reference, final int shares, final long match)
        {
            header(31, 'E', locate);
            out.putLong(reference).putInt(shares).putLong(match);
        }

        void executedWithPrice(final int locate, final long reference, final int shares, final long match)
        {
            header(36, 'C', locate);
            out.putLong(reference).putInt(shares).putLong(match).put((byte)'Y').putInt(1_500_050);
        }

        void cancel(final int locate, final long reference, final int shares)
        {
            header(23, 'X', locate);
            out.putLong(reference).putInt(shares);
        }

        void trade(final int locate, final String symbol, final long match)
        {
            header(44, 'P', locate);
            out.putLong(0).put((byte)'B').putInt(100);
            stock(symbol);
            out.putInt(1_500_050).putLong(match);
        }

        void noii(final int locate)
        {
            header(50, 'I', locate);
            out.putLong(1_000_000).putLong(20_000).put((byte)'B');
            stock("AAPL");
            out.putInt(1_500_000).putInt(1_500_100).putInt(1_500_050).put((byte)'O').put((byte)'L');
        }
    }

    /** Folds the fields an order book reads into one sum. */
    static final class BookFieldsListener implements ItchListener
    {
        long sum;

        @Override
        public void onAddOrder(final AddOrder m)
        {
            sum += m.orderReferenceNumber() + m.buySellIndicator() + m.shares() + m.priceMantissa() + m.stockLocate() +
                m.timestampNs();
        }

        @Override
        public void onAddOrderWithMpid(final AddOrderWithMpid m)
        {
            sum += m.orderReferenceNumber() + m.buySellIndicator() + m.shares() + m.priceMantissa() + m.attributionCode();
        }

        @Override
        public void onOrderDelete(final OrderDelete m)
        {
            sum += m.orderReferenceNumber() + m.timestampNs();
        }

        @Override
        public void onOrderReplace(final OrderReplace m)
        {
            sum += m.originalOrderReferenceNumber() + m.newOrderReferenceNumber() + m.shares() + m.priceMantissa();
        }

        @Override
        public void onOrderExecuted(final OrderExecuted m)
        {
            sum += m.orderReferenceNumber() + m.executedShares() + m.matchNumber();
        }

        @Override
        public void onOrderExecutedWithPrice(final OrderExecutedWithPrice m)
        {
            sum += m.orderReferenceNumber() + m.executedShares() + m.executionPriceMantissa() + m.printable();
        }

        @Override
        public void onOrderCancel(final OrderCancel m)
        {
            sum += m.orderReferenceNumber() + m.cancelledShares();
        }

        @Override
        public void onTrade(final Trade m)
        {
            sum += m.shares() + m.priceMantissa() + m.matchNumber();
        }

        @Override
        public void onNoii(final Noii m)
        {
            sum += m.pairedShares() + m.imbalanceShares() + m.nearPriceMantissa();
        }
    }
}
