package io.ringwall.tools.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.ringwall.journal.JournalCycles;

/**
 * Which files of a session directory an archive holds: the cycle files of journals "in" and "out", the snapshots,
 * the session manifest and the reference data. Left out: the queues' {@code metadata.cq4t} (Chronicle rebuilds it
 * from the cycle files), the state view (rebuilt on resume), {@code session.lock}, logs and the audit cache.
 */
final class SessionFiles
{
    static final List<String> JOURNALS = List.of("in", "out");
    static final List<String> SESSION_FILES = List.of("manifest.properties", "reference-data.cm3");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-\\d{20}\\.rwsnap");

    /** A cycle file of a journal. */
    record Cycle(String journal, int cycle, Path file)
    {
        String path()
        {
            return journal + "/" + file.getFileName();
        }
    }

    private SessionFiles()
    {
    }

    /**
     * @return the session's real path: what an archive records as its session, links resolved, so a link that is
     *         moved to another session (var/latest) never mixes two sessions in one archive.
     */
    static String identity(final Path session)
    {
        try
        {
            return session.toRealPath().toString();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot resolve " + session.toAbsolutePath(), ex);
        }
    }

    /** @return the cycle files of {@code journal} ("in" or "out"), oldest first. */
    static List<Cycle> cycles(final Path session, final String journal)
    {
        final List<Cycle> cycles = new ArrayList<>();
        final Path dir = session.resolve(journal);
        if (!Files.isDirectory(dir))
        {
            return cycles;
        }
        try (Stream<Path> files = Files.list(dir))
        {
            files.forEach(file ->
            {
                final OptionalInt cycle = JournalCycles.cycleOf(file.getFileName().toString());
                if (cycle.isPresent() && Files.isRegularFile(file))
                {
                    cycles.add(new Cycle(journal, cycle.getAsInt(), file));
                }
            });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + dir.toAbsolutePath(), ex);
        }
        cycles.sort((a, b) -> Integer.compare(a.cycle(), b.cycle()));
        return cycles;
    }

    /** @return the snapshot files, by name. */
    static List<Path> snapshots(final Path session)
    {
        try (Stream<Path> files = Files.list(session))
        {
            return files.filter(f -> SNAPSHOT.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + session.toAbsolutePath(), ex);
        }
    }
}
