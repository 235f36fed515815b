package io.ringwall.engine.metrics;

import io.ringwall.engine.ring.Pipeline;

/**
 * What monitoring reads from the rings, from any thread: positions (Disruptor sequences; their differences
 * are the lags), free slots and the pipeline's failure. An interface so metrics can be tested without rings.
 */
public interface RingProbe
{
    long inboundPublished();

    long inboundJournaled();

    long inboundProcessed();

    long outboundPublished();

    long outboundJournaled();

    long outboundDelivered();

    long inboundRemainingCapacity();

    long outboundRemainingCapacity();

    int inboundSize();

    int outboundSize();

    /** @return the operator message of the pipeline's failure, or null while nothing failed. */
    String failure();

    /**
     * @return a probe reading a live pipeline.
     */
    static RingProbe of(final Pipeline pipeline)
    {
        return new RingProbe()
        {
            public long inboundPublished()
            {
                return pipeline.inboundPublished();
            }

            public long inboundJournaled()
            {
                return pipeline.inboundJournaled();
            }

            public long inboundProcessed()
            {
                return pipeline.inboundProcessed();
            }

            public long outboundPublished()
            {
                return pipeline.outboundPublished();
            }

            public long outboundJournaled()
            {
                return pipeline.outboundJournaled();
            }

            public long outboundDelivered()
            {
                return pipeline.outboundDelivered();
            }

            public long inboundRemainingCapacity()
            {
                return pipeline.inboundRemainingCapacity();
            }

            public long outboundRemainingCapacity()
            {
                return pipeline.outboundRemainingCapacity();
            }

            public int inboundSize()
            {
                return pipeline.inboundSize();
            }

            public int outboundSize()
            {
                return pipeline.outboundSize();
            }

            public String failure()
            {
                return pipeline.failure().message();
            }
        };
    }
}
