package io.ringwall.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.ringwall.tools.backtest.BacktestAnalyzer;
import io.ringwall.tools.backtest.BacktestReport;
import io.ringwall.tools.backtest.ProgressListener;
import io.ringwall.tools.readiness.ReadinessAssessment;
import io.ringwall.tools.readiness.ReadinessGates;
import io.ringwall.tools.readiness.ReadinessInputs;
import io.ringwall.tools.readiness.ReadinessReport;
import io.ringwall.tools.readiness.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringwall readiness}: the deployment-readiness assessment from the validation reports and sessions. */
@Command(name = "readiness", mixinStandardHelpOptions = true,
    description = {"Check every deployment-readiness gate against the backtest, walk-forward and Monte Carlo reports " +
        "and the paper (and shadow) sessions, and print the assessment in the operators' template.",
        "Exit 0 DEPLOY, 1 DON'T DEPLOY, 2 NEEDS WORK (a missing input is NEEDS WORK, naming what to run). Also " +
            "writes an HTML report (--html)."})
final class ReadinessCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "GATES.yaml", description = "Gates overriding the bundled defaults " +
        "(tools/src/main/resources/" + ReadinessGates.DEFAULTS + ", which documents each).")
    Path config;

    @Option(names = "--backtest", paramLabel = "REPORT", description = "backtest-report.json of ringwall backtest.")
    Path backtest;

    @Option(names = "--walk-forward", paramLabel = "REPORT", description = "walk-forward.json of ringwall validate " +
        "walk-forward.")
    Path walkForward;

    @Option(names = "--monte-carlo", paramLabel = "REPORT", description = "monte-carlo.json of ringwall validate " +
        "monte-carlo.")
    Path monteCarlo;

    @Option(names = "--paper", paramLabel = "SESSION", description = "A paper session's journal directory (ringwall run).")
    Path paper;

    @Option(names = "--shadow", paramLabel = "SESSION", description = "A shadow session's directory; its figures are " +
        "read from SESSION/shadow-report.json (alignment, executionQuality), which 'ringwall shadow-report --journal " +
        "SESSION' writes for a 'run --shadow' session.")
    Path shadow;

    @Option(names = "--html", paramLabel = "FILE", description = "The HTML report (default: ${DEFAULT-VALUE}).")
    Path html = Path.of("var", "validation", "readiness.html");

    @Override
    public Integer call() throws IOException
    {
        final ReadinessGates gates = ReadinessGates.load(config);
        final BacktestReport paperFigures = paper == null || !Files.isDirectory(paper) ? null :
            new BacktestAnalyzer().analyze(paper, ProgressListener.NONE).report();
        final ReadinessInputs inputs = new ReadinessInputs(ReportFiles.json(backtest), ReportFiles.json(walkForward),
            ReportFiles.json(monteCarlo), paperFigures, paperFigures == null ? null : paper, ReportFiles.shadow(shadow));
        final ReadinessAssessment assessment = ReadinessAssessment.assess(gates, inputs);
        final String gatesName = config == null ? "bundled defaults (" + ReadinessGates.DEFAULTS + ")" : config.toString();
        spec.commandLine().getOut().print(ReadinessReport.text(assessment, inputs, gatesName));
        if (html.getParent() != null)
        {
            Files.createDirectories(html.getParent());
        }
        ReadinessReport.html(assessment, inputs, gatesName, html);
        spec.commandLine().getOut().println("html          " + html);
        spec.commandLine().getOut().flush();
        return assessment.recommendation().exitCode;
    }
}
