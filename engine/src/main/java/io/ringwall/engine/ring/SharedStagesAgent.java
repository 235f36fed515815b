package io.ringwall.engine.ring;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.agrona.concurrent.IdleStrategy;

/**
 * Every stage on one thread ({@link StageThreading#SHARED}): a duty cycle that journals a batch of inputs
 * and commits it, hands exactly that batch to the logic, then runs the gateway's duty cycle (journal
 * "out", delivery, queued answers), and idles when none of them had work.
 *
 * <p>The gates hold as with a thread per stage: the logic takes only inputs whose document is committed
 * (it runs after the commit, on the committed range), and an order reaches the gateway only after journal
 * "out" commits it. The same handlers run as in dedicated mode ({@link JournalStage}, {@link LogicStage},
 * {@link GatewayAgent}), so journals, latencies and failures read the same.
 *
 * <p>The logic never waits here for a stage that shares its thread: when the outbound ring is full, its
 * sink runs the gateway's duty cycle while it waits ({@link DrainingIdle}), and the gateway never waits
 * for the inbound ring (its answers queue).
 */
final class SharedStagesAgent implements Runnable
{
    private final RingBuffer<FrameEvent> inbound;
    private final EventPoller<FrameEvent> journalInputs;
    private final Sequence journaledSequence;
    private final JournalStage journal;
    private final LogicStage logic;
    private final Sequence logicSequence;
    private final GatewayAgent gateway;
    private final IdleStrategy idle;
    private final EngineFailure failure;
    private final int maxBatch;
    private final EventPoller.Handler<FrameEvent> onJournal = this::journal;
    /** The last ring position the current journal batch may take. */
    private long journalBatchEnd;
    /** The ring position being handled, named in a failure. */
    private long position = -1;
    private String stage = "journal-in";
    private volatile boolean running = true;

    /**
     * @param journalInputs     a poller of the inbound ring gated on its cursor only.
     * @param journaledSequence how far journal "in" has committed (what the gateway's input poller is
     *                          gated on); set only after a batch's commit returned. The poller's own
     *                          sequence moves past a batch that failed half way, so it is not the gate.
     * @param logicSequence     the logic's position: the inbound ring's gating sequence.
     */
    SharedStagesAgent(final RingBuffer<FrameEvent> inbound, final EventPoller<FrameEvent> journalInputs,
        final Sequence journaledSequence, final JournalStage journal, final LogicStage logic, final Sequence logicSequence, final GatewayAgent gateway,
        final IdleStrategy idle, final EngineFailure failure, final int maxBatch)
    {
        this.inbound = inbound;
        this.journalInputs = journalInputs;
        this.journaledSequence = journaledSequence;
        this.journal = journal;
        this.logic = logic;
        this.logicSequence = logicSequence;
        this.gateway = gateway;
        this.idle = idle;
        this.failure = failure;
        this.maxBatch = maxBatch;
    }

    /**
     * The idle strategy of the logic's outbound claims: while the ring is full, it runs the gateway's duty
     * cycle (which frees outbound slots) and idles only when that had nothing to do. Without it the logic
     * would wait forever for a gateway that runs on its own thread. The gateway is made after the logic
     * (it needs the logic's ring), so it is given later, before the thread starts.
     */
    static final class DrainingIdle implements IdleStrategy
    {
        private final IdleStrategy idle;
        private GatewayAgent gateway;

        DrainingIdle(final IdleStrategy idle)
        {
            this.idle = idle;
        }

        void drain(final GatewayAgent gateway)
        {
            this.gateway = gateway;
        }

        @Override
        public void idle(final int workCount)
        {
            if (workCount <= 0)
            {
                idle();
            }
        }

        @Override
        public void idle()
        {
            if (gateway.doWorkOrHalt() == 0)
            {
                idle.idle();
            }
        }

        @Override
        public void reset()
        {
            idle.reset();
        }

        @Override
        public String alias()
        {
            return "draining-" + idle.alias();
        }
    }

    @Override
    public void run()
    {
        try
        {
            stage = "gateway";
            gateway.onStart();
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
            stage = "journal-in";
            journal.onShutdown();
            stage = "gateway";
            gateway.onShutdown();
        }
        catch (final EngineHaltedException ex)
        {
            // the stage that failed recorded it
        }
        catch (final Throwable ex)
        {
            failure.record(failedStage(), ex);
        }
    }

    void stop()
    {
        running = false;
    }

    /**
     * @return inputs journaled and handled plus the gateway's work; 0 when there was nothing to do.
     */
    int doWork() throws Exception
    {
        final long journaledBefore = journaledSequence.get();
        stage = "journal-in";
        journalBatchEnd = journaledBefore + maxBatch;
        journalInputs.poll(onJournal);
        final long journaled = journalInputs.getSequence().get();
        journaledSequence.set(journaled);

        stage = "logic";
        for (long next = journaledBefore + 1; next <= journaled; next++)
        {
            position = next;
            logic.onEvent(inbound.get(next), next, next == journaled);
        }
        logicSequence.set(journaled);

        stage = "gateway";
        return (int)(journaled - journaledBefore) + gateway.doWork();
    }

    /**
     * Journals one input; the batch ends (and commits) at the poller's last input, at the batch limit or when
     * the document is full, and the logic then takes exactly the committed inputs.
     */
    private boolean journal(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        position = sequence;
        return !journal.journal(event, endOfBatch || sequence == journalBatchEnd);
    }

    /** Names the failed stage as {@link HaltingExceptionHandler} does on a stage's own thread. */
    private String failedStage()
    {
        if ("gateway".equals(stage))
        {
            return gateway.stage();
        }
        return position < 0 ? stage : stage + " (ring sequence " + position + ", record " + inbound.get(position).sequence + ")";
    }
}
