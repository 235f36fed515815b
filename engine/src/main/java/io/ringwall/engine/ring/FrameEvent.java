package io.ringwall.engine.ring;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A ring slot: one SBE frame plus the record fields the journal keeps with it. Slots are allocated
 * once when the ring is built and reused forever.
 *
 * <p>Slots are kept small because every stage reads every slot just after another core wrote it: a
 * slot's bytes cross between cores once per stage. A slot holds frames of up to
 * {@link #INLINE_CAPACITY} bytes, which is every frame but an operator command with long text; such a
 * frame gets the slot a {@link #CAPACITY}-byte array of its own, once, on the publishing thread (never
 * the logic's: its outputs all fit). With 512-byte arrays in every slot the pipeline used about 15 %
 * more CPU per trade ({@code ringwall throughput}, per-thread CPU time).
 */
public final class FrameEvent
{
    /** Largest frame a slot holds; operator text is truncated to fit. */
    public static final int CAPACITY = 512;
    /** Largest frame a slot holds without an array of its own: more than any fixed-size frame. */
    public static final int INLINE_CAPACITY = 128;

    /** The frame, message header first, from offset 0; read {@link #length} bytes of it. */
    public final UnsafeBuffer buffer = new UnsafeBuffer(new byte[INLINE_CAPACITY]);
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
        copyFrame(frame, offset, length);
        this.sequence = sequence;
        this.timeNs = timeNs;
        this.ingressNanos = ingressNanos;
    }

    /**
     * Copies a frame into this slot and sets {@link #length}.
     *
     * @throws IllegalArgumentException if the frame is longer than {@link #CAPACITY}.
     */
    public void copyFrame(final DirectBuffer frame, final int offset, final int length)
    {
        if (length > buffer.capacity())
        {
            if (length > CAPACITY)
            {
                throw new IllegalArgumentException("frame of " + length + " bytes exceeds a slot's " + CAPACITY);
            }
            buffer.wrap(new byte[CAPACITY]); // once per slot at most: it keeps the larger array
        }
        buffer.putBytes(0, frame, offset, length);
        this.length = length;
    }
}
