package io.ringwall.tools.archive;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringwall archive restore}. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Rebuild a session directory from an archive into a new, empty directory (never over a session), " +
        "checking every file against the manifest on the way. 'ringwall replay --journal NEW_SESSION_DIR --verify' " +
        "then replays it."})
final class ArchiveRestoreCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--archive", paramLabel = "ARCHIVE_DIR", required = true, description = "The archive directory.")
    private Path archive;

    @Option(names = "--to", paramLabel = "NEW_SESSION_DIR", required = true,
        description = "Where to rebuild the session (must not exist, or be empty).")
    private Path to;

    @Override
    public Integer call()
    {
        final ArchiveRestorer.Report report = new ArchiveRestorer().restore(archive, to);
        spec.commandLine().getOut().print(report.format());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
