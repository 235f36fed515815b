package io.ringwall.engine.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.config.ShadowSettings;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.marketdata.DataFiles;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.TradeCsvSource;
import io.ringwall.engine.strategy.Strategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checkpoint contract on a real session (the Bitstamp trades, both example strategies, the paper venue's
 * answers): the state captured after input S, restored into a fresh logic and fed the inputs after S, gives
 * the same outputs as the original and encodes to the same bytes at the end, for S anywhere, including
 * points with working orders.
 */
class LogicSnapshotTest
{
    @TempDir
    static Path dir;
    private static LogicConfig config;
    private static List<JournalDump.Entry> inputs;

    @BeforeAll
    static void recordSession()
    {
        final EngineConfig engine = EngineFixtures.recorded(dir.resolve("s"), EngineFixtures.MA,
            EngineFixtures.MEAN_REVERSION);
        config = engine.logic();
        final RunSummary summary;
        try (Engine run = new Engine(engine))
        {
            summary = run.run(new TradeCsvSource(DataFiles.BITSTAMP_TRADES, 0, new MalformedLineReporter()));
        }
        assertThat(summary.counters().fills).isGreaterThan(100);
        inputs = JournalDump.inputs(dir.resolve("s"));
    }

    @Test
    void restoredLogicContinuesExactlyAsTheOriginal()
    {
        final List<byte[]> outputs = new ArrayList<>();
        final BusinessLogic original = BusinessLogic.create(config, (seq, time, frame, offset, length, ingress) ->
            outputs.add(copy(frame, offset, length)));
        assertThat(original.checkpointsUnsupported()).isNull();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[original.maxSnapshotLength()]);
        final TreeMap<Integer, byte[]> snapshots = new TreeMap<>();
        final TreeMap<Integer, Integer> outputsBefore = new TreeMap<>();
        int withOrders = 0;
        for (int i = 0; i < inputs.size(); i++)
        {
            feed(original, inputs.get(i));
            final boolean orderPoint = withOrders < 3 && original.workingOrders() > 0 && i % 7 == 0;
            if (i == 0 || i % 20_000 == 0 || orderPoint)
            {
                withOrders += orderPoint ? 1 : 0;
                snapshots.put(i + 1, copy(buffer, 0, original.captureState(buffer, 0)));
                outputsBefore.put(i + 1, outputs.size());
            }
        }
        assertThat(withOrders).as("some snapshots hold working orders").isEqualTo(3);
        final byte[] finalState = copy(buffer, 0, original.captureState(buffer, 0));

        for (final var snapshot : snapshots.entrySet())
        {
            final int after = snapshot.getKey();
            final List<byte[]> resumedOutputs = new ArrayList<>();
            final BusinessLogic resumed = BusinessLogic.create(config, (seq, time, frame, offset, length, ingress) ->
                resumedOutputs.add(copy(frame, offset, length)));
            resumed.restoreState(new UnsafeBuffer(snapshot.getValue()), 0, snapshot.getValue().length);
            assertThat(resumed.lastInputSequence()).isEqualTo(after);
            assertThat(copy(buffer, 0, resumed.captureState(buffer, 0))).as("restore then capture at %d", after)
                .isEqualTo(snapshot.getValue());
            for (int i = after; i < inputs.size(); i++)
            {
                feed(resumed, inputs.get(i));
            }
            final List<byte[]> expected = outputs.subList(outputsBefore.get(after), outputs.size());
            assertThat(resumedOutputs).as("outputs after %d", after).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++)
            {
                assertThat(resumedOutputs.get(i)).as("output %d after snapshot %d", i, after).isEqualTo(expected.get(i));
            }
            assertThat(copy(buffer, 0, resumed.captureState(buffer, 0))).as("final state from snapshot %d", after)
                .isEqualTo(finalState);
        }
    }

    /**
     * A shadow session (issue 20) checkpoints too: the twin's strategies, orders and paper model, the judge's
     * targets and quality window, and the live orders' shadow measures travel in the snapshot's SHADOW component,
     * so a logic restored at any point journals the same shadow decisions and executions as the original. The
     * twin's moving average differs from the live one, so the judge sees both aligned and misaligned decisions.
     */
    @Test
    void aShadowSessionRestoredAnywhereContinuesExactlyAsTheOriginal()
    {
        final LogicConfig shadow = config.withShadow(new ShadowSettings(true,
            ShadowSettings.DEFAULT_SIGNAL_TOLERANCE_PPM, 1_000, 0, ShadowSettings.DEFAULT_EXECUTION_WINDOW,
            List.of(EngineFixtures.MA.replace("fast=20", "fast=25"), EngineFixtures.MEAN_REVERSION)));
        final List<byte[]> outputs = new ArrayList<>();
        final BusinessLogic original = BusinessLogic.create(shadow, (seq, time, frame, offset, length, ingress) ->
            outputs.add(copy(frame, offset, length)));
        assertThat(original.checkpointsUnsupported()).isNull();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[original.maxSnapshotLength()]);
        final TreeMap<Integer, byte[]> snapshots = new TreeMap<>();
        final TreeMap<Integer, Integer> outputsBefore = new TreeMap<>();
        int twinHolding = 0;
        for (int i = 0; i < inputs.size(); i++)
        {
            feed(original, inputs.get(i));
            final boolean holding = twinHolding < 3 && original.shadowPosition(0) != 0 && i % 11 == 0;
            if (i == 0 || i % 25_000 == 0 || holding)
            {
                twinHolding += holding ? 1 : 0;
                snapshots.put(i + 1, copy(buffer, 0, original.captureState(buffer, 0)));
                outputsBefore.put(i + 1, outputs.size());
            }
        }
        assertThat(twinHolding).as("some snapshots find the twin holding a position").isEqualTo(3);
        assertThat(original.counters().shadowMisalignments).as("misaligned decisions").isPositive();
        assertThat(original.counters().shadowDecisions).as("aligned ones too")
            .isGreaterThan(original.counters().shadowMisalignments);
        assertThat(original.counters().shadowExecutions).as("live orders judged").isPositive();
        final byte[] finalState = copy(buffer, 0, original.captureState(buffer, 0));

        for (final var snapshot : snapshots.entrySet())
        {
            final int after = snapshot.getKey();
            final List<byte[]> resumedOutputs = new ArrayList<>();
            final BusinessLogic resumed = BusinessLogic.create(shadow, (seq, time, frame, offset, length, ingress) ->
                resumedOutputs.add(copy(frame, offset, length)));
            resumed.restoreState(new UnsafeBuffer(snapshot.getValue()), 0, snapshot.getValue().length);
            assertThat(copy(buffer, 0, resumed.captureState(buffer, 0))).as("restore then capture at %d", after)
                .isEqualTo(snapshot.getValue());
            for (int i = after; i < inputs.size(); i++)
            {
                feed(resumed, inputs.get(i));
            }
            final List<byte[]> expected = outputs.subList(outputsBefore.get(after), outputs.size());
            assertThat(resumedOutputs).as("outputs after %d", after).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++)
            {
                assertThat(resumedOutputs.get(i)).as("output %d after snapshot %d", i, after).isEqualTo(expected.get(i));
            }
            assertThat(copy(buffer, 0, resumed.captureState(buffer, 0))).as("final state from snapshot %d", after)
                .isEqualTo(finalState);
        }
    }

    /**
     * The pre-market gate and a reconciliation being collected are state too: snapshots taken while the gate
     * is closed (on an external failure only a new check input clears), and between a venue's position report
     * and its ReconciliationEnd, resume exactly as the original continues.
     */
    @Test
    void aClosedPreMarketGateAndAPendingReconciliationResumeExactly()
    {
        final io.ringwall.engine.frames.InputEncoder encoder = new io.ringwall.engine.frames.InputEncoder();
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);
        final List<JournalDump.Entry> session = new ArrayList<>();
        final int recorded = Math.min(inputs.size(), 6_000);
        final int reopenAt = recorded / 2;
        final int positionAt = recorded / 3;
        final int endAt = recorded * 2 / 3;
        final long gateClosing = io.ringwall.engine.logic.PreMarketCheck.GATING |
            io.ringwall.engine.logic.PreMarketCheck.VENUE_CONNECTED.bit();
        session.add(entry(1, inputs.get(0).timeNs(), frame, encoder.operatorCommand(frame, 0,
            io.ringwall.codecs.OperatorCommandType.PRE_MARKET_CHECKS, null, gateClosing, "engine", "start-up")));
        for (int i = 0; i < recorded; i++)
        {
            final JournalDump.Entry input = inputs.get(i);
            final long time = input.timeNs();
            if (i == positionAt)
            {
                session.add(entry(session.size() + 1, time, frame, encoder.venuePosition(frame, 0, 7, 0, 0,
                    config.initialCash(), time)));
            }
            if (i == reopenAt)
            {
                session.add(entry(session.size() + 1, time, frame, encoder.operatorCommand(frame, 0,
                    io.ringwall.codecs.OperatorCommandType.PRE_MARKET_CHECKS, null,
                    io.ringwall.engine.logic.PreMarketCheck.GATING, "engine", "re-check")));
            }
            if (i == endAt)
            {
                session.add(entry(session.size() + 1, time, frame, encoder.reconciliationEnd(frame, 0, 7,
                    io.ringwall.codecs.ReconciliationOutcome.COMPLETE, 1, 0, 50_000)));
            }
            session.add(new JournalDump.Entry(session.size() + 1, time, input.frame()));
        }

        final List<byte[]> outputs = new ArrayList<>();
        final BusinessLogic original = BusinessLogic.create(config, (seq, time, out, offset, length, ingress) ->
            outputs.add(copy(out, offset, length)));
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[original.maxSnapshotLength()]);
        final TreeMap<Integer, byte[]> snapshots = new TreeMap<>();
        final TreeMap<Integer, Integer> outputsBefore = new TreeMap<>();
        int whileClosed = 0;
        for (int i = 0; i < session.size(); i++)
        {
            feed(original, session.get(i));
            final boolean closed = original.preMarketGateClosed();
            if (i == 0 || i == 1_000 || i == session.size() / 2 - 5 || i == session.size() / 2 + 200 ||
                i == session.size() * 3 / 5)
            {
                whileClosed += closed ? 1 : 0;
                snapshots.put(i + 1, copy(buffer, 0, original.captureState(buffer, 0)));
                outputsBefore.put(i + 1, outputs.size());
            }
        }
        assertThat(whileClosed).as("snapshots taken while the gate was closed").isGreaterThanOrEqualTo(2);
        assertThat(original.preMarketGateClosed()).as("the second check opened the gate").isFalse();
        final byte[] finalState = copy(buffer, 0, original.captureState(buffer, 0));

        for (final var snapshot : snapshots.entrySet())
        {
            final int after = snapshot.getKey();
            final List<byte[]> resumedOutputs = new ArrayList<>();
            final BusinessLogic resumed = BusinessLogic.create(config, (seq, time, out, offset, length, ingress) ->
                resumedOutputs.add(copy(out, offset, length)));
            resumed.restoreState(new UnsafeBuffer(snapshot.getValue()), 0, snapshot.getValue().length);
            assertThat(copy(buffer, 0, resumed.captureState(buffer, 0))).as("restore then capture at %d", after)
                .isEqualTo(snapshot.getValue());
            for (int i = after; i < session.size(); i++)
            {
                feed(resumed, session.get(i));
            }
            final List<byte[]> expected = outputs.subList(outputsBefore.get(after), outputs.size());
            assertThat(resumedOutputs).as("outputs after %d", after).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++)
            {
                assertThat(resumedOutputs.get(i)).as("output %d after snapshot %d", i, after).isEqualTo(expected.get(i));
            }
            assertThat(copy(buffer, 0, resumed.captureState(buffer, 0))).as("final state from snapshot %d", after)
                .isEqualTo(finalState);
        }
    }

    private static JournalDump.Entry entry(final long sequence, final long timeNs, final UnsafeBuffer frame,
        final int length)
    {
        return new JournalDump.Entry(sequence, timeNs, copy(frame, 0, length));
    }

    @Test
    void aSnapshotOfAnotherConfigurationIsRefused()
    {
        final BusinessLogic original = BusinessLogic.create(config, (seq, time, frame, offset, length, ingress) -> { });
        feed(original, inputs.get(0));
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[original.maxSnapshotLength()]);
        final int length = original.captureState(buffer, 0);
        final LogicConfig other = EngineFixtures.recorded(dir.resolve("x"), EngineFixtures.MA).logic();
        final BusinessLogic different = BusinessLogic.create(other, (seq, time, frame, offset, len, ingress) -> { });
        assertThatThrownBy(() -> different.restoreState(buffer, 0, length))
            .hasMessageContaining("another configuration");
    }

    /** A strategy without the state hook: checkpoints are off for the session, said why. */
    public static final class Forgetful implements Strategy
    {
        public Forgetful(final io.ringwall.engine.strategy.StrategyParameters parameters)
        {
        }
    }

    @Test
    void aStrategyWithoutTheStateHookTurnsCheckpointsOff()
    {
        final LogicConfig forgetful = EngineFixtures.recorded(dir.resolve("f"), Forgetful.class.getName()).logic();
        final BusinessLogic logic = BusinessLogic.create(forgetful, (seq, time, frame, offset, length, ingress) -> { });
        assertThat(logic.checkpointsUnsupported()).contains(Forgetful.class.getName()).contains("writeState");
        assertThatThrownBy(() -> logic.captureState(new UnsafeBuffer(new byte[logic.maxSnapshotLength()]), 0))
            .isInstanceOf(IllegalStateException.class);
    }

    private static void feed(final BusinessLogic logic, final JournalDump.Entry input)
    {
        logic.onInput(input.sequence(), input.timeNs(), new UnsafeBuffer(input.frame()), 0, input.frame().length, 0);
    }

    private static byte[] copy(final org.agrona.DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return Arrays.copyOf(bytes, length);
    }
}
