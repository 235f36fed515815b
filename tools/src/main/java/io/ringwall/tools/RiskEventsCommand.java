package io.ringwall.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ringwall risk-events}: why orders were refused and breakers moved, for a post-mortem.
 */
@Command(name = "risk-events", mixinStandardHelpOptions = true,
    description = {"Print the risk rejects, breaker state changes and operator command results of a session's " +
        "journal \"out\", in output order: time (UTC), output sequence, the input that caused it, and why, with " +
        "the limit and the figure that hit it in their unit. Changes made by an operator name who and why.",
        "The last line counts the events per reason, breaker and command. Exit status 2 when the journal is " +
        "missing or corrupt."})
final class RiskEventsCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "The session's journal directory.")
    private Path journal;

    @Option(names = "--from", paramLabel = "SEQ", description = "First output sequence to print (default: 1).")
    private long from = 1;

    @Option(names = "--to", paramLabel = "SEQ", description = "Last output sequence to print (default: the end).")
    private long to = Long.MAX_VALUE;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        try (JournalDirectory journals = JournalDirectory.openExisting(journal))
        {
            final Map<Long, RiskEventLog.OperatorNote> commands;
            try (JournalReader in = journals.inputReader())
            {
                commands = RiskEventLog.operatorCommands(in);
            }
            final RiskEventLog log = new RiskEventLog(SessionSymbols.fromManifest(journals.readManifest()), commands);
            try (JournalReader outputs = journals.outputReader())
            {
                outputs.from(from).readAll((sequence, timeNs, frame, offset, length) ->
                {
                    final String line = sequence <= to ? log.describe(sequence, timeNs, frame, offset) : null;
                    if (line != null)
                    {
                        out.println(line);
                    }
                });
            }
            out.println(log.summary());
        }
        out.flush();
        return 0;
    }
}
