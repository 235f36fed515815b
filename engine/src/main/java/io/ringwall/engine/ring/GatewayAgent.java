package io.ringwall.engine.ring;

import com.lmax.disruptor.EventHandler;
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
    private final EventHandler<FrameEvent> gateway;
    private final InboundPublisher publisher;
    private final IdleStrategy idle;
    private final EngineFailure failure;
    private final int maxBatch;
    private final StageLatencies latencies;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventPoller.Handler<FrameEvent> onOrder = this::onOrder;
    private volatile boolean running = true;
    private int polled;

    GatewayAgent(final EventPoller<FrameEvent> poller, final EventHandler<FrameEvent> gateway,
        final InboundPublisher publisher, final IdleStrategy idle, final EngineFailure failure, final int maxBatch,
        final StageLatencies latencies)
    {
        this.latencies = latencies;
        this.poller = poller;
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
                poller.poll(onOrder);
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

    private boolean onOrder(final FrameEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
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
