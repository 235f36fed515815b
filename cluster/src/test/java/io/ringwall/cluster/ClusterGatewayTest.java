package io.ringwall.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against three members: orders reach the paper venue exactly once across a leader kill, the venue's
 * answers close the loop through the cluster, and a lost majority halts trading with a message until it returns.
 */
class ClusterGatewayTest
{
    private static final LogicConfig LOGIC =
        LogicConfig.unrestricted(List.of("BTCUSD"), List.of(EngineFixtures.MA), LogicConfig.DEFAULT_INITIAL_CASH, 1024);

    @TempDir
    Path dir;

    private ClusterHarness cluster;
    private ClusterGateway gateway;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @AfterEach
    void close()
    {
        if (gateway != null)
        {
            gateway.close();
        }
        if (cluster != null)
        {
            cluster.close();
        }
    }

    @Test
    void ordersReachTheVenueOnceAcrossALeaderKill()
    {
        cluster = new ClusterHarness(dir, LOGIC, 29_500);
        final int leader = cluster.awaitLeader();
        gateway = newGateway(3_000_000_000L);
        for (int i = 0; i < 600; i++)
        {
            trade(i);
            if (i == 300)
            {
                cluster.kill(leader);
            }
        }
        awaitSettled();
        cluster.start(leader);
        awaitSettled();
        pump(() -> cluster.observer(leader).lastApplied() == gateway.client().lastSent(),
            "the restarted member catches up");

        final int member = (leader + 1) % ClusterHarness.MEMBERS;
        final List<Long> expected = newOrders(reference(cluster.observer(member).inputs()));
        assertThat(expected).as("the strategy sent orders").hasSizeGreaterThan(2);
        assertThat(gateway.ordersSent()).isEqualTo(expected.size());
        for (final long clOrdId : expected)
        {
            assertThat(gateway.sentOrder(clOrdId)).as("order %d reached the venue", clOrdId).isTrue();
        }
        assertThat(gateway.client().leaderChanges()).as("the gateway followed the new leader").isPositive();
        assertThat(gateway.venue().fills()).as("the venue's fills went back through the cluster").isPositive();
        // the failover was followed by a reconciliation, and the venue and every member agree
        assertThat(gateway.reconciliations()).isPositive();
        assertThat(text()).contains("reconciliation").contains("took over");
        final List<String> verdicts = reconciliationVerdicts(cluster.observer(member).outputs());
        assertThat(verdicts).as("one report per instrument and one for the cash").hasSizeGreaterThanOrEqualTo(2)
            .allMatch("MATCHED"::equals);
        assertThat(reconciliationTrips(cluster.observer(member).outputs())).isZero();

        // A new leader's resend that the index check cannot catch (a new session) must not reach the venue again.
        final byte[] first = firstNewOrderFrame(reference(cluster.observer(member).inputs()));
        final int working = gateway.venue().workingOrders();
        gateway.onOutput(gateway.client().lastOutput() + 1, new UnsafeBuffer(first), 0, first.length);
        assertThat(gateway.duplicateOrders()).isEqualTo(1);
        assertThat(gateway.venue().workingOrders()).isEqualTo(working);
    }

    @Test
    void anOrderOpenAtTheVenueThatTheClusterNeverSentTripsTheReconciliationBreaker()
    {
        cluster = new ClusterHarness(dir, LOGIC, 29_800);
        final int leader = cluster.awaitLeader();
        gateway = newGateway(3_000_000_000L);
        for (int i = 0; i < 100; i++)
        {
            trade(i);
        }
        awaitSettled();
        // an order no member sent (as if a failover lost the input that made it): a buy far below the market rests
        final UnsafeBuffer stray = new UnsafeBuffer(new byte[128]);
        final int length = MessageHeaderDecoder.ENCODED_LENGTH + new io.ringwall.codecs.NewOrderEncoder()
            .wrapAndApplyHeader(stray, 0, new io.ringwall.codecs.MessageHeaderEncoder()).clOrdId(987_654_321L)
            .instrumentId(0).strategyId(0).side(io.ringwall.codecs.Side.BUY).ordType(io.ringwall.codecs.OrdType.LIMIT)
            .timeInForce(io.ringwall.codecs.TimeInForce.GTC).quantity(Fixed.QUANTITY_SCALE)
            .limitPrice(10 * Fixed.PRICE_SCALE).stopPrice(0).causeSequence(1).encodedLength();
        gateway.onOutput(gateway.client().lastOutput() + 1, stray, 0, length);
        awaitSettled();

        gateway.reconcile("test");
        awaitSettled();

        assertThat(reconciliationTrips(cluster.observer(leader).outputs())).isEqualTo(1);
        assertThat(reconciliationTrips(cluster.observer((leader + 1) % ClusterHarness.MEMBERS).outputs())).isEqualTo(1);
    }

    @Test
    void anOperatorHaltGoesThroughTheLogToEveryMemberAndStopsNewOrders()
    {
        cluster = new ClusterHarness(dir, LOGIC, 29_900);
        final int leader = cluster.awaitLeader();
        gateway = newGateway(3_000_000_000L);
        for (int i = 0; i < 150; i++)
        {
            trade(i);
        }
        awaitSettled();
        final long ordersBefore = gateway.ordersSent();
        assertThat(ordersBefore).as("the strategy traded before the halt").isPositive();

        gateway.operatorCommand(io.ringwall.codecs.OperatorCommandType.HALT, io.ringwall.codecs.BreakerType.NULL_VAL, 0,
            "alice", "cluster drill");
        for (int i = 150; i < 450; i++)
        {
            trade(i);
        }
        awaitSettled();

        for (int id = 0; id < ClusterHarness.MEMBERS; id++)
        {
            final List<RecordingObserver.Output> outputs = cluster.observer(id).outputs();
            assertThat(commandResults(outputs)).as("member %d", id).containsExactly("HALT APPLIED");
        }
        assertThat(newOrders(reference(cluster.observer(leader).inputs()))).hasSize((int)ordersBefore);
        assertThat(gateway.ordersSent()).as("no order after the halt").isEqualTo(ordersBefore);
    }

    @Test
    void aLostMajorityHaltsTradingWithAMessageAndItResumesWhenItReturns()
    {
        cluster = new ClusterHarness(dir, LOGIC, 29_600);
        final int leader = cluster.awaitLeader();
        gateway = newGateway(3_000_000_000L);
        for (int i = 0; i < 150; i++)
        {
            trade(i);
        }
        awaitSettled();
        final int other = (leader + 1) % ClusterHarness.MEMBERS;
        cluster.kill(leader);
        cluster.kill(other);
        for (int i = 150; i < 200; i++)
        {
            trade(i);
        }
        pump(gateway::halted, "the gateway halts trading");
        assertThat(text()).contains("TRADING HALTED").contains("restart them (ringwall cluster-node)");

        cluster.start(leader);
        cluster.start(other);
        pump(() -> !gateway.halted(), "trading resumes");
        awaitSettled();
        assertThat(text()).contains("trading resumes");
        final List<Long> expected = newOrders(reference(cluster.observer(leader).inputs()));
        assertThat(gateway.ordersSent()).isEqualTo(expected.size());
    }

    private ClusterGateway newGateway(final long haltAfterNs)
    {
        return new ClusterGateway(cluster.clientContext(), cluster.clientAeron(), LOGIC, new SystemNanoClock(),
            haltAfterNs, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String text()
    {
        return console.toString(StandardCharsets.UTF_8);
    }

    private void trade(final int i)
    {
        final long price = (100 * Fixed.PRICE_SCALE) + Math.round(5 * Fixed.PRICE_SCALE * Math.sin(i * Math.PI / 60));
        gateway.trade(0, i + 1, price, Fixed.QUANTITY_SCALE, 1_000_000_000L * (i + 1));
    }

    /**
     * Every input acknowledged and the leader's outputs all taken, and still so after the venue had time to answer
     * (its acknowledgement latency passes on the gateway's clock): nothing new was sent meanwhile.
     */
    private void awaitSettled()
    {
        final BooleanSupplier settled = () -> gateway.client().acknowledged() == gateway.client().lastSent() &&
            gateway.client().isConnected() && outputsTaken();
        while (true)
        {
            pump(settled, "the gateway and the cluster settle");
            final long sent = gateway.client().lastSent();
            final long deadline = System.nanoTime() + 500_000_000L;
            pump(() -> System.nanoTime() > deadline, "a quiet half second");
            if (settled.getAsBoolean() && gateway.client().lastSent() == sent)
            {
                return;
            }
        }
    }

    private boolean outputsTaken()
    {
        for (int id = 0; id < ClusterHarness.MEMBERS; id++)
        {
            if (cluster.node(id) != null && cluster.observer(id).lastApplied() == gateway.client().lastSent())
            {
                final List<RecordingObserver.Output> outputs = cluster.observer(id).outputs();
                return outputs.isEmpty() || outputs.get(outputs.size() - 1).index() == gateway.client().lastOutput();
            }
        }
        return false;
    }

    private void pump(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + ClusterHarness.AWAIT.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("not within " + ClusterHarness.AWAIT.toSeconds() + " s: " + what +
                    " (acked " + gateway.client().acknowledged() + " of " + gateway.client().lastSent() + ", outputs " +
                    gateway.client().lastOutput() + ", venue working " + gateway.venue().workingOrders() + ")\n" +
                    text());
            }
            if (gateway.poll() == 0)
            {
                try
                {
                    Thread.sleep(1);
                }
                catch (final InterruptedException ex)
                {
                    throw new AssertionError(ex);
                }
            }
        }
    }

    private static List<RecordingObserver.Output> reference(final List<RecordingObserver.Input> inputs)
    {
        assertThat(inputs.get(0).gatewaySequence()).isEqualTo(1);
        final List<RecordingObserver.Output> outputs = new ArrayList<>();
        final BusinessLogic logic = BusinessLogic.create(LOGIC, (sequence, timeNs, frame, offset, length, ingress) ->
            outputs.add(new RecordingObserver.Output(outputs.size() + 1, sequence, timeNs,
                RecordingObserver.copy(frame, offset, length))));
        for (final RecordingObserver.Input input : inputs)
        {
            logic.onInput(input.sequence(), input.timeNs(), new UnsafeBuffer(input.frame()), 0, input.frame().length,
                0);
        }
        return outputs;
    }

    private static List<Long> newOrders(final List<RecordingObserver.Output> outputs)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final NewOrderDecoder order = new NewOrderDecoder();
        final List<Long> ids = new ArrayList<>();
        for (final RecordingObserver.Output output : outputs)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(output.frame());
            if (header.wrap(buffer, 0).templateId() == NewOrderDecoder.TEMPLATE_ID)
            {
                ids.add(order.wrapAndApplyHeader(buffer, 0, header).clOrdId());
            }
        }
        return ids;
    }

    private static List<String> reconciliationVerdicts(final List<RecordingObserver.Output> outputs)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final io.ringwall.codecs.ReconciliationReportDecoder report = new io.ringwall.codecs.ReconciliationReportDecoder();
        final List<String> verdicts = new ArrayList<>();
        for (final RecordingObserver.Output output : outputs)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(output.frame());
            if (header.wrap(buffer, 0).templateId() == io.ringwall.codecs.ReconciliationReportDecoder.TEMPLATE_ID)
            {
                verdicts.add(report.wrapAndApplyHeader(buffer, 0, header).verdict().name());
            }
        }
        return verdicts;
    }

    private static List<String> commandResults(final List<RecordingObserver.Output> outputs)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final io.ringwall.codecs.OperatorCommandResultDecoder result =
            new io.ringwall.codecs.OperatorCommandResultDecoder();
        final List<String> results = new ArrayList<>();
        for (final RecordingObserver.Output output : outputs)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(output.frame());
            if (header.wrap(buffer, 0).templateId() == io.ringwall.codecs.OperatorCommandResultDecoder.TEMPLATE_ID)
            {
                result.wrapAndApplyHeader(buffer, 0, header);
                results.add(result.commandType() + " " + result.result());
            }
        }
        return results;
    }

    private static long reconciliationTrips(final List<RecordingObserver.Output> outputs)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final io.ringwall.codecs.BreakerStateChangeDecoder change = new io.ringwall.codecs.BreakerStateChangeDecoder();
        return outputs.stream().filter(output ->
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(output.frame());
            return header.wrap(buffer, 0).templateId() == io.ringwall.codecs.BreakerStateChangeDecoder.TEMPLATE_ID &&
                change.wrapAndApplyHeader(buffer, 0, header).breakerType() ==
                    io.ringwall.codecs.BreakerType.RECONCILIATION &&
                change.toState() == io.ringwall.codecs.BreakerState.HALTED;
        }).count();
    }

    private static byte[] firstNewOrderFrame(final List<RecordingObserver.Output> outputs)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        for (final RecordingObserver.Output output : outputs)
        {
            if (header.wrap(new UnsafeBuffer(output.frame()), 0).templateId() == NewOrderDecoder.TEMPLATE_ID)
            {
                return output.frame();
            }
        }
        throw new AssertionError("no new order");
    }
}
