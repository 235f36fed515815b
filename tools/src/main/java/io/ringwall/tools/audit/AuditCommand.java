package io.ringwall.tools.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;

import org.duckdb.DuckDBConnection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringwall audit}: SQL over a session's journals (embedded DuckDB), for auditors and post-mortems.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    subcommands = {AuditExportCommand.class, AuditBenchCommand.class},
    description = {"SQL over a session's journals: --sql runs one statement; without it, statements (each ended by " +
        "';') are read from stdin. The journals are decoded into a DuckDB cache (DIR/audit/audit.duckdb, or --cache) " +
        "loaded once and brought up to date when the journal grew; --schema prints the tables and views."})
public final class AuditCommand implements Callable<Integer>
{
    /** The stream interactive mode reads; tests replace System.in before running the command. */
    private final InputStream stdin = System.in;

    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", description = "The session's journal directory.")
    private Path journal;

    @Option(names = "--sql", paramLabel = "SQL", description = "The statement to run; without it, read statements from stdin.")
    private String sql;

    @Option(names = "--format", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    private ResultPrinter.Format format = ResultPrinter.Format.table;

    @Option(names = "--cache", paramLabel = "FILE", description = "The DuckDB cache file (default: DIR/audit/audit.duckdb).")
    private Path cache;

    @Option(names = "--schema", description = "Print the tables and views, with their columns, and exit.")
    private boolean schema;

    @Override
    public Integer call() throws SQLException
    {
        final PrintWriter out = spec.commandLine().getOut();
        if (schema)
        {
            out.print(AuditSchema.describe());
            out.flush();
            return 0;
        }
        final Path file = prepare(spec, journal, cache);
        try (DuckDBConnection connection = AuditDatabase.open(file, true))
        {
            if (sql != null)
            {
                run(connection, sql, out);
                return 0;
            }
            return interactive(connection, out, spec.commandLine().getErr());
        }
    }

    /**
     * Checks {@code --journal} and brings the cache up to date, saying on stderr what it loaded.
     *
     * @return the cache file.
     */
    static Path prepare(final CommandSpec spec, final Path journal, final Path cache) throws SQLException
    {
        requireJournal(spec, journal);
        final Path file = cache == null ? AuditDatabase.defaultCache(journal) : cache;
        final AuditDatabase.Refresh refresh = AuditDatabase.refresh(journal, file);
        if (refresh.records() > 0)
        {
            spec.commandLine().getErr().println("audit cache " + file + " " + refresh.describe());
        }
        return file;
    }

    /** {@code --journal} is not required by picocli: {@code --schema} needs none, and subcommands take their own. */
    static void requireJournal(final CommandSpec spec, final Path journal)
    {
        if (journal == null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--journal=DIR'");
        }
    }

    private void run(final DuckDBConnection connection, final String statementText, final PrintWriter out)
        throws SQLException
    {
        try (Statement statement = connection.createStatement())
        {
            if (statement.execute(statementText))
            {
                ResultPrinter.print(statement.getResultSet(), format, out);
            }
            else
            {
                out.println("ok");
                out.flush();
            }
        }
    }

    /** @return 0, or 2 when a statement failed (each failure is printed and the next statement runs). */
    private int interactive(final DuckDBConnection connection, final PrintWriter out, final PrintWriter err)
    {
        final boolean terminal = System.console() != null;
        int status = 0;
        final StringBuilder statement = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)))
        {
            prompt(terminal, err, statement);
            for (String line = lines.readLine(); line != null; line = lines.readLine())
            {
                statement.append(line).append('\n');
                for (int end = statementEnd(statement); end >= 0; end = statementEnd(statement))
                {
                    status |= runOne(connection, statement.substring(0, end), out, err);
                    statement.delete(0, end + 1);
                }
                prompt(terminal, err, statement);
            }
            if (!statement.toString().isBlank() && !statement.toString().strip().startsWith("--"))
            {
                status |= runOne(connection, statement.toString(), out, err);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read statements from stdin", ex);
        }
        return status;
    }

    /** @return the index of the first ';' outside quotes and comments, or -1. */
    static int statementEnd(final CharSequence text)
    {
        char quote = 0;
        boolean lineComment = false;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (lineComment)
            {
                lineComment = c != '\n';
            }
            else if (quote != 0)
            {
                quote = c == quote ? 0 : quote; // a doubled quote closes and reopens: same outcome
            }
            else if (c == '\'' || c == '"')
            {
                quote = c;
            }
            else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-')
            {
                lineComment = true;
            }
            else if (c == ';')
            {
                return i;
            }
        }
        return -1;
    }

    private int runOne(final DuckDBConnection connection, final String text, final PrintWriter out, final PrintWriter err)
    {
        try
        {
            run(connection, text, out);
            return 0;
        }
        catch (final SQLException ex)
        {
            err.println("error: " + ex.getMessage());
            err.flush();
            return 2;
        }
    }

    private static void prompt(final boolean terminal, final PrintWriter err, final StringBuilder statement)
    {
        if (terminal)
        {
            err.print(statement.length() == 0 ? "audit> " : "   ...> ");
            err.flush();
        }
    }
}
