package io.ringwall.tools.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.aeron.Aeron;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.driver.MediaDriver;
import io.ringwall.cluster.ClusterGateway;
import io.ringwall.cluster.ClusterTopology;
import io.ringwall.cluster.SmallMediaDriver;
import io.ringwall.cluster.StreamRecorder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.ReconciliationReportDecoder;
import io.ringwall.engine.config.LoadedConfig;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.SyntheticTradeSource;
import io.ringwall.tools.RingwallCli;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringwall cluster-drill}: three member processes and a gateway on this machine; kills the leader with
 * SIGKILL N times during a paper session, restarts it, and checks the outcome.
 */
@Command(name = "cluster-drill", mixinStandardHelpOptions = true,
    description = {"Failover drill on this machine: starts three cluster members as processes (ringwall " +
        "cluster-node --record) and a gateway with a paper session, kills the leader with kill -9 --kills times " +
        "during the session (every --interval-ms), restarts it, and at the end checks that every member's output " +
        "stream is identical, that no ClOrdID reached the venue twice and none was lost, and that every member's " +
        "final state (positions, cash, orders) equals a single-node replay of the same inputs.",
        "Prints each failover's time, from the kill to the first acknowledgement from the new leader, with p50 and " +
            "max. Exit status 0 when every check passed, 2 otherwise."})
public final class ClusterDrillCommand implements Callable<Integer>
{
    private static final String MEMBERS = "localhost,localhost,localhost";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = "--kills", description = "Leader kills (default: ${DEFAULT-VALUE}).")
    private int kills = 3;

    @Option(names = "--interval-ms", description = "Time between kills (default: ${DEFAULT-VALUE}).")
    private long intervalMs = 8_000;

    @Option(names = "--rate", description = "Trades per second (default: ${DEFAULT-VALUE}).")
    private int rate = 200;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work directory, emptied first (default: " +
        "${DEFAULT-VALUE}).")
    private Path dir = Path.of("var", "cluster-drill");

    @Option(names = "--timer-ms", description = "The members' timer tick period in the cluster's time, 0 for none " +
        "(default: ${DEFAULT-VALUE}: ticks during the kills, checked like the inputs).")
    private long timerMs = 1_000;

    @Option(names = "--node-heap", description = "Each member's -Xmx (default: ${DEFAULT-VALUE}).")
    private String nodeHeap = "256m";

    private final Process[] nodes = new Process[3];
    /** Starts of each member so far: a restarted member counts once its log says it started (it joined). */
    private final int[] starts = new int[3];
    private final List<Long> failoverNs = new ArrayList<>();

    @Override
    public Integer call() throws Exception
    {
        if (kills < 1 || intervalMs < 1000 || rate < 1)
        {
            throw new IllegalArgumentException("--kills at least 1, --interval-ms at least 1000, --rate positive");
        }
        if (cluster.members != null && !cluster.members.equals(MEMBERS))
        {
            throw new IllegalArgumentException("the drill runs its three members on this machine: no --members");
        }
        cluster.members = MEMBERS;
        final PrintWriter out = spec.commandLine().getOut();
        deleteTree(dir);
        Files.createDirectories(dir);
        final LoadedConfig limits = cluster.limits();
        final LogicConfig logic = cluster.logic(limits);
        for (int id = 0; id < 3; id++)
        {
            nodes[id] = startNode(id);
        }
        MediaDriver driver = null;
        Aeron aeron = null;
        ClusterGateway gateway = null;
        // Plenty: the session stops one interval after the last restart (Done), however long failovers take.
        final long trades = (long)rate * (intervalMs * (kills + 1) / 1000 + 60L * kills);
        try
        {
            final String terms = "term-length=" + cluster.termLength();
            driver = MediaDriver.launch(SmallMediaDriver.context(
                dir.resolve("gateway-aeron").toAbsolutePath().toString(), cluster.termLength()));
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            final ClusterTopology topology = cluster.topology();
            gateway = new ClusterGateway(new AeronCluster.Context()
                .ingressChannel("aeron:udp?" + terms).ingressEndpoints(topology.ingressEndpoints())
                .egressChannel("aeron:udp?endpoint=localhost:0|" + terms), aeron, logic, new SystemNanoClock(),
                10_000_000_000L, new PrintStream(new java.io.FileOutputStream(dir.resolve("gateway.log").toFile()),
                true, StandardCharsets.UTF_8));
            awaitConnected(gateway);
            out.println("cluster-drill: " + kills + " leader kills, one every " + intervalMs + " ms, during " + trades +
                " trades at " + rate + "/s (work directory " + dir + ")");
            out.flush();
            try
            {
                new SyntheticTradeSource(cluster.instrumentId(limits), trades, 42, 1_700_000_000_000_000_000L,
                    1_000_000L).run(new Drill(gateway, out));
            }
            catch (final Done done)
            {
                // the kills are done and the last restarted member had an interval to catch up
            }
            gateway.drain(180_000_000_000L, 2_000_000_000L);
        }
        finally
        {
            final int leader = gateway != null && gateway.client().isConnected() ? gateway.client().leaderMemberId() : -1;
            CloseHelper.quietCloseAll(gateway, aeron, driver);
            // One at a time, the leader last: each member writes its final state as it stops.
            for (int i = 1; i <= 3; i++)
            {
                stop(nodes[(Math.max(leader, 0) + i) % 3], out);
            }
        }
        return check(gateway, logic, out) ? 0 : 2;
    }

    /** Ends the session once the kills are done. */
    private static final class Done extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        Done()
        {
            super("drill done", null, false, false);
        }
    }

    private static void stop(final Process node, final PrintWriter out) throws InterruptedException
    {
        if (node == null)
        {
            return;
        }
        node.destroy();
        if (!node.waitFor(60, TimeUnit.SECONDS))
        {
            out.println("cluster-drill: a member did not stop within 60 s of SIGTERM; killed");
            node.destroyForcibly();
        }
    }

    private Process startNode(final int id) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (!arg.startsWith("-Xmx") && !arg.startsWith("-Xms") && !arg.startsWith("-agentlib"))
            {
                command.add(arg);
            }
        }
        command.addAll(List.of("-Xmx" + nodeHeap, "-cp", System.getProperty("java.class.path"),
            RingwallCli.class.getName(), "cluster-node", "--id", String.valueOf(id), "--members", MEMBERS,
            "--port-base", String.valueOf(cluster.portBase), "--term-length-kb", String.valueOf(cluster.termLengthKb),
            "--config", cluster.config, "--env", cluster.environment, "--symbol", cluster.symbol, "--cash",
            cluster.cash, "--dir", dir.resolve("node-" + id).toString(), "--aeron-dir",
            dir.resolve("node-" + id + "-aeron").toString(), "--record", dir.resolve("record-" + id).toString(),
            "--timer-ms", String.valueOf(timerMs)));
        for (final String strategy : cluster.strategies)
        {
            command.addAll(List.of("--strategy", strategy));
        }
        final Path log = dir.resolve("node-" + id + ".log");
        starts[id]++;
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void awaitConnected(final ClusterGateway gateway)
    {
        final long deadline = System.nanoTime() + 120_000_000_000L;
        while (!gateway.client().isConnected())
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("no leader within 120 s: see " + dir + "/node-*.log");
            }
            gateway.poll();
            pause();
        }
    }

    /** Plays the trades at the rate; kills the leader on schedule, restarts it once the new leader answered. */
    private final class Drill implements MarketDataSink
    {
        private final ClusterGateway gateway;
        private final PrintWriter out;
        private final long intervalNs = 1_000_000_000L / rate;
        private long nextNs = System.nanoTime();
        private long nextKillNs = System.nanoTime() + intervalMs * 1_000_000L;
        private int killed;
        private int victim = -1;
        private long killNs;
        private long ackedAtKill;
        private long leaderChangesAtKill;
        /** When the gateway's client first heard of the new leader (its NewLeader event): election and notice. */
        private long noticeNs;
        private ElectionWatch watch;

        Drill(final ClusterGateway gateway, final PrintWriter out)
        {
            this.gateway = gateway;
            this.out = out;
        }

        @Override
        public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
            final long exchangeTimeNs)
        {
            while (System.nanoTime() < nextNs)
            {
                if (gateway.poll() == 0)
                {
                    pause();
                }
                drillStep();
            }
            nextNs += intervalNs;
            if (killed == kills && victim < 0 && System.nanoTime() >= nextKillNs)
            {
                throw new Done();
            }
            gateway.trade(instrumentId, tradeId, price, quantity, exchangeTimeNs);
        }

        @Override
        public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
            final long volume, final long startTimeNs, final long durationNs)
        {
            throw new UnsupportedOperationException("the drill plays trades");
        }

        private void drillStep()
        {
            final long nowNs = System.nanoTime();
            final var client = gateway.client();
            if (victim < 0 && killed < kills && nowNs >= nextKillNs && client.isConnected() &&
                client.acknowledged() == client.lastSent() && allAlive())
            {
                victim = client.leaderMemberId();
                ackedAtKill = client.acknowledged();
                leaderChangesAtKill = client.leaderChanges();
                noticeNs = 0;
                nodes[victim].destroyForcibly();
                killNs = System.nanoTime();
                watch = new ElectionWatch(new Path[] {dir.resolve("node-0-aeron"), dir.resolve("node-1-aeron"),
                    dir.resolve("node-2-aeron")}, victim, killNs);
                killed++;
                return;
            }
            if (victim >= 0)
            {
                watch.poll(nowNs);
            }
            if (victim >= 0 && noticeNs == 0 && client.leaderChanges() > leaderChangesAtKill)
            {
                noticeNs = nowNs;
            }
            if (victim >= 0 && client.isConnected() && client.leaderMemberId() != victim &&
                client.acknowledged() > ackedAtKill)
            {
                final long tookNs = nowNs - killNs;
                failoverNs.add(tookNs);
                out.printf("cluster-drill: kill %d: leader %d killed, member %d leads, first acknowledgement after " +
                    "%.3f s (the gateway heard of the new leader after %s)%n", killed, victim, client.leaderMemberId(),
                    tookNs / 1e9, noticeNs == 0 ? "it reconnected" : String.format("%.3f s", (noticeNs - killNs) / 1e9));
                out.println("cluster-drill: kill " + killed + ": election states since the kill (member:state@s):" +
                    watch.timeline());
                watch.close();
                out.flush();
                try
                {
                    nodes[victim].waitFor(30, TimeUnit.SECONDS);
                    nodes[victim] = startNode(victim);
                }
                catch (final IOException | InterruptedException ex)
                {
                    throw new IllegalStateException("could not restart member " + victim, ex);
                }
                victim = -1;
                nextKillNs = nowNs + intervalMs * 1_000_000L;
            }
        }
    }

    /**
     * @return whether every member runs and has joined: a restarted one first waits for its crashed
     * predecessor's mark files to go stale (about 10 s), and killing the leader before it joined would leave no
     * majority.
     */
    private boolean allAlive()
    {
        for (int id = 0; id < nodes.length; id++)
        {
            if (!nodes[id].isAlive())
            {
                throw new IllegalStateException("member " + id + " exited (status " + nodes[id].exitValue() + "): see " +
                    dir.resolve("node-" + id + ".log"));
            }
            if (startedLines(id) < starts[id])
            {
                return false;
            }
        }
        return true;
    }

    private long startedLines(final int id)
    {
        try (Stream<String> lines = Files.lines(dir.resolve("node-" + id + ".log")))
        {
            return lines.filter(line -> line.startsWith("cluster-node " + id + " started:")).count();
        }
        catch (final IOException | java.io.UncheckedIOException ex)
        {
            return 0;
        }
    }

    private boolean check(final ClusterGateway gateway, final LogicConfig logic, final PrintWriter out)
    {
        boolean passed = true;
        final List<Map<Long, byte[]>> outputs = new ArrayList<>();
        TreeMap<Long, StreamRecorder.Entry> inputs = null;
        // Per member: what it handed its logic (inputs and timer ticks) by log position, the order of the log.
        final List<TreeMap<Long, StreamRecorder.Entry>> streams = new ArrayList<>();
        for (int id = 0; id < 3; id++)
        {
            final Map<Long, byte[]> byIndex = new TreeMap<>();
            final TreeMap<Long, StreamRecorder.Entry> applied = new TreeMap<>();
            final TreeMap<Long, StreamRecorder.Entry> stream = new TreeMap<>();
            int divergences = 0;
            for (final Path file : recordFiles(dir.resolve("record-" + id)))
            {
                for (final StreamRecorder.Entry entry : StreamRecorder.read(file))
                {
                    // A restarted life replays the log and records everything again: it must agree with the last.
                    final byte[] before = entry.kind() == StreamRecorder.OUTPUT ?
                        byIndex.putIfAbsent(entry.key(), entry.frame()) : entry.kind() == StreamRecorder.TIMER ?
                        frameOf(stream.putIfAbsent(entry.sequence(), entry)) :
                        frameOf(applied.putIfAbsent(entry.key(), entry));
                    if (entry.kind() == StreamRecorder.INPUT)
                    {
                        stream.putIfAbsent(entry.sequence(), entry);
                    }
                    if (before != null && !Arrays.equals(before, entry.frame()))
                    {
                        divergences++;
                    }
                }
            }
            outputs.add(byIndex);
            streams.add(stream);
            if (divergences > 0)
            {
                out.println("cluster-drill: FAIL member " + id + " produced " + divergences + " different records " +
                    "for the same index in two of its lives");
                passed = false;
            }
            if (inputs == null || applied.size() > inputs.size())
            {
                inputs = applied;
            }
        }
        for (int id = 1; id < 3; id++)
        {
            if (!sameStreams(outputs.get(0), outputs.get(id)))
            {
                out.println("cluster-drill: FAIL member " + id + "'s output stream differs from member 0's (" +
                    outputs.get(id).size() + " vs " + outputs.get(0).size() + " outputs)");
                passed = false;
            }
        }
        long expectedSequence = 1;
        for (final StreamRecorder.Entry input : inputs.values())
        {
            if (input.key() != expectedSequence++)
            {
                out.println("cluster-drill: FAIL the applied inputs have a gap before gateway sequence " + input.key());
                return false;
            }
        }
        // The longest stream is the reference; every member's must be a beginning of it: the same inputs and ticks
        // at the same log positions and times. (Members stopped one after another may differ by the last ticks.)
        TreeMap<Long, StreamRecorder.Entry> longest = streams.get(0);
        for (final TreeMap<Long, StreamRecorder.Entry> stream : streams)
        {
            longest = stream.size() > longest.size() ? stream : longest;
        }
        for (int id = 0; id < 3; id++)
        {
            if (!beginsWith(longest, streams.get(id)))
            {
                out.println("cluster-drill: FAIL member " + id + " applied other inputs or timer ticks than the " +
                    "others, or at other log positions or times");
                passed = false;
            }
        }
        final long ticks = longest.values().stream().filter(entry -> entry.kind() == StreamRecorder.TIMER).count();
        final List<byte[]> reference = new ArrayList<>();
        final BusinessLogic replay = replay(logic, longest, reference);
        final Map<Long, byte[]> expected = new TreeMap<>();
        for (int i = 0; i < reference.size(); i++)
        {
            expected.put(i + 1L, reference.get(i));
        }
        if (!sameStreams(expected, outputs.get(0)))
        {
            out.println("cluster-drill: FAIL the members' outputs differ from a single-node replay of their inputs");
            passed = false;
        }
        for (int id = 0; id < 3; id++)
        {
            final Path file = dir.resolve("record-" + id).resolve("state.bin");
            // each member against a single-node replay of what it applied (its last ticks may be fewer)
            final BusinessLogic own = streams.get(id).size() == longest.size() ? replay :
                replay(logic, streams.get(id), new ArrayList<>());
            final UnsafeBuffer state = new UnsafeBuffer(new byte[own.maxSnapshotLength()]);
            final byte[] replayState = Arrays.copyOf(state.byteArray(), own.captureState(state, 0));
            try
            {
                if (!Arrays.equals(Files.readAllBytes(file), replayState))
                {
                    out.println("cluster-drill: FAIL member " + id + "'s final state (positions, cash, orders) " +
                        "differs from the single-node replay's");
                    passed = false;
                }
            }
            catch (final IOException ex)
            {
                out.println("cluster-drill: FAIL member " + id + " left no final state (" + file + "): it did not " +
                    "stop normally");
                passed = false;
            }
        }
        final List<Long> newOrders = newOrders(reference);
        long lost = 0;
        for (final long clOrdId : newOrders)
        {
            if (!gateway.sentOrder(clOrdId))
            {
                lost++;
            }
        }
        final long twice = gateway.ordersSent() - newOrders.size() + lost;
        if (lost > 0 || twice != 0 || gateway.client().acknowledged() != gateway.client().lastSent())
        {
            passed = false;
        }
        out.println("cluster-drill: inputs " + inputs.size() + ", timer ticks " + ticks + " (acknowledged " +
            gateway.client().acknowledged() + " of " + gateway.client().lastSent() + "), outputs " + outputs.get(0).size() + ", orders in the log " +
            newOrders.size() + ", sent to the venue " + gateway.ordersSent() + " (lost " + lost + ", sent twice " +
            twice + ", resends dropped by ClOrdID " + gateway.duplicateOrders() + ")");
        final Map<String, Long> verdicts = reconciliationVerdicts(reference);
        final long rows = verdicts.values().stream().mapToLong(Long::longValue).sum();
        out.println("cluster-drill: reconciliations after failovers " + gateway.reconciliations() + ", report rows " +
            verdicts);
        if (rows != gateway.reconciliations() * (logic.instruments().size() + 1) ||
            rows != verdicts.getOrDefault("MATCHED", 0L))
        {
            out.println("cluster-drill: FAIL the venue and the cluster disagree after a failover (every reconciliation " +
                "row must be MATCHED)");
            passed = false;
        }
        final long[] sorted = failoverNs.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length < kills)
        {
            out.println("cluster-drill: FAIL only " + sorted.length + " of " + kills + " kills done");
            passed = false;
        }
        if (sorted.length > 0)
        {
            out.printf("cluster-drill: failover (kill to first acknowledgement of the new leader) p50 %.3f s, max " +
                "%.3f s over %d kills%n", sorted[(sorted.length - 1) / 2] / 1e9, sorted[sorted.length - 1] / 1e9,
                sorted.length);
        }
        out.println("cluster-drill: " + (passed ? "passed" : "FAILED"));
        out.flush();
        return passed;
    }

    /** A single-node logic fed {@code stream} in log order; its outputs go to {@code outputs}. */
    private static BusinessLogic replay(final LogicConfig logic, final TreeMap<Long, StreamRecorder.Entry> stream,
        final List<byte[]> outputs)
    {
        final BusinessLogic replay = BusinessLogic.create(logic, (sequence, timeNs, frame, offset, length, ingress) ->
        {
            final byte[] bytes = new byte[length];
            frame.getBytes(offset, bytes);
            outputs.add(bytes);
        });
        for (final StreamRecorder.Entry input : stream.values())
        {
            replay.onInput(input.sequence(), input.timeNs(), new UnsafeBuffer(input.frame()), 0, input.frame().length,
                0);
        }
        return replay;
    }

    /** @return whether {@code part} is {@code whole}'s first entries: same positions, kinds, times and frames. */
    private static boolean beginsWith(final TreeMap<Long, StreamRecorder.Entry> whole,
        final TreeMap<Long, StreamRecorder.Entry> part)
    {
        for (final StreamRecorder.Entry entry : part.values())
        {
            final StreamRecorder.Entry other = whole.get(entry.sequence());
            if (other == null || other.kind() != entry.kind() || other.timeNs() != entry.timeNs() ||
                !Arrays.equals(other.frame(), entry.frame()))
            {
                return false;
            }
        }
        return part.isEmpty() || whole.headMap(part.lastKey(), true).size() == part.size();
    }

    private static byte[] frameOf(final StreamRecorder.Entry entry)
    {
        return entry == null ? null : entry.frame();
    }

    private static boolean sameStreams(final Map<Long, byte[]> a, final Map<Long, byte[]> b)
    {
        if (!a.keySet().equals(b.keySet()))
        {
            return false;
        }
        for (final Map.Entry<Long, byte[]> entry : a.entrySet())
        {
            if (!Arrays.equals(entry.getValue(), b.get(entry.getKey())))
            {
                return false;
            }
        }
        return true;
    }

    private static List<Long> newOrders(final List<byte[]> frames)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final NewOrderDecoder order = new NewOrderDecoder();
        final List<Long> ids = new ArrayList<>();
        for (final byte[] frame : frames)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(frame);
            if (header.wrap(buffer, 0).templateId() == NewOrderDecoder.TEMPLATE_ID)
            {
                ids.add(order.wrapAndApplyHeader(buffer, 0, header).clOrdId());
            }
        }
        return ids;
    }

    /** ReconciliationReport rows by verdict. */
    private static Map<String, Long> reconciliationVerdicts(final List<byte[]> frames)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final ReconciliationReportDecoder report = new ReconciliationReportDecoder();
        final Map<String, Long> verdicts = new TreeMap<>();
        for (final byte[] frame : frames)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(frame);
            if (header.wrap(buffer, 0).templateId() == ReconciliationReportDecoder.TEMPLATE_ID)
            {
                verdicts.merge(report.wrapAndApplyHeader(buffer, 0, header).verdict().name(), 1L, Long::sum);
            }
        }
        return verdicts;
    }

    private static List<Path> recordFiles(final Path recordDir)
    {
        try (Stream<Path> files = Files.list(recordDir))
        {
            return files.filter(file -> file.getFileName().toString().startsWith("record-")).sorted().toList();
        }
        catch (final IOException ex)
        {
            return List.of();
        }
    }

    private static void deleteTree(final Path root) throws IOException
    {
        if (!Files.exists(root))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(root))
        {
            for (final Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList())
            {
                Files.delete(path);
            }
        }
    }

    private static void pause()
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
}
