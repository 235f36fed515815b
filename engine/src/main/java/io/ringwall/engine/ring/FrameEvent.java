package io.ringwall.engine.ring;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A ring slot: one SBE frame plus the record fields the journal keeps with it. Slots are allocated
 * once when the ring is built and reused forever.
 */
public final class FrameEvent
{
    /** Largest frame a slot holds; operator text is truncated to fit. */
    public static final int CAPACITY = 512;

    /** The frame, message header first, from offset 0. */
    public final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CAPACITY]);
    /** Frame length in bytes. */
    public int length;
    /** Journal sequence: set by the journal-in stage for inputs, by the logic for outputs. */
    public long sequence;
    /** Engine time of the record (the logic's clock for inputs; logic time for outputs). */
    public long timeNs;
    /**
     * {@link System#nanoTime()} when the causing input entered the engine. Used only to measure latency:
     * never journaled, never read by the business logic's decisions.
     */
    public long ingressNanos;
    /** {@link System#nanoTime()} when journal-in committed this input (inputs only; latency only). */
    public long journaledNanos;
    /** {@link System#nanoTime()} when the logic published this output (outputs only; latency only). */
    public long publishNanos;

    /**
     * Copies a frame and its record fields into this slot.
     */
    public void set(final long sequence, final long timeNs, final DirectBuffer frame, final int offset, final int length,
        final long ingressNanos)
    {
        buffer.putBytes(0, frame, offset, length);
        this.length = length;
        this.sequence = sequence;
        this.timeNs = timeNs;
        this.ingressNanos = ingressNanos;
    }
}
