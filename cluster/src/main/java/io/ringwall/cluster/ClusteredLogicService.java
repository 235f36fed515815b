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
import io.ringwall.engine.frames.InputEncoder;
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
 * <p>Timers come from the cluster's clock (issue 23, point 2): with a timer interval, the service keeps one cluster
 * timer armed at the next interval boundary ({@link Cluster#scheduleTimer}, correlation id = its deadline). Every
 * member arms it at the same log message, since the deadline derives from that message's timestamp; the leader's
 * consensus module appends the timer's event to the log when it is due, and every member hands the logic a
 * TimerTick at that event's log position and timestamp ({@link #onTimerEvent}), then arms the next boundary after
 * that timestamp: one tick per boundary crossed, however long a quiet spell or an election lasted, as the
 * single-node engine's timers do. The armed deadline is in the service's snapshot; the consensus module snapshots
 * the timer itself.
 *
 * <p>Snapshots go through the cluster's snapshot mechanism, holding the logic's own snapshot
 * ({@link BusinessLogic#captureState}) beside this service's cursors and retained outputs. An unexpected exception
 * halts the service container (fail closed): every node applies the same input and stops at the same place.
 */
public final class ClusteredLogicService implements ClusteredService
{
    static final int SNAPSHOT_MAGIC = 0x4c435752; // "RWCL" little-endian
    /** Format 2 adds the armed timer's deadline; format 1 (written before timers) is read as "none armed". */
    static final int SNAPSHOT_FORMAT = 2;
    static final int SNAPSHOT_FORMAT_WITHOUT_TIMER = 1;
    /**
     * magic int32, format int32, lastAppliedInput int64, outputIndex int64, outputsDone int64, configDigest int64,
     * logicLength int32, retainedLength int32, crc32c int32 (of everything after the header), pad int32,
     * timerDeadlineNs int64 (format 2 only; 0 when no timer is armed).
     */
    static final int SNAPSHOT_HEADER = 64;
    static final int SNAPSHOT_HEADER_WITHOUT_TIMER = 56;
    /** The single-node engine's timer id (MarketDataFeed.TIMER_ID): strategies see the same ticks in both hosts. */
    static final int TIMER_ID = 1;
    private static final int DEFAULT_MAX_RETAINED_BYTES = 64 * 1024 * 1024;

    private final LogicConfig config;
    private final ServiceObserver observer;
    private final long timerIntervalNs;
    /** The TimerTick frame, encoded once: it carries only the timer id, its time is the input's. */
    private final UnsafeBuffer tickFrame = new UnsafeBuffer(new byte[64]);
    private final int tickLength;
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
    /** The armed cluster timer's deadline (also its correlation id), cluster time; 0 when none is armed. */
    private long timerDeadlineNs;
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
    private volatile long timerTicks;
    private volatile long unknownTimers;

    /**
     * @param timerIntervalNs timer tick period in the cluster's time, 0 for no ticks; the same on every member.
     */
    public ClusteredLogicService(final LogicConfig config, final ServiceObserver observer, final long timerIntervalNs)
    {
        this(config, observer, timerIntervalNs, DEFAULT_MAX_RETAINED_BYTES);
    }

    ClusteredLogicService(final LogicConfig config, final ServiceObserver observer, final long timerIntervalNs,
        final int maxRetainedBytes)
    {
        if (timerIntervalNs < 0)
        {
            throw new IllegalArgumentException("timer interval " + timerIntervalNs + " ns is negative");
        }
        this.config = config;
        this.observer = observer;
        this.timerIntervalNs = timerIntervalNs;
        this.retained = new RetainedOutputs(maxRetainedBytes);
        this.tickLength = new InputEncoder().timerTick(tickFrame, 0, TIMER_ID);
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
        armTimer(timestamp);
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
        armTimer(timestamp);
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
        applyToLogic(logPosition, timeNs, buffer, offset, length, gatewaySequence);
        appliedInputs++;
        observer.onInputApplied(gatewaySequence, logPosition, timeNs, buffer, offset, length);
    }

    /** @param gatewaySequence the input's, or 0 for a timer tick (named so in the error). */
    private void applyToLogic(final long logPosition, final long timeNs, final DirectBuffer buffer, final int offset,
        final int length, final long gatewaySequence)
    {
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
                (gatewaySequence > 0 ? "input " + gatewaySequence : "a timer tick") + " at log position " + logPosition + ": the service stops; fix the cause and restart the " +
                "nodes (they replay the log)", ex));
            throw new ClusterTerminationException(false);
        }
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

    /**
     * The armed timer is due, its event in the log at {@code timestamp}: a TimerTick for the logic at this log
     * position and time, on every member, then the next boundary is armed.
     */
    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
        if (correlationId != timerDeadlineNs || timerDeadlineNs == 0)
        {
            // not a timer this service armed (none other exists): counted, no effect, the same on every member
            unknownTimers++;
            return;
        }
        timerDeadlineNs = 0;
        final long logPosition = cluster.logPosition();
        applyToLogic(logPosition, timestamp, tickFrame, 0, tickLength, 0);
        timerTicks++;
        observer.onTimerApplied(logPosition, timestamp, tickFrame, 0, tickLength);
        armTimer(timestamp);
        sendEgress();
    }

    /**
     * Arms the timer at the first interval boundary after {@code nowNs} (a log message's timestamp, the same on
     * every member) unless one is armed. Called while handling log messages only, where Aeron allows it.
     */
    private void armTimer(final long nowNs)
    {
        if (timerIntervalNs == 0 || timerDeadlineNs != 0)
        {
            return;
        }
        final long deadline = (nowNs / timerIntervalNs + 1) * timerIntervalNs;
        while (!cluster.scheduleTimer(deadline, deadline))
        {
            // the consensus module's queue is full for now: the timer must not be lost
            cluster.idleStrategy().idle();
        }
        timerDeadlineNs = deadline;
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
        image.putLong(56, timerDeadlineNs);
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

    /** @return the header's length in a snapshot of this format. */
    static int headerLength(final int format)
    {
        return format == SNAPSHOT_FORMAT_WITHOUT_TIMER ? SNAPSHOT_HEADER_WITHOUT_TIMER : SNAPSHOT_HEADER;
    }

    /** Called by {@link SnapshotLoader} with a whole, checked snapshot of either format. */
    void restore(final DirectBuffer image, final int length)
    {
        final int format = image.getInt(4);
        final int headerLength = headerLength(format);
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
        logic.restoreState(image, headerLength, logicLength);
        retained.restore(image, headerLength + logicLength, retainedLength);
        timerDeadlineNs = format == SNAPSHOT_FORMAT_WITHOUT_TIMER ? 0 : image.getLong(56);
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

    /** @return timer ticks handed to the logic by this incarnation (replayed ones included). */
    public long timerTicks()
    {
        return timerTicks;
    }

    public long unknownTimers()
    {
        return unknownTimers;
    }

    long currentGatewaySequence()
    {
        return currentGatewaySequence;
    }
}
