package io.ringwall.cluster;

import org.agrona.DirectBuffer;

/**
 * Sees what the clustered service applies and produces, on the service's thread (tests, the drill's output
 * streams). The buffers are reused after each call: copy what must be kept.
 */
public interface ServiceObserver
{
    ServiceObserver NONE = new ServiceObserver()
    {
    };

    /** An input frame was handed to the logic as input {@code sequence} (its log position) at {@code timeNs}. */
    default void onInputApplied(final long gatewaySequence, final long sequence, final long timeNs,
        final DirectBuffer frame, final int offset, final int length)
    {
    }

    /** A timer tick from the cluster's timer was handed to the logic as input {@code sequence} (its log position). */
    default void onTimerApplied(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
        final int length)
    {
    }

    /** The logic produced output {@code index} (1, 2, ... over the cluster's life). */
    default void onOutput(final long index, final long sequence, final long timeNs, final DirectBuffer frame,
        final int offset, final int length)
    {
    }
}
