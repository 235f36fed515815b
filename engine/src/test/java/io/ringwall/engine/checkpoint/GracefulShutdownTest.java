package io.ringwall.engine.checkpoint;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OperatorCommandDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.engine.Engine;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;
import io.ringwall.engine.marketdata.SyntheticTradeSource;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graceful shutdown in the middle of a session with resting orders: intake stops, the SHUTDOWN command is
 * journaled and cancels every working order, the venue confirms, a final snapshot is written at the last
 * input, and a restart resumes from it replaying nothing.
 */
class GracefulShutdownTest
{
    @TempDir
    Path dir;

    @Test
    void shutdownCancelsOpenOrdersWritesAFinalSnapshotAndARestartReplaysNothing() throws Exception
    {
        final RunSummary summary;
        final boolean[] finished = new boolean[1];
        final long lastInput;
        try (Engine engine = new Engine(CheckpointSessions.config(dir), CheckpointSessions.EVERY_2000, false))
        {
            // The shutdown comes from another thread, as SIGTERM's would, once 5,000 trades are in.
            summary = engine.run(new StopAfter(CheckpointSessions.trades(20_000), 5_000,
                () -> finished[0] = engine.shutdown("test: end of day", true)));
            assertThat(engine.logic().workingOrders()).as("every open order cancelled").isZero();
            lastInput = engine.logic().lastInputSequence();
            assertThat(engine.finalSnapshot()).isEqualTo(SnapshotStore.fileFor(dir, lastInput)).exists();
        }
        assertThat(summary.failure()).isNull();
        assertThat(finished[0]).as("shutdown returned in time").isTrue();
        assertThat(summary.counters().marketDataInputs).as("intake stopped").isBetween(5_000L, 5_010L);

        final List<JournalDump.Entry> inputs = JournalDump.inputs(dir);
        final List<JournalDump.Entry> outputs = JournalDump.outputs(dir);
        final JournalDump.Entry command = inputs.stream()
            .filter(e -> e.templateId() == OperatorCommandDecoder.TEMPLATE_ID).findFirst().orElseThrow();
        final OperatorCommandDecoder decoded = new OperatorCommandDecoder().wrapAndApplyHeader(
            new UnsafeBuffer(command.frame()), 0, new io.ringwall.codecs.MessageHeaderDecoder());
        assertThat(decoded.commandType()).isEqualTo(OperatorCommandType.SHUTDOWN);
        assertThat(decoded.value()).isEqualTo(1);
        final long cancels = outputs.stream().filter(e -> e.templateId() == CancelOrderDecoder.TEMPLATE_ID &&
            causeOf(e) == command.sequence()).count();
        assertThat(cancels).as("resting orders at shutdown").isGreaterThan(5);
        assertThat(inputs.stream().filter(e -> e.sequence() > command.sequence() &&
            e.templateId() == OrderCancelledDecoder.TEMPLATE_ID)).as("the venue confirmed each").hasSize((int)cancels);
        assertThat(outputs.stream().filter(e -> e.templateId() == NewOrderDecoder.TEMPLATE_ID)).isNotEmpty();
        assertThat(lastInput).isEqualTo(inputs.get(inputs.size() - 1).sequence());

        final RecoveryReport[] report = new RecoveryReport[1];
        final RunSummary resumed = CheckpointSessions.run(dir, 8_000, true, report);
        assertThat(report[0].snapshotSequence()).isEqualTo(lastInput);
        assertThat(report[0].inputsReplayed()).isZero();
        assertThat(report[0].venueReinstated()).isZero();
        assertThat(report[0].rejected()).isEmpty();
        assertThat(resumed.failure()).isNull();
        assertThat(resumed.counters().marketDataInputs).as("resumed after the last journaled trade").isEqualTo(8_000);
        assertThat(CheckpointSessions.fromScratch(dir).report().stateDigest()).isEqualTo(digestOfFinalRun());
    }

    @Test
    void aShutdownBetweenStartAndRunStopsTheEngineAndTheRunThenReturnsAtOnce() throws Exception
    {
        // The window SIGTERM can hit in `ringwall run`: the pipeline is started, the run not yet entered. The
        // shutdown used to stop the pipeline while the run then waited forever on the halted logic.
        try (Engine engine = new Engine(CheckpointSessions.config(dir), CheckpointSessions.EVERY_2000, false))
        {
            engine.start();
            final Thread signal = new Thread(() -> engine.shutdown("test: SIGTERM before the run", true));
            signal.start();
            signal.join(30_000);
            assertThat(signal.isAlive()).as("shutdown returned").isFalse();

            final java.util.concurrent.ExecutorService runner = java.util.concurrent.Executors.newSingleThreadExecutor();
            try
            {
                final RunSummary summary = runner.submit(() -> engine.run(CheckpointSessions.trades(1_000)))
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(summary.failure()).isNull();
                assertThat(summary.counters().marketDataInputs).as("nothing ran after the shutdown").isZero();
            }
            finally
            {
                runner.shutdownNow();
            }
        }
    }

    @Test
    void anInputPublishedAfterAShutdownBeforeTheRunDoesNotHangTheEngineClose() throws Exception
    {
        // `ringwall run` with a control plane: SIGTERM right after start stops the pipeline, then the control
        // plane's start-up check still publishes its command. Closing the engine drained the pipeline a second
        // time and waited forever for the halted logic to take that command (torture's last SIGTERM found it).
        final Engine engine = new Engine(CheckpointSessions.config(dir), CheckpointSessions.EVERY_2000, false);
        final java.util.concurrent.ExecutorService runner = java.util.concurrent.Executors.newSingleThreadExecutor();
        try
        {
            engine.start();
            assertThat(engine.shutdown("test: SIGTERM before the run", false)).isTrue();
            engine.newPublisher().timerTick(0, 1); // what the control plane's check does next: publish an input

            final RunSummary summary = runner.submit(() -> engine.run(CheckpointSessions.trades(1_000)))
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(summary.counters().marketDataInputs).as("nothing ran after the shutdown").isZero();
            runner.submit(() ->
            {
                engine.close();
                return null;
            }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        finally
        {
            runner.shutdownNow();
        }
    }

    private String digestOfFinalRun() throws Exception
    {
        final SnapshotStore.Entry newest = new SnapshotStore(dir, 3).newestFirst().get(0);
        final byte[] file = java.nio.file.Files.readAllBytes(newest.file());
        final io.ringwall.engine.logic.BusinessLogic logic = io.ringwall.engine.logic.BusinessLogic.create(
            CheckpointSessions.config(dir).logic(), (s, t, f, o, l, i) -> { });
        final int offset = SnapshotFile.validate(file, newest.inputSequence());
        logic.restoreState(new UnsafeBuffer(file), offset, file.length - offset);
        return Recovery.digest(logic);
    }

    private static long causeOf(final JournalDump.Entry output)
    {
        return new CancelOrderDecoder().wrapAndApplyHeader(new UnsafeBuffer(output.frame()), 0,
            new io.ringwall.codecs.MessageHeaderDecoder()).causeSequence();
    }

    /** Calls {@code stop} from another thread once {@code after} records went through, then keeps feeding. */
    private static final class StopAfter implements MarketDataSource
    {
        private final SyntheticTradeSource source;
        private final long after;
        private final Runnable stop;

        StopAfter(final SyntheticTradeSource source, final long after, final Runnable stop)
        {
            this.source = source;
            this.after = after;
            this.stop = stop;
        }

        @Override
        public SourceStats run(final MarketDataSink sink)
        {
            final AtomicBoolean signalled = new AtomicBoolean();
            final long[] count = {0};
            return source.run(new MarketDataSink()
            {
                @Override
                public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
                    final long exchangeTimeNs)
                {
                    if (++count[0] > after && signalled.compareAndSet(false, true))
                    {
                        final Thread thread = new Thread(stop, "test-sigterm");
                        thread.start();
                        try
                        {
                            // let the stop land while the feed is still feeding
                            thread.join(50);
                        }
                        catch (final InterruptedException ex)
                        {
                            Thread.currentThread().interrupt();
                        }
                    }
                    sink.trade(instrumentId, tradeId, price, quantity, exchangeTimeNs);
                }

                @Override
                public void bar(final int instrumentId, final long open, final long high, final long low,
                    final long close, final long volume, final long startTimeNs, final long durationNs)
                {
                    sink.bar(instrumentId, open, high, low, close, volume, startTimeNs, durationNs);
                }
            });
        }

        @Override
        public String describe()
        {
            return source.describe();
        }
    }
}
