package io.ringwall.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.engine.checkpoint.CheckpointSettings;
import io.ringwall.engine.checkpoint.Checkpointer;
import io.ringwall.engine.checkpoint.Recovery;
import io.ringwall.engine.checkpoint.RecoveryReport;
import io.ringwall.engine.checkpoint.SnapshotStore;
import io.ringwall.engine.checkpoint.SnapshotWriter;
import io.ringwall.engine.checkpoint.SwitchableSink;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.marketdata.MarketDataRefusedException;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;
import io.ringwall.engine.metrics.EngineStateSnapshot;
import io.ringwall.engine.metrics.LatencyIntervalLogger;
import io.ringwall.engine.metrics.LatencyStage;
import io.ringwall.engine.metrics.StageLatencies;
import io.ringwall.engine.metrics.StatePublisher;
import io.ringwall.engine.metrics.StateViewPublisher;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.EngineHaltedException;
import io.ringwall.engine.ring.Gateway;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.engine.ring.Pipeline;
import io.ringwall.engine.venue.SimulatedVenue;
import io.ringwall.engine.config.ReferenceData;
import io.ringwall.journal.DiskFullException;
import io.ringwall.journal.DiskSpaceGuard;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import io.ringwall.journal.JournalWriter;
import org.agrona.concurrent.SystemEpochClock;

/**
 * The runnable engine: journals, rings, business logic and the venue gateway (the simulated venue, or FIX),
 * built once from an {@link EngineConfig}, with checkpoints, recovery and graceful shutdown. {@link #run} drives a market-data source through it on the
 * caller's thread and returns the summary.
 */
public final class Engine implements AutoCloseable
{
    private final EngineConfig config;
    private final JournalDirectory journals;
    private final JournalWriter inputJournal;
    private final JournalWriter outputJournal;
    private final Pipeline pipeline;
    private final StageLatencies latencies = new StageLatencies();
    private final LatencyIntervalLogger latencyLog;
    private final EngineStateSnapshot stateSnapshot;
    private final StatePublisher statePublisher;
    private final StateViewPublisher stateView;
    private final CheckpointSettings checkpoints;
    private final SnapshotStore snapshots;
    private final SnapshotWriter snapshotWriter;
    private final String checkpointsOff;
    private final RecoveryReport recovery;
    private final long resumeMarketData;
    private final long resumeTimeNs;
    private final Object lifecycle = new Object();
    private final CountDownLatch runFinished = new CountDownLatch(1);
    private volatile boolean intakeStopped;
    private volatile boolean shutdownByCommand;
    private volatile ShutdownRequest shutdown;
    private volatile boolean running;
    /** Why the last run's market data was refused, or null. */
    private volatile String dataRefusal;
    /** A shutdown came while no run was in progress: it stops the engine, and a later {@link #run} does nothing. */
    private boolean stoppedBeforeRun;
    private SimulatedVenue venue;
    private Path finalSnapshot;
    private boolean started;
    private boolean stuck;
    private boolean closed;
    private boolean stateViewFinished;

    /** A graceful shutdown asked for by a method call or a signal. */
    private record ShutdownRequest(String reason, boolean cancelOpenOrders)
    {
    }

    /**
     * A new session with checkpoints at their defaults, on the simulated venue.
     *
     * @throws IllegalStateException when the journal directory already holds a session.
     */
    public Engine(final EngineConfig config)
    {
        this(config, "paper", null, LatencyIntervalLogger.DEFAULT_INTERVAL_MS, CheckpointSettings.DEFAULTS, false);
    }

    /**
     * @param latencyIntervalMs how often per-stage latency histograms go to {@code <journal>/latency.hlog}.
     * @throws IllegalStateException when the journal directory already holds a session.
     */
    public Engine(final EngineConfig config, final long latencyIntervalMs)
    {
        this(config, "paper", null, latencyIntervalMs, CheckpointSettings.DEFAULTS, false);
    }

    /**
     * @param mode           recorded in the manifest as {@code engine.mode} (paper, fix).
     * @param gatewayFactory builds the venue gateway on its inbound publisher; null for the simulated venue.
     */
    public Engine(final EngineConfig config, final String mode,
        final java.util.function.Function<InboundPublisher, Gateway> gatewayFactory)
    {
        this(config, mode, gatewayFactory, LatencyIntervalLogger.DEFAULT_INTERVAL_MS, CheckpointSettings.DEFAULTS,
            false);
    }

    /**
     * @param mode              recorded in the manifest as {@code engine.mode} (paper, fix).
     * @param gatewayFactory    builds the venue gateway on its inbound publisher; null for the simulated venue.
     * @param latencyIntervalMs how often per-stage latency histograms go to {@code <journal>/latency.hlog}.
     * @throws IllegalStateException when the journal directory already holds a session.
     */
    public Engine(final EngineConfig config, final String mode,
        final java.util.function.Function<InboundPublisher, Gateway> gatewayFactory, final long latencyIntervalMs)
    {
        this(config, mode, gatewayFactory, latencyIntervalMs, CheckpointSettings.DEFAULTS, false);
    }

    /**
     * On the simulated venue, latency intervals at their default.
     *
     * @see #Engine(EngineConfig, String, java.util.function.Function, long, CheckpointSettings, boolean)
     */
    public Engine(final EngineConfig config, final CheckpointSettings checkpoints, final boolean resume)
    {
        this(config, "paper", null, LatencyIntervalLogger.DEFAULT_INTERVAL_MS, checkpoints, resume);
    }

    /**
     * The full constructor.
     *
     * @param mode              recorded in the manifest as {@code engine.mode} (paper, fix).
     * @param gatewayFactory    builds the venue gateway on its inbound publisher; null for the simulated venue
     *                          (whose book a resume rebuilds from the journals; a FIX venue is reconciled instead).
     * @param latencyIntervalMs how often per-stage latency histograms go to {@code <journal>/latency.hlog}.
     * @param resume false: the directory must hold no session yet. true: a session there is recovered (newest
     *               valid snapshot, replay checked against journal "out", venue book rebuilt) and continued,
     *               appending to its journals; an empty directory simply starts a new session.
     * @throws IllegalStateException when the directory holds a session and {@code resume} is false, or the
     *                               session was configured differently.
     * @throws io.ringwall.engine.checkpoint.RecoveryException when the replay does not reproduce journal "out".
     */
    public Engine(final EngineConfig config, final String mode,
        final java.util.function.Function<InboundPublisher, Gateway> gatewayFactory, final long latencyIntervalMs,
        final CheckpointSettings checkpoints, final boolean resume)
    {
        this.config = config;
        this.checkpoints = checkpoints;
        this.journals = JournalDirectory.open(config.journalDir(), resume ? "run --resume" : "run");
        try
        {
            // refused before anything is written: a session that cannot journal must not start
            journals.keepFreeSpace(checkpoints.minFreeBytes());
        }
        catch (final RuntimeException ex)
        {
            journals.close();
            throw ex;
        }
        final long existingInputs;
        final long existingOutputs;
        try (JournalWriter in = journals.inputWriter(); JournalWriter out = journals.outputWriter())
        {
            existingInputs = in.lastSequence();
            existingOutputs = out.lastSequence();
        }
        final boolean existing = existingInputs != 0 || existingOutputs != 0;
        if (existing && !resume)
        {
            journals.close();
            throw new IllegalStateException("journal directory " + config.journalDir().toAbsolutePath() +
                " already holds a session (" + existingInputs + " inputs); continue it with --resume, choose " +
                "another --journal directory or move that one away");
        }
        this.snapshots = new SnapshotStore(config.journalDir(), checkpoints.retain());
        if (!existing && !snapshots.newestFirst().isEmpty())
        {
            journals.close();
            throw new IllegalStateException("journal directory " + config.journalDir().toAbsolutePath() + " holds " +
                "snapshots but journals \"in\" and \"out\" hold no record: the journals were deleted. Refusing to start " +
                "a session over them; restore the journals, or move the directory away and start in a new one");
        }
        final BusinessLogic logic;
        if (existing)
        {
            requireSameConfiguration(journals.readManifest(), manifest(config, mode));
            removeSnapshotTemporaries();
            final Recovery.Result recovered;
            try
            {
                recovered = new Recovery(journals, snapshots, sink -> BusinessLogic.create(config.logic(), sink))
                    .recover();
            }
            catch (final RuntimeException ex)
            {
                journals.close();
                throw ex;
            }
            logic = recovered.logic();
            logic.handOver();
            this.logicSink = recovered.sink();
            this.recovery = recovered.report();
            this.resumeMarketData = logic.counters().marketDataInputs;
            this.resumeTimeNs = logic.timeNs();
        }
        else
        {
            journals.writeManifest(manifest(config, mode));
            // Other processes (ringwall reference-data, the state view) read the instruments from here.
            ReferenceData.publish(referenceDataFile(config.journalDir()), config.logic().instruments());
            this.logicSink = new SwitchableSink(null);
            logic = BusinessLogic.create(config.logic(), logicSink);
            this.recovery = null;
            this.resumeMarketData = 0;
            this.resumeTimeNs = Long.MIN_VALUE;
        }
        this.checkpointsOff = logic.checkpointsUnsupported();
        this.inputJournal = journals.inputWriter();
        this.outputJournal = journals.outputWriter();
        final JournalWriter outputs = outputJournal;
        this.snapshotWriter = checkpointsOff == null ? new SnapshotWriter(snapshots, logic.maxSnapshotLength(), 2,
            inputJournal::committedChain, outputs::committedChain, DiskSpaceGuard.of(config.journalDir(), checkpoints.minFreeBytes()),
            this::haltOnDiskFull) : null;
        this.latencyLog = new LatencyIntervalLogger(latencies,
            config.journalDir().resolve(LatencyIntervalLogger.FILE_NAME), latencyIntervalMs);
        final Checkpointer checkpointer = new Checkpointer(checkpoints, snapshotWriter, this::onShutdownCommand);
        this.pipeline = new Pipeline(config.ring(), inputJournal, outputJournal, latencies,
            ringSink ->
            {
                logicSink.target(ringSink);
                return logic;
            },
            gatewayFactory != null ? gatewayFactory : publisher ->
            {
                venue = new SimulatedVenue(publisher, config.logic(), config.clockMode(), latencies);
                return venue;
            },
            checkpointer);
        // The logic thread copies its state into the seqlock snapshot now and then (no allocation); metrics
        // and the state view read it on their own threads.
        this.stateSnapshot = new EngineStateSnapshot(config.logic().symbols());
        this.statePublisher = new StatePublisher(pipeline.logic(), stateSnapshot, SystemEpochClock.INSTANCE,
            StatePublisher.DEFAULT_EVERY_INPUTS, StatePublisher.DEFAULT_EVERY_NS);
        pipeline.observeLogic(statePublisher);
        this.stateView = new StateViewPublisher(stateSnapshot, stateViewFile(config.journalDir()),
            StateViewPublisher.DEFAULT_INTERVAL_MS);
        if (recovery != null)
        {
            // The paper venue rebuilds its book; a FIX venue keeps its own (the reconciliation at logon compares it
            // with the recovered state) and the FIX gateway sends what journal "out" holds that never reached it.
            final Gateway gateway = pipeline.venueGateway();
            final int resumed = gateway.resume(logic, journals);
            recoveryReport = recovery.withVenue(resumed, gateway.resumeDescription());
            appendRecoveryLog(recoveryReport);
            if (recoveryReport.inputsReplayed() > 0 && snapshotWriter != null)
            {
                // Bounds the next recovery even if this process dies again before its first checkpoint.
                writeSnapshotNow(logic);
            }
        }
    }

    private final SwitchableSink logicSink;
    private RecoveryReport recoveryReport;

    /**
     * Starts the pipeline threads. {@link #run} starts it if needed.
     */
    public void start()
    {
        if (!started)
        {
            started = true;
            latencyLog.start();
            stateView.start();
            pipeline.start();
        }
    }

    /**
     * @return a publisher for one extra producing thread (operator commands, timers, another feed).
     */
    public InboundPublisher newPublisher()
    {
        return pipeline.newPublisher();
    }

    /**
     * @return a new reader of journal "in" for one other thread (the control plane follows its commands).
     */
    public JournalReader openInputReader()
    {
        return journals.inputReader();
    }

    /**
     * @return a new reader of journal "out" for one other thread (the control plane reads command results).
     */
    public JournalReader openOutputReader()
    {
        return journals.outputReader();
    }

    /**
     * Runs {@code source} to its end, drains the pipeline and stops it.
     *
     * @return the summary; its {@code failure} is set when trading halted on an error.
     */
    public RunSummary run(final MarketDataSource source)
    {
        synchronized (lifecycle)
        {
            if (stoppedBeforeRun)
            {
                // A graceful shutdown came before the run and stopped what was started: nothing to run.
                return summary(source, null, 0);
            }
            // From here a shutdown leaves the stopping to this run: were it to stop the pipeline itself while
            // the run starts, the run would wait forever on the halted logic (seen in torture).
            running = true;
        }
        start();
        final TimerProducer timers = config.clockMode() == ClockMode.WALL && config.timerIntervalNs() > 0 ?
            new TimerProducer(pipeline.newPublisher(), config.timerIntervalNs()) : null;
        final Thread timerThread = timers == null ? null : new Thread(timers, "ringwall-timers");
        if (timerThread != null)
        {
            timerThread.setDaemon(true);
            timerThread.start();
        }
        final long startNanos = System.nanoTime();
        final MarketDataFeed feed = new MarketDataFeed(pipeline, config, resumeMarketData, resumeTimeNs,
            () -> intakeStopped);
        SourceStats stats = null;
        try
        {
            stats = source.run(feed);
        }
        catch (final EngineHaltedException | MarketDataFeed.IntakeStoppedException ex)
        {
            // a halt: the pipeline's failure carries the message; a stop: shut down below
        }
        catch (final MarketDataRefusedException ex)
        {
            // The feed's own failure (too many malformed lines): what was published is journaled and handled
            // like any input, so stop as at the end of the data (drain, final snapshot, journals flushed); the
            // session stays valid and replays, and the summary carries the refusal.
            dataRefusal = ex.getMessage();
        }
        finally
        {
            if (timers != null)
            {
                timers.stop();
                joinQuietly(timerThread);
            }
        }
        try
        {
            final ShutdownRequest request = shutdown;
            if (request != null && !shutdownByCommand && !pipeline.failure().isSet())
            {
                // A SHUTDOWN journaled by the control plane may still be in the logic's queue: let it through
                // first, so one shutdown never journals two commands.
                awaitLogic();
            }
            if (request != null && !shutdownByCommand && !pipeline.failure().isSet())
            {
                // Journaled like an operator's: who and why, and the cancels it causes, are in the session.
                pipeline.newPublisher().operatorCommand(config.clockMode().stamp(0), OperatorCommandType.SHUTDOWN,
                    BreakerType.NULL_VAL, request.cancelOpenOrders() ? 1 : 0, "engine", request.reason());
            }
            if (shutdownByCommand ? checkpoints.cancelOnShutdown() : request != null && request.cancelOpenOrders())
            {
                awaitVenueCancels();
            }
            stopAndSnapshot();
            return summary(source, stats, System.nanoTime() - startNanos);
        }
        finally
        {
            running = false;
            runFinished.countDown();
        }
    }

    private RunSummary summary(final MarketDataSource source, final SourceStats stats, final long elapsedNs)
    {
        final BusinessLogic logic = pipeline.logic();
        final String failure = pipeline.failure().isSet() ? pipeline.failure().message() : dataRefusal;
        return RunSummary.of(source.describe(), stats, logic.counters(), config.logic().initialCash(),
            logic.portfolio(), elapsedNs, latencyLog.total(LatencyStage.TICK_TO_ORDER).copy(), failure,
            pipeline.failure().isDiskFull());
    }

    /**
     * Graceful shutdown (SIGTERM, the control plane's SHUTDOWN): stops market-data intake, journals a SHUTDOWN
     * command (which cancels every working order when asked), drains the rings so the venue's answers are
     * journaled and handled, writes a final snapshot, and flushes the journals. Returns once {@link #run}
     * returned its summary; the caller then closes the engine and exits 0.
     *
     * @param reason           journaled with the command.
     * @param cancelOpenOrders cancel every working order before stopping.
     * @return false when it did not finish within the configured timeout (the caller should then force exit).
     */
    public boolean shutdown(final String reason, final boolean cancelOpenOrders)
    {
        final boolean runInProgress;
        synchronized (lifecycle)
        {
            if (shutdown == null)
            {
                shutdown = new ShutdownRequest(reason, cancelOpenOrders);
            }
            runInProgress = running;
            stoppedBeforeRun |= !running;
        }
        intakeStopped = true;
        if (!runInProgress)
        {
            if (started && runFinished.getCount() == 1)
            {
                stopAndSnapshot();
            }
            return true;
        }
        try
        {
            return runFinished.await(checkpoints.shutdownTimeoutNs(), TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return the shutdown timeout configured. */
    public long shutdownTimeoutNs()
    {
        return checkpoints.shutdownTimeoutNs();
    }

    /**
     * The control plane's SNAPSHOT_NOW: journals the command, and the logic captures at exactly that input.
     */
    public void requestSnapshot(final String operator, final String reason)
    {
        pipeline.newPublisher().operatorCommand(config.clockMode().stamp(0), OperatorCommandType.SNAPSHOT_NOW,
            BreakerType.NULL_VAL, 0, operator, reason);
    }

    /**
     * The control plane's answer once a SNAPSHOT_NOW is journaled: the logic thread captured the state at exactly
     * that input (or at the next input if the writer was behind); this waits a little for the file.
     *
     * @param inputSequence the SNAPSHOT_NOW command's journal-in sequence.
     * @param waitMillis    how long to wait for the snapshot to be on disk.
     * @return what happened, for the operator.
     */
    public String awaitSnapshot(final long inputSequence, final long waitMillis)
    {
        if (snapshotWriter == null)
        {
            return "no snapshot taken: checkpoints are off this session (" + checkpointsOff + ")";
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        long written;
        while ((written = snapshotWriter.lastWrittenSequence()) < inputSequence && System.nanoTime() < deadline)
        {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        if (written >= inputSequence)
        {
            return "snapshot written after input " + written + ": " + SnapshotStore.fileFor(config.journalDir(), written);
        }
        final String error = snapshotWriter.lastError();
        return "snapshot of input " + inputSequence + " handed to the writer, not on disk within " + waitMillis +
            " ms" + (error == null ? "" : " (last error: " + error + ")");
    }

    /** @return the recovery this start did, or null for a new session. */
    public RecoveryReport recoveryReport()
    {
        return recoveryReport;
    }

    /** @return why this session takes no checkpoints, or null when it does. */
    public String checkpointsOff()
    {
        return checkpointsOff;
    }

    /** @return the snapshot written when the engine stopped, or null. */
    public Path finalSnapshot()
    {
        return finalSnapshot;
    }

    /** @return the snapshot writer's record (written, failed, last error), or null when checkpoints are off. */
    public SnapshotWriter snapshotWriter()
    {
        return snapshotWriter;
    }

    /** @return the paper venue; read it only while the engine is stopped. */
    public SimulatedVenue venue()
    {
        return venue;
    }

    /** Logic thread, after a journaled SHUTDOWN: stop intake; the host thread finishes in {@link #run}. */
    private void onShutdownCommand()
    {
        shutdownByCommand = true;
        intakeStopped = true;
    }

    /**
     * A graceful shutdown that cancels: a venue in another process (FIX) answers the cancels later than the rings
     * drain, so wait, within half the shutdown timeout, until the gateway has no order open at the venue and the
     * answers are journaled and handled. The journals then hold every execution the venue made for this session.
     */
    private void awaitVenueCancels()
    {
        final Gateway gateway = pipeline.venueGateway();
        final long deadline = System.nanoTime() + checkpoints.shutdownTimeoutNs() / 2;
        awaitLogic();
        while (gateway.hasOpenOrders() && !pipeline.failure().isSet() && System.nanoTime() - deadline < 0)
        {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            awaitLogic();
        }
    }

    /** Waits until the logic handled everything published so far (a halt ends the wait; run reports it). */
    private void awaitLogic()
    {
        try
        {
            pipeline.awaitQuiescent(config.ring().waitMode().idleStrategy());
        }
        catch (final EngineHaltedException ex)
        {
            // the pipeline's failure carries the message
        }
    }

    /** Drains and stops the pipeline, then writes the final snapshot (state after the last input). */
    private void stopAndSnapshot()
    {
        stop();
        if (stuck || pipeline.failure().isSet() || snapshotWriter == null || finalSnapshot != null)
        {
            return;
        }
        snapshotWriter.flush();
        final BusinessLogic logic = pipeline.logic();
        if (logic.lastInputSequence() == 0)
        {
            return;
        }
        finalSnapshot = writeSnapshotNow(logic);
    }

    /** Captures and writes a snapshot on this thread; only while no logic thread runs. */
    private Path writeSnapshotNow(final BusinessLogic logic)
    {
        final org.agrona.concurrent.UnsafeBuffer buffer =
            new org.agrona.concurrent.UnsafeBuffer(new byte[logic.maxSnapshotLength()]);
        final int length = logic.captureState(buffer, 0);
        try
        {
            return snapshots.write(logic.lastInputSequence(), inputJournal.committedChain(),
                outputJournal.committedChain(), buffer, 0, length);
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException("snapshot after input " + logic.lastInputSequence() + ": " +
                ex.getMessage(), ex);
        }
    }

    /**
     * Stops the pipeline (draining it) if it is running.
     */
    public void stop()
    {
        if (started && !pipeline.stop())
        {
            stuck = true;
        }
        latencyLog.close();
        finishStateView();
    }

    /** The final state, once the logic thread is done (a stuck one may still write: then only stop the view). */
    private void finishStateView()
    {
        if (stateViewFinished)
        {
            return;
        }
        stateViewFinished = true;
        if (!stuck)
        {
            statePublisher.publishNow();
        }
        stateView.finish(pipeline.failure().isSet() || dataRefusal != null ? "FAILED" : "STOPPED");
    }

    /**
     * @return the logic's published state (seqlock): read it from any thread, e.g. for metrics.
     */
    public EngineStateSnapshot stateSnapshot()
    {
        return stateSnapshot;
    }

    /** @return where a session's state view (Chronicle Map, read by {@code ringwall status}) lives. */
    public static java.nio.file.Path stateViewFile(final java.nio.file.Path journalDir)
    {
        return journalDir.resolve(StateViewPublisher.FILE_NAME);
    }

    /**
     * @return where the stages record latencies; a gateway records the venue round trips here
     *         ({@link StageLatencies#recordVenueAck}, {@link StageLatencies#recordVenueFill}) on its thread.
     */
    public StageLatencies latencies()
    {
        return latencies;
    }

    /**
     * @return the per-stage latency log and the run's totals (read them after the engine stopped).
     */
    public LatencyIntervalLogger latencyLog()
    {
        return latencyLog;
    }

    /**
     * @return the pipeline, for monitoring: {@code Pipeline.observeLogic} before {@link #start()}, ring positions any time.
     */
    public Pipeline pipeline()
    {
        return pipeline;
    }

    /**
     * @return the logic; read it only after the engine stopped.
     */
    public BusinessLogic logic()
    {
        return pipeline.logic();
    }

    /**
     * Stops the engine and closes the journals, unless a stage thread would not stop: unmapping a
     * journal under a live writer could crash the JVM, so the files are then left to the OS.
     *
     * @throws IllegalStateException when a stage thread did not stop.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        stop();
        if (snapshotWriter != null)
        {
            snapshotWriter.close();
        }
        if (stuck)
        {
            throw new IllegalStateException("a pipeline stage did not stop within 10 s; journals were left open " +
                "(their content up to the last committed document is intact)");
        }
        stateView.close();
        inputJournal.close();
        outputJournal.close();
        journals.close();
    }

    private static void joinQuietly(final Thread thread)
    {
        try
        {
            thread.join(5_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** @return where a session's reference-data Chronicle Map lives. */
    public static java.nio.file.Path referenceDataFile(final java.nio.file.Path journalDir)
    {
        return journalDir.resolve("reference-data.cm3");
    }

    /** The snapshot writer's thread: a full disk stops the journals too, so trading halts now. */
    private void haltOnDiskFull(final DiskFullException ex)
    {
        pipeline.failure().record("snapshot writer", ex);
    }

    /** A resumed session must be built exactly as it was, or the replay would differ: refuse with the keys. */
    private void requireSameConfiguration(final Map<String, String> journaled, final Map<String, String> now)
    {
        final Map<String, String> was = new java.util.TreeMap<>(journaled);
        final Map<String, String> is = new java.util.TreeMap<>(now);
        was.keySet().removeIf(key -> key.startsWith("engine."));
        is.keySet().removeIf(key -> key.startsWith("engine."));
        if (!was.equals(is))
        {
            final StringBuilder diff = new StringBuilder();
            final java.util.Set<String> keys = new java.util.TreeSet<>(was.keySet());
            keys.addAll(is.keySet());
            for (final String key : keys)
            {
                if (!java.util.Objects.equals(was.get(key), is.get(key)))
                {
                    diff.append(diff.length() == 0 ? "" : "; ").append(key).append(": session ").append(was.get(key))
                        .append(", now ").append(is.get(key));
                }
            }
            journals.close();
            throw new IllegalStateException("cannot resume " + config.journalDir().toAbsolutePath() + ": it was " +
                "configured differently (" + diff + "). Resume with the session's own options.");
        }
    }

    private void removeSnapshotTemporaries()
    {
        try
        {
            snapshots.removeTemporaries();
        }
        catch (final java.io.IOException ex)
        {
            journals.close();
            throw new java.io.UncheckedIOException("cannot clean snapshot temporaries in " + config.journalDir(), ex);
        }
    }

    private void appendRecoveryLog(final RecoveryReport report)
    {
        try
        {
            java.nio.file.Files.writeString(config.journalDir().resolve("recovery.log"), report.line() + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException("cannot append to recovery.log", ex);
        }
    }

    private static Map<String, String> manifest(final EngineConfig config, final String mode)
    {
        final Map<String, String> entries = new LinkedHashMap<>(config.logic().toManifest());
        entries.put("engine.mode", mode);
        entries.put("engine.clock", config.clockMode().name().toLowerCase(java.util.Locale.ROOT));
        entries.put("engine.lockStep", Boolean.toString(config.lockStep()));
        return entries;
    }
}
