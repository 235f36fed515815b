package io.ringwall.engine.ring;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.engine.metrics.LatencyStage;
import io.ringwall.engine.metrics.StageLatencies;
import io.ringwall.journal.JournalWriter;
import org.agrona.concurrent.IdleStrategy;

/**
 * The outbound thread: a duty cycle that journals the logic's outputs on journal "out", hands them to the
 * gateway, flushes the gateway's queued answers onto the inbound ring, and idles when there was nothing
 * to do. Each pass takes a batch of outputs, appends all of it to journal "out" and commits it as one
 * Chronicle document before the first of them reaches the gateway, so no order reaches the venue before
 * it is journaled. Journal "out" and the gateway share a thread because the outputs are few next to the
 * inputs: a thread of its own for journal "out" mostly spun, and took 30-80 ns of CPU per trade from the
 * busy stages on a 2-core machine (per-thread CPU time in {@code ringwall throughput}).
 *
 * <p>Unlike a Disruptor batch processor it runs even when no order arrives, so queued answers always get
 * delivered; and it never waits for the inbound ring, so it always drains the outbound ring the logic may
 * be waiting on.
 *
 * <p>It measures, for every frame it hands to the gateway, the time since the logic published it
 * (journal-out included), and for new orders tick-to-order: the time since the causing input's ingress.
 */
final class GatewayAgent implements Runnable
{
    private final RingBuffer<FrameEvent> outbound;
    private final JournalWriter outputJournal;
    private final EventPoller<FrameEvent> inputs;
    private final Gateway gateway;
    private final InboundPublisher publisher;
    private final IdleStrategy idle;
    private final EngineFailure failure;
    private final int maxBatch;
    private final JournalBatching batching;
    private final StageLatencies latencies;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventPoller.Handler<FrameEvent> onInput = this::onInput;
    /** Outbound ring position journaled and committed on journal "out". */
    private final Sequence journaled = new Sequence();
    /** Outbound ring position handed to the gateway; the ring's gating sequence. */
    private final Sequence delivered = new Sequence();
    private volatile boolean running = true;
    /** The part of the duty cycle running now, named in a failure. */
    private String stage = "gateway";

    /**
     * @param outbound      the outbound ring; its only producer is the logic.
     * @param outputJournal journal "out", written by this thread only.
     * @param inputs        the journaled inputs, polled when the gateway observes them; else null.
     * @param latencies     where this thread records outbound -> gateway and tick-to-order.
     */
    GatewayAgent(final RingBuffer<FrameEvent> outbound, final JournalWriter outputJournal,
        final EventPoller<FrameEvent> inputs, final Gateway gateway, final InboundPublisher publisher,
        final IdleStrategy idle, final EngineFailure failure, final int maxBatch, final JournalBatching batching,
        final StageLatencies latencies)
    {
        this.batching = batching;
        this.outbound = outbound;
        this.outputJournal = outputJournal;
        this.latencies = latencies;
        this.inputs = inputs;
        this.gateway = gateway;
        this.publisher = publisher;
        this.idle = idle;
        this.failure = failure;
        this.maxBatch = maxBatch;
    }

    @Override
    public void run()
    {
        try
        {
            onStart();
            while (running)
            {
                if (doWork() == 0)
                {
                    idle.idle();
                }
                else
                {
                    idle.reset();
                }
            }
            onShutdown();
        }
        catch (final EngineHaltedException ex)
        {
            // another stage failed first; it is recorded
        }
        catch (final Throwable ex)
        {
            failure.record(stage, ex);
        }
    }

    /** Starts the gateway; on the thread that then runs {@link #doWork()}. */
    void onStart() throws Exception
    {
        stage = "gateway";
        gateway.onStart();
    }

    /**
     * One duty cycle: the journaled inputs the gateway watches, a batch of outputs journaled on journal
     * "out" then delivered, the gateway's idle work, and its queued answers onto the inbound ring.
     *
     * @return how much was done; 0 when there was nothing to do.
     */
    int doWork() throws Exception
    {
        stage = "gateway";
        final int polled = pollInputs();
        stage = "journal-out";
        final long last = journalOutputs();
        stage = "gateway";
        final int delivered = deliverOutputs(last);
        gateway.onIdle();
        final int work = publisher.flush() + polled + delivered;
        latencies.flushGatewayThread();
        return work;
    }

    /**
     * {@link #doWork()} for a stage that must drain the outbound ring while it waits for room on it (the
     * logic, when it shares this thread): a failure is recorded and halts, as on the gateway's own thread.
     */
    int doWorkOrHalt()
    {
        try
        {
            return doWork();
        }
        catch (final EngineHaltedException ex)
        {
            throw ex;
        }
        catch (final Throwable ex)
        {
            failure.record(stage, ex);
            throw new EngineHaltedException(failure.message(), ex);
        }
    }

    /** The stage a failure of the last call came from: "gateway" or "journal-out". */
    String stage()
    {
        return stage;
    }

    /** Shuts the gateway down; journal "out" holds nothing staged: each duty cycle commits what it appends. */
    void onShutdown() throws Exception
    {
        stage = "gateway";
        gateway.onShutdown();
    }

    /** @return how far the gateway has taken the outbound ring (its gating sequence). */
    Sequence sequence()
    {
        return delivered;
    }

    /** @return how far journal "out" has committed the outbound ring. */
    Sequence journaledSequence()
    {
        return journaled;
    }

    /** @return how far the gateway has seen journaled inputs, or null when it does not observe them. */
    Sequence inputSequence()
    {
        return inputs == null ? null : inputs.getSequence();
    }

    /**
     * @return answers queued and not yet on the inbound ring.
     */
    long pendingFrames()
    {
        return publisher.pendingFrames();
    }

    void stop()
    {
        running = false;
    }

    private int pollInputs() throws Exception
    {
        if (inputs == null)
        {
            return 0;
        }
        final long before = inputs.getSequence().get();
        inputs.poll(onInput);
        return (int)(inputs.getSequence().get() - before);
    }

    private boolean onInput(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        gateway.onJournaledInput(event);
        return true;
    }

    /**
     * Appends the outputs published since the last pass (at most {@code maxBatch}, and no more than a full
     * document by the {@link JournalBatching} bounds) to journal "out" as one document and commits it.
     *
     * @return the last outbound position now journaled.
     */
    private long journalOutputs()
    {
        final long first = journaled.get() + 1;
        // One producer: its cursor is the last published slot.
        long last = Math.min(outbound.getCursor(), first + maxBatch - 1);
        if (last < first)
        {
            return first - 1;
        }
        final long firstIngressNanos = outbound.get(first).ingressNanos;
        for (long position = first; position <= last; position++)
        {
            final FrameEvent event = outbound.get(position);
            outputJournal.append(event.sequence, event.timeNs, event.buffer, 0, event.length);
            if (batching.isFull(outputJournal.stagedBytes(), firstIngressNanos, event.ingressNanos))
            {
                last = position; // the rest goes in the next pass's document
            }
        }
        outputJournal.commit();
        journaled.set(last);
        return last;
    }

    /**
     * Hands the journaled outputs up to {@code last} to the gateway.
     *
     * @return how many were handed over.
     */
    private int deliverOutputs(final long last) throws Exception
    {
        final long first = delivered.get() + 1;
        if (last < first)
        {
            return 0;
        }
        for (long position = first; position <= last; position++)
        {
            final FrameEvent event = outbound.get(position);
            // Every input journaled by now precedes this order at the venue, whatever the threads' timing.
            pollInputs();
            final long nowNanos = System.nanoTime();
            latencies.record(LatencyStage.OUTBOUND_TO_GATEWAY, nowNanos - event.publishNanos);
            if (header.wrap(event.buffer, 0).templateId() == NewOrderDecoder.TEMPLATE_ID)
            {
                latencies.record(LatencyStage.TICK_TO_ORDER, nowNanos - event.ingressNanos);
            }
            gateway.onEvent(event, position, position == last);
        }
        delivered.set(last);
        return (int)(last - first + 1);
    }
}
