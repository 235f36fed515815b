package io.ringwall.tools.archive;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ringwall archive}: compresses a session's closed journal cycles and snapshots into an archive directory
 * with a manifest of checksums; its subcommands verify, restore and prune.
 */
@Command(name = "archive", mixinStandardHelpOptions = true,
    subcommands = {ArchiveVerifyCommand.class, ArchiveRestoreCommand.class, ArchivePruneCommand.class},
    description = {"Compress a session's closed journal cycles (the journal rolled past them, or the session is not " +
        "running), its snapshots, manifest and reference data into ARCHIVE_DIR, with a manifest of SHA-256 checksums " +
        "of every original and compressed file, the cycle and each cycle's first and last record and chain point. " +
        "Each copy is read back before the manifest names it. Run it again to add what is new; unchanged files are " +
        "not copied again."})
public final class ArchiveCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    /** Not required by picocli: the subcommands take their own options. */
    @Option(names = "--journal", paramLabel = "DIR", description = "The session directory.")
    private Path journal;

    @Option(names = "--to", paramLabel = "ARCHIVE_DIR", description = "The session's archive directory (created).")
    private Path to;

    @Override
    public Integer call()
    {
        if (journal == null || to == null)
        {
            throw new ParameterException(spec.commandLine(), "archive needs --journal DIR and --to ARCHIVE_DIR " +
                "(or a subcommand: verify, restore, prune)");
        }
        final SessionArchiver.Report report = new SessionArchiver().archive(journal, to);
        spec.commandLine().getOut().print(report.format());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
