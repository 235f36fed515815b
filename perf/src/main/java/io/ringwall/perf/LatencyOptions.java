package io.ringwall.perf;

import java.nio.file.Path;
import java.nio.file.Paths;

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
        "  --dir DIR       where the throw-away journals go (default perf/target/scratch)",
        "  --json FILE     also write the results as JSON to FILE",
        "  --help          this text");

    long rate = 100_000;
    long seconds = 5;
    long warmupSeconds = 2;
    int runs = 3;
    WaitMode waitMode = WaitMode.YIELDING;
    Path scratchRoot = ScratchDirectories.defaultRoot();
    Path jsonFile;
    boolean help;

    static LatencyOptions parse(final String[] args)
    {
        final LatencyOptions options = new LatencyOptions();
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg))
            {
                options.help = true;
                continue;
            }
            final int eq = arg.indexOf('=');
            final String name = eq > 0 ? arg.substring(0, eq) : arg;
            final String value;
            if (eq > 0)
            {
                value = arg.substring(eq + 1);
            }
            else if (i + 1 < args.length)
            {
                value = args[++i];
            }
            else
            {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            options.set(name, value);
        }
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
            case "--rate" -> rate = number(name, value, 1, 1_000_000_000L);
            case "--seconds" -> seconds = number(name, value, 1, 3600);
            case "--warmup" -> warmupSeconds = number(name, value, 0, 3600);
            case "--runs" -> runs = (int)number(name, value, 1, 1000);
            case "--wait" -> waitMode = WaitMode.parse(value);
            case "--dir" -> scratchRoot = Paths.get(value);
            case "--json" -> jsonFile = Paths.get(value);
            default -> throw new IllegalArgumentException("unknown option " + name);
        }
    }

    private static long number(final String name, final String value, final long min, final long max)
    {
        final long parsed;
        try
        {
            parsed = Long.parseLong(value.replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(name + " '" + value + "' is not a number");
        }
        if (parsed < min || parsed > max)
        {
            throw new IllegalArgumentException(name + " " + parsed + " is out of range [" + min + ", " + max + "]");
        }
        return parsed;
    }
}
