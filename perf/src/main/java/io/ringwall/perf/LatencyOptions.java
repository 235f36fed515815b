package io.ringwall.perf;

import java.nio.file.Path;
import java.nio.file.Paths;

import io.ringwall.engine.ring.StageThreading;
import io.ringwall.engine.ring.WaitMode;

/**
 * Options of {@code ringwall latency}; plain parsing like {@link ThroughputOptions}.
 */
final class LatencyOptions
{
    static final String USAGE = String.join("\n",
        "usage: ringwall latency [options]",
        "  --rate N        trades offered per second, at a fixed schedule (default 100000; _ allowed)",
        "  --seconds S     length of each measured run in seconds of schedule (default 5)",
        "  --warmup S      one unreported run of S seconds first, for the JIT (default 2; 0 = none)",
        "  --runs K        measured runs; the median of each figure is reported too (default 3)",
        "  --wait MODE     yielding | backoff | blocking | busy-spin (default yielding; busy-spin needs a",
        "                  core per spinning thread: the pipeline has 4 stage threads and the producer)",
        "  --threads MODE  dedicated (a thread per stage) | shared (one thread runs journal-in, the logic",
        "                  and the gateway in turn) (default dedicated)",
        "  --dir DIR       where the throw-away journals go (default perf/target/scratch)",
        "  --json FILE     also write the results as JSON to FILE",
        "  --help          this text");

    long rate = 100_000;
    long seconds = 5;
    long warmupSeconds = 2;
    int runs = 3;
    WaitMode waitMode = WaitMode.YIELDING;
    StageThreading threading = StageThreading.DEDICATED;
    Path scratchRoot = ScratchDirectories.defaultRoot();
    Path jsonFile;
    boolean help;

    static LatencyOptions parse(final String[] args)
    {
        final LatencyOptions options = new LatencyOptions();
        options.help = HarnessCli.parse(args, options::set);
        if (options.rate * options.seconds > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("--rate x --seconds is more than " + Integer.MAX_VALUE + " trades");
        }
        return options;
    }

    private void set(final String name, final String value)
    {
        switch (name)
        {
            // 1e9 / rate is the schedule's interval: at most one trade per nanosecond.
            case "--rate" -> rate = HarnessCli.number(name, value, 1, 1_000_000_000L);
            case "--seconds" -> seconds = HarnessCli.number(name, value, 1, 3600);
            case "--warmup" -> warmupSeconds = HarnessCli.number(name, value, 0, 3600);
            case "--runs" -> runs = (int)HarnessCli.number(name, value, 1, 1000);
            case "--wait" -> waitMode = WaitMode.parse(value);
            case "--threads" -> threading = StageThreading.parse(value);
            case "--dir" -> scratchRoot = Paths.get(value);
            case "--json" -> jsonFile = Paths.get(value);
            default -> throw new IllegalArgumentException("unknown option " + name);
        }
    }
}
