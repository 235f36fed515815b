package io.ringwall.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import io.aeron.Aeron;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.service.Cluster;
import io.aeron.driver.MediaDriver;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.metrics.StageLatencies;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.engine.ring.Pipeline;
import io.ringwall.engine.ring.RingConfig;
import io.ringwall.engine.ring.WaitMode;
import io.ringwall.engine.venue.SimulatedVenue;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalWriter;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Issue 23, point 7: the three-member cluster against the single-node logic on the same inputs, in one process and
 * one run, so the ratio means something on a shared 2-core machine even where the absolute figures do not.
 *
 * <p>One cluster (three {@link ClusterNode}s on this host, as {@code cluster-local} and the tests configure them)
 * and one single-node {@link BusinessLogic} live for the whole benchmark. Each run takes the next slice of one
 * seeded random walk of trades and feeds it to both, in the same order:
 * <ol>
 *   <li><b>throughput</b>: {@code inputs} frames as fast as each side takes them. The single node calls
 *       {@link BusinessLogic#onInput} in a loop on this thread; the cluster gets them through a {@link ClusterClient}
 *       (the gateway's own client) with at most {@link #WINDOW} unacknowledged, timed from the first send to the
 *       acknowledgement of the last (the service acknowledges an input after its outputs, once the log holding it
 *       is committed by a majority).</li>
 *   <li><b>latency</b>: {@code latencyInputs} frames one at a time. The cluster's is from the client's send to the
 *       acknowledgement coming back (send, ingress, leader's log, replication to a majority, commit, the service,
 *       the outputs and the ack on egress); the single node's is the {@code onInput} call, inside which its outputs
 *       are produced. The added latency is the difference at each percentile.</li>
 * </ol>
 * The figures printed are each run's and the median of the runs; a warm-up run goes first and is not counted.
 * Both sides end with the same outputs (checked: the benchmark fails otherwise).
 */
public final class ClusterBench
{
    /** Inputs in flight at most: enough to batch the log, few enough that the client's resend scan stays short. */
    static final int WINDOW = 512;
    private static final int TERM_LENGTH = ClusterNodeConfig.DEFAULT_TERM_LENGTH;
    private static final long START_TIME_NS = 1_700_000_000_000_000_000L;
    private static final long TRADE_INTERVAL_NS = 1_000_000L;
    private static final long AWAIT_NS = 120_000_000_000L;
    private static final long DIGEST_SEED = 0xcbf29ce484222325L;
    /** The service container's agent thread (Aeron names it after the agent's role). */
    static final String SERVICE_THREAD = "clustered-service";

    /**
     * @param inputs        trades per run for the throughput part.
     * @param latencyInputs trades per run sent one at a time for the latency part.
     * @param runs          counted runs (the median is printed); one warm-up run goes first.
     * @param dir           scratch directory (created, deleted at the end); /dev/shm makes the archive cheap.
     * @param portBase      first UDP port of the three members (each takes ten).
     */
    public record Options(int inputs, int latencyInputs, int runs, Path dir, int portBase, LogicConfig logic)
    {
        public Options
        {
            if (inputs < 1 || latencyInputs < 1 || runs < 1)
            {
                throw new IllegalArgumentException("inputs, latency inputs and runs must be at least 1");
            }
        }
    }

    /** One side's figures in one run. */
    public record Side(double inputsPerSecond, long p50Ns, long p99Ns, long maxNs)
    {
    }

    /**
     * One run: both sides, and the bytes the three members' service threads allocated per input and member in the
     * throughput part (Aeron's service agent and this service together; 0 is the goal).
     */
    public record Run(int run, Side single, Side cluster, double ratio, double serviceBytesPerInput,
        double engineInputsPerSecond, double engineRatio)
    {
        /** The median row's run number. */
        public static final int MEDIAN = -1;

        Run(final int run, final Side single, final Side cluster, final double serviceBytesPerInput,
            final double engineInputsPerSecond)
        {
            this(run, single, cluster, cluster.inputsPerSecond / single.inputsPerSecond, serviceBytesPerInput,
                engineInputsPerSecond, cluster.inputsPerSecond / engineInputsPerSecond);
        }
    }

    private final Options options;
    private final PrintStream out;
    private final List<byte[]> frames = new ArrayList<>();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[0]);
    private final IdleStrategy idle = new BackoffIdleStrategy(10, 20, 1_000, 100_000);
    private long singleOutputs;
    private long clusterOutputs;
    private long singleDigest = DIGEST_SEED;
    private long clusterDigest = DIGEST_SEED;
    /** What member 0 handed its logic for each gateway sequence: the single node gets exactly the same. */
    private long[] prices;
    private long[] quantities;
    private long[] appliedSequence;
    private long[] appliedTimeNs;
    /** Written after the arrays: reading it first makes member 0's entries up to it visible here. */
    private volatile long member0Applied;

    public ClusterBench(final Options options, final PrintStream out)
    {
        this.options = options;
        this.out = out;
    }

    /** @return the counted runs, the median last (run number {@link Run#MEDIAN}; its ratio is the runs' median ratio). */
    public List<Run> run()
    {
        prepareFrames();
        final Path root = createRoot();
        final ClusterTopology topology = new ClusterTopology(List.of("localhost", "localhost", "localhost"),
            options.portBase());
        final ClusterNode[] nodes = new ClusterNode[3];
        MediaDriver clientDriver = null;
        Aeron clientAeron = null;
        ClusterClient client = null;
        try
        {
            for (int id = 0; id < nodes.length; id++)
            {
                nodes[id] = ClusterNode.launch(new ClusterNodeConfig(id, topology, root.resolve("node-" + id),
                    root.resolve("node-" + id + "-aeron"), TERM_LENGTH,
                    ClusterNodeConfig.DEFAULT_LEADER_HEARTBEAT_TIMEOUT_NS, options.logic(), 0),
                    id == 0 ? new AppliedInputs() : ServiceObserver.NONE, Throwable::printStackTrace);
            }
            final String clientDir = root.resolve("client-aeron").toString();
            clientDriver = MediaDriver.launch(SmallMediaDriver.context(clientDir, TERM_LENGTH));
            clientAeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(clientDir));
            client = new ClusterClient(new AeronCluster.Context()
                .ingressChannel("aeron:udp?term-length=" + TERM_LENGTH)
                .ingressEndpoints(topology.ingressEndpoints())
                .egressChannel("aeron:udp?endpoint=localhost:0|term-length=" + TERM_LENGTH),
                clientAeron, (index, buffer, offset, length) ->
                {
                    clusterOutputs++;
                    clusterDigest = digest(clusterDigest, buffer, offset, length);
                }, new SystemNanoClock(),
                1_000_000_000L);
            awaitLeader(nodes, client);
            final BusinessLogic single = BusinessLogic.create(options.logic(),
                (sequence, timeNs, buffer, offset, length, ingressNanos) ->
                {
                    singleOutputs++;
                    singleDigest = digest(singleDigest, buffer, offset, length);
                });

            final List<Run> runs = new ArrayList<>();
            out.println(header());
            for (int run = 0; run <= options.runs(); run++)
            {
                final int first = run * perRun();
                // The cluster first: the single node then gets each input with the sequence (log position) and
                // time (the log's timestamp) the members used, so both must produce the same bytes.
                final long allocatedBefore = allocatedBytes(SERVICE_THREAD);
                final Side clusterSide = cluster(client, first);
                final double serviceBytes = (allocatedBytes(SERVICE_THREAD) - allocatedBefore) /
                    (double)(3L * perRun());
                awaitMember0(first + perRun());
                final Side singleSide = single(single, first);
                if (singleOutputs != clusterOutputs || singleDigest != clusterDigest)
                {
                    throw new IllegalStateException("the cluster and the single node disagree: " + clusterOutputs +
                        " outputs (digest " + Long.toHexString(clusterDigest) + ") against " + singleOutputs +
                        " (digest " + Long.toHexString(singleDigest) + ")");
                }
                final double engineSide = engine(root, first);
                final Run result = new Run(run, singleSide, clusterSide, serviceBytes, engineSide);
                out.println(row(result) + (run == 0 ? "  (not counted)" : ""));
                if (run > 0)
                {
                    runs.add(result);
                }
            }
            final Run median = median(runs);
            out.println(row(median) + "  (median of " + runs.size() + ")");
            out.printf(Locale.ROOT, "outputs: %,d on each side, byte for byte the same; ratio = cluster/single " +
                "throughput (median of the runs' ratios), the second ratio = cluster/engine (ring, both journals, " +
                "venue, as ringwall run); added latency per input: p50 %s, p99 %s%n", singleOutputs,
                micros(median.cluster.p50Ns - median.single.p50Ns), micros(median.cluster.p99Ns - median.single.p99Ns));
            runs.add(median);
            return runs;
        }
        finally
        {
            CloseHelper.quietClose(client);
            for (final ClusterNode node : nodes)
            {
                CloseHelper.quietClose(node);
            }
            CloseHelper.quietCloseAll(clientAeron, clientDriver);
            delete(root);
        }
    }

    public static String header()
    {
        return String.format(Locale.ROOT, "%-8s %14s %9s %9s %14s %9s %9s %9s %7s %9s %14s %7s", "run", "single in/s",
            "p50 us", "p99 us", "cluster in/s", "p50 us", "p99 us", "max us", "ratio", "svc B/in", "engine in/s",
            "ratio");
    }

    private static String row(final Run run)
    {
        return String.format(Locale.ROOT, "%-8s %,14.0f %9.2f %9.2f %,14.0f %9.1f %9.1f %9.1f %7.4f %9.1f %,14.0f %7.4f",
            run.run == Run.MEDIAN ? "median" : run.run == 0 ? "warm-up" : Integer.toString(run.run),
            run.single.inputsPerSecond, run.single.p50Ns / 1e3, run.single.p99Ns / 1e3, run.cluster.inputsPerSecond,
            run.cluster.p50Ns / 1e3, run.cluster.p99Ns / 1e3, run.cluster.maxNs / 1e3, run.ratio,
            run.serviceBytesPerInput, run.engineInputsPerSecond, run.engineRatio);
    }

    /**
     * The single-node engine as {@code ringwall run} runs it (default threading and wait mode): the inbound ring,
     * journal "in", the logic, journal "out" and the simulated venue, fed this run's throughput slice as fast as the
     * ring takes it, timed to quiescence. The figure the cluster's throughput is compared with when a node is a
     * whole engine, not the bare logic.
     *
     * @return inputs per second.
     */
    private double engine(final Path root, final int first)
    {
        final Path directory = root.resolve("engine-" + first);
        try (JournalDirectory journals = JournalDirectory.open(directory, "cluster-bench");
            JournalWriter inputJournal = journals.inputWriter(); JournalWriter outputJournal = journals.outputWriter())
        {
            final StageLatencies latencies = new StageLatencies();
            final Pipeline pipeline = new Pipeline(RingConfig.defaults(WaitMode.YIELDING), inputJournal, outputJournal,
                latencies, sink -> BusinessLogic.create(options.logic(), sink),
                publisher -> new SimulatedVenue(publisher, options.logic(), ClockMode.DATA, latencies));
            pipeline.start();
            final long elapsedNs;
            try
            {
                final InboundPublisher publisher = pipeline.newPublisher();
                final long startNs = System.nanoTime();
                for (int i = first; i < first + options.inputs(); i++)
                {
                    final long timeNs = START_TIME_NS + i * TRADE_INTERVAL_NS;
                    publisher.trade(timeNs, 0, i + 1, prices[i], quantities[i], timeNs);
                }
                pipeline.awaitQuiescent(idle);
                elapsedNs = System.nanoTime() - startNs;
            }
            finally
            {
                pipeline.stop();
            }
            if (pipeline.failure().isSet() || pipeline.logic().counters().marketDataInputs != options.inputs())
            {
                throw new IllegalStateException("the single-node engine failed or lost inputs: " +
                    pipeline.failure().message() + ", " + pipeline.logic().counters().marketDataInputs + " of " +
                    options.inputs() + " applied");
            }
            return options.inputs() * 1e9 / elapsedNs;
        }
        finally
        {
            delete(directory);
        }
    }

    private static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
    }

    private int perRun()
    {
        return options.inputs() + options.latencyInputs();
    }

    /** The same seeded walk as the throughput harness's synthetic trades: +-5 bps steps. */
    private void prepareFrames()
    {
        final InputEncoder encoder = new InputEncoder();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final SplittableRandom random = new SplittableRandom(42);
        long price = 1000 * Fixed.PRICE_SCALE;
        final int total = (options.runs() + 1) * perRun();
        appliedSequence = new long[total];
        prices = new long[total];
        quantities = new long[total];
        appliedTimeNs = new long[total];
        for (int i = 0; i < total; i++)
        {
            price = Math.max(Fixed.PRICE_SCALE, price + (price / 20_000) * (random.nextInt(3) - 1));
            final long quantity = (1 + random.nextInt(100)) * (Fixed.QUANTITY_SCALE / 100);
            prices[i] = price;
            quantities[i] = quantity;
            final int length = encoder.trade(buffer, 0, 0, i + 1, price, quantity, START_TIME_NS + i * TRADE_INTERVAL_NS);
            final byte[] bytes = new byte[length];
            buffer.getBytes(0, bytes);
            frames.add(bytes);
        }
    }

    private Side single(final BusinessLogic logic, final int first)
    {
        final long startNs = System.nanoTime();
        for (int i = first; i < first + options.inputs(); i++)
        {
            feed(logic, i);
        }
        final long elapsedNs = System.nanoTime() - startNs;
        final Histogram latency = new Histogram(3);
        for (int i = first + options.inputs(); i < first + perRun(); i++)
        {
            final long sentNs = System.nanoTime();
            feed(logic, i);
            latency.recordValue(Math.max(1, System.nanoTime() - sentNs));
        }
        return side(options.inputs(), elapsedNs, latency);
    }

    private void feed(final BusinessLogic logic, final int i)
    {
        final byte[] bytes = frames.get(i);
        frame.wrap(bytes);
        logic.onInput(appliedSequence[i], appliedTimeNs[i], frame, 0, bytes.length, 0);
    }

    private Side cluster(final ClusterClient client, final int first)
    {
        final long startNs = System.nanoTime();
        long last = client.lastSent();
        for (int i = first; i < first + options.inputs(); i++)
        {
            while (client.lastSent() - client.acknowledged() >= WINDOW)
            {
                pump(client);
            }
            final byte[] bytes = frames.get(i);
            frame.wrap(bytes);
            last = client.send(frame, 0, bytes.length);
        }
        final long target = last;
        awaitAck(client, target);
        final long elapsedNs = System.nanoTime() - startNs;
        final Histogram latency = new Histogram(3);
        for (int i = first + options.inputs(); i < first + perRun(); i++)
        {
            final byte[] bytes = frames.get(i);
            frame.wrap(bytes);
            final long sentNs = System.nanoTime();
            final long sequence = client.send(frame, 0, bytes.length);
            awaitAck(client, sequence);
            latency.recordValue(Math.max(1, System.nanoTime() - sentNs));
        }
        // the outputs of the last inputs come before their acknowledgement: nothing is left in flight
        return side(options.inputs(), elapsedNs, latency);
    }

    private void awaitAck(final ClusterClient client, final long sequence)
    {
        final long deadline = System.nanoTime() + AWAIT_NS;
        while (client.acknowledged() < sequence)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("the cluster did not acknowledge input " + sequence + " within " +
                    AWAIT_NS / 1_000_000_000L + " s (acknowledged " + client.acknowledged() + ", connect error " +
                    client.lastConnectError() + ")");
            }
            pump(client);
        }
    }

    /** Member 0 may be a follower a little behind the leader's acknowledgements. */
    private void awaitMember0(final long gatewaySequence)
    {
        final long deadline = System.nanoTime() + AWAIT_NS;
        while (member0Applied < gatewaySequence)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("member 0 did not apply input " + gatewaySequence);
            }
            idle.idle(0);
        }
    }

    private void pump(final ClusterClient client)
    {
        idle.idle(client.poll());
    }

    private void awaitLeader(final ClusterNode[] nodes, final ClusterClient client)
    {
        final long deadline = System.nanoTime() + AWAIT_NS;
        while (!client.isConnected() || Arrays.stream(nodes).noneMatch(node -> node.service().role() == Cluster.Role.LEADER))
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("no leader elected and connected within " + AWAIT_NS / 1_000_000_000L +
                    " s (connect error " + client.lastConnectError() + ")");
            }
            pump(client);
        }
    }

    /** FNV-1a over the output bytes, in order: equal digests mean (all but certainly) equal output streams. */
    private static long digest(final long seed, final org.agrona.DirectBuffer buffer, final int offset, final int length)
    {
        long hash = seed;
        for (int i = 0; i < length; i++)
        {
            hash = (hash ^ (buffer.getByte(offset + i) & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    /** Member 0's record of each input's sequence and time, by gateway sequence (on its service thread). */
    private final class AppliedInputs implements ServiceObserver
    {
        @Override
        public void onInputApplied(final long gatewaySequence, final long sequence, final long timeNs,
            final org.agrona.DirectBuffer frame, final int offset, final int length)
        {
            appliedSequence[(int)gatewaySequence - 1] = sequence;
            appliedTimeNs[(int)gatewaySequence - 1] = timeNs;
            member0Applied = gatewaySequence;
        }
    }

    private static Side side(final int inputs, final long elapsedNs, final Histogram latency)
    {
        return new Side(inputs * 1e9 / elapsedNs, latency.getValueAtPercentile(50), latency.getValueAtPercentile(99),
            latency.getMaxValue());
    }

    /** Each figure's own median over the runs (odd counts: the middle one; even: the mean of the two middle ones). */
    static Run median(final List<Run> runs)
    {
        return new Run(Run.MEDIAN,
            new Side(median(runs, run -> run.single.inputsPerSecond), (long)median(runs, run -> run.single.p50Ns),
                (long)median(runs, run -> run.single.p99Ns), (long)median(runs, run -> run.single.maxNs)),
            new Side(median(runs, run -> run.cluster.inputsPerSecond), (long)median(runs, run -> run.cluster.p50Ns),
                (long)median(runs, run -> run.cluster.p99Ns), (long)median(runs, run -> run.cluster.maxNs)),
            median(runs, Run::ratio), median(runs, Run::serviceBytesPerInput),
            median(runs, Run::engineInputsPerSecond), median(runs, Run::engineRatio));
    }

    private static double median(final List<Run> runs, final java.util.function.ToDoubleFunction<Run> figure)
    {
        final double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
        final int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private Path createRoot()
    {
        try
        {
            Files.createDirectories(options.dir());
            return Files.createTempDirectory(options.dir(), "cluster-bench-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void delete(final Path root)
    {
        try (Stream<Path> paths = Files.walk(root))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException ex)
        {
            // scratch only: leave what could not be removed
        }
    }

    /** Bytes allocated so far by the threads whose name contains {@code fragment} (a HotSpot extension). */
    static long allocatedBytes(final String fragment)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long total = 0;
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().contains(fragment))
            {
                total += threads.getThreadAllocatedBytes(thread.getId());
            }
        }
        return total;
    }
}
