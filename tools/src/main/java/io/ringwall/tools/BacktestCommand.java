package io.ringwall.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import io.ringwall.engine.Backtest;
import io.ringwall.engine.RunSummary;
import io.ringwall.tools.backtest.BacktestAnalysis;
import io.ringwall.tools.backtest.BacktestAnalyzer;
import io.ringwall.tools.backtest.BacktestReport;
import io.ringwall.tools.backtest.BacktestReportJson;
import io.ringwall.tools.backtest.BacktestReportText;
import io.ringwall.tools.backtest.EquityChart;
import io.ringwall.tools.backtest.ProgressListener;
import io.ringwall.tools.backtest.TerminalProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ringwall backtest}: the engine in backtest mode (event time from the data, the paper venue answering
 * in event time, one thread, as fast as the CPU allows), then the report computed from the session's journals.
 * It takes every option of {@code ringwall run}.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = {"Backtest a strategy on market data with the paper venue and print a report: returns, Sharpe, " +
        "Sortino, drawdown, win rate, trades, turnover, costs, fill rate.",
        "Writes backtest-report.json and equity-curve.png beside the session's journals. Options as for run."})
final class BacktestCommand extends RunCommand
{
    static final String REPORT_FILE = "backtest-report.json";
    static final String CHART_FILE = "equity-curve.png";

    @Option(names = "--periods-per-year", description = "Daily returns per year for annualising Sharpe and " +
        "Sortino (default: ${DEFAULT-VALUE}: daily closes are taken every calendar day).")
    private int periodsPerYear = BacktestAnalyzer.DEFAULT_PERIODS_PER_YEAR;

    @Option(names = "--no-progress", description = "No progress bar (it is drawn only on a terminal anyway).")
    private boolean noProgress;

    private long allocatedBytes = -1;

    @Override
    public Integer call() throws IOException
    {
        final Session session = prepare();
        final ProgressListener progress = TerminalProgressBar.forStderr(!noProgress);
        final long expected = session.source().expectedRecords();
        final RunSummary summary;
        try (Backtest backtest = new Backtest(session.journalDir(), session.engine().logic(),
            session.engine().timerIntervalNs()))
        {
            backtest.onProgress(done -> progress.progress(done, Math.max(done, expected)));
            final long allocatedBefore = allocatedBytesOfThisThread();
            summary = backtest.run(session.source());
            allocatedBytes = allocatedBytesOfThisThread() - allocatedBefore;
        }
        progress.finished();
        final int exit = report(session, summary);
        if (exit != 0)
        {
            return exit;
        }
        final PrintWriter out = spec().commandLine().getOut();
        if (allocatedBytes >= 0 && summary.counters().inputs > 0)
        {
            // One thread runs the data source, the journals, the logic and the venue: this bounds what the
            // logic allocates per event from above (JIT warm-up included).
            out.printf("allocation    %,d bytes on the backtest thread = %.3f B/input (source, journals, logic, " +
                "venue; JIT warm-up included)%n", allocatedBytes, (double)allocatedBytes / summary.counters().inputs);
        }
        final BacktestAnalysis analysis = new BacktestAnalyzer(periodsPerYear).analyze(session.journalDir(),
            TerminalProgressBar.forStderr(!noProgress));
        final BacktestReport report = analysis.report().withAttention(SessionDiagnosis.of(session.journalDir()));
        final Path json = session.journalDir().resolve(REPORT_FILE);
        final Path chart = session.journalDir().resolve(CHART_FILE);
        BacktestReportJson.write(report, json);
        EquityChart.writePng(analysis, chart);
        out.println();
        out.print(BacktestReportText.render(report));
        out.println("report        " + json);
        out.println("equity curve  " + chart);
        out.flush();
        return 0;
    }

    /** @return bytes this thread has allocated so far (HotSpot's per-thread counter), or -1 when unsupported. */
    private static long allocatedBytesOfThisThread()
    {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean &&
            bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled() ?
            bean.getCurrentThreadAllocatedBytes() : -1;
    }
}
