package io.ringwall.cluster;

import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusterTerminationException;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The business logic, unchanged, as an Aeron Cluster service: the replicated log is its input journal. Each
 * INPUT message's frame goes to {@link BusinessLogic#onInput} with the message's log position as the input
 * sequence (client order ids derive from it, identically on every node) and the cluster's timestamp (nanoseconds)
 * as its clock. Every node computes the same outputs; only the leader's egress reaches the gateway (Aeron mocks a
 * follower's offers).
 *
 * <p>Outputs are kept ({@link RetainedOutputs}) until the gateway confirms it acted on them (OUTPUTS_DONE, through
 * the log), so a new leader sends again whatever the old one may not have delivered; the gateway drops what it has
 * already seen by output index and client order id. Inputs carry the gateway's sequence: a resent input the log
 * already holds is skipped and counted, one that arrives ahead of a lost one is dropped (the gateway resends in
 * order).
 *
 * <p>Snapshots go through the cluster's snapshot mechanism, holding the logic's own snapshot
 * ({@link BusinessLogic#captureState}) beside this service's cursors and retained outputs. An unexpected exception
 * halts the service container (fail closed): every node applies the same input and stops at the same place.
 */
public final class ClusteredLogicService implements ClusteredService
{
    static final int SNAPSHOT_MAGIC = 0x4c435752; // "RWCL" little-endian
    static final int SNAPSHOT_FORMAT = 1;
    /**
     * magic int32, format int32, lastAppliedInput int64, outputIndex int64, outputsDone int64, configDigest int64,
     * logicLength int32, retainedLength int32, crc32c int32 (of everything after the header), pad int32.
     */
    static final int SNAPSHOT_HEADER = 56;
    private static final int DEFAULT_MAX_RETAINED_BYTES = 64 * 1024 * 1024;

    private final LogicConfig config;
    private final ServiceObserver observer;
    private final RetainedOutputs retained;
    /** Offers the message in {@link #egress} to each session (the cluster's own list: it survives snapshots). */
    private final Consumer<ClientSession> offerEgress = this::offerEgress;
    private int egressLength;
    private boolean egressDelivered;
    /** The largest output frame is a ring slot's ({@link io.ringwall.engine.ring.FrameEvent#CAPACITY}). */
    private final UnsafeBuffer egress =
        new UnsafeBuffer(new byte[ClusterEnvelope.HEADER_LENGTH + io.ringwall.engine.ring.FrameEvent.CAPACITY]);
    private final CRC32C crc = new CRC32C();
    private Cluster cluster;
    private BusinessLogic logic;
    private long lastAppliedInput;
    private long outputIndex;
    private long outputsDone;
    /**
     * Egress cursor: outputs up to this index were offered; acks up to this input. Not replicated: a member that
     * becomes leader, or sees a gateway's new session, starts again from what the gateway confirmed.
     */
    private long outputsSent;
    private long inputAckSent;
    private long currentGatewaySequence;
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;
    private volatile long appliedInputs;
    private volatile long duplicateInputs;
    private volatile long droppedInputs;
    private volatile long unknownMessages;

    public ClusteredLogicService(final LogicConfig config, final ServiceObserver observer)
    {
        this(config, observer, DEFAULT_MAX_RETAINED_BYTES);
    }

    ClusteredLogicService(final LogicConfig config, final ServiceObserver observer, final int maxRetainedBytes)
    {
        this.config = config;
        this.observer = observer;
        this.retained = new RetainedOutputs(maxRetainedBytes);
    }

    @Override
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        requireNanoseconds(cluster.timeUnit());
        this.cluster = cluster;
        logic = BusinessLogic.create(config, this::onLogicOutput);
        if (snapshotImage != null)
        {
            new SnapshotLoader(snapshotImage, cluster).load(this);
        }
    }

    /** The cluster's time unit is known from a snapshot at start, or from each new leadership term. */
    @Override
    public void onNewLeadershipTermEvent(final long leadershipTermId, final long logPosition, final long timestamp,
        final long termBaseLogPosition, final int leaderMemberId, final int logSessionId, final TimeUnit timeUnit,
        final int appVersion)
    {
        requireNanoseconds(timeUnit);
    }

    private static void requireNanoseconds(final TimeUnit timeUnit)
    {
        if (timeUnit != null && timeUnit != TimeUnit.NANOSECONDS)
        {
            throw new IllegalStateException("the cluster's clock is in " + timeUnit + ": the logic needs " +
                "nanoseconds (ConsensusModule.Context.clusterClock(new NanosecondClusterClock()))");
        }
    }

    @Override
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
        resendUnconfirmed();
    }

    @Override
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
    }

    @Override
    public void onSessionMessage(final ClientSession session, final long timestamp, final DirectBuffer buffer,
        final int offset, final int length, final Header header)
    {
        switch (ClusterEnvelope.type(buffer, offset, length))
        {
            case ClusterEnvelope.INPUT -> onInput(ClusterEnvelope.value(buffer, offset), header.position(), timestamp,
                buffer, offset + ClusterEnvelope.HEADER_LENGTH, length - ClusterEnvelope.HEADER_LENGTH);
            case ClusterEnvelope.OUTPUTS_DONE -> onOutputsDone(ClusterEnvelope.value(buffer, offset));
            default -> unknownMessages++;
        }
        sendEgress();
    }

    private void onInput(final long gatewaySequence, final long logPosition, final long timeNs,
        final DirectBuffer buffer, final int offset, final int length)
    {
        if (gatewaySequence <= lastAppliedInput)
        {
            duplicateInputs++;
            return;
        }
        if (gatewaySequence != lastAppliedInput + 1)
        {
            droppedInputs++;
            return;
        }
        lastAppliedInput = gatewaySequence;
        currentGatewaySequence = gatewaySequence;
        try
        {
            // No ingress stamp: the cluster host records no stage latencies (onLogicOutput drops it), so the
            // service thread reads no clock at all.
            logic.onInput(logPosition, timeNs, buffer, offset, length, 0);
        }
        catch (final RuntimeException | Error ex)
        {
            // State may be half-updated: stop this node's service (every node stops on the same input). The error
            // goes to the container's error log (cluster-errors in the cluster directory) first.
            cluster.context().countedErrorHandler().onError(new IllegalStateException("business logic failed on " +
                "input " + gatewaySequence + " at log position " + logPosition + ": the service stops; fix the " +
                "cause and restart the nodes (they replay the log)", ex));
            throw new ClusterTerminationException(false);
        }
        appliedInputs++;
        observer.onInputApplied(gatewaySequence, logPosition, timeNs, buffer, offset, length);
    }

    private void onOutputsDone(final long index)
    {
        final long confirmed = Math.min(index, outputIndex);
        if (confirmed > outputsDone)
        {
            outputsDone = confirmed;
            retained.confirm(confirmed);
        }
    }

    private void onLogicOutput(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
        final int length, final long causeIngressNanos)
    {
        outputIndex++;
        retained.add(outputIndex, frame, offset, length);
        observer.onOutput(outputIndex, sequence, timeNs, frame, offset, length);
    }

    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        final int logicMax = logic.maxSnapshotLength();
        final ExpandableDirectByteBuffer image = new ExpandableDirectByteBuffer(SNAPSHOT_HEADER + logicMax +
            retained.length());
        final int logicLength = logic.captureState(image, SNAPSHOT_HEADER);
        final int retainedLength = retained.length();
        retained.copyTo(image, SNAPSHOT_HEADER + logicLength);
        final int bodyLength = logicLength + retainedLength;
        image.putInt(0, SNAPSHOT_MAGIC);
        image.putInt(4, SNAPSHOT_FORMAT);
        image.putLong(8, lastAppliedInput);
        image.putLong(16, outputIndex);
        image.putLong(24, outputsDone);
        image.putLong(32, logic.configDigest());
        image.putInt(40, logicLength);
        image.putInt(44, retainedLength);
        image.putInt(48, checksum(image, SNAPSHOT_HEADER, bodyLength));
        image.putInt(52, 0);
        final int total = SNAPSHOT_HEADER + bodyLength;
        final int chunk = snapshotPublication.maxPayloadLength();
        for (int at = 0; at < total; at += chunk)
        {
            offerFully(snapshotPublication, image, at, Math.min(chunk, total - at));
        }
    }

    private void offerFully(final ExclusivePublication publication, final DirectBuffer buffer, final int offset,
        final int length)
    {
        while (true)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                return;
            }
            if (result == Publication.CLOSED || result == Publication.NOT_CONNECTED ||
                result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new IllegalStateException("snapshot publication refused the snapshot: " + result);
            }
            cluster.idleStrategy().idle();
        }
    }

    int checksum(final DirectBuffer buffer, final int offset, final int length)
    {
        crc.reset();
        for (int i = 0; i < length; i++)
        {
            crc.update(buffer.getByte(offset + i));
        }
        return (int)crc.getValue();
    }

    /** Called by {@link SnapshotLoader} with a whole, checked snapshot. */
    void restore(final DirectBuffer image, final int length)
    {
        final long digest = image.getLong(32);
        if (digest != logic.configDigest())
        {
            throw new IllegalStateException("the cluster snapshot was taken with another configuration (digest " +
                Long.toHexString(digest) + ", this node's " + Long.toHexString(logic.configDigest()) + "): start " +
                "every node with the same configuration");
        }
        lastAppliedInput = image.getLong(8);
        outputIndex = image.getLong(16);
        outputsDone = image.getLong(24);
        final int logicLength = image.getInt(40);
        final int retainedLength = image.getInt(44);
        logic.restoreState(image, SNAPSHOT_HEADER, logicLength);
        retained.restore(image, SNAPSHOT_HEADER + logicLength, retainedLength);
        outputsSent = outputIndex;
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
        role = newRole;
        if (newRole == Cluster.Role.LEADER)
        {
            resendUnconfirmed();
        }
    }

    /** A new leader (or a gateway's new session) gets every output the gateway has not confirmed again. */
    private void resendUnconfirmed()
    {
        outputsSent = outputsDone;
        inputAckSent = 0;
    }

    /**
     * Offers the outputs not offered yet, in order, then the input acknowledgement. A follower's offers are
     * mocked (they succeed without sending). What back pressure or a not yet connected session refuses stays for
     * the next message: Aeron allows egress only while handling the log, so the gateway's periodic OUTPUTS_DONE
     * (sent even when nothing changed) is what moves egress on after a failover when no input arrives.
     */
    private int sendEgress()
    {
        int sent = 0;
        if (outputsSent < outputIndex)
        {
            for (int at = retained.after(outputsSent); at < retained.end(); at = retained.next(at))
            {
                final long index = retained.index(at);
                if (!offerToSessions(ClusterEnvelope.OUTPUT, index, retained.buffer(), retained.frameOffset(at),
                    retained.frameLength(at)))
                {
                    return sent;
                }
                outputsSent = index;
                sent++;
            }
        }
        if (inputAckSent < lastAppliedInput &&
            offerToSessions(ClusterEnvelope.INPUT_ACK, lastAppliedInput, egress, 0, 0))
        {
            inputAckSent = lastAppliedInput;
            sent++;
        }
        return sent;
    }

    private boolean offerToSessions(final int type, final long value, final DirectBuffer frame, final int offset,
        final int length)
    {
        if (cluster.clientSessions().isEmpty())
        {
            return false;
        }
        ClusterEnvelope.write(egress, 0, type, value);
        if (length > 0)
        {
            egress.putBytes(ClusterEnvelope.HEADER_LENGTH, frame, offset, length);
        }
        egressLength = ClusterEnvelope.HEADER_LENGTH + length;
        egressDelivered = true;
        cluster.forEachClientSession(offerEgress);
        return egressDelivered;
    }

    private void offerEgress(final ClientSession session)
    {
        final long result = session.offer(egress, 0, egressLength);
        if (result < 0 && result != Publication.CLOSED)
        {
            egressDelivered = false;
        }
    }

    @Override
    public void onTerminate(final Cluster cluster)
    {
    }

    /** @return the logic; read its state only once the service's thread has stopped. */
    public BusinessLogic logic()
    {
        return logic;
    }

    public Cluster.Role role()
    {
        return role;
    }

    public long appliedInputs()
    {
        return appliedInputs;
    }

    public long duplicateInputs()
    {
        return duplicateInputs;
    }

    public long droppedInputs()
    {
        return droppedInputs;
    }

    public long unknownMessages()
    {
        return unknownMessages;
    }

    long currentGatewaySequence()
    {
        return currentGatewaySequence;
    }
}
