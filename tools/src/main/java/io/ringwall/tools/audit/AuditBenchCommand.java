package io.ringwall.tools.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;

import org.duckdb.DuckDBConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringwall audit bench}: how long a GROUP BY over a session takes cold (cache built from the journals, load
 * included) and cached, and the load rate. A measurement, not a test: it judges nothing.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Time a GROUP BY over a session: cold (a fresh cache: journal decoded and loaded, then the query) " +
        "and cached (the cache checked against the journal, then the query); print the load rate.")
final class AuditBenchCommand implements Callable<Integer>
{
    static final String DEFAULT_SQL = "SELECT instrument_id, date_trunc('minute', time) AS minute, count(*) AS trades, " +
        "sum(quantity) AS volume, CAST(sum(price * quantity) / sum(quantity) AS DECIMAL(18,4)) AS vwap " +
        "FROM trades GROUP BY ALL ORDER BY ALL";

    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", description = "The session's journal directory (required).")
    private Path journal;

    @Option(names = "--sql", paramLabel = "SQL", description = "The query (default: trades per instrument and minute " +
        "with volume and VWAP).")
    private String sql = DEFAULT_SQL;

    @Option(names = "--cached-runs", description = "Cached runs (default: ${DEFAULT-VALUE}); each is reported.")
    private int cachedRuns = 3;

    @Override
    public Integer call() throws SQLException, IOException
    {
        AuditCommand.requireJournal(spec, journal);
        final PrintWriter out = spec.commandLine().getOut();
        // on a shared machine the wall-clock figures include waiting for a CPU: the CPU time and load average say how much
        final double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        final Path dir = Files.createTempDirectory("ringwall-audit-bench");
        final Path cache = dir.resolve("bench.duckdb");
        try
        {
            final long coldStart = System.nanoTime();
            final long coldCpu = cpuNs();
            final AuditDatabase.Refresh load = AuditDatabase.refresh(journal, cache);
            final long queryStart = System.nanoTime();
            final long groups = query(cache);
            final long queryNs = System.nanoTime() - queryStart;
            final long coldNs = System.nanoTime() - coldStart;
            final double loadS = load.loadNs() / 1e9;
            out.printf("journal: in %d records, out %d records; %d CPUs, load average %.1f at the start%n",
                load.in().sequence(), load.out().sequence(), Runtime.getRuntime().availableProcessors(), loadAverage);
            // start: opening the journals and the first DuckDB connection (which unpacks DuckDB's native library)
            out.printf("cold:   %.2f s, %.2f s CPU (start %.2f s; load %.2f s, %d records, %.0f records/s; query %.2f s, " +
                "%d rows)%n", coldNs / 1e9, (cpuNs() - coldCpu) / 1e9, (coldNs - load.loadNs() - queryNs) / 1e9, loadS,
                load.records(), load.records() / Math.max(loadS, 1e-9), queryNs / 1e9, groups);
            for (int run = 1; run <= cachedRuns; run++)
            {
                final long start = System.nanoTime();
                final long cpu = cpuNs();
                final AuditDatabase.Refresh check = AuditDatabase.refresh(journal, cache);
                query(cache);
                out.printf("cached: %.2f s, %.2f s CPU (%s)%n", (System.nanoTime() - start) / 1e9, (cpuNs() - cpu) / 1e9,
                    check.how());
            }
            out.printf("cache file: %d MB%n", Files.size(cache) >> 20);
        }
        finally
        {
            Files.deleteIfExists(cache);
            Files.deleteIfExists(cache.resolveSibling("bench.duckdb.wal"));
            Files.deleteIfExists(dir);
        }
        out.flush();
        return 0;
    }

    /** @return this process's CPU time (every thread, DuckDB's native ones too), or 0 when the JVM cannot tell. */
    private static long cpuNs()
    {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ?
            os.getProcessCpuTime() : 0;
    }

    /** @return the rows of the answer, all read. */
    private long query(final Path cache) throws SQLException
    {
        try (DuckDBConnection connection = AuditDatabase.open(cache, true); Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery(sql))
        {
            long count = 0;
            while (rows.next())
            {
                count++;
            }
            return count;
        }
    }
}
