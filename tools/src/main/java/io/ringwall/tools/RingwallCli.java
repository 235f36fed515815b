package io.ringwall.tools;

import io.ringwall.journal.ChronicleSettings;
import io.ringwall.journal.DiskFullException;
import io.ringwall.journal.SessionLockedException;
import io.ringwall.tools.archive.ArchiveCommand;
import io.ringwall.tools.audit.AuditCommand;
import io.ringwall.tools.cluster.ClusterBenchCommand;
import io.ringwall.tools.cluster.ClusterDrillCommand;
import io.ringwall.tools.cluster.ClusterGatewayCommand;
import io.ringwall.tools.cluster.ClusterNodeCommand;
import io.ringwall.tools.ctl.CtlCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ringwall}: every program of the project is a subcommand of this one launcher.
 */
@Command(name = "ringwall", mixinStandardHelpOptions = true, version = "ringwall 0.1.0",
    description = "Ringwall: a deterministic, journaled live-trading engine.",
    subcommands = {RunCommand.class, BacktestCommand.class, ReplayCommand.class, JournalCommand.class, AuditCommand.class, ArchiveCommand.class,
        RiskEventsCommand.class, ShadowReportCommand.class, LatencyReportCommand.class, ItchDumpCommand.class, StatusCommand.class, ReferenceDataCommand.class, CtlCommand.class, FixVenueCommand.class,
        TortureCommand.class, SoakCommand.class, ValidateCommand.class, ReadinessCommand.class,
        ClusterNodeCommand.class, ClusterGatewayCommand.class, ClusterDrillCommand.class, ClusterBenchCommand.class, CommandLine.HelpCommand.class})
public final class RingwallCli
{
    /** Exit status when trading halted on a failure or the input was unusable. */
    public static final int EXIT_FAILURE = 2;
    /** Exit status when the session directory is held by another process (nothing was touched). */
    public static final int EXIT_SESSION_LOCKED = 4;
    /** Exit status when the disk under the session is full: free space, then resume. */
    public static final int EXIT_DISK_FULL = 5;

    private RingwallCli()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(execute(System.out, System.err, args));
    }

    /**
     * Runs one command line; used by main and by tests.
     *
     * @return the exit status.
     */
    public static int execute(final java.io.PrintStream out, final java.io.PrintStream err, final String... args)
    {
        ChronicleSettings.apply();
        final CommandLine commandLine = new CommandLine(RingwallCli.class);
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) ->
        {
            cmd.getErr().println("ringwall " + cmd.getCommandName() + ": " + ex.getMessage());
            return exitCodeOf(ex);
        });
        return commandLine.execute(args);
    }

    /** The documented exit status of a command that ended on {@code failure}. */
    static int exitCodeOf(final Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause())
        {
            if (cause instanceof SessionLockedException)
            {
                return EXIT_SESSION_LOCKED;
            }
            if (cause instanceof DiskFullException)
            {
                return EXIT_DISK_FULL;
            }
        }
        return EXIT_FAILURE;
    }
}
