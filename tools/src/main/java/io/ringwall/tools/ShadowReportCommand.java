package io.ringwall.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.ringwall.journal.JournalDirectory;
import io.ringwall.tools.shadow.BacktestComparison;
import io.ringwall.tools.shadow.ShadowReport;
import io.ringwall.tools.shadow.ShadowReportFiles;
import io.ringwall.tools.shadow.ShadowReportText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ringwall shadow-report}: how a shadow session's live strategy kept to its twin on the paper model.
 */
@Command(name = "shadow-report", mixinStandardHelpOptions = true,
    description = {"Read a shadow session's journal \"out\" (ringwall run --shadow) and print the alignment rate of " +
        "the live decisions with the twin's, the execution quality (live orders fully filled over finished), the " +
        "slippage against the paper model in bps (average and percentiles), the send -> ack and send -> fill " +
        "latencies in event time, and every misalignment with its time and reason.",
        "Writes shadow-report.json (which 'ringwall readiness --shadow SESSION' reads) and shadow-report.html (with " +
        "plots) into the session directory, or --out DIR. Exit status 2 when the journal is missing or corrupt, " +
        "or holds no shadow frames."})
final class ShadowReportCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "The shadow session's directory.")
    private Path journal;

    @Option(names = "--against-backtest", paramLabel = "REPORT", description = "A backtest-report.json: adds the " +
        "correlation of daily returns and the dynamic-time-warping distance between the two equity curves.")
    private Path againstBacktest;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the JSON and HTML go (default: --journal DIR).")
    private Path out;

    @Override
    public Integer call()
    {
        final PrintWriter printer = spec.commandLine().getOut();
        final SessionSymbols symbols;
        try (JournalDirectory journals = JournalDirectory.openExisting(journal))
        {
            symbols = SessionSymbols.fromManifest(journals.readManifest());
        }
        final ShadowReport report = ShadowReport.read(journal);
        if (report.decisions() == 0 && report.executions() == 0)
        {
            spec.commandLine().getErr().println("shadow-report: " + journal + " holds no shadow frames (was the " +
                "session run with --shadow?)");
            return 2;
        }
        final BacktestComparison comparison = againstBacktest == null ? null :
            BacktestComparison.of(journal, againstBacktest);
        final List<String> lines = new ArrayList<>(ShadowReportText.lines(report, symbols));
        if (comparison != null)
        {
            lines.add(String.format(Locale.ROOT, "against %s: %d daily returns, correlation %.4f, equity DTW " +
                "distance %.6f", againstBacktest, comparison.periods(), comparison.correlation(),
                comparison.dtwDistance()));
        }
        lines.forEach(printer::println);
        final Path dir = out != null ? out : journal;
        try
        {
            java.nio.file.Files.createDirectories(dir);
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException("cannot create " + dir, ex);
        }
        ShadowReportFiles.write(report, comparison, lines, symbols, dir);
        printer.println("wrote " + dir.resolve(ShadowReportFiles.JSON) + " and " + dir.resolve(ShadowReportFiles.HTML));
        printer.flush();
        return 0;
    }
}
