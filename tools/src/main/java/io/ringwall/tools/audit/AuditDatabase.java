package io.ringwall.tools.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.ringwall.engine.checkpoint.SnapshotFile;
import io.ringwall.engine.checkpoint.SnapshotStore;
import io.ringwall.journal.ChainPoint;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import io.ringwall.journal.RecordHandler;
import io.ringwall.tools.SessionSymbols;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The audit cache of one session: a DuckDB file holding the {@link AuditSchema} tables, loaded from the journals and
 * kept up to date.
 *
 * <p>It lives in {@code DIR/audit/audit.duckdb} unless told otherwise: a directory of its own that nothing of the
 * engine reads or writes, so a live engine beside it is not disturbed (the journals are only read, without a lock).
 * The table {@code audit_loaded} records the last record loaded of each journal and its chained checksum. A refresh
 * compares them with the journals' ends: equal means unchanged (the checksum chains every record before it); longer
 * journals are loaded from where the cache stopped, after checking that the record it stopped at still carries the
 * same checksum; a journal that shrank or changed, or a cache of another format, is rebuilt from scratch, never
 * trusted. A load is one transaction: a corrupt record fails it (the journal's message) and leaves the cache as it
 * was.
 */
public final class AuditDatabase
{
    private static final String LOADED = "audit_loaded";

    /** What a refresh did. */
    public record Refresh(String how, long records, long loadNs, ChainPoint in, ChainPoint out)
    {
        /** @return e.g. "loaded 1200 records (in 1..1000, out 1..200) in 0.4 s: 3000 records/s". */
        public String describe()
        {
            if (records == 0)
            {
                return how + ": journal in 1.." + in.sequence() + ", out 1.." + out.sequence();
            }
            final double seconds = loadNs / 1e9;
            return String.format("%s: loaded %d records (journal in 1..%d, out 1..%d) in %.2f s, %.0f records/s", how,
                records, in.sequence(), out.sequence(), seconds, records / Math.max(seconds, 1e-9));
        }
    }

    private record Loaded(ChainPoint in, ChainPoint out)
    {
    }

    /** The cache did not hold a prefix of the journal after all: rebuild. */
    private static final class JournalChanged extends RuntimeException
    {
        JournalChanged(final String why)
        {
            super(why, null, false, false);
        }
    }

    private AuditDatabase()
    {
    }

    /** @return where the cache of the session in {@code journalDir} lives by default. */
    public static Path defaultCache(final Path journalDir)
    {
        return journalDir.resolve("audit").resolve("audit.duckdb");
    }

    /**
     * Brings the cache of {@code journalDir} up to date.
     *
     * @throws io.ringwall.journal.JournalCorruptException when a record read fails its checks; the cache is unchanged.
     */
    public static Refresh refresh(final Path journalDir, final Path cache) throws SQLException
    {
        try (JournalDirectory journals = JournalDirectory.openExisting(journalDir))
        {
            createParent(cache);
            final ChainPoint inNow = journals.lastInputChainPoint();
            final ChainPoint outNow = journals.lastOutputChainPoint();
            final Loaded cached;
            try (DuckDBConnection connection = open(cache, false))
            {
                cached = loaded(connection);
            }
            if (cached != null && cached.in().equals(inNow) && cached.out().equals(outNow))
            {
                return new Refresh("cached", 0, 0, inNow, outNow);
            }
            // a journal that shrank is not the one the cache was loaded from
            final long start = System.nanoTime();
            if (cached != null && inNow.sequence() >= cached.in().sequence() &&
                outNow.sequence() >= cached.out().sequence())
            {
                try
                {
                    return load(journals, journalDir, cache, cached, "updated", start);
                }
                catch (final JournalChanged changed)
                {
                    // the record the cache stopped at is another: rebuild
                }
            }
            // built afresh in memory and written to the cache file only when complete (see load): the old cache, if
            // any, stays until then, and is replaced, never patched
            return load(journals, journalDir, cache, new Loaded(ChainPoint.NONE, ChainPoint.NONE),
                cached == null ? "built" : "rebuilt", start);
        }
    }

    /** @return a connection to the cache; read-only ones cannot change it, and several processes may hold one. */
    public static DuckDBConnection open(final Path cache, final boolean readOnly) throws SQLException
    {
        final Properties properties = new Properties();
        if (readOnly)
        {
            properties.setProperty("duckdb.read_only", "true");
        }
        return (DuckDBConnection)DriverManager.getConnection("jdbc:duckdb:" + cache.toAbsolutePath(), properties);
    }

    /** @return a fresh in-memory database holding the schema with no rows (for {@code --schema} checks and tests). */
    static DuckDBConnection emptySchema() throws SQLException
    {
        final DuckDBConnection connection = (DuckDBConnection)DriverManager.getConnection("jdbc:duckdb:");
        createSchema(connection);
        return connection;
    }

    private static Refresh load(final JournalDirectory journals, final Path journalDir, final Path cache,
        final Loaded from, final String how, final long start) throws SQLException
    {
        final Refresh refresh;
        // A build from scratch appends into an in-memory database and then copies it to the file in one bulk write:
        // appending straight into the file was about 3x slower (DuckDB compresses and writes each row group as it
        // fills, one chunk of 2048 rows at a time; measured on 2 M trade rows). An update (what the journal grew by) is
        // small and goes straight into the file.
        final boolean fresh = !from.in().isSet() && !from.out().isSet();
        try (DuckDBConnection connection = fresh ? inMemory(cache) : open(cache, false))
        {
            if (fresh)
            {
                createSchema(connection);
            }
            connection.setAutoCommit(false);
            try
            {
                final ChainPoint in;
                final ChainPoint out;
                final long records;
                final JournalLoader loader = new JournalLoader(connection);
                try (LoadPipeline pipeline = new LoadPipeline(loader))
                {
                    in = load(journals.inputReader(), "in", from.in(), pipeline.handler("in"));
                    out = load(journals.outputReader(), "out", from.out(), pipeline.handler("out"));
                    pipeline.finish();
                }
                records = loader.rows();
                loadSession(connection, journals, journalDir);
                try (PreparedStatement update = connection.prepareStatement("INSERT INTO " + LOADED +
                    " VALUES (?, ?, ?, ?, ?)"))
                {
                    connection.createStatement().execute("DELETE FROM " + LOADED);
                    update.setInt(1, AuditSchema.FORMAT);
                    update.setLong(2, in.sequence());
                    update.setInt(3, in.checksum());
                    update.setLong(4, out.sequence());
                    update.setInt(5, out.checksum());
                    update.execute();
                }
                connection.commit();
                if (fresh)
                {
                    writeFile(connection, cache);
                }
                refresh = new Refresh(how, records, 0, in, out);
            }
            catch (final SQLException | RuntimeException ex)
            {
                connection.rollback();
                throw ex;
            }
        }
        // closing writes the cache's checkpoint: part of the load
        return new Refresh(refresh.how(), refresh.records(), System.nanoTime() - start, refresh.in(), refresh.out());
    }

    /** @return the chain point of the last record loaded. */
    private static ChainPoint load(final JournalReader reader, final String journal, final ChainPoint from,
        final RecordHandler loader)
    {
        try (reader)
        {
            reader.from(Math.max(1, from.sequence())).readAll((sequence, timeNs, frame, offset, length) ->
            {
                if (sequence == from.sequence())
                {
                    if (reader.chainPoint().checksum() != from.checksum())
                    {
                        throw new JournalChanged("journal \"" + journal + "\" record " + sequence + " changed");
                    }
                    return;
                }
                loader.onRecord(sequence, timeNs, frame, offset, length);
            });
            if (reader.lastSequence() < from.sequence())
            {
                throw new JournalChanged("journal \"" + journal + "\" ends before record " + from.sequence());
            }
            return reader.lastSequence() == 0 ? ChainPoint.NONE : reader.chainPoint();
        }
    }

    /** The tables that come from the session directory rather than the journals: reloaded whole. */
    private static void loadSession(final DuckDBConnection connection, final JournalDirectory journals,
        final Path journalDir) throws SQLException
    {
        try (Statement statement = connection.createStatement())
        {
            statement.execute("DELETE FROM instruments");
            statement.execute("DELETE FROM strategies");
            statement.execute("DELETE FROM snapshots");
        }
        final Map<String, String> manifest = journals.readManifest();
        try (DuckDBAppender instruments = connection.createAppender("instruments");
            DuckDBAppender strategies = connection.createAppender("strategies");
            DuckDBAppender snapshots = connection.createAppender("snapshots"))
        {
            final List<String> symbols = SessionSymbols.fromManifest(manifest).symbols();
            for (int id = 0; id < symbols.size(); id++)
            {
                instruments.beginRow().append(id).append(symbols.get(id)).endRow();
            }
            for (int id = 0; manifest.containsKey("logic.strategy." + id); id++)
            {
                strategies.beginRow().append(id).append(manifest.get("logic.strategy." + id)).endRow();
            }
            for (final SnapshotStore.Entry entry : new SnapshotStore(journalDir, 1).newestFirst())
            {
                appendSnapshot(snapshots, entry);
            }
        }
    }

    private static void appendSnapshot(final DuckDBAppender snapshots, final SnapshotStore.Entry entry)
        throws SQLException
    {
        String problem = null;
        long bytes = -1;
        long modifiedMs = 0;
        try
        {
            final byte[] file = Files.readAllBytes(entry.file());
            bytes = file.length;
            modifiedMs = Files.getLastModifiedTime(entry.file()).toMillis();
            SnapshotFile.read(file, entry.inputSequence());
        }
        catch (final IllegalArgumentException | IOException ex)
        {
            problem = ex.getMessage();
        }
        snapshots.beginRow().append(entry.inputSequence()).append(entry.file().getFileName().toString()).append(bytes)
            .appendEpochNanos(modifiedMs * 1_000_000L).append(problem == null).append(problem).endRow();
    }

    /**
     * An in-memory database for a build from scratch; it spills to a directory beside the cache when the session does
     * not fit in DuckDB's memory limit.
     */
    private static DuckDBConnection inMemory(final Path cache) throws SQLException
    {
        final DuckDBConnection connection = (DuckDBConnection)DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement())
        {
            statement.execute("SET temp_directory = " + literal(cache.toAbsolutePath() + ".spill"));
        }
        return connection;
    }

    /**
     * Copies the in-memory database of a build to a new file beside the cache, then renames it over the cache, so a
     * reader never sees a half-written cache and a failed build leaves the old one. Any write-ahead log of the old
     * cache goes first: it belongs to the old file and must never be replayed into the new one.
     */
    private static void writeFile(final DuckDBConnection connection, final Path cache) throws SQLException
    {
        final Path building = cache.resolveSibling(cache.getFileName() + ".building");
        delete(building);
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement())
        {
            final String source;
            try (ResultSet name = statement.executeQuery("SELECT current_database()"))
            {
                name.next();
                source = name.getString(1);
            }
            statement.execute("ATTACH " + literal(building.toAbsolutePath().toString()) + " AS audit_file");
            statement.execute("COPY FROM DATABASE \"" + source + "\" TO audit_file");
            statement.execute("DETACH audit_file"); // checkpoints: the file is whole, with no log beside it
        }
        try
        {
            delete(cache);
            Files.move(building, cache, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot move the new audit cache " + building + " to " + cache, ex);
        }
    }

    private static String literal(final String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void createSchema(final DuckDBConnection connection) throws SQLException
    {
        try (Statement statement = connection.createStatement())
        {
            for (final AuditSchema.Table table : AuditSchema.TABLES)
            {
                statement.execute(table.ddl());
            }
            for (final AuditSchema.View view : AuditSchema.VIEWS)
            {
                statement.execute(view.ddl());
            }
            statement.execute("CREATE TABLE " + LOADED + " (format INTEGER, in_sequence BIGINT, in_checksum INTEGER, " +
                "out_sequence BIGINT, out_checksum INTEGER)");
        }
    }

    /** @return what the cache holds, or null when it holds nothing usable (new, or of another format). */
    private static Loaded loaded(final DuckDBConnection connection)
    {
        try (Statement statement = connection.createStatement();
            ResultSet row = statement.executeQuery("SELECT format, in_sequence, in_checksum, out_sequence, out_checksum " +
                "FROM " + LOADED))
        {
            if (!row.next() || row.getInt(1) != AuditSchema.FORMAT)
            {
                return null;
            }
            return new Loaded(new ChainPoint(row.getLong(2), row.getInt(3)), new ChainPoint(row.getLong(4), row.getInt(5)));
        }
        catch (final SQLException ex)
        {
            return null; // no such table: a new (or foreign) file
        }
    }

    private static void createParent(final Path cache)
    {
        try
        {
            Files.createDirectories(cache.toAbsolutePath().getParent());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create the audit cache's directory for " + cache, ex);
        }
    }

    private static void delete(final Path cache)
    {
        try
        {
            Files.deleteIfExists(cache);
            Files.deleteIfExists(cache.resolveSibling(cache.getFileName() + ".wal"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete the stale audit cache " + cache, ex);
        }
    }
}
