package io.ringwall.perf;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.EngineCounters;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.logic.OutputSink;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per input of {@link BusinessLogic#onInput} alone: no rings, no journals, one thread.
 *
 * <p>The inputs are a ring of {@value #TRADES} pre-encoded {@code Trade} frames of a seeded random
 * walk (&plusmn;5 bps steps, like {@code SyntheticTradeSource}), replayed in a loop with an ever
 * increasing input sequence and engine time, so the strategy crosses now and then and sends orders.
 *
 * <ul>
 *   <li>{@link #trade}: market data only. Nobody answers the orders, so they stay working; once the
 *       order pool is full, later signals become {@code ORDER_TABLE_FULL} risk rejects (also outputs).
 *       This is the pure market-data path.</li>
 *   <li>{@link #tradeWithVenue}: after each trade, every {@code NewOrder} the logic emitted is answered
 *       at once with {@code OrderAccepted} and a full {@code OrderFilled} at that trade's price, fed
 *       back through {@code onInput} like the simulated venue does through the inbound ring. One
 *       operation is one trade plus the answers it caused; positions and the order table stay live.</li>
 * </ul>
 *
 * <p>The strategies: the two examples; {@code every-trade}, which sends one market order on every trade
 * (so {@code tradeWithVenue} with it costs a trade, one order through the full pre-trade chain and the
 * venue's two answers); and {@code quiet}, which never orders (the market-data floor). The logic runs
 * with every pre-trade check and breaker on ({@link BenchmarkConfigs}).
 *
 * <p>{@link ShadowBenchmark} runs the same with and without the shadow twin.
 *
 * <p>The logic promises no allocation: {@code scripts/ringwall bench -prof gc LogicBenchmark} must show
 * {@code gc.alloc.rate.norm} of about 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class LogicBenchmark
{
    /** Trades in the replayed ring (a power of two: the index is masked). */
    static final int TRADES = 4096;
    /** Bytes per pre-encoded frame; a Trade frame is 44. */
    private static final int STRIDE = 64;
    static final int INSTRUMENT_ID = 0;
    /** No fee: the every-trade strategy would otherwise pay its way into the drawdown breaker and measure the halted path. */
    private static final long FEE_BPS = 0;
    private static final long START_TIME_NS = 1_700_000_000_000_000_000L;
    /** 200 ms between trades: an order on every trade stays inside the default 10 orders/s. */
    private static final long INTERVAL_NS = 200_000_000L;

    /** The strategy under test, by short name (values with commas would not survive {@code -p}). */
    @Param({ "ma-crossover", "mean-reversion", "every-trade", "amend-every-order", "quiet" })
    public String strategy;

    private final UnsafeBuffer trades = new UnsafeBuffer(new byte[TRADES * STRIDE]);
    private final int[] tradeLengths = new int[TRADES];
    private final long[] tradePrices = new long[TRADES];
    private final UnsafeBuffer answer = new UnsafeBuffer(new byte[STRIDE * 2]);
    private final InputEncoder venueEncoder = new InputEncoder();
    private final VenueLoopback sink = new VenueLoopback();
    BusinessLogic logic;
    private long tradeCount;
    private long sequence;
    private long timeNs;
    private long venueOrderId;
    private long execId;

    /**
     * Builds the logic and pre-encodes the trade ring.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final LogicConfig config = configure(BenchmarkConfigs.allChecksOn(List.of(strategySpec(strategy))));
        logic = BusinessLogic.create(config, sink);
        encodeTrades(new SplittableRandom(42));
        tradeCount = 0;
        sequence = 0;
        timeNs = START_TIME_NS;
        // JMH runs the trial tear-down inside the last measurement iteration, and -prof gc counts what it
        // allocates. The first String.format in a JVM loads the Formatter and the locale's number data
        // (~300 KB), and the first print of a forked JVM sets up its output link to the JMH host: together
        // they made that one iteration read 0.1-0.3 B/op. Doing both once here moves that one-off cost
        // before measurement and leaves the tear-down a few KB.
        reportText();
        System.out.println();
    }

    /** The logic's configuration: the shipped one here; {@link ShadowBenchmark} adds the shadow. */
    LogicConfig configure(final LogicConfig logicAlone)
    {
        return logicAlone;
    }

    /** A word for the report line after the strategy's counts. */
    String variant()
    {
        return "";
    }

    /**
     * One trade input; orders go unanswered.
     */
    @Benchmark
    public void trade()
    {
        onTrade(nextTradeIndex());
        sink.pending = 0;
    }

    /**
     * One trade input plus the venue's accept and fill for each order it caused.
     */
    @Benchmark
    public void tradeWithVenue()
    {
        final int index = nextTradeIndex();
        onTrade(index);
        final long price = tradePrices[index];
        for (int i = 0, n = sink.pending; i < n; i++)
        {
            answer(i, price);
        }
        sink.pending = 0;
    }

    /**
     * Prints what the logic did, so a reader can see the strategy really traded (the forked JVM's
     * output shows up in JMH's log).
     */
    @TearDown(Level.Trial)
    public void report()
    {
        System.out.print(reportText());
    }

    private String reportText()
    {
        final EngineCounters counters = logic.counters();
        return String.format("%n[%s] inputs %,d, orders sent %,d, amends %,d (replaced %,d), fills %,d, risk rejects " +
            "%,d (%s), breakers tripped: %s, working %d, unanswered orders dropped by the loopback %d%s%n", strategy,
            counters.inputs, counters.ordersSent, counters.amendsSent, counters.replaces, counters.fills,
            counters.riskRejects, counters.riskRejectsText(),
            counters.breakerTripsText(), logic.workingOrders(), sink.dropped, variant());
    }

    /**
     * Trades are counted apart from the input sequence, which venue answers advance too: the walk is
     * replayed without gaps.
     */
    private int nextTradeIndex()
    {
        return (int)(tradeCount++ & (TRADES - 1));
    }

    private void onTrade(final int index)
    {
        timeNs += INTERVAL_NS;
        logic.onInput(++sequence, timeNs, trades, index * STRIDE, tradeLengths[index], 0);
    }

    private void answer(final int i, final long price)
    {
        final long clOrdId = sink.clOrdIds[i];
        final int instrumentId = sink.instrumentIds[i];
        final long quantity = sink.quantities[i];
        final long id = ++venueOrderId;
        int length = venueEncoder.orderAccepted(answer, 0, clOrdId, id, instrumentId, timeNs);
        sink.replaceId = 0;
        logic.onInput(++sequence, timeNs, answer, 0, length, 0);
        long venueClOrdId = clOrdId;
        long filled = quantity;
        if (sink.replaceId != 0)
        {
            // the strategy amended the order on its acknowledgement: the venue replaces it, then fills it
            venueClOrdId = sink.replaceId;
            filled = sink.replaceQuantity;
            length = venueEncoder.orderReplaced(answer, 0, venueClOrdId, clOrdId, id, instrumentId, filled, 0, filled,
                0, timeNs);
            logic.onInput(++sequence, timeNs, answer, 0, length, 0);
        }

        final long fee = Fixed.mulDiv(Fixed.notional(price, filled), FEE_BPS, 10_000);
        length = venueEncoder.orderFilled(answer, 0, venueClOrdId, id, ++execId, instrumentId, sink.sides[i], price,
            filled, 0, filled, fee, timeNs);
        logic.onInput(++sequence, timeNs, answer, 0, length, 0);
    }

    private void encodeTrades(final SplittableRandom random)
    {
        final InputEncoder encoder = new InputEncoder();
        long price = 1000 * Fixed.PRICE_SCALE;
        for (int i = 0; i < TRADES; i++)
        {
            // +-5 bps steps, never below 1.0 (the SyntheticTradeSource walk).
            price = Math.max(Fixed.PRICE_SCALE, price + (price / 20_000) * (random.nextInt(3) - 1));
            final long quantity = (1 + random.nextInt(100)) * (Fixed.QUANTITY_SCALE / 100);
            tradePrices[i] = price;
            tradeLengths[i] = encoder.trade(trades, i * STRIDE, INSTRUMENT_ID, i + 1, price, quantity,
                START_TIME_NS + i * INTERVAL_NS);
        }
    }

    static String strategySpec(final String name)
    {
        return switch (name)
        {
            case "ma-crossover" -> "ma-crossover:symbol=BTCUSD,fast=50,slow=400,qty=0.5";
            case "mean-reversion" -> "mean-reversion:symbol=BTCUSD,window=200,entry=2.0,exit=0.5,qty=0.5";
            case "every-trade" -> OrderEveryTrade.class.getName();
            case "amend-every-order" -> AmendEveryOrder.class.getName();
            case "quiet" -> Quiet.class.getName();
            default -> throw new IllegalArgumentException("unknown strategy '" + name +
                "' (ma-crossover, mean-reversion, every-trade, amend-every-order, quiet)");
        };
    }

    /**
     * The logic's output sink for the benchmark: remembers the {@code NewOrder}s of the current input so
     * the benchmark can answer them, and ignores every other output. Preallocated, allocation-free.
     */
    static final class VenueLoopback implements OutputSink
    {
        private static final int CAPACITY = 256;

        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final NewOrderDecoder newOrder = new NewOrderDecoder();
        final long[] clOrdIds = new long[CAPACITY];
        final int[] instrumentIds = new int[CAPACITY];
        final long[] quantities = new long[CAPACITY];
        final Side[] sides = new Side[CAPACITY];
        private final io.ringwall.codecs.ReplaceOrderDecoder replaceOrder = new io.ringwall.codecs.ReplaceOrderDecoder();
        /** The amend the last input caused (0: none) and its quantity. */
        long replaceId;
        long replaceQuantity;
        int pending;
        long dropped;

        @Override
        public void publish(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
            final int length, final long causeIngressNanos)
        {
            header.wrap(frame, offset);
            if (header.templateId() == io.ringwall.codecs.ReplaceOrderDecoder.TEMPLATE_ID)
            {
                replaceOrder.wrapAndApplyHeader(frame, offset, header);
                replaceId = replaceOrder.clOrdId();
                replaceQuantity = replaceOrder.quantity();
                return;
            }
            if (header.templateId() != NewOrderDecoder.TEMPLATE_ID)
            {
                return;
            }
            if (pending == CAPACITY)
            {
                dropped++;
                return;
            }
            newOrder.wrapAndApplyHeader(frame, offset, header);
            clOrdIds[pending] = newOrder.clOrdId();
            instrumentIds[pending] = newOrder.instrumentId();
            quantities[pending] = newOrder.quantity();
            sides[pending] = newOrder.side();
            pending++;
        }
    }
}
