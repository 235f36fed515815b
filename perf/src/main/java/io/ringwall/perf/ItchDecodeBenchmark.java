package io.ringwall.perf;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.ringwall.engine.marketdata.itch.AddOrder;
import io.ringwall.engine.marketdata.itch.AddOrderWithMpid;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
    }

    /** Every message through {@link ItchDecoder} to a listener that reads what a book needs. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long decode()
    {
        decodeAll();
        return listener.sum;
    }

    /** The floor: walk the length prefixes, read each type byte and one 8-byte word. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long rawScan()
    {
        final UnsafeBuffer buffer = this.buffer;
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
