package io.ringwall.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ringwall replay}: re-runs a session's logic on its journal "in" and compares with journal "out".
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Replay journal \"in\" through the same business logic (built from the session manifest) and " +
        "compare what it produces with journal \"out\", byte for byte.",
        "Prints 'identical: N events' or the first divergence (sequence, frame type, field). Exit status 0 only " +
        "when identical, 1 on a divergence, 2 when the journal cannot be read."})
final class ReplayCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "The session's journal directory.")
    private Path journal;

    @Option(names = "--verify", description = "Compare with journal \"out\" (the only mode so far; on by default).",
        defaultValue = "true")
    private boolean verify;

    @Override
    public Integer call()
    {
        final ReplayVerifier.Result result = new ReplayVerifier().verify(journal);
        spec.commandLine().getOut().println(result.format());
        return result.identical() ? 0 : 1;
    }
}
