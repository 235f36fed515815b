package io.ringwall.tools.cluster;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.aeron.Aeron;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.driver.MediaDriver;
import io.ringwall.cluster.ClusterGateway;
import io.ringwall.cluster.ClusterTopology;
import io.ringwall.cluster.SmallMediaDriver;
import io.ringwall.engine.config.LoadedConfig;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SyntheticTradeSource;
import io.ringwall.engine.marketdata.TradeCsvSource;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemNanoClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringwall cluster-gateway}: the cluster's client with a paper venue; plays market data into the cluster
 * and acts on the leader's orders exactly once.
 */
@Command(name = "cluster-gateway", mixinStandardHelpOptions = true,
    description = {"Run the hot-standby cluster's gateway with a paper session: market data (--synthetic or --data) " +
        "and the paper venue's answers go to the cluster as inputs, the leader's orders and cancels go to the venue " +
        "exactly once (after a failover the new leader resends what was not confirmed; the gateway drops what it " +
        "already sent, by output index and ClOrdID).",
        "Without a leader (a majority of the members down) it halts trading with a message, holds the inputs and " +
            "resumes when a leader answers. Ends when the data is played and every input is acknowledged, with a " +
            "summary; exit status 2 when the cluster did not acknowledge everything within --drain-seconds."})
public final class ClusterGatewayCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = "--synthetic", paramLabel = "N", description = "Play N random-walk trades (as ringwall run " +
        "--synthetic N).")
    private Long synthetic;

    @Option(names = "--seed", description = "Seed of --synthetic (default: ${DEFAULT-VALUE}).")
    private long seed = 42;

    @Option(names = "--data", paramLabel = "LOCATION", description = "Instead of --synthetic, trades from a CSV " +
        "(timestamp,price,amount; a path or classpath:NAME).")
    private String data;

    @Option(names = "--rate", description = "Market-data records per second (default: ${DEFAULT-VALUE}).")
    private int rate = 200;

    @Option(names = "--host", description = "This gateway's address the leader sends egress to (default: " +
        "${DEFAULT-VALUE}).")
    private String host = "localhost";

    @Option(names = "--aeron-dir", paramLabel = "DIR", description = "The gateway's media driver directory " +
        "(default: /dev/shm/ringwall-cluster-gateway when /dev/shm exists, else var/cluster/gateway-aeron).")
    private Path aeronDir;

    @Option(names = "--halt-after-ms", description = "Inputs unacknowledged this long halt trading (default: " +
        "${DEFAULT-VALUE}).")
    private long haltAfterMs = 3_000;

    @Option(names = "--drain-seconds", description = "After the data, wait this long at most for every input to be " +
        "acknowledged (default: ${DEFAULT-VALUE}).")
    private long drainSeconds = 120;

    @Override
    public Integer call()
    {
        if ((synthetic == null) == (data == null))
        {
            throw new IllegalArgumentException("give one of --synthetic N or --data LOCATION");
        }
        if (rate <= 0)
        {
            throw new IllegalArgumentException("--rate " + rate + " is not positive");
        }
        final LoadedConfig limits = cluster.limits();
        final int instrumentId = cluster.instrumentId(limits);
        final MarketDataSource source = synthetic != null ?
            new SyntheticTradeSource(instrumentId, synthetic, seed, 1_700_000_000_000_000_000L, 1_000_000L) :
            new TradeCsvSource(data, instrumentId, new MalformedLineReporter());
        final Path driverDir = aeronDir != null ? aeronDir : Path.of("/dev/shm").toFile().isDirectory() ?
            Path.of("/dev/shm", "ringwall-cluster-gateway") : Path.of("var", "cluster", "gateway-aeron");
        final PrintWriter out = spec.commandLine().getOut();
        final PrintStream log = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8);
        final ClusterTopology topology = cluster.topology();
        final String terms = "term-length=" + cluster.termLength();
        MediaDriver driver = null;
        Aeron aeron = null;
        ClusterGateway gateway = null;
        try
        {
            driver = MediaDriver.launch(SmallMediaDriver.context(driverDir.toAbsolutePath().toString(),
                cluster.termLength()));
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            gateway = new ClusterGateway(new AeronCluster.Context()
                .ingressChannel("aeron:udp?" + terms)
                .ingressEndpoints(topology.ingressEndpoints())
                .egressChannel("aeron:udp?endpoint=" + host + ":0|" + terms),
                aeron, cluster.logic(limits), new SystemNanoClock(), haltAfterMs * 1_000_000L, log);
            awaitLeader(gateway, out);
            out.println("cluster-gateway: playing " + source.describe() + " into the cluster " + cluster.members +
                " at " + rate + "/s");
            out.flush();
            final long startNs = System.nanoTime();
            source.run(new Paced(gateway, 1_000_000_000L / rate));
            final long allAckedNs = gateway.drain(drainSeconds * 1_000_000_000L, 1_000_000_000L);
            final boolean drained = allAckedNs >= 0;
            final double seconds = (allAckedNs - startNs) / 1e9;
            final var client = gateway.client();
            out.println("cluster-gateway: inputs sent " + client.lastSent() + ", acknowledged " +
                client.acknowledged() + "; outputs " + client.lastOutput() + "; orders to the venue " +
                gateway.ordersSent() + ", duplicates dropped " + gateway.duplicateOrders() + "; leader changes " +
                client.leaderChanges() + ", connects " + client.connects() + ", halts " + gateway.halts() +
                "; venue fills " + gateway.venue().fills());
            if (drained)
            {
                out.printf("cluster-gateway: %d inputs applied by the cluster in %.2f s: %.0f inputs/s%n",
                    client.acknowledged(), seconds, client.acknowledged() / seconds);
            }
            out.flush();
            return drained ? 0 : 2;
        }
        finally
        {
            CloseHelper.quietCloseAll(gateway, aeron, driver);
        }
    }

    /** The members may still be electing: the data starts once a leader has opened a session. */
    private void awaitLeader(final ClusterGateway gateway, final PrintWriter out)
    {
        out.println("cluster-gateway: waiting for a cluster leader (" + cluster.members + ", ports from " +
            cluster.portBase + ")");
        out.flush();
        final long deadline = System.nanoTime() + drainSeconds * 1_000_000_000L;
        while (!gateway.client().isConnected())
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("no cluster leader answered within " + drainSeconds + " s: start " +
                    "the members (ringwall cluster-node) with the same --members and --port-base; last error: " +
                    gateway.client().lastConnectError());
            }
            gateway.poll();
            sleep();
        }
        out.println("cluster-gateway: connected, leader " + gateway.client().leaderMemberId());
        out.flush();
    }

    private static void sleep()
    {
        try
        {
            Thread.sleep(1);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    /** Hands each record to the gateway at the planned rate, polling the gateway while it waits. */
    private static final class Paced implements MarketDataSink
    {
        private final ClusterGateway gateway;
        private final long intervalNs;
        private long nextNs = System.nanoTime();

        Paced(final ClusterGateway gateway, final long intervalNs)
        {
            this.gateway = gateway;
            this.intervalNs = intervalNs;
        }

        @Override
        public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
            final long exchangeTimeNs)
        {
            awaitTurn();
            gateway.trade(instrumentId, tradeId, price, quantity, exchangeTimeNs);
        }

        @Override
        public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
            final long volume, final long startTimeNs, final long durationNs)
        {
            awaitTurn();
            gateway.bar(instrumentId, open, high, low, close, volume, startTimeNs, durationNs);
        }

        private void awaitTurn()
        {
            while (System.nanoTime() < nextNs)
            {
                if (gateway.poll() == 0)
                {
                    sleep();
                }
            }
            nextNs += intervalNs;
        }
    }

    /** The gateway's messages go to the command's output. */
    private static final class WriterStream extends java.io.OutputStream
    {
        private final PrintWriter out;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(final PrintWriter out)
        {
            this.out = out;
        }

        @Override
        public void write(final int b)
        {
            if (b == '\n')
            {
                out.println(line.toString(StandardCharsets.UTF_8));
                out.flush();
                line.reset();
            }
            else
            {
                line.write(b);
            }
        }
    }
}
