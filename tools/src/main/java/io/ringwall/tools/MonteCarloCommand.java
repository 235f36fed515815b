package io.ringwall.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import io.ringwall.tools.backtest.BacktestReport;
import io.ringwall.tools.backtest.SessionFigures;
import io.ringwall.tools.validation.BatchBacktester;
import io.ringwall.tools.validation.CostPerturbation;
import io.ringwall.tools.validation.MonteCarloOutputs;
import io.ringwall.tools.validation.MonteCarloResult;
import io.ringwall.tools.validation.TradeResampling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ringwall validate monte-carlo}: how much of a backtest's result is the order of its trades and its costs. */
@Command(name = "monte-carlo", mixinStandardHelpOptions = true,
    description = {"Monte Carlo of one backtest: resample its trade sequence (bootstrap and shuffle, --runs each) " +
        "and, separately, rerun it with the paper venue's commission, slippage, impact and latencies perturbed " +
        "(--cost-runs); print the 5th, 50th and 95th percentiles of final return, Sharpe and max drawdown and the " +
        "probability of ruin (max drawdown at or past --ruin-drawdown). --seed (default 42) makes it reproducible.",
        "Writes monte-carlo.json and monte-carlo.html to --out. Data and configuration options as for run."})
final class MonteCarloCommand extends ValidationCommand
{
    static final String JSON_FILE = "monte-carlo.json";
    static final String HTML_FILE = "monte-carlo.html";

    @Option(names = "--runs", description = "Resampled sequences per method (default: ${DEFAULT-VALUE}).")
    int runs = 1000;

    @Option(names = "--cost-runs", description = "Backtests with perturbed costs, slippage and latency; 0 for none " +
        "(default: ${DEFAULT-VALUE}).")
    int costRuns = 100;

    @Option(names = "--cost-spread", description = "Each friction is multiplied by a factor drawn from " +
        "[1 - spread, 1 + spread] (default: ${DEFAULT-VALUE}).")
    double costSpread = 0.5;

    @Option(names = "--ruin-drawdown", description = "Max drawdown that counts as ruin, a fraction (default: " +
        "${DEFAULT-VALUE}).")
    double ruinDrawdown = 0.2;

    @Override
    public Integer call() throws IOException
    {
        if (runs < 1 || costRuns < 0 || !(ruinDrawdown > 0 && ruinDrawdown <= 1))
        {
            throw new IllegalArgumentException("--runs must be at least 1, --cost-runs at least 0 and --ruin-drawdown " +
                "in (0, 1]");
        }
        final Prepared prepared = prepareValidation();
        final long startNanos = System.nanoTime();
        final BatchBacktester.Job original = new BatchBacktester.Job("the backtest", prepared.base(),
            prepared.data().all());
        final SessionFigures figures = prepared.batch().runFigures(original);
        final BacktestReport report = figures.report(prepared.base());
        final long[] trades = figures.tradePnls();
        final double years = Math.max(report.elapsedDays(), 1.0 / 24) / 365.0;
        final double tradesPerYear = trades.length / years;
        final long resampleStart = System.nanoTime();
        final TradeResampling.Outcomes bootstrap = TradeResampling.run(TradeResampling.Method.BOOTSTRAP,
            figures.initialEquity(), trades, tradesPerYear, runs, seed);
        final TradeResampling.Outcomes shuffle = TradeResampling.run(TradeResampling.Method.SHUFFLE,
            figures.initialEquity(), trades, tradesPerYear, runs, seed);
        final long resampleNanos = System.nanoTime() - resampleStart;
        TradeResampling.Outcomes costs = null;
        if (costRuns > 0)
        {
            final List<BacktestReport> perturbed = prepared.batch().run(CostPerturbation.jobs(prepared.base(),
                prepared.data().all(), costRuns, seed, costSpread), progress("monte-carlo costs"));
            costs = new TradeResampling.Outcomes(
                perturbed.stream().mapToDouble(r -> r.totalReturn() == null ? Double.NaN : r.totalReturn()).toArray(),
                perturbed.stream().mapToDouble(r -> r.sharpe() == null ? Double.NaN : r.sharpe()).toArray(),
                perturbed.stream().mapToDouble(BacktestReport::maxDrawdownFraction).toArray());
        }
        final long tookNanos = System.nanoTime() - startNanos;
        final MonteCarloResult result = new MonteCarloResult(runs, seed, trades.length, ruinDrawdown, bootstrap,
            shuffle, costs);
        final String data = prepared.session().source().describe();
        final Path json = outputFile(JSON_FILE);
        final Path html = outputFile(HTML_FILE);
        write(json, MonteCarloOutputs.json(result, prepared.strategy(), data));
        MonteCarloOutputs.html(result, prepared.strategy(), data, html);
        final PrintWriter out = spec().commandLine().getOut();
        out.printf("monte-carlo   %s on %s: %,d trades (equity changes between fills), %,d runs per method, seed %d; " +
            "resampling took %.3f s, %,d cost runs on %d workers, %.1f s in all%n", prepared.strategy(), data,
            trades.length, runs, seed, resampleNanos / 1e9, costRuns, workers, tookNanos / 1e9);
        out.printf("original      final return %s, Sharpe (period %s) %s, max drawdown %s%n%n",
            percent(report.totalReturn()), period, number(report.sharpe()), percent(report.maxDrawdownFraction()));
        out.print(MonteCarloOutputs.text(result));
        out.println("Sharpe: per trade, annualised by trades per year for the resampled sequences; from " + period +
            " returns for the cost runs.");
        out.println("report        " + json);
        out.println("html          " + html);
        out.flush();
        return 0;
    }

    private static String percent(final Double fraction)
    {
        return fraction == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f %%", fraction * 100);
    }

    private static String number(final Double value)
    {
        return value == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
