package io.ringwall.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.tools.validation.Sensitivity;
import io.ringwall.tools.validation.SensitivityOutputs;
import io.ringwall.tools.validation.StrategyGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ringwall validate sensitivity}: the metric surface around chosen parameters, and its cliffs. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
    description = {"Backtest a grid around the chosen parameters on the whole data; print the Sharpe surface and flag " +
        "cliffs: a neighbouring point (one value along one axis) whose Sharpe is lower by more than --cliff of the " +
        "point's.", "Writes sensitivity.json and sensitivity.html to --out. Data and configuration options as for run."})
final class SensitivityCommand extends ValidationCommand
{
    static final String JSON_FILE = "sensitivity.json";
    static final String HTML_FILE = "sensitivity.html";

    @Option(names = "--grid", paramLabel = "PARAM=A,B,C", required = true, description = "A parameter of --strategy " +
        "and the values around the chosen one, repeatable.")
    List<String> grid = new ArrayList<>();

    @Option(names = "--cliff", description = "Share of a point's Sharpe a neighbour may lose before it is a cliff " +
        "(default: ${DEFAULT-VALUE}).")
    double cliff = 0.5;

    @Override
    public Integer call() throws IOException
    {
        if (!(cliff > 0))
        {
            throw new IllegalArgumentException("--cliff " + cliff + " is not positive");
        }
        final Prepared prepared = prepareValidation();
        final StrategyGrid strategyGrid = StrategyGrid.parse(prepared.strategy(), grid);
        final long startNanos = System.nanoTime();
        final Sensitivity.Result result = Sensitivity.run(prepared.data().all(), prepared.base(), strategyGrid, cliff,
            prepared.batch(), progress("sensitivity"));
        final long tookNanos = System.nanoTime() - startNanos;
        final String data = prepared.session().source().describe();
        final Path json = outputFile(JSON_FILE);
        final Path html = outputFile(HTML_FILE);
        write(json, SensitivityOutputs.json(result, prepared.strategy(), data));
        SensitivityOutputs.html(result, prepared.strategy(), data, html);
        final PrintWriter out = spec().commandLine().getOut();
        out.printf("sensitivity   %s on %s: %d points on %d workers in %.1f s%n%n", prepared.strategy(), data,
            strategyGrid.size(), workers, tookNanos / 1e9);
        out.print(SensitivityOutputs.text(result));
        out.println("report        " + json);
        out.println("html          " + html);
        out.flush();
        return 0;
    }
}
