package io.ringwall.tools.cluster;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.aeron.cluster.service.Cluster;
import io.ringwall.cluster.ClusterNode;
import io.ringwall.cluster.ClusterNodeConfig;
import io.ringwall.cluster.ServiceObserver;
import io.ringwall.cluster.StreamRecorder;
import io.ringwall.engine.logic.BusinessLogic;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringwall cluster-node}: one member of the hot-standby cluster, until stopped (Ctrl-C, SIGTERM, kill -9).
 */
@Command(name = "cluster-node", mixinStandardHelpOptions = true,
    description = {"Run one member of the hot-standby cluster: the business logic as an Aeron Cluster service, its " +
        "replicated log the input journal. Three members tolerate the loss of one; the members elect a leader, and " +
        "a follower that hears nothing from it for --heartbeat-timeout-ms starts an election.",
        "Prints each role change (LEADER, FOLLOWER, CANDIDATE). Restart a member on the same --dir: it catches up " +
            "from its snapshot and the others' log. Stop with Ctrl-C."})
public final class ClusterNodeCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = "--id", required = true, description = "This member's id: its place in --members (0, 1, 2).")
    private int id;

    @Option(names = "--dir", paramLabel = "DIR", description = "This member's persistent directory (log archive, " +
        "snapshots, recording log); keep it across restarts. Default: var/cluster/node-ID.")
    private Path dir;

    @Option(names = "--aeron-dir", paramLabel = "DIR", description = "The media driver's directory " +
        "(memory-mapped). Default: /dev/shm/ringwall-cluster-node-ID when /dev/shm exists, else under --dir.")
    private Path aeronDir;

    @Option(names = "--heartbeat-timeout-ms", description = "Leader heartbeat timeout (default: ${DEFAULT-VALUE}).")
    private long heartbeatTimeoutMs = ClusterNodeConfig.DEFAULT_LEADER_HEARTBEAT_TIMEOUT_NS / 1_000_000;

    @Option(names = "--timer-ms", description = "Timer tick period in the cluster's time, 0 for none; the same on " +
        "every member (default: ${DEFAULT-VALUE}, as ringwall run).")
    private long timerMs = 60_000;

    @Option(names = "--record", paramLabel = "DIR", description = "Drills: write what this member applies and " +
        "produces to DIR/record-<start ms>.bin (one file per start), and its final logic state to DIR/state.bin " +
        "when it stops normally (scripts/cluster-drill checks them).")
    private Path record;

    private static final long MARK_FILE_WAIT_NS = 30_000_000_000L;

    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public Integer call()
    {
        final Path nodeDir = dir != null ? dir : Path.of("var", "cluster", "node-" + id);
        final Path driverDir = aeronDir != null ? aeronDir : Path.of("/dev/shm").toFile().isDirectory() ?
            Path.of("/dev/shm", "ringwall-cluster-node-" + id) : nodeDir.resolve("aeron");
        final ClusterNodeConfig config = new ClusterNodeConfig(id, cluster.topology(), nodeDir, driverDir,
            cluster.termLength(), heartbeatTimeoutMs * 1_000_000L, cluster.logic(cluster.limits()),
            timerMs * 1_000_000L);
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final StreamRecorder recorder = record == null ? null :
            new StreamRecorder(record.resolve("record-" + System.currentTimeMillis() + ".bin"));
        final ClusterNode node = launch(config, recorder == null ? ServiceObserver.NONE : recorder, err);
        final Thread shutdown = new Thread(() -> stop(node, recorder), "cluster-node-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        out.println("cluster-node " + id + " started: members " + cluster.members + ", ports from " +
            cluster.portBase + ", dir " + nodeDir + ", aeron " + driverDir);
        out.flush();
        Cluster.Role role = null;
        try
        {
            while (!Thread.currentThread().isInterrupted())
            {
                final Cluster.Role now = node.service().role();
                if (now != role)
                {
                    role = now;
                    out.println("cluster-node " + id + ": " + role + " at " + java.time.Instant.now());
                    out.flush();
                }
                Thread.sleep(20);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(shutdown);
        stop(node, recorder);
        out.println("cluster-node " + id + " stopped");
        out.flush();
        return 0;
    }

    /**
     * Starts the member. After a crash (kill -9) its mark files still look active until their heartbeat goes
     * stale (Aeron's driver timeout, 10 s): the start is tried again for a while instead of failing at once.
     */
    private ClusterNode launch(final ClusterNodeConfig config, final ServiceObserver observer, final PrintWriter err)
    {
        final long deadline = System.nanoTime() + MARK_FILE_WAIT_NS;
        while (true)
        {
            try
            {
                return ClusterNode.launch(config, observer, error -> err.println("cluster-node " + id + ": " + error));
            }
            catch (final RuntimeException ex)
            {
                if (ex.getMessage() == null || !ex.getMessage().contains("active mark file") ||
                    System.nanoTime() > deadline)
                {
                    throw ex;
                }
                err.println("cluster-node " + id + ": " + ex.getMessage() + " (a crashed predecessor's; waiting " +
                    "for it to go stale)");
                err.flush();
                try
                {
                    Thread.sleep(1_000);
                }
                catch (final InterruptedException interrupted)
                {
                    Thread.currentThread().interrupt();
                    throw ex;
                }
            }
        }
    }

    /** Closes the member; with --record, then writes its logic's final state (its thread has stopped). */
    private void stop(final ClusterNode node, final StreamRecorder recorder)
    {
        if (!stopped.compareAndSet(false, true))
        {
            return;
        }
        node.close();
        if (recorder != null)
        {
            recorder.close();
            final BusinessLogic logic = node.service().logic();
            if (logic != null)
            {
                final UnsafeBuffer state = new UnsafeBuffer(new byte[logic.maxSnapshotLength()]);
                final int length = logic.captureState(state, 0);
                final byte[] bytes = new byte[length];
                state.getBytes(0, bytes);
                try
                {
                    java.nio.file.Files.write(record.resolve("state.bin"), bytes);
                }
                catch (final java.io.IOException ex)
                {
                    throw new java.io.UncheckedIOException(ex);
                }
            }
        }
    }
}
