package io.ringwall.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.aeron.cluster.client.AeronCluster;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business logic replicated on three Aeron Cluster members: every member applies the same inputs and produces,
 * byte for byte, what a single-node logic fed the same frames produces; leader loss and majority loss lose nothing.
 */
class ClusterReplicationTest
{
    private static final LogicConfig LOGIC =
        LogicConfig.unrestricted(List.of("BTCUSD"), List.of(EngineFixtures.MA), LogicConfig.DEFAULT_INITIAL_CASH, 1024);

    @TempDir
    Path dir;

    private ClusterHarness cluster;
    private final InputEncoder encoder = new InputEncoder();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
    private final List<byte[]> sent = new ArrayList<>();

    @AfterEach
    void close()
    {
        if (cluster != null)
        {
            cluster.close();
        }
    }

    @Test
    void everyMemberProducesTheSingleNodeOutputsAndTheGatewayGetsEachOnce()
    {
        cluster = new ClusterHarness(dir, LOGIC, 29_100);
        cluster.awaitLeader();
        sendTrades(0, 400);
        awaitAllApplied(400);

        final Reference reference = Reference.of(LOGIC, cluster.observer(0).inputs());
        assertThat(reference.outputs).as("the strategy traded: the comparison is not between empty lists")
            .hasSizeGreaterThan(2);
        for (int id = 0; id < ClusterHarness.MEMBERS; id++)
        {
            assertInputsAreTheSent(cluster.observer(id).inputs());
            assertSameOutputs(cluster.observer(id).outputs(), reference.outputs, true);
        }
        awaitGatewayOutputs(reference.outputs.size());
        assertGatewayGotEachOutputOnce(reference.outputs);
        assertSameState(reference);
    }

    @Test
    void killingTheLeaderElectsAnotherAndNothingIsLost()
    {
        cluster = new ClusterHarness(dir, LOGIC, 29_200);
        final int firstLeader = cluster.awaitLeader();
        sendTrades(0, 200);
        cluster.pumpUntil(() -> cluster.client().acknowledged() == 200, "the first 200 inputs are acknowledged");

        cluster.kill(firstLeader);
        sendTrades(200, 400);
        final int secondLeader = cluster.awaitLeader();
        assertThat(secondLeader).isNotEqualTo(firstLeader);
        cluster.pumpUntil(() -> cluster.client().acknowledged() == 400, "every input is acknowledged by the new leader");

        cluster.start(firstLeader);
        awaitAllApplied(400);

        final Reference reference = Reference.of(LOGIC, cluster.observer(secondLeader).inputs());
        for (int id = 0; id < ClusterHarness.MEMBERS; id++)
        {
            for (final RecordingObserver incarnation : cluster.incarnations(id))
            {
                assertSameOutputs(incarnation.outputs(), reference.outputs, incarnation == cluster.observer(id));
            }
            assertInputsAreTheSent(cluster.observer(id).inputs());
        }
        awaitGatewayOutputs(reference.outputs.size());
        assertGatewayGotEachOutputOnce(reference.outputs);
        assertSameState(reference);
    }

    @Test
    void aRestartedMemberRecoversFromTheClusterSnapshot()
    {
        cluster = new ClusterHarness(dir, LOGIC, 29_300);
        final int leader = cluster.awaitLeader();
        sendTrades(0, 250);
        awaitAllApplied(250);
        final long before = cluster.node(leader).snapshots();
        assertThat(cluster.node(leader).requestSnapshot()).isTrue();
        cluster.pumpUntil(() -> cluster.node(leader).snapshots() > before, "the cluster takes a snapshot");

        final int follower = (leader + 1) % ClusterHarness.MEMBERS;
        cluster.pumpUntil(() -> cluster.node(follower).snapshots() > 0, "the follower took the snapshot too");
        cluster.kill(follower);
        sendTrades(250, 400);
        cluster.pumpUntil(() -> cluster.client().acknowledged() == 400, "the two remaining members go on");
        cluster.start(follower);
        awaitAllApplied(400);

        final List<RecordingObserver.Input> replayed = cluster.observer(follower).inputs();
        assertThat(replayed.get(0).gatewaySequence()).as("the restarted member began after the snapshot, not at 1")
            .isGreaterThan(1);
        final Reference reference = Reference.of(LOGIC, cluster.observer(leader).inputs());
        for (int id = 0; id < ClusterHarness.MEMBERS; id++)
        {
            assertSameOutputs(cluster.observer(id).outputs(), reference.outputs, true);
        }
        assertSameState(reference);
    }

    @Test
    void losingTheMajorityStopsInputUntilItReturnsAndThenNothingIsLost()
    {
        cluster = new ClusterHarness(dir, LOGIC, 29_400);
        final int leader = cluster.awaitLeader();
        sendTrades(0, 150);
        awaitAllApplied(150);

        final int survivor = (leader + 1) % ClusterHarness.MEMBERS;
        final int other = (leader + 2) % ClusterHarness.MEMBERS;
        cluster.kill(leader);
        cluster.kill(other);
        sendTrades(150, 200);
        // Negative check: give the lone member ample time to (wrongly) apply something.
        cluster.pumpFor(6_000);
        assertThat(cluster.observer(survivor).lastApplied()).as("a minority applies nothing").isEqualTo(150);
        assertThat(cluster.client().acknowledged()).as("nothing is acknowledged without a quorum").isEqualTo(150);

        cluster.start(leader);
        cluster.start(other);
        cluster.awaitLeader();
        cluster.pumpUntil(() -> cluster.client().acknowledged() == 200, "the inputs held back are applied");
        awaitAllApplied(200);

        final Reference reference = Reference.of(LOGIC, cluster.observer(survivor).inputs());
        for (int id = 0; id < ClusterHarness.MEMBERS; id++)
        {
            for (final RecordingObserver incarnation : cluster.incarnations(id))
            {
                assertSameOutputs(incarnation.outputs(), reference.outputs, incarnation == cluster.observer(id));
            }
        }
        assertInputsAreTheSent(cluster.observer(survivor).inputs());
        awaitGatewayOutputs(reference.outputs.size());
        assertGatewayGotEachOutputOnce(reference.outputs);
        assertSameState(reference);
    }

    @Test
    void aResentInputIsAppliedOnceAndOneAheadOfALostOneIsNotApplied()
    {
        cluster = new ClusterHarness(dir, LOGIC, 29_700);
        cluster.awaitLeader();
        sendTrades(0, 10);
        awaitAllApplied(10);
        final UnsafeBuffer message = new UnsafeBuffer(new byte[256]);
        final int length = encoder.trade(message, ClusterEnvelope.HEADER_LENGTH, 0, 999, 1, 1, 1);
        try (AeronCluster raw = AeronCluster.connect(cluster.clientContext().clone().aeron(cluster.clientAeron())
            .ownsAeronClient(false).egressListener((session, timestamp, buffer, offset, size, header) -> { })))
        {
            ClusterEnvelope.write(message, 0, ClusterEnvelope.INPUT, 5);
            offer(raw, message, ClusterEnvelope.HEADER_LENGTH + length);
            ClusterEnvelope.write(message, 0, ClusterEnvelope.INPUT, 12);
            offer(raw, message, ClusterEnvelope.HEADER_LENGTH + length);
            cluster.pumpUntil(() -> cluster.node(0).service().droppedInputs() > 0 &&
                cluster.node(0).service().duplicateInputs() > 0, "both reach the log");
        }
        sendTrades(10, 20);
        awaitAllApplied(20);
        for (int id = 0; id < ClusterHarness.MEMBERS; id++)
        {
            assertInputsAreTheSent(cluster.observer(id).inputs());
        }
    }

    @Test
    void anUnexpectedExceptionInTheLogicStopsEveryMemberAtTheSameInput()
    {
        final LogicConfig failing = LogicConfig.unrestricted(List.of("BTCUSD"),
            List.of(FailingStrategy.class.getName()), LogicConfig.DEFAULT_INITIAL_CASH, 1024);
        cluster = new ClusterHarness(dir, failing, 29_750);
        cluster.awaitLeader();
        sendTrades(0, 5);
        awaitAllApplied(5);
        final int length = encoder.trade(frame, 0, 0, 6, FailingStrategy.POISON_PRICE, Fixed.QUANTITY_SCALE, 6);
        cluster.send(frame, 0, length);
        cluster.pumpUntil(() -> cluster.errors().stream().filter(error -> String.valueOf(error.getMessage())
            .contains("business logic failed on input 6")).count() == ClusterHarness.MEMBERS,
            "every member reports the failure");
        sendTrades(6, 10);
        // Negative check: what follows the failing input must not be applied anywhere.
        cluster.pumpFor(3_000);
        for (int id = 0; id < ClusterHarness.MEMBERS; id++)
        {
            assertThat(cluster.observer(id).lastApplied()).as("member %d", id).isEqualTo(5);
        }
    }

    private void offer(final AeronCluster raw, final UnsafeBuffer message, final int length)
    {
        cluster.pumpUntil(() -> raw.offer(message, 0, length) > 0, "the raw input is offered");
    }

    /** Trades of a price swinging around 100 (period 120 trades), so the moving averages cross both ways. */
    private void sendTrades(final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final long price = (100 * Fixed.PRICE_SCALE) + Math.round(5 * Fixed.PRICE_SCALE * Math.sin(i * Math.PI / 60));
            final int length = encoder.trade(frame, 0, 0, i + 1, price, Fixed.QUANTITY_SCALE, 1_000_000_000L * (i + 1));
            sent.add(RecordingObserver.copy(frame, 0, length));
            cluster.send(frame, 0, length);
            cluster.client().poll();
        }
    }

    private void awaitAllApplied(final long count)
    {
        cluster.pumpUntil(() ->
        {
            for (int id = 0; id < ClusterHarness.MEMBERS; id++)
            {
                if (cluster.node(id) == null || cluster.observer(id).lastApplied() < count)
                {
                    return false;
                }
            }
            return cluster.client().acknowledged() == count;
        }, "every member applies " + count + " inputs");
    }

    private void awaitGatewayOutputs(final int count)
    {
        cluster.pumpUntil(() -> cluster.client().lastOutput() >= count, "the gateway receives " + count + " outputs");
    }

    /** A member applies exactly the frames sent, once each, in order (from where its incarnation began). */
    private void assertInputsAreTheSent(final List<RecordingObserver.Input> inputs)
    {
        assertThat(inputs).isNotEmpty();
        final long first = inputs.get(0).gatewaySequence();
        for (int i = 0; i < inputs.size(); i++)
        {
            final RecordingObserver.Input input = inputs.get(i);
            assertThat(input.gatewaySequence()).isEqualTo(first + i);
            assertThat(input.frame()).isEqualTo(sent.get((int)input.gatewaySequence() - 1));
        }
        assertThat(first + inputs.size() - 1).isEqualTo(sent.size());
    }

    /**
     * Each output a member produced equals the reference's output of the same index, byte for byte; a running
     * member ({@code complete}) has produced them all, a killed incarnation a prefix.
     */
    private static void assertSameOutputs(final List<RecordingObserver.Output> outputs,
        final List<RecordingObserver.Output> reference, final boolean complete)
    {
        for (final RecordingObserver.Output output : outputs)
        {
            final RecordingObserver.Output expected = reference.get((int)output.index() - 1);
            assertThat(output.sequence()).isEqualTo(expected.sequence());
            assertThat(output.timeNs()).isEqualTo(expected.timeNs());
            assertThat(output.frame()).as("output %d", output.index()).isEqualTo(expected.frame());
        }
        if (complete && !outputs.isEmpty())
        {
            assertThat(outputs.get(outputs.size() - 1).index()).as("the last output").isEqualTo(reference.size());
        }
    }

    private void assertGatewayGotEachOutputOnce(final List<RecordingObserver.Output> reference)
    {
        final List<ClusterHarness.Received> received = cluster.received();
        assertThat(received).hasSize(reference.size());
        for (int i = 0; i < received.size(); i++)
        {
            assertThat(received.get(i).index()).isEqualTo(i + 1);
            assertThat(received.get(i).frame()).isEqualTo(reference.get(i).frame());
        }
    }

    /** Stops the members and compares each one's whole logic state with the reference's (the snapshot encoding). */
    private void assertSameState(final Reference reference)
    {
        cluster.stopMembers();
        final byte[] expected = reference.state();
        for (int id = 0; id < ClusterHarness.MEMBERS; id++)
        {
            final BusinessLogic logic = cluster.lastNode(id).service().logic();
            final UnsafeBuffer state = new UnsafeBuffer(new byte[logic.maxSnapshotLength()]);
            final int length = logic.captureState(state, 0);
            assertThat(RecordingObserver.copy(state, 0, length)).as("member %d's state", id).isEqualTo(expected);
        }
    }

    /** A single-node logic fed the frames, sequences and times a member applied. */
    private static final class Reference
    {
        final List<RecordingObserver.Output> outputs = new ArrayList<>();
        BusinessLogic logic;

        static Reference of(final LogicConfig config, final List<RecordingObserver.Input> inputs)
        {
            assertThat(inputs.get(0).gatewaySequence()).as("the reference needs every input from the first").isEqualTo(1);
            final Reference reference = new Reference();
            reference.logic = BusinessLogic.create(config, (sequence, timeNs, frame, offset, length, ingress) ->
                reference.outputs.add(new RecordingObserver.Output(reference.outputs.size() + 1, sequence, timeNs,
                    RecordingObserver.copy(frame, offset, length))));
            for (final RecordingObserver.Input input : inputs)
            {
                reference.logic.onInput(input.sequence(), input.timeNs(), new UnsafeBuffer(input.frame()), 0,
                    input.frame().length, 0);
            }
            return reference;
        }

        byte[] state()
        {
            final UnsafeBuffer state = new UnsafeBuffer(new byte[logic.maxSnapshotLength()]);
            return RecordingObserver.copy(state, 0, logic.captureState(state, 0));
        }
    }
}
