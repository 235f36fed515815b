package io.ringwall.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.tools.validation.BatchBacktester;
import io.ringwall.tools.validation.BatchProgressPrinter;
import io.ringwall.tools.validation.Durations;
import io.ringwall.tools.validation.RecordedMarketData;
import picocli.CommandLine.Option;

/**
 * What every {@code ringwall validate} command shares: the data and configuration options of {@code run}
 * (--data, --format, --symbol, --strategy, --config, --set, --cash, --fee-bps, --timer-ms), the data decoded once
 * into memory, and the batch runner's settings. These commands journal nothing.
 */
abstract class ValidationCommand extends RunCommand
{
    @Option(names = "--workers", description = "Backtests run in parallel (default: the available processors). The " +
        "results do not depend on it.")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--period", description = "Return period that Sharpe ratios, PSR and DSR are measured on: 1d, " +
        "4h, 1h, ... (default: ${DEFAULT-VALUE}; take 1h for a week of trades).")
    String period = "1d";

    @Option(names = "--out", paramLabel = "DIR", description = "Where the JSON and HTML reports go (default: " +
        "${DEFAULT-VALUE}).")
    Path out = Path.of("var", "validation");

    @Option(names = "--no-progress", description = "No progress on stderr (a bar on a terminal, else a line per " +
        "tenth of the backtests).")
    boolean noProgress;

    /** The session's options resolved, and the data in memory. */
    record Prepared(Session session, RecordedMarketData data, LogicConfig base, String strategy, long periodNs,
        BatchBacktester batch)
    {
    }

    @Override
    final Path sessionDir()
    {
        // never created: the validation runs are in memory
        return Path.of("var", "validation-in-memory");
    }

    final Prepared prepareValidation() throws IOException
    {
        final Session session = prepare();
        final List<String> strategies = session.engine().logic().strategySpecs();
        if (strategies.size() != 1)
        {
            throw new IllegalArgumentException("validation takes one --strategy, not " + strategies.size());
        }
        final long periodNs = Durations.parse("--period", period);
        final RecordedMarketData data = RecordedMarketData.record(session.source());
        if (data.size() == 0)
        {
            throw new IllegalArgumentException("the data hold no records");
        }
        final BatchBacktester batch = new BatchBacktester(workers, session.engine().timerIntervalNs(), periodNs,
            Durations.periodsPerYear(periodNs));
        return new Prepared(session, data, session.engine().logic(), strategies.get(0), periodNs, batch);
    }

    final BatchBacktester.Progress progress(final String task)
    {
        return BatchProgressPrinter.forStderr(task, !noProgress);
    }

    final Path outputFile(final String name)
    {
        try
        {
            Files.createDirectories(out);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + out, ex);
        }
        return out.resolve(name);
    }

    final void write(final Path file, final byte[] bytes)
    {
        try
        {
            Files.write(file, bytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }
}
