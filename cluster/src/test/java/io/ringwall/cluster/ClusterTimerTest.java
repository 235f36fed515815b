package io.ringwall.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.OrderStatusQueryDecoder;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.logic.StatusTimeouts;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timers from the cluster's clock (issue 23, point 2): the members tick the logic from the cluster's timers, every
 * member the same ticks at the same log positions and times, and what the logic does on time alone (here: the
 * order-status questions about orders the venue never answered, then the VENUE breaker) happens identically on
 * every member and equals a single-node logic fed the same inputs and ticks.
 */
class ClusterTimerTest
{
    private static final long TIMER_INTERVAL_NS = 100_000_000L;
    /** The venue (nobody here) never answers: each order is asked about after 300 ms, twice, then VENUE trips. */
    private static final LogicConfig LOGIC = LogicConfig.unrestricted(List.of("BTCUSD"), List.of(EngineFixtures.MA),
        LogicConfig.DEFAULT_INITIAL_CASH, 1024).withStatusTimeouts(new StatusTimeouts(300_000_000L, 2));
    private static final int TRADES = 200;

    @TempDir
    Path dir;

    private ClusterHarness cluster;

    @AfterEach
    void close()
    {
        if (cluster != null)
        {
            cluster.close();
        }
    }

    @Test
    void timerTicksFromTheClusterDriveTheSameBehaviourOnEveryMemberAsOnASingleNode()
    {
        cluster = new ClusterHarness(dir, LOGIC, 29_800, TIMER_INTERVAL_NS);
        cluster.awaitLeader();
        final InputEncoder encoder = new InputEncoder();
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
        for (int i = 0; i < TRADES; i++)
        {
            final long price = (100 * Fixed.PRICE_SCALE) + Math.round(5 * Fixed.PRICE_SCALE * Math.sin(i * Math.PI / 60));
            cluster.send(frame, 0, encoder.trade(frame, 0, 0, i + 1, price, Fixed.QUANTITY_SCALE, 1_000_000_000L * (i + 1)));
            cluster.client().poll();
        }
        cluster.pumpUntil(() -> cluster.client().acknowledged() == TRADES, "every trade is acknowledged");
        // From here on only the timer moves the logic's clock: the questions below can come from ticks alone.
        final int leader = cluster.awaitLeader();
        // The trades' outputs all came before their acknowledgement: later ones are the ticks' doing.
        final long tradeOutputs = cluster.observer(leader).outputs().size();
        cluster.pumpUntil(() -> statusQueries(cluster.observer(leader).outputs(), tradeOutputs) >= 2 &&
            cluster.received().size() >= tradeOutputs + 2,
            "ticks after the last trade make the logic ask about the unanswered orders, and the gateway gets it");
        cluster.stopMembers();

        // Every member handed its logic the same inputs and ticks, at the same log positions and times (a member
        // stopped a moment earlier may lack the last ticks): the longest is the reference's input.
        List<RecordingObserver.Input> longest = List.of();
        for (int id = 0; id < ClusterHarness.MEMBERS; id++)
        {
            final List<RecordingObserver.Input> inputs = cluster.observer(id).logicInputs();
            longest = inputs.size() > longest.size() ? inputs : longest;
        }
        assertThat(longest.stream().filter(input -> input.gatewaySequence() == 0).count())
            .as("ticks were applied").isGreaterThan(3);
        for (int id = 0; id < ClusterHarness.MEMBERS; id++)
        {
            final List<RecordingObserver.Input> inputs = cluster.observer(id).logicInputs();
            assertThat(inputs.size()).as("member %d applied the trades and ticks after them", id)
                .isGreaterThan(TRADES + 3);
            for (int i = 0; i < inputs.size(); i++)
            {
                final RecordingObserver.Input mine = inputs.get(i);
                final RecordingObserver.Input reference = longest.get(i);
                assertThat(mine.sequence()).as("member %d input %d's log position", id, i).isEqualTo(reference.sequence());
                assertThat(mine.timeNs()).as("member %d input %d's time", id, i).isEqualTo(reference.timeNs());
                assertThat(mine.frame()).as("member %d input %d", id, i).isEqualTo(reference.frame());
            }
            // ticks at interval boundaries: each at or after its deadline, never two in one interval
            long lastTickInterval = Long.MIN_VALUE;
            for (final RecordingObserver.Input input : inputs)
            {
                if (input.gatewaySequence() == 0)
                {
                    assertThat(input.timeNs() / TIMER_INTERVAL_NS).isGreaterThan(lastTickInterval);
                    lastTickInterval = input.timeNs() / TIMER_INTERVAL_NS;
                }
            }

            // A single node fed this member's inputs and ticks produces its outputs byte for byte and its state.
            final List<RecordingObserver.Output> expected = new ArrayList<>();
            final BusinessLogic single = BusinessLogic.create(LOGIC, (sequence, timeNs, buffer, offset, length, in) ->
                expected.add(new RecordingObserver.Output(expected.size() + 1, sequence, timeNs,
                    RecordingObserver.copy(buffer, offset, length))));
            for (final RecordingObserver.Input input : inputs)
            {
                single.onInput(input.sequence(), input.timeNs(), new UnsafeBuffer(input.frame()), 0,
                    input.frame().length, 0);
            }
            final List<RecordingObserver.Output> outputs = cluster.observer(id).outputs();
            assertThat(outputs).hasSameSizeAs(expected);
            for (int i = 0; i < outputs.size(); i++)
            {
                assertThat(outputs.get(i).index()).isEqualTo(i + 1);
                assertThat(outputs.get(i).sequence()).isEqualTo(expected.get(i).sequence());
                assertThat(outputs.get(i).timeNs()).isEqualTo(expected.get(i).timeNs());
                assertThat(outputs.get(i).frame()).as("member %d output %d", id, i + 1).isEqualTo(expected.get(i).frame());
            }
            assertThat(statusQueries(outputs, tradeOutputs)).as("member %d asked on ticks", id)
                .isGreaterThanOrEqualTo(2);
            final BusinessLogic logic = cluster.lastNode(id).service().logic();
            final UnsafeBuffer state = new UnsafeBuffer(new byte[logic.maxSnapshotLength()]);
            final UnsafeBuffer singleState = new UnsafeBuffer(new byte[single.maxSnapshotLength()]);
            assertThat(RecordingObserver.copy(state, 0, logic.captureState(state, 0))).as("member %d's state", id)
                .isEqualTo(RecordingObserver.copy(singleState, 0, single.captureState(singleState, 0)));
            assertThat(logic.counters().timerInputs).isEqualTo(single.counters().timerInputs).isGreaterThan(3);
        }
        // the leader's egress after a tick reached the gateway: the ticks' outputs too, each once, in order
        final List<RecordingObserver.Output> leaderOutputs = cluster.observer(leader).outputs();
        final List<ClusterHarness.Received> received = cluster.received();
        for (int i = 0; i < received.size(); i++)
        {
            assertThat(received.get(i).index()).isEqualTo(i + 1);
            assertThat(received.get(i).frame()).isEqualTo(leaderOutputs.get(i).frame());
        }
    }

    @Test
    void ticksGoOnAfterTheLeaderIsKilledAndARestartedMemberResumesThemFromTheSnapshot()
    {
        cluster = new ClusterHarness(dir, LOGIC, 29_850, TIMER_INTERVAL_NS);
        final int first = cluster.awaitLeader();
        final InputEncoder encoder = new InputEncoder();
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
        for (int i = 0; i < TRADES; i++)
        {
            final long price = (100 * Fixed.PRICE_SCALE) + Math.round(5 * Fixed.PRICE_SCALE * Math.sin(i * Math.PI / 60));
            cluster.send(frame, 0, encoder.trade(frame, 0, 0, i + 1, price, Fixed.QUANTITY_SCALE, 1_000_000_000L * (i + 1)));
            cluster.client().poll();
        }
        cluster.pumpUntil(() -> cluster.client().acknowledged() == TRADES, "every trade is acknowledged");
        cluster.pumpUntil(() -> cluster.observer(first).ticks() >= 3, "a few ticks");
        final long before = cluster.node(first).snapshots();
        assertThat(cluster.node(first).requestSnapshot()).isTrue();
        cluster.pumpUntil(() -> cluster.node(first).snapshots() > before, "the cluster takes a snapshot (timer armed)");

        cluster.kill(first);
        final int second = cluster.awaitLeader();
        final int other = 3 - first - second;
        final long ticksAtKill = cluster.observer(other).ticks();
        cluster.pumpUntil(() -> cluster.observer(other).ticks() >= ticksAtKill + 5,
            "the new leader's consensus module fires the timers the old one armed");
        cluster.start(first);
        final long othersTicks = cluster.observer(other).ticks();
        cluster.pumpUntil(() -> cluster.observer(first).logicInputs().size() > 0 &&
            lastPosition(cluster.observer(first).logicInputs()) >= lastPosition(cluster.observer(other).logicInputs()) &&
            cluster.observer(other).ticks() >= othersTicks + 3, "the restarted member catches up and ticks along");
        cluster.stopMembers();

        assertThat(cluster.observer(first).inputs()).as("the restart began after the snapshot").isEmpty();
        // The member never killed applied everything: its stream is the reference for every other life.
        final List<RecordingObserver.Input> reference = cluster.observer(other).logicInputs();
        final List<RecordingObserver.Output> expected = new ArrayList<>();
        final BusinessLogic single = BusinessLogic.create(LOGIC, (sequence, timeNs, buffer, offset, length, in) ->
            expected.add(new RecordingObserver.Output(expected.size() + 1, sequence, timeNs,
                RecordingObserver.copy(buffer, offset, length))));
        for (final RecordingObserver.Input input : reference)
        {
            single.onInput(input.sequence(), input.timeNs(), new UnsafeBuffer(input.frame()), 0, input.frame().length, 0);
        }
        for (int id = 0; id < ClusterHarness.MEMBERS; id++)
        {
            for (final RecordingObserver life : cluster.incarnations(id))
            {
                assertSliceOf(reference, life.logicInputs(), id);
                for (final RecordingObserver.Output output : life.outputs())
                {
                    final RecordingObserver.Output same = expected.get((int)output.index() - 1);
                    assertThat(output.frame()).as("member %d output %d", id, output.index()).isEqualTo(same.frame());
                    assertThat(output.timeNs()).isEqualTo(same.timeNs());
                }
            }
        }
        assertThat(cluster.lastNode(first).service().timerTicks()).as("the restarted member ticked").isPositive();
        assertThat(cluster.lastNode(first).service().unknownTimers()).isZero();
        assertThat(reference.stream().filter(input -> input.gatewaySequence() == 0).count())
            .isGreaterThanOrEqualTo(ticksAtKill + 8);
    }

    private static long lastPosition(final List<RecordingObserver.Input> inputs)
    {
        return inputs.isEmpty() ? 0 : inputs.get(inputs.size() - 1).sequence();
    }

    /** {@code slice} is a run of consecutive entries of {@code whole}: same positions, times and frames. */
    private static void assertSliceOf(final List<RecordingObserver.Input> whole,
        final List<RecordingObserver.Input> slice, final int id)
    {
        if (slice.isEmpty())
        {
            return;
        }
        int at = 0;
        while (at < whole.size() && whole.get(at).sequence() != slice.get(0).sequence())
        {
            at++;
        }
        assertThat(at).as("member %d's first input at log position %d is in the reference", id,
            slice.get(0).sequence()).isLessThan(whole.size());
        for (int i = 0; i < slice.size() && at + i < whole.size(); i++)
        {
            assertThat(slice.get(i).sequence()).as("member %d input %d", id, i).isEqualTo(whole.get(at + i).sequence());
            assertThat(slice.get(i).timeNs()).as("member %d input %d", id, i).isEqualTo(whole.get(at + i).timeNs());
            assertThat(slice.get(i).frame()).as("member %d input %d", id, i).isEqualTo(whole.get(at + i).frame());
        }
    }

    /** @return OrderStatusQuery outputs after output {@code index}. */
    private static long statusQueries(final List<RecordingObserver.Output> outputs, final long index)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        return outputs.stream().filter(output -> output.index() > index &&
            header.wrap(new UnsafeBuffer(output.frame()), 0).templateId() == OrderStatusQueryDecoder.TEMPLATE_ID)
            .count();
    }
}
