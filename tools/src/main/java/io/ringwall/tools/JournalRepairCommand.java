package io.ringwall.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringwall journal repair}: the way out of a session whose journal failed its checks.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
    description = {"Copy the longest verified prefix of a damaged session into a new session directory (the source is " +
        "never edited, and is refused while an engine holds it), report what was dropped, and leave a session that " +
        "ringwall run --resume continues. Reconcile the new session with the venue before trading on it."})
final class JournalRepairCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "The damaged session's directory.")
    private Path journal;

    @Option(names = "--to", paramLabel = "NEWDIR", required = true,
        description = "The new session directory (must not exist, or be empty).")
    private Path to;

    @Override
    public Integer call()
    {
        final JournalRepair.Report report = new JournalRepair().repair(journal, to);
        spec.commandLine().getOut().print(report.format(journal, to));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
