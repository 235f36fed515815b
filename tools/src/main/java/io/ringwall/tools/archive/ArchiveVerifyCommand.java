package io.ringwall.tools.archive;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringwall archive verify}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Decompress every archived file and check its size and SHA-256, and those of its compressed copy, " +
        "against the archive manifest. Names each file that fails and what to do. Exit 0 when all match, 1 when one " +
        "does not, 2 when there is no archive."})
final class ArchiveVerifyCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--archive", paramLabel = "ARCHIVE_DIR", required = true, description = "The archive directory.")
    private Path archive;

    @Override
    public Integer call()
    {
        final ArchiveVerifier.Result result = new ArchiveVerifier().verify(archive);
        spec.commandLine().getOut().println(result.format());
        return result.intact() ? 0 : 1;
    }
}
