package io.ringwall.engine.ring;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.Sequence;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.engine.metrics.LatencyStage;
import io.ringwall.engine.metrics.StageLatencies;
import org.agrona.concurrent.IdleStrategy;

/**
 * The gateway's thread: a duty cycle that flushes the gateway's queued answers onto the inbound ring
 * and polls the outbound ring for orders, idling when there was nothing to do. Unlike a Disruptor
 * batch processor it runs even when no order arrives, so queued answers always get delivered; and it
 * never waits for the inbound ring, so it always drains the outbound ring the logic may be waiting on.
 *
 * <p>It measures, for every frame it hands to the gateway, the time since the logic published it, and
 * for new orders tick-to-order: the time since the causing input's ingress.
 */
final class GatewayAgent implements Runnable
{
    private final EventPoller<FrameEvent> poller;
    private final EventPoller<FrameEvent> inputs;
    private final Gateway gateway;
    private final InboundPublisher publisher;
    private final IdleStrategy idle;
    private final EngineFailure failure;
    private final int maxBatch;
    private final StageLatencies latencies;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventPoller.Handler<FrameEvent> onOrder = this::onOrder;
    private final EventPoller.Handler<FrameEvent> onInput = this::onInput;
    private volatile boolean running = true;
    private int polled;

    /**
     * @param inputs    the journaled inputs, polled when the gateway observes them; else null.
     * @param latencies where this thread records outbound -> gateway and tick-to-order.
     */
    GatewayAgent(final EventPoller<FrameEvent> poller, final EventPoller<FrameEvent> inputs, final Gateway gateway,
        final InboundPublisher publisher, final IdleStrategy idle, final EngineFailure failure, final int maxBatch,
        final StageLatencies latencies)
    {
        this.latencies = latencies;
        this.poller = poller;
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
            gateway.onStart();
            while (running)
            {
                polled = 0;
                pollInputs();
                poller.poll(onOrder);
                gateway.onIdle();
                final int work = publisher.flush() + polled;
                if (work == 0)
                {
                    idle.idle();
                }
                else
                {
                    idle.reset();
                }
            }
            gateway.onShutdown();
        }
        catch (final EngineHaltedException ex)
        {
            // another stage failed first; it is recorded
        }
        catch (final Throwable ex)
        {
            failure.record("gateway", ex);
        }
    }

    Sequence sequence()
    {
        return poller.getSequence();
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

    private void pollInputs() throws Exception
    {
        if (inputs != null)
        {
            inputs.poll(onInput);
        }
    }

    private boolean onInput(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        gateway.onJournaledInput(event);
        return true;
    }

    void stop()
    {
        running = false;
    }

    private boolean onOrder(final FrameEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        // Every input journaled by now precedes this order at the venue, whatever the threads' timing.
        pollInputs();
        final long nowNanos = System.nanoTime();
        latencies.record(LatencyStage.OUTBOUND_TO_GATEWAY, nowNanos - event.publishNanos);
        if (header.wrap(event.buffer, 0).templateId() == NewOrderDecoder.TEMPLATE_ID)
        {
            latencies.record(LatencyStage.TICK_TO_ORDER, nowNanos - event.ingressNanos);
        }
        gateway.onEvent(event, sequence, endOfBatch);
        // Hand control back now and then so queued answers are flushed between orders.
        return ++polled < maxBatch;
    }
}
