package io.ringwall.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import io.ringwall.tools.backtest.SessionFigures;
import io.ringwall.tools.validation.BatchBacktester;
import io.ringwall.tools.validation.Durations;
import io.ringwall.tools.validation.StrategyGrid;
import io.ringwall.tools.validation.TradeResampling;
import io.ringwall.tools.validation.WalkForward;
import io.ringwall.tools.validation.WalkForwardResult;
import io.ringwall.tools.validation.WalkForwardWindows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ringwall validate bench}: how fast the batch runner is. A measurement on whatever machine runs it; it
 * judges against the targets of issue 19 (a 1,000-backtest walk-forward in 60 s, 1,000 Monte Carlo runs in 5 s)
 * but fails nothing.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Time one in-memory backtest of the whole data, a walk-forward of --windows x a 10 x 10 grid of " +
        "ma-crossover fast x slow (every grid point on every training slice and every test slice), and --runs " +
        "Monte Carlo resamplings (bootstrap and shuffle) of the single backtest's trades; print the times, the " +
        "backtests per second and each backtest's cost beside the single one. A measurement: it judges nothing."})
final class ValidateBenchCommand extends ValidationCommand
{
    @Option(names = "--windows", description = "Walk-forward windows (default: ${DEFAULT-VALUE}).")
    int windows = 10;

    @Option(names = "--train", description = "Training slice (default: ${DEFAULT-VALUE}).")
    String train = "36h";

    @Option(names = "--test", description = "Test slice (default: ${DEFAULT-VALUE}).")
    String test = "12h";

    @Option(names = "--runs", description = "Monte Carlo runs per method (default: ${DEFAULT-VALUE}).")
    int runs = 1000;

    @Option(names = "--grid", description = "Grid, as for walk-forward (default: fast=5,10,...,50 x " +
        "slow=60,120,...,600 on ma-crossover).")
    List<String> grid = List.of("fast=5,10,15,20,25,30,35,40,45,50", "slow=60,120,180,240,300,360,420,480,540,600");

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec().commandLine().getOut();
        final long prepareStart = System.nanoTime();
        final Prepared prepared = prepareValidation();
        out.printf("data          %s: %,d records decoded once in %.2f s%n", prepared.session().source().describe(),
            prepared.data().size(), (System.nanoTime() - prepareStart) / 1e9);

        final BatchBacktester.Job single = new BatchBacktester.Job("single", prepared.base(), prepared.data().all());
        prepared.batch().runOne(single);
        final long singleStart = System.nanoTime();
        final int singleRepeats = 3;
        SessionFigures figures = null;
        for (int i = 0; i < singleRepeats; i++)
        {
            figures = prepared.batch().runFigures(single);
        }
        final double singleSeconds = (System.nanoTime() - singleStart) / 1e9 / singleRepeats;
        out.printf("single        one in-memory backtest of the whole data (%,d inputs): %.3f s (mean of %d after one " +
            "warm-up)%n", figures.report(prepared.base()).inputs(), singleSeconds, singleRepeats);

        final StrategyGrid strategyGrid = StrategyGrid.parse(prepared.strategy(), grid);
        final List<WalkForwardWindows.Window> cut = WalkForwardWindows.of(prepared.data().firstTimeNs(),
            prepared.data().lastTimeNs() + 1, windows, Durations.parse("--train", train), Durations.parse("--test", test),
            false);
        final long walkStart = System.nanoTime();
        final WalkForwardResult result = WalkForward.run(prepared.data(), prepared.base(), strategyGrid, cut,
            prepared.batch(), progress("bench walk-forward"));
        final double walkSeconds = (System.nanoTime() - walkStart) / 1e9;
        final int trainRuns = windows * strategyGrid.size();
        final int backtests = 2 * trainRuns;
        out.printf("walk-forward  %d windows x %d grid points: %,d training + %,d test backtests on %d workers in " +
            "%.1f s = %.1f backtests/s; %.1f ms each (%.3f x the single backtest of the whole data, per worker-second)" +
            "%n", windows, strategyGrid.size(), trainRuns, trainRuns, workers, walkSeconds, backtests / walkSeconds,
            walkSeconds * 1000 / backtests, walkSeconds * workers / backtests / singleSeconds);
        out.printf("              target: the %,d training backtests in <= 60 s; average OOS Sharpe %.3f%n", trainRuns,
            result.averageOutOfSampleSharpe());

        final long[] trades = figures.tradePnls();
        final long monteStart = System.nanoTime();
        TradeResampling.run(TradeResampling.Method.BOOTSTRAP, figures.initialEquity(), trades, 1, runs, seed);
        final double bootstrapSeconds = (System.nanoTime() - monteStart) / 1e9;
        final long shuffleStart = System.nanoTime();
        TradeResampling.run(TradeResampling.Method.SHUFFLE, figures.initialEquity(), trades, 1, runs, seed);
        final double shuffleSeconds = (System.nanoTime() - shuffleStart) / 1e9;
        out.printf("monte-carlo   %,d runs over %,d trades: bootstrap %.3f s, shuffle %.3f s (target: <= 5 s)%n", runs,
            trades.length, bootstrapSeconds, shuffleSeconds);
        out.flush();
        return 0;
    }
}
