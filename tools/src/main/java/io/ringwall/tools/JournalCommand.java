package io.ringwall.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ringwall journal}: a journal's frames as text, one line each.
 */
@Command(name = "journal", mixinStandardHelpOptions = true, subcommands = JournalRepairCommand.class,
    description = {"Print a session's journal frames as text, one line each: journal, sequence, engine time, " +
        "frame type, fields. Prices carry 4 implied decimals, quantities 8."})
final class JournalCommand implements Callable<Integer>
{
    enum Which
    {
        in, out, both
    }

    @Spec
    private CommandSpec spec;

    // not required here: "journal repair" takes its own --journal
    @Option(names = "--journal", paramLabel = "DIR", description = "The session's journal directory (required).")
    private Path journal;

    @Option(names = "--which", description = "in, out or both (default: ${DEFAULT-VALUE}).")
    private Which which = Which.both;

    @Option(names = "--type", split = ",", paramLabel = "TYPE",
        description = "Only these frame types, e.g. NewOrder,OrderFilled (case-insensitive).")
    private List<String> types = List.of();

    @Option(names = "--from", description = "First sequence to print (default: 1).")
    private long from = 1;

    @Option(names = "--to", description = "Last sequence to print (default: the end).")
    private long to = Long.MAX_VALUE;

    @Option(names = "--limit", description = "Print at most this many lines per journal (default: no limit).")
    private long limit = Long.MAX_VALUE;

    @Override
    public Integer call()
    {
        if (journal == null)
        {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--journal=DIR'");
        }
        final FrameCatalog catalog = new FrameCatalog();
        final Set<Integer> templates = new HashSet<>();
        for (final String type : types)
        {
            final int id = catalog.templateIdOf(type);
            if (id < 0)
            {
                throw new IllegalArgumentException("--type " + type + " is not a frame type; types are " + catalog.names());
            }
            templates.add(id);
        }
        final PrintWriter out = spec.commandLine().getOut();
        try (JournalDirectory journals = JournalDirectory.openExisting(journal))
        {
            if (which != Which.out)
            {
                print("in", journals.inputReader(), catalog, templates, out);
            }
            if (which != Which.in)
            {
                print("out", journals.outputReader(), catalog, templates, out);
            }
        }
        out.flush();
        return 0;
    }

    private void print(final String name, final JournalReader reader, final FrameCatalog catalog,
        final Set<Integer> templates, final PrintWriter out)
    {
        final long[] printed = {0};
        try (reader)
        {
            reader.from(from).readAll((sequence, timeNs, frame, offset, length) ->
            {
                if (sequence <= to && printed[0] < limit &&
                    (templates.isEmpty() || templates.contains(catalog.templateId(frame, offset))))
                {
                    printed[0]++;
                    out.println(name + " " + sequence + " " + Instant.ofEpochSecond(0, timeNs) + " " +
                        catalog.describe(frame, offset, length));
                }
            });
        }
    }
}
