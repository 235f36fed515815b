package io.ringwall.perf;

import java.util.concurrent.TimeUnit;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.MessageHeaderEncoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.NewOrderEncoder;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.TradeDecoder;
import io.ringwall.codecs.TradeEncoder;
import io.ringwall.engine.Fixed;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the generated SBE flyweights on the two frames the hot path handles most: a {@code Trade}
 * input (8-byte header + 36-byte body = 44 bytes) and a {@code NewOrder} output (8 + 51 = 59 bytes).
 *
 * <p>Encode and decode are separate benchmarks so a regression points at one side. The encoders take
 * their field values from state that changes every call, and the decoders fold every field into the
 * returned value, so the JIT can neither constant-fold the writes nor drop the reads. Buffers are heap
 * {@code byte[]} backed, like the ring slots ({@code FrameEvent}).
 *
 * <p>Run: {@code scripts/ringwall bench CodecBenchmark} (add {@code -prof gc} to see 0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CodecBenchmark
{
    private static final int CAPACITY = 128;

    private final UnsafeBuffer encodeBuffer = new UnsafeBuffer(new byte[CAPACITY]);
    private final UnsafeBuffer tradeFrame = new UnsafeBuffer(new byte[CAPACITY]);
    private final UnsafeBuffer newOrderFrame = new UnsafeBuffer(new byte[CAPACITY]);

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final TradeDecoder tradeDecoder = new TradeDecoder();
    private final NewOrderEncoder newOrderEncoder = new NewOrderEncoder();
    private final NewOrderDecoder newOrderDecoder = new NewOrderDecoder();

    private long counter;

    /**
     * Pre-encodes one frame of each type for the decode benchmarks.
     */
    @Setup
    public void setUp()
    {
        encodeTrade(tradeFrame, 1);
        encodeNewOrder(newOrderFrame, 1);
    }

    @Benchmark
    public int encodeTrade()
    {
        return encodeTrade(encodeBuffer, ++counter);
    }

    @Benchmark
    public long decodeTrade()
    {
        return decodeTrade(tradeFrame);
    }

    @Benchmark
    public long encodeDecodeTrade()
    {
        encodeTrade(encodeBuffer, ++counter);
        return decodeTrade(encodeBuffer);
    }

    @Benchmark
    public int encodeNewOrder()
    {
        return encodeNewOrder(encodeBuffer, ++counter);
    }

    @Benchmark
    public long decodeNewOrder()
    {
        return decodeNewOrder(newOrderFrame);
    }

    @Benchmark
    public long encodeDecodeNewOrder()
    {
        encodeNewOrder(encodeBuffer, ++counter);
        return decodeNewOrder(encodeBuffer);
    }

    private int encodeTrade(final UnsafeBuffer buffer, final long n)
    {
        tradeEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId((int)(n & 7))
            .tradeId(n)
            .price(1000 * Fixed.PRICE_SCALE + (n & 1023))
            .quantity(Fixed.QUANTITY_SCALE / 2 + n)
            .exchangeTimeNs(1_700_000_000_000_000_000L + n);
        return MessageHeaderEncoder.ENCODED_LENGTH + tradeEncoder.encodedLength();
    }

    private long decodeTrade(final UnsafeBuffer buffer)
    {
        headerDecoder.wrap(buffer, 0);
        if (headerDecoder.templateId() != TradeDecoder.TEMPLATE_ID)
        {
            throw new IllegalStateException("not a Trade frame: template " + headerDecoder.templateId());
        }
        tradeDecoder.wrapAndApplyHeader(buffer, 0, headerDecoder);
        return tradeDecoder.instrumentId() ^ tradeDecoder.tradeId() ^ tradeDecoder.price() ^
            tradeDecoder.quantity() ^ tradeDecoder.exchangeTimeNs();
    }

    private int encodeNewOrder(final UnsafeBuffer buffer, final long n)
    {
        newOrderEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .clOrdId(n << 8)
            .instrumentId((int)(n & 7))
            .strategyId(1)
            .side((n & 1) == 0 ? Side.BUY : Side.SELL)
            .ordType(OrdType.MARKET)
            .timeInForce(TimeInForce.IOC)
            .quantity(Fixed.QUANTITY_SCALE / 2 + n)
            .limitPrice(0)
            .stopPrice(0)
            .causeSequence(n);
        return MessageHeaderEncoder.ENCODED_LENGTH + newOrderEncoder.encodedLength();
    }

    private long decodeNewOrder(final UnsafeBuffer buffer)
    {
        headerDecoder.wrap(buffer, 0);
        if (headerDecoder.templateId() != NewOrderDecoder.TEMPLATE_ID)
        {
            throw new IllegalStateException("not a NewOrder frame: template " + headerDecoder.templateId());
        }
        newOrderDecoder.wrapAndApplyHeader(buffer, 0, headerDecoder);
        // Enums through their accessors (a lookup switch each), as the venue and the logic read them.
        return newOrderDecoder.clOrdId() ^ newOrderDecoder.instrumentId() ^ newOrderDecoder.strategyId() ^
            newOrderDecoder.side().value() ^ newOrderDecoder.ordType().value() ^
            newOrderDecoder.timeInForce().value() ^
            newOrderDecoder.quantity() ^ newOrderDecoder.limitPrice() ^ newOrderDecoder.stopPrice() ^
            newOrderDecoder.causeSequence();
    }
}
