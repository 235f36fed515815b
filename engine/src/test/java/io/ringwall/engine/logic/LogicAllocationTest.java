package io.ringwall.engine.logic;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.ConfigLoader;
import io.ringwall.engine.config.LoadedConfig;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.TradeEvent;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The logic's promise of no allocation per event, as a count: the thread's allocated bytes around many
 * thousands of trade + accept + fill cycles (the path of {@code LogicBenchmark.tradeWithVenue} with an order
 * on every trade), with every pre-trade check and breaker of the shipped configuration on. Each measured
 * round spans more than two days of event time, so it crosses session boundaries (daily P&amp;L, orders per
 * day and the daily-loss breaker roll over there).
 *
 * <p>The driver allocates nothing in the measured loop: trades are pre-encoded, answers are encoded into
 * one reused buffer and the sink keeps the orders in arrays. The counter is exact per thread but the JIT may
 * still be settling (a deoptimisation re-materialises eliminated objects), so after warm-up the test takes
 * up to {@value #MAX_ROUNDS} rounds and needs two consecutive ones of 0 bytes; a real per-event, per-order
 * or per-session allocation shows in every round.
 */
class LogicAllocationTest
{
    private static final int TRADES = 4096;
    private static final int STRIDE = 64;
    private static final long START_TIME_NS = 1_700_000_000_000_000_000L;
    /** 2 s between trades: inside 10 orders/s, and 100k cycles span 2.3 days. */
    private static final long INTERVAL_NS = 2_000_000_000L;
    private static final int WARM_UP_CYCLES = 200_000;
    private static final int ROUND_CYCLES = 100_000;
    private static final int MAX_ROUNDS = 4;

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final UnsafeBuffer trades = new UnsafeBuffer(new byte[TRADES * STRIDE]);
    private final int[] tradeLengths = new int[TRADES];
    private final long[] tradePrices = new long[TRADES];
    private final UnsafeBuffer answer = new UnsafeBuffer(new byte[STRIDE * 2]);
    private final InputEncoder encoder = new InputEncoder();
    private final OrderCapture sink = new OrderCapture();
    private BusinessLogic logic;
    private long tradeCount;
    private long sequence;
    private long timeNs = START_TIME_NS;
    private long venueOrderId;
    private long execId;
    private boolean amend;
    /** Before each trade, the exchange halts or resumes instrument 1 (TradingStatus), which is not traded. */
    private boolean haltOther;

    @Test
    void tradeAcceptFillCyclesAllocateNothingInSteadyState()
    {
        allocatesNothing(false);
    }

    /**
     * The amend path (issue 18 point 6): each acknowledged order is amended by its strategy (risk on the amended
     * order, PENDING_REPLACE, a ReplaceOrder frame), the venue replaces it and it fills under the amend's id.
     */
    @Test
    void tradeAcceptAmendReplaceFillCyclesAllocateNothingInSteadyState()
    {
        allocatesNothing(true);
        assertThat(logic.counters().replaces).isEqualTo(logic.counters().ordersSent);
        assertThat(logic.counters().amendsSent).isEqualTo(logic.counters().ordersSent);
    }

    /**
     * Exchange halts (issue 22 point 5): a TradingStatus input before every trade, halting and resuming another
     * instrument in turn, so every order also passes the trading-state check and every status lands in its array.
     */
    @Test
    void tradeAcceptFillCyclesWithHaltsOfAnotherInstrumentAllocateNothingInSteadyState()
    {
        haltOther = true;
        allocatesNothing(false);
        assertThat(logic.tradingState(1)).isIn(io.ringwall.codecs.InstrumentTradingState.HALTED,
            io.ringwall.codecs.InstrumentTradingState.TRADING);
        assertThat(logic.counters().marketDataInputs).isEqualTo(2 * logic.counters().ordersSent);
    }

    /**
     * Shadow trading (issue 20): a twin trading on the paper model in the logic, the judge comparing every decision
     * (the live strategy orders on every trade, the twin changes its target on every trade) and every finished live
     * order, and their frames.
     */
    @Test
    void tradeAcceptFillCyclesWithTheShadowTwinAllocateNothingInSteadyState()
    {
        allocatesNothing(false, new io.ringwall.engine.config.ShadowSettings(true, 50_000, 1_000, 0, 20,
            List.of(StepTargetStrategy.class.getName() + ":qty=0.01,percent=100")));
        assertThat(logic.counters().shadowDecisions).isGreaterThanOrEqualTo(WARM_UP_CYCLES);
        assertThat(logic.counters().shadowExecutions).isEqualTo(logic.counters().ordersSent);
        assertThat(logic.shadowPosition(0)).isNotZero();
    }

    private void allocatesNothing(final boolean amend)
    {
        allocatesNothing(amend, io.ringwall.engine.config.ShadowSettings.OFF);
    }

    private void allocatesNothing(final boolean amend, final io.ringwall.engine.config.ShadowSettings shadow)
    {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported(), "per-thread allocation counter unsupported");
        THREADS.setThreadAllocatedMemoryEnabled(true);
        this.amend = amend;
        final LogicConfig base = allChecksOn();
        // the twin's spec names the live strategy's place: one twin for the one strategy
        final LogicConfig config = shadow.enabled() ? new LogicConfig(base.instruments(), List.of("order-every-trade"),
            base.initialCash(), base.maxWorkingOrders(), base.risk(), base.breakers(), base.market(),
            base.statusTimeouts(), shadow) : base;
        logic = new BusinessLogic(config, List.of(new OrderEveryTrade(amend)), sink);
        encodeTrades();

        cycles(WARM_UP_CYCLES);
        final long[] bytesPerRound = new long[MAX_ROUNDS];
        int zeroRoundsInARow = 0;
        int rounds = 0;
        while (rounds < MAX_ROUNDS && zeroRoundsInARow < 2)
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            cycles(ROUND_CYCLES);
            bytesPerRound[rounds] = THREADS.getCurrentThreadAllocatedBytes() - before;
            zeroRoundsInARow = bytesPerRound[rounds] == 0 ? zeroRoundsInARow + 1 : 0;
            rounds++;
        }

        // The path measured is the intended one: every trade ordered and was filled, nothing was refused.
        final EngineCounters counters = logic.counters();
        final long allCycles = WARM_UP_CYCLES + (long)rounds * ROUND_CYCLES;
        assertThat(counters.ordersSent).isEqualTo(allCycles);
        assertThat(counters.fills).isEqualTo(allCycles);
        assertThat(counters.riskRejects).as(counters.riskRejectsText()).isZero();
        for (final BreakerType type : BreakerType.values())
        {
            assertThat(counters.breakerTrips(type)).as(counters.breakerTripsText()).isZero();
        }
        assertThat(sink.dropped).isZero();
        assertThat(zeroRoundsInARow).as("bytes allocated by the logic thread per round of %,d cycles: %s",
            ROUND_CYCLES, Arrays.toString(Arrays.copyOf(bytesPerRound, rounds))).isEqualTo(2);
    }

    private void cycles(final int count)
    {
        for (int c = 0; c < count; c++)
        {
            final int index = (int)(tradeCount++ & (TRADES - 1));
            timeNs += INTERVAL_NS;
            if (haltOther)
            {
                final int length = encoder.tradingStatus(answer, 0, 1, (c & 1) == 0 ?
                    io.ringwall.codecs.InstrumentTradingState.HALTED : io.ringwall.codecs.InstrumentTradingState.TRADING,
                    0x4C554450, timeNs);
                logic.onInput(++sequence, timeNs, answer, 0, length, 0);
            }
            logic.onInput(++sequence, timeNs, trades, index * STRIDE, tradeLengths[index], 0);
            final long price = tradePrices[index];
            for (int i = 0, n = sink.pending; i < n; i++)
            {
                answer(i, price);
            }
            sink.pending = 0;
        }
    }

    private void answer(final int i, final long price)
    {
        final long clOrdId = sink.clOrdIds[i];
        final int instrumentId = sink.instrumentIds[i];
        final long quantity = sink.quantities[i];
        final long id = ++venueOrderId;
        int length = encoder.orderAccepted(answer, 0, clOrdId, id, instrumentId, timeNs);
        logic.onInput(++sequence, timeNs, answer, 0, length, 0);
        long venueClOrdId = clOrdId;
        long filled = quantity;
        if (amend)
        {
            // the strategy amended the order on its acknowledgement: the venue replaces it
            venueClOrdId = sink.replaceId;
            filled = sink.replaceQuantity;
            length = encoder.orderReplaced(answer, 0, venueClOrdId, clOrdId, id, instrumentId, filled, 0, filled, 0,
                timeNs);
            logic.onInput(++sequence, timeNs, answer, 0, length, 0);
        }
        length = encoder.orderFilled(answer, 0, venueClOrdId, id, ++execId, instrumentId, sink.sides[i], price,
            filled, 0, filled, 0, timeNs);
        logic.onInput(++sequence, timeNs, answer, 0, length, 0);
    }

    /** A seeded +-5 bps walk near 1,000 (as the benchmark's), on instrument 0. */
    private void encodeTrades()
    {
        final SplittableRandom random = new SplittableRandom(42);
        long price = 1000 * Fixed.PRICE_SCALE;
        for (int i = 0; i < TRADES; i++)
        {
            price = Math.max(Fixed.PRICE_SCALE, price + (price / 20_000) * (random.nextInt(3) - 1));
            final long quantity = (1 + random.nextInt(100)) * (Fixed.QUANTITY_SCALE / 100);
            tradePrices[i] = price;
            tradeLengths[i] = encoder.trade(trades, i * STRIDE, 0, i + 1, price, quantity,
                START_TIME_NS + i * INTERVAL_NS);
        }
    }

    /** The shipped configuration, as {@code ringwall run} loads it, without the orders-per-day cap. */
    private static LogicConfig allChecksOn()
    {
        final LoadedConfig config = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of(ConfigLoader.variableName("risk.max-orders-per-day"), Integer.toString(Integer.MAX_VALUE)));
        return new LogicConfig(config.instruments(), List.of(), LogicConfig.DEFAULT_INITIAL_CASH,
            LogicConfig.DEFAULT_MAX_WORKING_ORDERS, config.risk(), config.breakers());
    }

    /** A market order on every trade, buy and sell in turn, the quantity cycling so no two are duplicates. */
    private static final class OrderEveryTrade implements Strategy
    {
        private final boolean amend;
        private StrategyContext context;
        private long count;

        OrderEveryTrade(final boolean amend)
        {
            this.amend = amend;
        }

        /** Amends each order on its acknowledgement: one step of 0.01 smaller (larger from the smallest). */
        @Override
        public void onOrderEvent(final io.ringwall.engine.strategy.OrderEvent event)
        {
            if (amend && event.type() == io.ringwall.engine.strategy.OrderEvent.Type.ACCEPTED)
            {
                final long step = Fixed.QUANTITY_SCALE / 100;
                final long quantity = event.leavesQuantity() > step ? event.leavesQuantity() - step : 2 * step;
                context.amend(event.clOrdId(), quantity, 0);
            }
        }

        @Override
        public void onStart(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onTrade(final TradeEvent trade)
        {
            final long n = count++;
            final long quantity = (1 + (n / 2) % 500) * (Fixed.QUANTITY_SCALE / 100);
            context.submitMarket(trade.instrumentId(), (n & 1) == 0 ? Side.BUY : Side.SELL, quantity);
        }
    }

    /** Keeps the {@code NewOrder}s of the current input in arrays; ignores every other output. */
    private static final class OrderCapture implements OutputSink
    {
        private static final int CAPACITY = 64;

        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final NewOrderDecoder newOrder = new NewOrderDecoder();
        final long[] clOrdIds = new long[CAPACITY];
        final int[] instrumentIds = new int[CAPACITY];
        final long[] quantities = new long[CAPACITY];
        final Side[] sides = new Side[CAPACITY];
        private final io.ringwall.codecs.ReplaceOrderDecoder replaceOrder = new io.ringwall.codecs.ReplaceOrderDecoder();
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
