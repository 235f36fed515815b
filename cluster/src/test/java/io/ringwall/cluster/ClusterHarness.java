package io.ringwall.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.aeron.Aeron;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.service.Cluster;
import io.aeron.driver.MediaDriver;
import io.ringwall.engine.logic.LogicConfig;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.SystemNanoClock;

/**
 * Three cluster members and a cluster client in this JVM, on the public API only (Aeron's own test support is not
 * on Maven Central): each member in its own directories with 64 KiB terms, SHARED threading and a 2 s leader
 * heartbeat timeout; the client on its own media driver. Members are killed (closed without goodbye) and restarted
 * on the same directories. Everything waits on conditions with generous deadlines, never on time alone.
 */
final class ClusterHarness implements AutoCloseable
{
    static final Duration AWAIT = Duration.ofSeconds(90);
    static final int MEMBERS = 3;
    private static final int TERM_LENGTH = 64 * 1024;

    record Received(long index, byte[] frame)
    {
    }

    private final Path root;
    private final LogicConfig logic;
    private final long timerIntervalNs;
    private final ClusterTopology topology;
    private final ClusterNode[] nodes = new ClusterNode[MEMBERS];
    private final RecordingObserver[] observers = new RecordingObserver[MEMBERS];
    /** Every incarnation's observer of each member, oldest first. */
    private final List<List<RecordingObserver>> incarnations = new ArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final List<Received> received = new ArrayList<>();
    private final MediaDriver clientDriver;
    private final Aeron clientAeron;
    private final ClusterClient client;
    private final AeronCluster.Context clientContext;

    ClusterHarness(final Path root, final LogicConfig logic, final int portBase)
    {
        this(root, logic, portBase, 0);
    }

    /** @param timerIntervalNs the members' timer tick period, 0 for none. */
    ClusterHarness(final Path root, final LogicConfig logic, final int portBase, final long timerIntervalNs)
    {
        this.root = root;
        this.timerIntervalNs = timerIntervalNs;
        this.logic = logic;
        this.topology = new ClusterTopology(List.of("localhost", "localhost", "localhost"), portBase);
        for (int id = 0; id < MEMBERS; id++)
        {
            incarnations.add(new ArrayList<>());
            start(id);
        }
        final String clientDir = root.resolve("client-aeron").toString();
        clientDriver = MediaDriver.launch(SmallMediaDriver.context(clientDir, TERM_LENGTH));
        clientAeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(clientDir));
        final AeronCluster.Context context = new AeronCluster.Context()
            .ingressChannel("aeron:udp?term-length=" + TERM_LENGTH)
            .ingressEndpoints(topology.ingressEndpoints())
            .egressChannel("aeron:udp?endpoint=localhost:0|term-length=" + TERM_LENGTH);
        clientContext = context;
        client = new ClusterClient(context, clientAeron,
            (index, frame, offset, length) -> received.add(new Received(index, RecordingObserver.copy(frame, offset,
                length))),
            new SystemNanoClock(), 1_000_000_000L);
    }

    void start(final int id)
    {
        final ClusterNodeConfig config = new ClusterNodeConfig(id, topology, root.resolve("node-" + id),
            root.resolve("node-" + id + "-aeron"), TERM_LENGTH, ClusterNodeConfig.DEFAULT_LEADER_HEARTBEAT_TIMEOUT_NS,
            logic, timerIntervalNs);
        observers[id] = new RecordingObserver();
        incarnations.get(id).add(observers[id]);
        nodes[id] = ClusterNode.launch(config, observers[id], error ->
        {
            errors.add(error);
            error.printStackTrace();
        });
    }

    void kill(final int id)
    {
        CloseHelper.close(nodes[id]);
        nodes[id] = null;
    }

    ClusterNode node(final int id)
    {
        return nodes[id];
    }

    RecordingObserver observer(final int id)
    {
        return observers[id];
    }

    List<RecordingObserver> incarnations(final int id)
    {
        return incarnations.get(id);
    }

    /** For a second client (the gateway): the channels and endpoints of this cluster. */
    AeronCluster.Context clientContext()
    {
        return clientContext;
    }

    Aeron clientAeron()
    {
        return clientAeron;
    }

    ClusterClient client()
    {
        return client;
    }

    List<Received> received()
    {
        return received;
    }

    List<Throwable> errors()
    {
        return errors;
    }

    /** @return the member whose service is leader, waiting for an election to finish. */
    int awaitLeader()
    {
        final int[] leader = {-1};
        pumpUntil(() ->
        {
            for (int id = 0; id < MEMBERS; id++)
            {
                if (nodes[id] != null && nodes[id].service().role() == Cluster.Role.LEADER)
                {
                    leader[0] = id;
                    return true;
                }
            }
            return false;
        }, "a leader is elected");
        return leader[0];
    }

    long send(final DirectBuffer frame, final int offset, final int length)
    {
        return client.send(frame, offset, length);
    }

    /** Runs the client's duty cycle until {@code condition} holds; fails after {@link #AWAIT}. */
    void pumpUntil(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + AWAIT.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("not within " + AWAIT.toSeconds() + " s: " + what + " (client acked " +
                    client.acknowledged() + " of " + client.lastSent() + ", outputs " + client.lastOutput() +
                    ", connect error " + client.lastConnectError() + ", errors " + errors + ")");
            }
            if (client.poll() == 0)
            {
                Thread.onSpinWait();
                sleepQuietly(1);
            }
        }
    }

    /** Runs the client's duty cycle for about {@code millis} (only where the test asserts something did NOT happen). */
    void pumpFor(final long millis)
    {
        final long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end)
        {
            if (client.poll() == 0)
            {
                sleepQuietly(1);
            }
        }
    }

    private static void sleepQuietly(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(client);
        for (int id = 0; id < MEMBERS; id++)
        {
            CloseHelper.quietClose(nodes[id]);
            nodes[id] = null;
        }
        CloseHelper.quietCloseAll(clientAeron, clientDriver);
    }

    /** Closes the members only, so their logic can be read from this thread. */
    void stopMembers()
    {
        for (int id = 0; id < MEMBERS; id++)
        {
            CloseHelper.quietClose(nodes[id]);
        }
    }

    /** @return the service of a member, kept even after {@link #stopMembers}. */
    ClusterNode lastNode(final int id)
    {
        return nodes[id];
    }
}
