package io.ringwall.tools.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.duckdb.DuckDBConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringwall audit export}: every table and view of the audit schema as one Parquet file each, for the data team.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write every audit table and view to DIR/<name>.parquet (decimals and UTC timestamps kept).")
final class AuditExportCommand implements Callable<Integer>
{
    /** The export formats. */
    enum Format
    {
        parquet
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", description = "The session's journal directory (required).")
    private Path journal;

    @Option(names = "--to", paramLabel = "DIR", required = true, description = "Where to write the files.")
    private Path to;

    @Option(names = "--format", description = "parquet (default: ${DEFAULT-VALUE}).")
    private Format format = Format.parquet;

    @Option(names = "--cache", paramLabel = "FILE", description = "The DuckDB cache file (default: DIR/audit/audit.duckdb).")
    private Path cache;

    @Override
    public Integer call() throws SQLException, IOException
    {
        final Path file = AuditCommand.prepare(spec, journal, cache);
        Files.createDirectories(to);
        final List<String> names = new ArrayList<>();
        AuditSchema.TABLES.forEach(table -> names.add(table.name()));
        AuditSchema.VIEWS.forEach(view -> names.add(view.name()));
        final PrintWriter out = spec.commandLine().getOut();
        try (DuckDBConnection connection = AuditDatabase.open(file, true); Statement statement = connection.createStatement())
        {
            for (final String name : names)
            {
                final Path target = to.resolve(name + "." + format);
                statement.execute("COPY (SELECT * FROM " + name + ") TO '" +
                    target.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet)");
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + name))
                {
                    count.next();
                    out.println(name + ": " + count.getLong(1) + " rows -> " + target);
                }
            }
        }
        out.flush();
        return 0;
    }
}
