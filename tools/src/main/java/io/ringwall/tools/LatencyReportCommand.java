package io.ringwall.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.ringwall.engine.metrics.LatencyIntervalLogger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ringwall latency-report}: per-stage latency percentiles from an engine run's latency log.
 */
@Command(name = "latency-report", mixinStandardHelpOptions = true,
    description = {"Print per-stage latency percentiles (us) from the HdrHistogram log an engine run writes to " +
        "<journal>/" + LatencyIntervalLogger.FILE_NAME + ": ingress-journaled, journaled-logic, logic, " +
        "logic-outbound, outbound-gateway, venue-ack, venue-fill, tick-to-order.",
        "Exit status 2, with one line saying what to do, when the log is missing, empty or corrupt."})
final class LatencyReportCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Source source;

    @Option(names = "--from", paramLabel = "SECONDS", description = "Only intervals starting at or after this many " +
        "seconds since the log start (default: 0).")
    private double from;

    @Option(names = "--to", paramLabel = "SECONDS", description = "Only intervals starting before this many " +
        "seconds since the log start (default: the end).")
    private double to = Double.POSITIVE_INFINITY;

    @Option(names = "--plot", paramLabel = "FILE.svg|FILE.png", description = "Also write the percentile " +
        "distribution plot, one line per stage, percentiles on a log axis (90%, 99%, 99.9%...).")
    private Path plot;

    @Option(names = "--compare", paramLabel = "BASELINE_LOG", description = "Print, per stage and percentile, " +
        "this baseline log's figure (before), this run's (after) and the change in percent.")
    private Path compare;

    static final class Source
    {
        @Option(names = "--log", paramLabel = "FILE", required = true, description = "The latency log.")
        Path log;

        @Option(names = "--journal", paramLabel = "DIR", required = true,
            description = "A session's journal directory: reads DIR/" + LatencyIntervalLogger.FILE_NAME + ".")
        Path journal;

        Path file()
        {
            return log != null ? log : journal.resolve(LatencyIntervalLogger.FILE_NAME);
        }
    }

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final LatencyLog log = LatencyLog.read(source.file(), from, to);
        if (compare != null)
        {
            out.print(LatencyReport.compare(LatencyLog.read(compare, from, to), log));
        }
        else
        {
            out.print(LatencyReport.table(log));
        }
        if (plot != null)
        {
            LatencyPlot.write(log.stages(), "Ringwall latency by stage: " + source.file(), plot);
            out.println("plot          " + plot);
        }
        out.flush();
        return 0;
    }
}
