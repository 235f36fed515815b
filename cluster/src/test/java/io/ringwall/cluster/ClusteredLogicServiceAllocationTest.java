package io.ringwall.cluster;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.aeron.DirectBufferVector;
import io.aeron.cluster.service.ClientSession;
import io.aeron.logbuffer.BufferClaim;
import io.aeron.logbuffer.Header;
import io.aeron.protocol.DataHeaderFlyweight;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.ConfigLoader;
import io.ringwall.engine.config.LoadedConfig;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.logic.EngineCounters;
import io.ringwall.engine.logic.LogicConfig;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The cluster service's message path allocates nothing per input, like the logic it hosts: the thread's allocated
 * bytes around many trade + accept + fill cycles, each an INPUT message through
 * {@link ClusteredLogicService#onSessionMessage} (envelope, duplicate check, the logic, retaining the outputs, egress
 * of every output and the acknowledgement to a client session), with the gateway's OUTPUTS_DONE trimming the
 * retained outputs as it does in a session, and timer events ticking. The cluster is a stub ({@link StubCluster}):
 * Aeron's own service agent is not measured here (cluster-bench reports the whole service thread).
 *
 * <p>As in the engine's LogicAllocationTest: after warm-up, up to {@value #MAX_ROUNDS} rounds, two consecutive
 * ones of 0 bytes needed (the JIT may still be settling in the first).
 */
class ClusteredLogicServiceAllocationTest
{
    private static final int TRADES = 4096;
    private static final int STRIDE = 64;
    private static final long START_TIME_NS = 1_700_000_000_000_000_000L;
    /** 2 s between trades: inside 10 orders/s; 100k cycles span 2.3 days (session roll-overs included). */
    private static final long INTERVAL_NS = 2_000_000_000L;
    private static final long TIMER_INTERVAL_NS = 5_000_000_000L;
    private static final int WARM_UP_CYCLES = 200_000;
    private static final int ROUND_CYCLES = 100_000;
    private static final int MAX_ROUNDS = 4;
    private static final int CONFIRM_EVERY = 64;

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final UnsafeBuffer trades = new UnsafeBuffer(new byte[TRADES * STRIDE]);
    private final int[] tradeLengths = new int[TRADES];
    private final long[] tradePrices = new long[TRADES];
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[256]);
    private final UnsafeBuffer headerBuffer = new UnsafeBuffer(new byte[DataHeaderFlyweight.HEADER_LENGTH]);
    private final DataHeaderFlyweight dataHeader = new DataHeaderFlyweight(headerBuffer);
    /** Term length 64 KiB: each message takes the next term, so log positions only grow. */
    private final Header header = new Header(0, 16);
    private final InputEncoder encoder = new InputEncoder();
    private final StubCluster cluster = new StubCluster();
    private final Gateway gateway = new Gateway();
    private ClusteredLogicService service;
    private long tradeCount;
    private long gatewaySequence;
    private int termId;
    private long timeNs = START_TIME_NS;
    private long venueOrderId;
    private long execId;

    @Test
    void theServiceAllocatesNothingPerInput()
    {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported(), "per-thread allocation counter unsupported");
        THREADS.setThreadAllocatedMemoryEnabled(true);
        service = new ClusteredLogicService(allChecksOn(), ServiceObserver.NONE, TIMER_INTERVAL_NS);
        cluster.add(gateway);
        cluster.timeNs = timeNs;
        service.onStart(cluster, null);
        header.buffer(headerBuffer).offset(0);
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

        // The path measured is the intended one: every trade ordered, was filled, reached the gateway.
        final EngineCounters counters = service.logic().counters();
        final long allCycles = WARM_UP_CYCLES + (long)rounds * ROUND_CYCLES;
        assertThat(counters.ordersSent).isEqualTo(allCycles);
        assertThat(counters.fills).isEqualTo(allCycles);
        assertThat(counters.riskRejects).as(counters.riskRejectsText()).isZero();
        assertThat(counters.timerInputs).as("timer ticks went through the logic").isGreaterThan(allCycles / 4);
        assertThat(service.appliedInputs()).isEqualTo(gatewaySequence);
        assertThat(gateway.acknowledged).isEqualTo(gatewaySequence);
        assertThat(gateway.dropped).isZero();
        assertThat(zeroRoundsInARow).as("bytes allocated by the service's thread per round of %,d cycles: %s",
            ROUND_CYCLES, Arrays.toString(Arrays.copyOf(bytesPerRound, rounds))).isEqualTo(2);
    }

    private void cycles(final int count)
    {
        for (int c = 0; c < count; c++)
        {
            final int index = (int)(tradeCount++ & (TRADES - 1));
            timeNs += INTERVAL_NS;
            if (timeNs >= cluster.timerDeadlineNs && cluster.timerDeadlineNs != Long.MIN_VALUE)
            {
                // the cluster's timer fires first, at its deadline, as the leader's consensus module would
                final long deadline = cluster.timerDeadlineNs;
                cluster.timeNs = deadline;
                cluster.logPosition = nextPosition(ClusterEnvelope.HEADER_LENGTH);
                service.onTimerEvent(cluster.timerCorrelationId, deadline);
            }
            input(trades, index * STRIDE, tradeLengths[index]);
            final long price = tradePrices[index];
            for (int i = 0, n = gateway.pending; i < n; i++)
            {
                final long id = ++venueOrderId;
                int length = encoder.orderAccepted(message, ClusterEnvelope.HEADER_LENGTH, gateway.clOrdIds[i], id,
                    gateway.instrumentIds[i], timeNs);
                input(length);
                length = encoder.orderFilled(message, ClusterEnvelope.HEADER_LENGTH, gateway.clOrdIds[i], id,
                    ++execId, gateway.instrumentIds[i], gateway.sides[i], price, gateway.quantities[i], 0,
                    gateway.quantities[i], 0, timeNs);
                input(length);
            }
            gateway.pending = 0;
            if (c % CONFIRM_EVERY == 0)
            {
                ClusterEnvelope.write(message, 0, ClusterEnvelope.OUTPUTS_DONE, gateway.lastOutput);
                deliver(ClusterEnvelope.HEADER_LENGTH);
            }
        }
    }

    private void input(final DirectBuffer frame, final int offset, final int length)
    {
        message.putBytes(ClusterEnvelope.HEADER_LENGTH, frame, offset, length);
        input(length);
    }

    /** The frame is in {@link #message} after the envelope. */
    private void input(final int frameLength)
    {
        ClusterEnvelope.write(message, 0, ClusterEnvelope.INPUT, ++gatewaySequence);
        deliver(ClusterEnvelope.HEADER_LENGTH + frameLength);
    }

    private void deliver(final int length)
    {
        cluster.timeNs = timeNs;
        cluster.logPosition = nextPosition(length);
        service.onSessionMessage(gateway, timeNs, message, 0, length, header);
    }

    private long nextPosition(final int length)
    {
        dataHeader.frameLength(DataHeaderFlyweight.HEADER_LENGTH + length);
        dataHeader.termOffset(0);
        dataHeader.termId(++termId);
        return header.position();
    }

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
        return new LogicConfig(config.instruments(), List.of(OrderEveryTrade.class.getName()),
            LogicConfig.DEFAULT_INITIAL_CASH, LogicConfig.DEFAULT_MAX_WORKING_ORDERS, config.risk(), config.breakers());
    }

    /** The gateway's session: keeps the NewOrders of the current input in arrays, the last output and ack. */
    private static final class Gateway implements ClientSession
    {
        private static final int CAPACITY = 64;

        private final MessageHeaderDecoder frameHeader = new MessageHeaderDecoder();
        private final NewOrderDecoder newOrder = new NewOrderDecoder();
        final long[] clOrdIds = new long[CAPACITY];
        final int[] instrumentIds = new int[CAPACITY];
        final long[] quantities = new long[CAPACITY];
        final Side[] sides = new Side[CAPACITY];
        int pending;
        long dropped;
        long lastOutput;
        long acknowledged;

        @Override
        public long offer(final DirectBuffer buffer, final int offset, final int length)
        {
            final long value = ClusterEnvelope.value(buffer, offset);
            switch (ClusterEnvelope.type(buffer, offset, length))
            {
                case ClusterEnvelope.INPUT_ACK -> acknowledged = value;
                case ClusterEnvelope.OUTPUT -> onOutput(value, buffer, offset + ClusterEnvelope.HEADER_LENGTH);
                default -> throw new AssertionError("unexpected egress");
            }
            return length;
        }

        private void onOutput(final long index, final DirectBuffer buffer, final int offset)
        {
            lastOutput = index;
            frameHeader.wrap(buffer, offset);
            if (frameHeader.templateId() != NewOrderDecoder.TEMPLATE_ID)
            {
                return;
            }
            if (pending == CAPACITY)
            {
                dropped++;
                return;
            }
            newOrder.wrapAndApplyHeader(buffer, offset, frameHeader);
            clOrdIds[pending] = newOrder.clOrdId();
            instrumentIds[pending] = newOrder.instrumentId();
            quantities[pending] = newOrder.quantity();
            sides[pending] = newOrder.side();
            pending++;
        }

        @Override
        public long id()
        {
            return 1;
        }

        @Override
        public int responseStreamId()
        {
            return 0;
        }

        @Override
        public String responseChannel()
        {
            return "aeron:ipc";
        }

        @Override
        public byte[] encodedPrincipal()
        {
            return new byte[0];
        }

        @Override
        public void close()
        {
        }

        @Override
        public boolean isClosing()
        {
            return false;
        }

        @Override
        public long offer(final DirectBufferVector[] vectors)
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public long tryClaim(final int length, final BufferClaim bufferClaim)
        {
            throw new UnsupportedOperationException();
        }
    }
}
