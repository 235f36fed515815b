package io.ringwall.cluster;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The 16-byte envelope around every cluster message of Ringwall, ingress and egress (little-endian, like SBE):
 *
 * <pre>
 *   0  type     int32  one of the constants below
 *   4  reserved int32  0
 *   8  value    int64  INPUT: the gateway's input sequence (1, 2, ...); OUTPUT: the output's index (1, 2, ...);
 *                      INPUT_ACK: the last gateway sequence applied; OUTPUTS_DONE: the last output index the
 *                      gateway acted on
 *  16  frame           INPUT and OUTPUT only: one SBE frame of ringwall-messages, as journaled by the engine
 * </pre>
 *
 * The gateway's sequence makes resending safe: after a failover the gateway sends again every input not
 * acknowledged, and the service applies each sequence once, in order. The output index lets the gateway act on
 * each output once whichever leader sent it. Not an SBE message on purpose: it is the cluster's transport
 * around the journal frames, and the frames themselves stay exactly what the single-node engine journals.
 */
public final class ClusterEnvelope
{
    public static final int HEADER_LENGTH = 16;

    /** Gateway &rarr; cluster: one input frame for the logic. */
    public static final int INPUT = 1;
    /** Gateway &rarr; cluster: the gateway acted on every output up to the index (lets the service forget them). */
    public static final int OUTPUTS_DONE = 2;
    /** Cluster &rarr; gateway: one output frame of the logic. */
    public static final int OUTPUT = 3;
    /** Cluster &rarr; gateway: every input up to the sequence is applied (sent after that input's outputs). */
    public static final int INPUT_ACK = 4;

    private static final int TYPE_OFFSET = 0;
    private static final int VALUE_OFFSET = 8;

    private ClusterEnvelope()
    {
    }

    /** Writes a header; the frame (if any) goes at {@code offset + HEADER_LENGTH}. */
    public static void write(final MutableDirectBuffer buffer, final int offset, final int type, final long value)
    {
        buffer.putInt(offset + TYPE_OFFSET, type);
        buffer.putInt(offset + TYPE_OFFSET + Integer.BYTES, 0);
        buffer.putLong(offset + VALUE_OFFSET, value);
    }

    /** @return the message's type, or 0 when it is shorter than the header (not ours). */
    public static int type(final DirectBuffer buffer, final int offset, final int length)
    {
        return length < HEADER_LENGTH ? 0 : buffer.getInt(offset + TYPE_OFFSET);
    }

    public static long value(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VALUE_OFFSET);
    }
}
