package io.ringwall.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;
import io.ringwall.engine.metrics.LatencyIntervalLogger;
import io.ringwall.engine.metrics.EngineStateSnapshot;
import io.ringwall.engine.metrics.LatencyStage;
import io.ringwall.engine.metrics.StatePublisher;
import io.ringwall.engine.metrics.StateViewPublisher;
import io.ringwall.engine.metrics.StageLatencies;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.EngineHaltedException;
import io.ringwall.engine.ring.Gateway;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.engine.ring.Pipeline;
import io.ringwall.engine.venue.SimulatedVenue;
import io.ringwall.engine.config.ReferenceData;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import io.ringwall.journal.JournalWriter;
import org.agrona.concurrent.SystemEpochClock;

/**
 * The runnable engine in paper mode: journals, rings, business logic and the simulated venue, built
 * once from an {@link EngineConfig}. {@link #run} drives a market-data source through it on the
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
    private boolean started;
    private boolean stuck;
    private boolean stateViewFinished;

    /**
     * @throws IllegalStateException when the journal directory already holds a session (a restart from
     *                               it is the recovery issue's job; appending blindly would corrupt it).
     */
    public Engine(final EngineConfig config)
    {
        this(config, "paper", null, LatencyIntervalLogger.DEFAULT_INTERVAL_MS);
    }

    /**
     * @param latencyIntervalMs how often per-stage latency histograms go to {@code <journal>/latency.hlog}.
     * @throws IllegalStateException when the journal directory already holds a session.
     */
    public Engine(final EngineConfig config, final long latencyIntervalMs)
    {
        this(config, "paper", null, latencyIntervalMs);
    }

    /**
     * @param mode           recorded in the manifest as {@code engine.mode} (paper, fix).
     * @param gatewayFactory builds the venue gateway on its inbound publisher; null for the simulated venue.
     */
    public Engine(final EngineConfig config, final String mode,
        final java.util.function.Function<InboundPublisher, Gateway> gatewayFactory)
    {
        this(config, mode, gatewayFactory, LatencyIntervalLogger.DEFAULT_INTERVAL_MS);
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
        this.config = config;
        this.journals = JournalDirectory.open(config.journalDir());
        this.inputJournal = journals.inputWriter();
        this.outputJournal = journals.outputWriter();
        if (inputJournal.lastSequence() != 0 || outputJournal.lastSequence() != 0)
        {
            journals.close();
            throw new IllegalStateException("journal directory " + config.journalDir().toAbsolutePath() +
                " already holds a session (" + inputJournal.lastSequence() + " inputs); choose another --journal " +
                "directory or move that one away");
        }
        journals.writeManifest(manifest(config, mode));
        // Other processes (ringwall reference-data, the state view) read the instruments from here.
        ReferenceData.publish(referenceDataFile(config.journalDir()), config.logic().instruments());
        this.latencyLog = new LatencyIntervalLogger(latencies,
            config.journalDir().resolve(LatencyIntervalLogger.FILE_NAME), latencyIntervalMs);
        this.pipeline = new Pipeline(config.ring(), inputJournal, outputJournal, latencies,
            sink -> BusinessLogic.create(config.logic(), sink),
            gatewayFactory != null ? gatewayFactory :
                publisher -> new SimulatedVenue(publisher, config.logic(), config.clockMode(), latencies));
        // The logic thread copies its state into the seqlock snapshot now and then (no allocation); metrics
        // and the state view read it on their own threads.
        this.stateSnapshot = new EngineStateSnapshot(config.logic().symbols());
        this.statePublisher = new StatePublisher(pipeline.logic(), stateSnapshot, SystemEpochClock.INSTANCE,
            StatePublisher.DEFAULT_EVERY_INPUTS, StatePublisher.DEFAULT_EVERY_NS);
        pipeline.observeLogic(statePublisher);
        this.stateView = new StateViewPublisher(stateSnapshot, stateViewFile(config.journalDir()),
            StateViewPublisher.DEFAULT_INTERVAL_MS);
    }

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
        final MarketDataFeed feed = new MarketDataFeed(pipeline, config);
        SourceStats stats = null;
        try
        {
            stats = source.run(feed);
        }
        catch (final EngineHaltedException ex)
        {
            // the pipeline's failure carries the message; fall through to stop and report
        }
        if (timers != null)
        {
            timers.stop();
            joinQuietly(timerThread);
        }
        stuck = !pipeline.stop();
        latencyLog.close();
        finishStateView();
        final long elapsedNs = System.nanoTime() - startNanos;
        final BusinessLogic logic = pipeline.logic();
        return RunSummary.of(source.describe(), stats, logic.counters(), config.logic().initialCash(),
            logic.portfolio(), elapsedNs, latencyLog.total(LatencyStage.TICK_TO_ORDER).copy(), pipeline.failure().message());
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
        stateView.finish(pipeline.failure().isSet() ? "FAILED" : "STOPPED");
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
        stop();
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

    private static Map<String, String> manifest(final EngineConfig config, final String mode)
    {
        final Map<String, String> entries = new LinkedHashMap<>(config.logic().toManifest());
        entries.put("engine.mode", mode);
        entries.put("engine.clock", config.clockMode().name().toLowerCase(java.util.Locale.ROOT));
        entries.put("engine.lockStep", Boolean.toString(config.lockStep()));
        return entries;
    }
}
