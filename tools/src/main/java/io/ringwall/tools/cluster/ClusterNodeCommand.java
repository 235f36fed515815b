package io.ringwall.tools.cluster;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.aeron.cluster.service.Cluster;
import io.ringwall.cluster.ClusterNode;
import io.ringwall.cluster.ClusterNodeConfig;
import io.ringwall.cluster.ServiceObserver;
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

    @Override
    public Integer call()
    {
        final Path nodeDir = dir != null ? dir : Path.of("var", "cluster", "node-" + id);
        final Path driverDir = aeronDir != null ? aeronDir : Path.of("/dev/shm").toFile().isDirectory() ?
            Path.of("/dev/shm", "ringwall-cluster-node-" + id) : nodeDir.resolve("aeron");
        final ClusterNodeConfig config = new ClusterNodeConfig(id, cluster.topology(), nodeDir, driverDir,
            cluster.termLength(), heartbeatTimeoutMs * 1_000_000L, cluster.logic(cluster.limits()));
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final ClusterNode node = ClusterNode.launch(config, ServiceObserver.NONE,
            error -> err.println("cluster-node " + id + ": " + error));
        final Thread shutdown = new Thread(node::close, "cluster-node-shutdown");
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
        node.close();
        out.println("cluster-node " + id + " stopped");
        out.flush();
        return 0;
    }
}
