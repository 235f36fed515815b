package io.ringwall.cluster;

import io.aeron.Aeron;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The gateway's side of the cluster, on one thread: sends input frames as INPUT messages under consecutive
 * sequences, keeps each until the cluster acknowledges it, and sends again everything not acknowledged when a new
 * leader takes over, after a reconnect, or when acknowledgements stall. Hands the outputs on in index order, each
 * once whichever leader sent it, and confirms them back (OUTPUTS_DONE) so the cluster can forget them.
 *
 * <p>When the cluster has no leader (a majority is lost) the session closes; this client then connects again on
 * each {@link #poll} after a pause, keeping every input for when a leader answers. Call {@link #poll} in the
 * gateway's duty cycle.
 */
public final class ClusterClient implements AutoCloseable, EgressListener
{
    /** Takes the logic's outputs, each exactly once, in order. */
    @FunctionalInterface
    public interface OutputHandler
    {
        void onOutput(long index, DirectBuffer frame, int offset, int length);
    }

    private static final int RECORD_HEADER = Integer.BYTES + Long.BYTES;
    private static final long RECONNECT_PAUSE_NS = 500_000_000L;
    /**
     * OUTPUTS_DONE goes at least this often, changed or not: the cluster only sends egress while handling a log
     * message, so this is what makes a new leader resend what its predecessor may not have delivered.
     */
    private static final long CONFIRM_INTERVAL_NS = 100_000_000L;

    private final AeronCluster.Context template;
    private final Aeron aeron;
    private final OutputHandler outputs;
    private final NanoClock clock;
    private final long resendAfterNs;
    private final ExpandableDirectByteBuffer pending = new ExpandableDirectByteBuffer(64 * 1024);
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[ClusterEnvelope.HEADER_LENGTH + 4096]);
    private int pendingHead;
    private int pendingTail;
    private AeronCluster cluster;
    private long nextSequence = 1;
    private long acked;
    private long offeredUpTo;
    private long lastOutput;
    private long lastProgressNs;
    private long nextConnectNs;
    private long nextConfirmNs;
    private long connects;
    private long leaderChanges;
    private long duplicateOutputs;
    private long outputGaps;
    private String lastConnectError;

    /**
     * @param template      ingress endpoints and channels; its Aeron client is replaced by {@code aeron}.
     * @param resendAfterNs inputs not acknowledged this long after the last progress are sent again.
     */
    public ClusterClient(final AeronCluster.Context template, final Aeron aeron, final OutputHandler outputs,
        final NanoClock clock, final long resendAfterNs)
    {
        this.template = template;
        this.aeron = aeron;
        this.outputs = outputs;
        this.clock = clock;
        this.resendAfterNs = resendAfterNs;
        this.lastProgressNs = clock.nanoTime();
    }

    /**
     * Queues one input frame for the cluster and offers it if connected.
     *
     * @return its gateway sequence.
     */
    public long send(final DirectBuffer frame, final int offset, final int length)
    {
        if (pendingTail + RECORD_HEADER + length > pending.capacity() && pendingHead > 0)
        {
            pending.putBytes(0, pending, pendingHead, pendingTail - pendingHead);
            pendingTail -= pendingHead;
            pendingHead = 0;
        }
        final long sequence = nextSequence++;
        pending.putInt(pendingTail, length);
        pending.putLong(pendingTail + Integer.BYTES, sequence);
        pending.putBytes(pendingTail + RECORD_HEADER, frame, offset, length);
        pendingTail += RECORD_HEADER + length;
        offerPending();
        return sequence;
    }

    /** One duty cycle: connect if needed, read egress, resend or confirm. @return work done. */
    public int poll()
    {
        final long nowNs = clock.nanoTime();
        if (cluster == null || cluster.isClosed())
        {
            return connect(nowNs);
        }
        int work = cluster.pollEgress();
        if (cluster.isClosed())
        {
            return work;
        }
        if (acked < offeredUpTo && nowNs - lastProgressNs > resendAfterNs)
        {
            offeredUpTo = acked;
            lastProgressNs = nowNs;
        }
        work += offerPending();
        if (nowNs >= nextConfirmNs)
        {
            ClusterEnvelope.write(message, 0, ClusterEnvelope.OUTPUTS_DONE, lastOutput);
            if (cluster.offer(message, 0, ClusterEnvelope.HEADER_LENGTH) > 0)
            {
                nextConfirmNs = nowNs + CONFIRM_INTERVAL_NS;
                work++;
            }
        }
        return work;
    }

    private int connect(final long nowNs)
    {
        if (nowNs < nextConnectNs)
        {
            return 0;
        }
        CloseHelper.quietClose(cluster);
        cluster = null;
        try
        {
            cluster = AeronCluster.connect(template.clone().aeron(aeron).ownsAeronClient(false).egressListener(this));
            connects++;
            lastConnectError = null;
            // A new session: the cluster resends the outputs not confirmed; everything not acknowledged goes again.
            offeredUpTo = acked;
            nextConfirmNs = 0;
            lastProgressNs = nowNs;
            return 1;
        }
        catch (final RuntimeException ex)
        {
            lastConnectError = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            nextConnectNs = clock.nanoTime() + RECONNECT_PAUSE_NS;
            return 0;
        }
    }

    private int offerPending()
    {
        if (cluster == null || cluster.isClosed())
        {
            return 0;
        }
        int offered = 0;
        for (int at = pendingHead; at < pendingTail; at += RECORD_HEADER + pending.getInt(at))
        {
            final long sequence = pending.getLong(at + Integer.BYTES);
            if (sequence <= offeredUpTo)
            {
                continue;
            }
            final int length = pending.getInt(at);
            ClusterEnvelope.write(message, 0, ClusterEnvelope.INPUT, sequence);
            message.putBytes(ClusterEnvelope.HEADER_LENGTH, pending, at + RECORD_HEADER, length);
            if (cluster.offer(message, 0, ClusterEnvelope.HEADER_LENGTH + length) < 0)
            {
                break;
            }
            offeredUpTo = sequence;
            offered++;
        }
        return offered;
    }

    @Override
    public void onMessage(final long clusterSessionId, final long timestamp, final DirectBuffer buffer,
        final int offset, final int length, final Header header)
    {
        final long value = ClusterEnvelope.value(buffer, offset);
        switch (ClusterEnvelope.type(buffer, offset, length))
        {
            case ClusterEnvelope.OUTPUT -> onOutput(value, buffer, offset, length);
            case ClusterEnvelope.INPUT_ACK -> onAck(value);
            default ->
            {
            }
        }
    }

    private void onOutput(final long index, final DirectBuffer buffer, final int offset, final int length)
    {
        if (index <= lastOutput)
        {
            duplicateOutputs++;
            return;
        }
        if (index != lastOutput + 1)
        {
            outputGaps++;
            return;
        }
        lastOutput = index;
        outputs.onOutput(index, buffer, offset + ClusterEnvelope.HEADER_LENGTH, length - ClusterEnvelope.HEADER_LENGTH);
    }

    private void onAck(final long sequence)
    {
        if (sequence <= acked)
        {
            return;
        }
        acked = sequence;
        lastProgressNs = clock.nanoTime();
        while (pendingHead < pendingTail && pending.getLong(pendingHead + Integer.BYTES) <= sequence)
        {
            pendingHead += RECORD_HEADER + pending.getInt(pendingHead);
        }
        if (pendingHead == pendingTail)
        {
            pendingHead = 0;
            pendingTail = 0;
        }
        if (offeredUpTo < acked)
        {
            offeredUpTo = acked;
        }
    }

    @Override
    public void onNewLeader(final long clusterSessionId, final long leadershipTermId, final int leaderMemberId,
        final String ingressEndpoints)
    {
        leaderChanges++;
        // What the old leader took but never logged is gone: send everything not acknowledged again, and confirm
        // at once so the new leader sends the outputs not confirmed.
        offeredUpTo = acked;
        nextConfirmNs = 0;
        lastProgressNs = clock.nanoTime();
    }

    /** @return whether a session with a leader is open. */
    public boolean isConnected()
    {
        return cluster != null && !cluster.isClosed();
    }

    /** @return the leader's member id, or -1 when not connected. */
    public int leaderMemberId()
    {
        return isConnected() ? cluster.leaderMemberId() : -1;
    }

    /** @return the last input sequence the cluster applied (acknowledged). */
    public long acknowledged()
    {
        return acked;
    }

    /** @return the last input sequence handed to {@link #send}. */
    public long lastSent()
    {
        return nextSequence - 1;
    }

    /** @return the last output index handed to the handler. */
    public long lastOutput()
    {
        return lastOutput;
    }

    public long connects()
    {
        return connects;
    }

    public long leaderChanges()
    {
        return leaderChanges;
    }

    public long duplicateOutputs()
    {
        return duplicateOutputs;
    }

    public long outputGaps()
    {
        return outputGaps;
    }

    /** @return why the last connection attempt failed, or null. */
    public String lastConnectError()
    {
        return lastConnectError;
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(cluster);
        cluster = null;
    }
}
