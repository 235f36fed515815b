package io.ringwall.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    description = {"Print the risk rejects, breaker state changes, operator command results and invalid " +
        "transitions of a session's journal \"out\", in output order: time (UTC), output sequence, the input that " +
        "caused it, and why, with the limit and the figure that hit it in their unit. Changes made by an operator " +
        "name who and why. The venue's rejects (journal \"in\": refused orders, and cancels refused as messages) " +
        "and what an exchange feed said (a gap or silence, an instrument halted or resumed) come in their input's " +
        "place, before the outputs it caused.",
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
            final List<RiskEventLog.InputEvent> venueRejects = new ArrayList<>();
            try (JournalReader in = journals.inputReader())
            {
                commands = RiskEventLog.operatorCommands(in, venueRejects);
            }
            final RiskEventLog log = new RiskEventLog(SessionSymbols.fromManifest(journals.readManifest()), commands,
                venueRejects);
            // Venue rejects go before the first output their input or a later one caused; with --from, only those
            // from the first printed output's cause on, and with --to, none after the last printed output.
            final int[] nextReject = {0};
            final long[] firstCause = {from <= 1 ? Long.MIN_VALUE : -1};
            try (JournalReader outputs = journals.outputReader())
            {
                outputs.from(from).readAll((sequence, timeNs, frame, offset, length) ->
                {
                    if (sequence > to)
                    {
                        return;
                    }
                    final long cause = log.causeSequence(frame, offset);
                    if (firstCause[0] == -1 && cause >= 0)
                    {
                        firstCause[0] = cause;
                    }
                    while (cause >= 0 && nextReject[0] < venueRejects.size() &&
                        venueRejects.get(nextReject[0]).sequence() <= cause)
                    {
                        printReject(out, log, venueRejects.get(nextReject[0]++), firstCause[0]);
                    }
                    final String line = log.describe(sequence, timeNs, frame, offset);
                    if (line != null)
                    {
                        out.println(line);
                    }
                });
            }
            while (to == Long.MAX_VALUE && nextReject[0] < venueRejects.size())
            {
                printReject(out, log, venueRejects.get(nextReject[0]++), firstCause[0]);
            }
            out.println(log.summary());
        }
        out.flush();
        return 0;
    }

    private static void printReject(final PrintWriter out, final RiskEventLog log,
        final RiskEventLog.InputEvent reject, final long firstCause)
    {
        if (firstCause != -1 && reject.sequence() >= firstCause)
        {
            out.println(log.inputEvent(reject));
        }
    }
}
