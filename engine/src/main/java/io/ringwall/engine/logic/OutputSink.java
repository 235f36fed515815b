package io.ringwall.engine.logic;

import org.agrona.DirectBuffer;

/**
 * Where the business logic's output frames go: the outbound ring when running, a comparison against
 * journal "out" when replaying, a collector in tests.
 */
@FunctionalInterface
public interface OutputSink
{
    /**
     * Takes one output frame. The buffer is reused by the caller after the call returns.
     *
     * @param causeIngressNanos nanoTime at which the causing input entered the engine (latency only).
     */
    void publish(long sequence, long timeNs, DirectBuffer frame, int offset, int length, long causeIngressNanos);
}
