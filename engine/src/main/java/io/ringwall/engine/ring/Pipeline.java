package io.ringwall.engine.ring;

import io.ringwall.journal.DiskFullException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.OutputSink;
import io.ringwall.engine.metrics.StageLatencies;
import io.ringwall.journal.JournalWriter;
import org.agrona.concurrent.IdleStrategy;

/**
 * The two rings and their stages, wired once:
 *
 * <pre>
 *   producers ─► inbound ring ─► journal-in ─► logic ─► outbound ring ─► journal-out, then gateway
 *   (many)       (multi-producer)  (gates the logic)      (logic only)     (one thread, in that order)
 *        ▲                                                                                  │
 *        └──────────── venue answers (queued by the gateway when the ring is full) ◄───────┘
 * </pre>
 *
 * Three threads besides the producers: journal-in, the logic, and the gateway's; or, with
 * {@link StageThreading#SHARED}, one that runs the three in turn ({@link SharedStagesAgent}). The logic is
 * gated on journal-in, so it only sees journaled inputs; the gateway thread commits each batch of outputs to
 * journal "out" before it hands any of them to the gateway, so no order reaches the venue before it is
 * journaled. A venue that watches the inputs sees them only once journaled. The gateway answers through
 * the inbound ring like a real venue. (Journal "out" had a thread of its own; see {@link GatewayAgent}
 * for why it moved.)
 */
public final class Pipeline
{
    private final RingConfig config;
    private final EngineFailure failure = new EngineFailure();
    private final RingBuffer<FrameEvent> inbound;
    private final RingBuffer<FrameEvent> outbound;
    private final BusinessLogic logic;
    private final List<BatchEventProcessor<FrameEvent>> processors = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Sequence logicSequence;
    private final Sequence gatewaySequence;
    private final GatewayAgent gateway;
    private final Gateway venueGateway;
    private final LogicStage logicHandler;
    private final Sequence journalInSequence;
    /** The logic's thread in dedicated threading; null when shared. */
    private BatchEventProcessor<FrameEvent> logicProcessor;
    /** Every stage on one thread; null in dedicated threading. */
    private final SharedStagesAgent sharedStages;
    private int logicCpu = LogicAffinity.NONE;
    private LogicAffinity logicAffinity;
    /** Guarded by this: {@link #stop()} has run, and its outcome. */
    private boolean stopped;
    private boolean allThreadsStopped;

    /**
     * @param logicFactory   builds the logic on the outbound ring's sink.
     * @param gatewayFactory builds the gateway (the outbound ring's last stage) on its own inbound publisher.
     */
    public Pipeline(final RingConfig config, final JournalWriter inputJournal, final JournalWriter outputJournal,
        final Function<OutputSink, BusinessLogic> logicFactory,
        final Function<InboundPublisher, Gateway> gatewayFactory)
    {
        this(config, inputJournal, outputJournal, new StageLatencies(), logicFactory, gatewayFactory);
    }

    /**
     * @param latencies where the stages record their latencies, each on its own thread.
     * @param logicFactory   builds the logic on the outbound ring's sink.
     * @param gatewayFactory builds the gateway (the outbound ring's last stage) on its own inbound publisher.
     */
    public Pipeline(final RingConfig config, final JournalWriter inputJournal, final JournalWriter outputJournal,
        final StageLatencies latencies, final Function<OutputSink, BusinessLogic> logicFactory,
        final Function<InboundPublisher, Gateway> gatewayFactory)
    {
        this(config, inputJournal, outputJournal, latencies, logicFactory, gatewayFactory, AfterInputHook.NONE);
    }

    /**
     * @param afterInput runs on the logic thread after each input (checkpoints).
     */
    public Pipeline(final RingConfig config, final JournalWriter inputJournal, final JournalWriter outputJournal,
        final Function<OutputSink, BusinessLogic> logicFactory,
        final Function<InboundPublisher, Gateway> gatewayFactory, final AfterInputHook afterInput)
    {
        this(config, inputJournal, outputJournal, new StageLatencies(), logicFactory, gatewayFactory, afterInput);
    }

    /**
     * @param latencies      where the stages record their latencies, each on its own thread.
     * @param logicFactory   builds the logic on the outbound ring's sink.
     * @param gatewayFactory builds the gateway (the outbound ring's last stage) on its own inbound publisher.
     * @param afterInput     runs on the logic thread after each input (checkpoints), before the
     *                       {@link LogicObserver} registered with {@link #observeLogic}.
     */
    public Pipeline(final RingConfig config, final JournalWriter inputJournal, final JournalWriter outputJournal,
        final StageLatencies latencies, final Function<OutputSink, BusinessLogic> logicFactory,
        final Function<InboundPublisher, Gateway> gatewayFactory, final AfterInputHook afterInput)
    {
        this.config = config;
        final boolean shared = config.threading() == StageThreading.SHARED;
        inbound = RingBuffer.create(ProducerType.MULTI, FrameEvent::new, config.inboundSize(),
            config.waitMode().waitStrategy());
        outbound = RingBuffer.create(ProducerType.SINGLE, FrameEvent::new, config.outboundSize(),
            config.waitMode().waitStrategy());
        // Sharing its thread with the gateway, the logic drains the outbound ring itself while it waits for room.
        final SharedStagesAgent.DrainingIdle drainingIdle =
            shared ? new SharedStagesAgent.DrainingIdle(config.waitMode().idleStrategy()) : null;
        final RingOutputSink sink = new RingOutputSink(outbound, new RingClaimer(outbound,
            shared ? drainingIdle : config.waitMode().idleStrategy(), failure), latencies);
        logic = logicFactory.apply(sink);

        logicHandler = new LogicStage(logic, sink, latencies, afterInput);
        final JournalStage journalStage = new JournalStage(inputJournal, latencies, config.maxBatch(), config.batching());
        final EventPoller<FrameEvent> sharedJournalInputs;
        if (shared)
        {
            sharedJournalInputs = inbound.newPoller();
            journalInSequence = new Sequence();
            logicSequence = new Sequence();
        }
        else
        {
            sharedJournalInputs = null;
            final BatchEventProcessor<FrameEvent> journalIn = stage("journal-in", inbound, journalStage);
            journalInSequence = journalIn.getSequence();
            logicProcessor = stage("logic", inbound, logicHandler, journalInSequence);
            logicSequence = logicProcessor.getSequence();
        }
        inbound.addGatingSequences(logicSequence);

        final InboundPublisher gatewayPublisher = new InboundPublisher(inbound,
            new RingClaimer(inbound, config.waitMode().idleStrategy(), failure), config.marketDataReserve(), true);
        final Gateway venue = gatewayFactory.apply(gatewayPublisher);
        venueGateway = venue;
        final EventPoller<FrameEvent> inputs = venue.observesInputs() ? inbound.newPoller(journalInSequence) : null;
        if (inputs != null)
        {
            inbound.addGatingSequences(inputs.getSequence());
        }
        gateway = new GatewayAgent(outbound, outputJournal, inputs, venue,
            gatewayPublisher, config.waitMode().idleStrategy(), failure, config.maxBatch(), config.batching(), latencies);
        outbound.addGatingSequences(gateway.sequence());
        gatewaySequence = gateway.sequence();

        if (shared)
        {
            drainingIdle.drain(gateway);
            sharedStages = new SharedStagesAgent(inbound, sharedJournalInputs, journalInSequence, journalStage,
                logicHandler, logicSequence, gateway, config.waitMode().idleStrategy(), failure, config.maxBatch());
        }
        else
        {
            sharedStages = null;
        }
    }

    /**
     * @return a publisher for one producing thread.
     */
    public InboundPublisher newPublisher()
    {
        return new InboundPublisher(inbound, new RingClaimer(inbound, config.waitMode().idleStrategy(), failure),
            config.marketDataReserve(), false);
    }

    public void start()
    {
        if (sharedStages != null)
        {
            startLogicThread(sharedStages, "ringwall-logic"); // the logic's thread, which also runs the others
            return;
        }
        for (int i = 0; i < processors.size(); i++)
        {
            final Runnable processor = processors.get(i);
            if (processor == logicProcessor)
            {
                startLogicThread(processor, "ringwall-" + names.get(i));
            }
            else
            {
                startThread(processor, "ringwall-" + names.get(i));
            }
        }
        startThread(gateway, "ringwall-gateway");
    }

    private void startLogicThread(final Runnable logicLoop, final String name)
    {
        if (logicCpu != LogicAffinity.NONE)
        {
            logicAffinity = new LogicAffinity(logicCpu, logicLoop);
            startThread(logicAffinity, name);
        }
        else
        {
            startThread(logicLoop, name);
        }
    }

    /**
     * Pins the logic thread to {@code cpu} when the pipeline starts (OpenHFT affinity); if that CPU cannot be
     * had, the logic runs unpinned with a warning. Call before {@link #start()}.
     */
    public void pinLogicTo(final int cpu)
    {
        if (!threads.isEmpty())
        {
            throw new IllegalStateException("pinLogicTo must be called before start()");
        }
        if (cpu < 0)
        {
            throw new IllegalArgumentException("CPU " + cpu + " is negative");
        }
        logicCpu = cpu;
    }

    /** @return whether the logic thread got its CPU ("pinned to CPU n", or why not), or "not pinned". */
    public String logicPinning()
    {
        return logicAffinity == null ? "not pinned" : logicAffinity.outcome();
    }

    private void startThread(final Runnable stage, final String name)
    {
        final Thread thread = new Thread(stage, name);
        thread.setDaemon(true);
        // A full disk ends a stage's thread with EngineHaltedException once the failure is recorded: the run's
        // summary says it in one line, and a stack trace would bury it. A bug's trace still prints.
        thread.setUncaughtExceptionHandler((dead, ex) ->
        {
            if (!(ex instanceof EngineHaltedException && DiskFullException.isDiskFull(ex)))
            {
                System.err.print("Exception in thread \"" + dead.getName() + "\" ");
                ex.printStackTrace();
            }
        });
        threads.add(thread);
        thread.start();
    }

    /**
     * Waits until every published input has gone through the logic and every output through the gateway,
     * the gateway's queued answers are on the ring, and those answers have gone through too, recursively. Backtest mode calls it after each input so that venue
     * answers interleave with market data the same way on every run.
     *
     * @throws EngineHaltedException if a stage fails meanwhile.
     */
    public void awaitQuiescent(final IdleStrategy idle)
    {
        while (true)
        {
            final long in = inbound.getCursor();
            idle.reset();
            final Sequence gatewayInputs = gateway.inputSequence();
            while (logicSequence.get() < in || gatewayInputs != null && gatewayInputs.get() < in)
            {
                failure.check();
                idle.idle();
            }
            final long out = outbound.getCursor();
            idle.reset();
            while (gatewaySequence.get() < out || gateway.pendingFrames() > 0)
            {
                failure.check();
                idle.idle();
            }
            if (inbound.getCursor() == in)
            {
                return;
            }
        }
    }

    /**
     * Drains what is in flight (unless a stage failed), then stops every stage and waits for its thread.
     * Once stopped it stays stopped: a later call (a graceful shutdown, then the engine's close) returns
     * the first call's outcome at once, and a concurrent one waits for it. Draining again would wait
     * forever for halted stages if anything was published meanwhile (the control plane's start-up check
     * did so when SIGTERM came just after start; torture caught it).
     *
     * @return false when a stage thread is still alive after the wait: its journal must not be closed.
     */
    public synchronized boolean stop()
    {
        if (stopped)
        {
            return allThreadsStopped;
        }
        stopped = true;
        allThreadsStopped = drainAndHalt();
        return allThreadsStopped;
    }

    private boolean drainAndHalt()
    {
        if (!failure.isSet())
        {
            try
            {
                awaitQuiescent(config.waitMode().idleStrategy());
            }
            catch (final EngineHaltedException ignore)
            {
                // the failure is reported by whoever asks failure()
            }
        }
        processors.forEach(BatchEventProcessor::halt);
        gateway.stop();
        if (sharedStages != null)
        {
            sharedStages.stop();
        }
        boolean allStopped = true;
        for (final Thread thread : threads)
        {
            try
            {
                thread.join(10_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            allStopped &= !thread.isAlive();
        }
        return allStopped;
    }

    public EngineFailure failure()
    {
        return failure;
    }

    /**
     * Has the logic thread call {@code observer} after each input (metrics publication). Call before {@link #start()}.
     */
    public void observeLogic(final LogicObserver observer)
    {
        if (!threads.isEmpty())
        {
            throw new IllegalStateException("observeLogic must be called before start()");
        }
        if (logicHandler.observer != LogicObserver.NONE)
        {
            // One observer: a second would silently replace the first (e.g. the Engine's state publisher).
            throw new IllegalStateException("the logic already has an observer; share its state snapshot instead");
        }
        logicHandler.observer = observer;
    }

    // Read-only ring positions for metrics, safe from any thread. Ring sequences (not journal sequences):
    // comparable between stages of the same ring, so their differences are the lags.

    public long inboundPublished()
    {
        return inbound.getCursor();
    }

    public long inboundJournaled()
    {
        return journalInSequence.get();
    }

    public long inboundProcessed()
    {
        return logicSequence.get();
    }

    public long outboundPublished()
    {
        return outbound.getCursor();
    }

    public long outboundJournaled()
    {
        return gateway.journaledSequence().get();
    }

    public long outboundDelivered()
    {
        return gatewaySequence.get();
    }

    public long inboundRemainingCapacity()
    {
        return inbound.remainingCapacity();
    }

    public long outboundRemainingCapacity()
    {
        return outbound.remainingCapacity();
    }

    public int inboundSize()
    {
        return inbound.getBufferSize();
    }

    public int outboundSize()
    {
        return outbound.getBufferSize();
    }

    /** @return the gateway the outbound ring ends in (the paper venue or FIX). */
    public Gateway venueGateway()
    {
        return venueGateway;
    }

    /**
     * @return the logic; read its state only after {@link #stop()}.
     */
    public BusinessLogic logic()
    {
        return logic;
    }

    private BatchEventProcessor<FrameEvent> stage(final String name, final RingBuffer<FrameEvent> ring,
        final EventHandler<FrameEvent> handler, final Sequence... dependencies)
    {
        final BatchEventProcessor<FrameEvent> processor = new BatchEventProcessorBuilder()
            .setMaxBatchSize(config.maxBatch())
            .build(ring, ring.newBarrier(dependencies), handler);
        processor.setExceptionHandler(new HaltingExceptionHandler(name, failure));
        processors.add(processor);
        names.add(name);
        return processor;
    }
}
