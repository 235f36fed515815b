package io.ringwall.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.tools.validation.Durations;
import io.ringwall.tools.validation.StrategyGrid;
import io.ringwall.tools.validation.WalkForward;
import io.ringwall.tools.validation.WalkForwardOutputs;
import io.ringwall.tools.validation.WalkForwardResult;
import io.ringwall.tools.validation.WalkForwardWindows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ringwall validate walk-forward}: optimise on each training slice, test on the next slice. */
@Command(name = "walk-forward", mixinStandardHelpOptions = true,
    description = {"Walk-forward validation: in each window, backtest every grid point on the training slice, take " +
        "the best by Sharpe to the following test slice; print IS and OOS Sharpe, return, drawdown, trades and the " +
        "chosen parameters per window, the average OOS Sharpe, the degradation (1 - OOS/IS), the deflated Sharpe " +
        "ratio (trials = grid size) and the probability of backtest overfitting.",
        "Writes walk-forward.json and walk-forward.html to --out. Data and configuration options as for run."})
final class WalkForwardCommand extends ValidationCommand
{
    static final String JSON_FILE = "walk-forward.json";
    static final String HTML_FILE = "walk-forward.html";

    @Option(names = "--windows", required = true, description = "Number of windows (test slices).")
    int windows;

    @Option(names = "--train", required = true, paramLabel = "DURATION", description = "Training slice: 2d, 12h, ...")
    String train;

    @Option(names = "--test", required = true, paramLabel = "DURATION", description = "Test slice: 12h, ...")
    String test;

    @Option(names = "--anchored", description = "Train from the data's start every time (default: rolling, the " +
        "--train before each test slice).")
    boolean anchored;

    @Option(names = "--grid", paramLabel = "PARAM=A,B,C", description = "A parameter of --strategy and the values to " +
        "try, repeatable; the grid is every combination.")
    List<String> grid = new ArrayList<>();

    @Override
    public Integer call() throws IOException
    {
        final Prepared prepared = prepareValidation();
        final StrategyGrid strategyGrid = StrategyGrid.parse(prepared.strategy(), grid);
        final List<WalkForwardWindows.Window> cut = WalkForwardWindows.of(prepared.data().firstTimeNs(),
            prepared.data().lastTimeNs() + 1, windows, Durations.parse("--train", train),
            Durations.parse("--test", test), anchored);
        final long startNanos = System.nanoTime();
        final WalkForwardResult result = WalkForward.run(prepared.data(), prepared.base(), strategyGrid, cut,
            prepared.batch(), progress("walk-forward"));
        final long tookNanos = System.nanoTime() - startNanos;
        final Path json = outputFile(JSON_FILE);
        final Path html = outputFile(HTML_FILE);
        final String data = prepared.session().source().describe();
        write(json, WalkForwardOutputs.json(result, prepared.strategy(), data, anchored));
        WalkForwardOutputs.html(result, prepared.strategy(), data, html);
        final PrintWriter out = spec().commandLine().getOut();
        out.printf("walk-forward  %s on %s, %d windows (%s), grid %d points, %,d backtests on %d workers in %.1f s%n%n",
            prepared.strategy(), data, windows, anchored ? "anchored" : "rolling", strategyGrid.size(),
            2L * windows * strategyGrid.size(), workers, tookNanos / 1e9);
        out.print(WalkForwardOutputs.text(result));
        out.println("report        " + json);
        out.println("html          " + html);
        out.flush();
        return 0;
    }
}
