package io.ringwall.perf;

import java.nio.file.Path;
import java.nio.file.Paths;

import io.ringwall.engine.ring.JournalBatching;
import io.ringwall.engine.ring.RingConfig;
import io.ringwall.engine.ring.StageThreading;
import io.ringwall.engine.ring.WaitMode;
import io.ringwall.journal.JournalWriter;

/**
 * Command-line options; deliberately plain (no CLI library in the perf module).
 */
final class ThroughputOptions
{
    static final String DEFAULT_STRATEGY = "ma-crossover:symbol=BTCUSD,fast=50,slow=400,qty=0.5";

    static final String USAGE = String.join("\n",
        "usage: ringwall throughput [options]",
        "  --events N      events per measurement (default 2000000; _ allowed: 2_000_000)",
        "  --runs R        measured runs; the median is reported too (default 3)",
        "  --warmup W      unreported warm-up runs first, for the JIT (default 1)",
        "  --wait MODE     busy-spin | yielding | backoff | blocking (default yielding; busy-spin needs",
        "                  a core per spinning thread: the pipeline has 4, producer included)",
        "  --threads MODE  dedicated (a thread per stage) | shared (one thread runs journal-in, the logic",
        "                  and the gateway in turn: for fewer cores than threads) (default dedicated)",
        "  --ring-size N   slots per ring, a power of two (default " + RingConfig.DEFAULT_RING_SIZE + ", as run)",
        "  --strategy SPEC the pipeline's strategy (default " + DEFAULT_STRATEGY + ")",
        "  --checksums on|compare  compare: each run also measures the pipeline with its journals written",
        "                  without record checksums (version 1 records), and the cost is reported (default on)",
        "  --batch-bytes N bytes of records per journal document, 1 = a document per record (default " +
            JournalBatching.DEFAULT_MAX_BYTES + ", journal.batch-bytes)",
        "  --batch-delay-us N  ingress time a journal document may span, 0 = no bound (default 0, journal.batch-delay)",
        "  --dir DIR       where the throw-away journals go (default perf/target/scratch)",
        "  --json FILE     also write the results as JSON to FILE",
        "  --help          this text");

    long events = 2_000_000;
    int runs = 3;
    int warmupRuns = 1;
    WaitMode waitMode = WaitMode.YIELDING;
    StageThreading threading = StageThreading.DEDICATED;
    int ringSize = RingConfig.DEFAULT_RING_SIZE;
    String strategy = DEFAULT_STRATEGY;
    int batchBytes = JournalBatching.DEFAULT_MAX_BYTES;
    long batchDelayNs = JournalBatching.DEFAULTS.maxDelayNs();
    Path scratchRoot = ScratchDirectories.defaultRoot();
    Path jsonFile;
    boolean compareChecksums;
    boolean help;

    JournalBatching batching()
    {
        return new JournalBatching(batchBytes, batchDelayNs);
    }

    static ThroughputOptions parse(final String[] args)
    {
        final ThroughputOptions options = new ThroughputOptions();
        options.help = HarnessCli.parse(args, options::set);
        return options;
    }

    private void set(final String name, final String value)
    {
        switch (name)
        {
            case "--events" -> events = HarnessCli.number(name, value, 1, Integer.MAX_VALUE * 64L);
            case "--runs" -> runs = (int)HarnessCli.number(name, value, 1, Integer.MAX_VALUE);
            case "--warmup" -> warmupRuns = (int)HarnessCli.number(name, value, 0, Integer.MAX_VALUE);
            case "--wait" -> waitMode = WaitMode.parse(value);
            case "--threads" -> threading = StageThreading.parse(value);
            case "--ring-size" -> ringSize = (int)HarnessCli.number(name, value, 64, 1 << 24);
            case "--strategy" -> strategy = value;
            case "--batch-bytes" -> batchBytes = (int)HarnessCli.number(name, value, 1, JournalWriter.MAX_DOCUMENT_BYTES);
            case "--batch-delay-us" -> batchDelayNs = HarnessCli.number(name, value, 0, 1_000_000) * 1_000;
            case "--dir" -> scratchRoot = Paths.get(value);
            case "--json" -> jsonFile = Paths.get(value);
            case "--checksums" -> compareChecksums = switch (value)
            {
                case "on" -> false;
                case "compare" -> true;
                default -> throw new IllegalArgumentException("--checksums " + value + " is not on or compare");
            };
            default -> throw new IllegalArgumentException("unknown option " + name);
        }
    }
}
