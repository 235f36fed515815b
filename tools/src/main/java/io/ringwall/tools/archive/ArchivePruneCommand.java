package io.ringwall.tools.archive;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import io.ringwall.engine.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringwall archive prune}: the retention policy, run beside the engine, never inside it. */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = {"Delete the session's journal cycle files (one UTC day each) older than --keep-days, or the " +
        "configuration's retention.keep-days, but only those the archive holds sealed and verified and whose archived " +
        "copy checks out again now; never a journal's newest cycle, never an unarchived file, never past a cycle that " +
        "must stay. Prints what was deleted and what was kept and why. A pruned session is read again after " +
        "'ringwall archive restore'."})
final class ArchivePruneCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "The session directory.")
    private Path journal;

    @Option(names = "--archive", paramLabel = "ARCHIVE_DIR", required = true, description = "The session's archive.")
    private Path archive;

    @Option(names = "--keep-days", paramLabel = "N",
        description = "Days to keep (0 = for ever); default: retention.keep-days of the configuration.")
    private Integer keepDays;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = ConfigLoader.DEFAULT_LOCATION,
        description = "Configuration directory, for retention.keep-days (default: the embedded one).")
    private String config;

    @Option(names = "--env", defaultValue = "development", description = "development, staging or production.")
    private String environment;

    @Override
    public Integer call()
    {
        final int days = keepDays != null ? keepDays :
            ConfigLoader.load(config, environment, System.getenv()).retentionKeepDays();
        if (days < 0)
        {
            throw new IllegalArgumentException("--keep-days " + days + " refused: 0 (for ever) or more");
        }
        final RetentionPruner.Report report = new RetentionPruner().prune(journal, archive, days,
            LocalDate.now(ZoneOffset.UTC));
        spec.commandLine().getOut().print(report.format());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
