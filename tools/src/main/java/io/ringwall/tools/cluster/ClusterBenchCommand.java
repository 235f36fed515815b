package io.ringwall.tools.cluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.ringwall.cluster.ClusterBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ringwall cluster-bench}: the three-member cluster against the single-node logic on the same inputs, in one
 * run (issue 23, point 7). See {@link ClusterBench} for what is timed.
 */
@Command(name = "cluster-bench", mixinStandardHelpOptions = true,
    description = {"Benchmark: throughput (inputs/s) and per-input latency (p50, p99) of a three-member cluster in " +
        "this process against the single-node business logic fed the same trades in the same run, and their ratio.",
        "Each run feeds both the next --inputs trades as fast as they take them, then --latency-inputs one at a " +
            "time; one warm-up run first, then the median of --runs. On a small shared machine the ratio is the " +
            "figure that means something."})
public final class ClusterBenchCommand implements Callable<Integer>
{
    @Option(names = "--inputs", description = "Trades per run for throughput (default: ${DEFAULT-VALUE}).")
    private int inputs = 20_000;

    @Option(names = "--latency-inputs", description = "Trades per run sent one at a time for latency " +
        "(default: ${DEFAULT-VALUE}).")
    private int latencyInputs = 2_000;

    @Option(names = "--runs", description = "Counted runs, after one warm-up run (default: ${DEFAULT-VALUE}).")
    private int runs = 3;

    @Option(names = "--dir", paramLabel = "DIR", description = "Scratch directory for the members' archives and " +
        "media drivers (removed at the end). Default: /dev/shm when it exists, else the temporary directory.")
    private Path dir;

    @Option(names = "--port-base", description = "First UDP port; the three members take ten each " +
        "(default: ${DEFAULT-VALUE}).")
    private int portBase = 21_000;

    @Override
    public Integer call()
    {
        final Path scratch = dir != null ? dir : Path.of("/dev/shm").toFile().isDirectory() ? Path.of("/dev/shm") :
            Path.of(System.getProperty("java.io.tmpdir"));
        final ClusterOptions defaults = new ClusterOptions();
        final PrintStream out = System.out;
        out.printf("cluster-bench: %,d inputs for throughput and %,d one at a time per run, %d run(s) after a " +
            "warm-up; strategy ma-crossover on %s; 3 members, 64 KiB terms, SHARED threading%n", inputs,
            latencyInputs, runs, defaults.symbol);
        new ClusterBench(new ClusterBench.Options(inputs, latencyInputs, runs, scratch, portBase,
            defaults.logic(defaults.limits())), out).run();
        return 0;
    }
}
