package io.ringwall.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.aeron.Aeron;
import io.aeron.DirectBufferVector;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.logbuffer.BufferClaim;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;

/**
 * Just enough of a {@link Cluster} to drive {@link ClusteredLogicService} on the test's thread without a cluster:
 * its client sessions, the log position and time of the message being handled, and the timers it schedules.
 * Allocation-free on the paths the service uses per message.
 */
final class StubCluster implements Cluster
{
    private final List<ClientSession> sessions = new ArrayList<>();
    long logPosition;
    long timeNs;
    long timerCorrelationId = Long.MIN_VALUE;
    long timerDeadlineNs = Long.MIN_VALUE;
    int timersScheduled;

    void add(final ClientSession session)
    {
        sessions.add(session);
    }

    @Override
    public int memberId()
    {
        return 0;
    }

    @Override
    public Role role()
    {
        return Role.LEADER;
    }

    @Override
    public long logPosition()
    {
        return logPosition;
    }

    @Override
    public Aeron aeron()
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public ClusteredServiceContainer.Context context()
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public ClientSession getClientSession(final long clusterSessionId)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public Collection<ClientSession> clientSessions()
    {
        return sessions;
    }

    @Override
    public void forEachClientSession(final Consumer<? super ClientSession> action)
    {
        for (int i = 0; i < sessions.size(); i++)
        {
            action.accept(sessions.get(i));
        }
    }

    @Override
    public boolean closeClientSession(final long clusterSessionId)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public long time()
    {
        return timeNs;
    }

    @Override
    public TimeUnit timeUnit()
    {
        return TimeUnit.NANOSECONDS;
    }

    @Override
    public boolean scheduleTimer(final long correlationId, final long deadline)
    {
        timerCorrelationId = correlationId;
        timerDeadlineNs = deadline;
        timersScheduled++;
        return true;
    }

    @Override
    public boolean cancelTimer(final long correlationId)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public long offer(final DirectBuffer buffer, final int offset, final int length)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public long offer(final DirectBufferVector[] vectors)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public long tryClaim(final int length, final BufferClaim bufferClaim)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public IdleStrategy idleStrategy()
    {
        return NoOpIdleStrategy.INSTANCE;
    }
}
