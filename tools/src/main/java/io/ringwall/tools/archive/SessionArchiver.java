package io.ringwall.tools.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.SessionLock;

/**
 * {@code ringwall archive}: compresses a session's closed journal cycles, its snapshots, manifest and reference data
 * into an archive directory with a manifest of checksums ({@link ArchiveManifest}).
 *
 * <p>A cycle is closed when the journal has rolled past it (a later cycle file exists: Chronicle never writes an
 * older cycle again) or when no process holds the session ({@code session.lock}): then even the last cycle is
 * archived, but as unsealed, since a {@code --resume} would append to it; it is archived again when it changed and
 * never pruned. Every compressed copy is read back and compared with the original before the manifest names it.
 * Runs again on the same archive only copy what is new or changed; a copy that no longer matches its manifest
 * entry is written afresh from the session while the session still holds the file.
 */
final class SessionArchiver
{
    /** What one run did, a line per file, in order. */
    record Report(List<String> lines, int archived, int unchanged, int skipped)
    {
        String format()
        {
            return String.join("\n", lines) + "\narchive: " + archived + " file(s) archived, " + unchanged +
                " unchanged, " + skipped + " not archived\n";
        }
    }

    private final List<String> lines = new ArrayList<>();
    private final List<Path> superseded = new ArrayList<>();
    private int archived;
    private int unchanged;
    private int skipped;

    /**
     * @throws IllegalArgumentException when {@code session} holds no journal, or {@code archive} holds another
     *                                  session's archive.
     * @throws io.ringwall.journal.JournalCorruptException when a journal record fails its checks (nothing archived).
     */
    Report archive(final Path session, final Path archive)
    {
        JournalDirectory.openExisting(session).close(); // refuses a directory without a session, in its own words
        final ArchiveManifest manifest = ArchiveManifest.readOrEmpty(archive);
        final String source = SessionFiles.identity(session);
        if (!manifest.session().isEmpty() && !manifest.session().equals(source))
        {
            throw new IllegalArgumentException("archive " + archive.toAbsolutePath() + " holds session " +
                manifest.session() + ", not " + source + ": give each session its own --to directory");
        }
        manifest.session(source);
        final String holder = SessionLock.holderOf(session);
        final CycleRanges ranges = CycleRanges.read(session);
        try
        {
            for (final String journal : SessionFiles.JOURNALS)
            {
                archiveCycles(session, archive, manifest, ranges, journal, holder);
            }
            for (final Path snapshot : SessionFiles.snapshots(session))
            {
                archiveFile(archive, manifest, snapshot, snapshot.getFileName().toString(), ArchiveEntry.Kind.SNAPSHOT,
                    -1, true, CycleRanges.Range.EMPTY);
            }
            for (final String name : SessionFiles.SESSION_FILES)
            {
                final Path file = session.resolve(name);
                if (Files.isRegularFile(file))
                {
                    archiveFile(archive, manifest, file, name, ArchiveEntry.Kind.SESSION_FILE, -1, false,
                        CycleRanges.Range.EMPTY);
                }
            }
        }
        catch (final IOException ex)
        {
            throw CompressedCopy.failed("cannot archive into", archive, ex);
        }
        manifest.write(archive);
        deleteSuperseded();
        return new Report(List.copyOf(lines), archived, unchanged, skipped);
    }

    private void archiveCycles(final Path session, final Path archive, final ArchiveManifest manifest,
        final CycleRanges ranges, final String journal, final String holder) throws IOException
    {
        final List<SessionFiles.Cycle> cycles = SessionFiles.cycles(session, journal);
        final int newest = cycles.isEmpty() ? Integer.MIN_VALUE : cycles.get(cycles.size() - 1).cycle();
        for (final SessionFiles.Cycle cycle : cycles)
        {
            final boolean rolledPast = cycle.cycle() < newest;
            if (!rolledPast && holder != null)
            {
                skipped++;
                lines.add("kept back " + cycle.path() + ": the cycle being written (the session is running, pid " +
                    holder + "); it is archived once the journal rolls past it or the session stops");
                continue;
            }
            archiveFile(archive, manifest, cycle.file(), cycle.path(), ArchiveEntry.Kind.CYCLE, cycle.cycle(), rolledPast,
                ranges.of(journal, cycle.cycle()));
        }
    }

    private void archiveFile(final Path archive, final ArchiveManifest manifest, final Path file, final String path,
        final ArchiveEntry.Kind kind, final int cycle, final boolean sealed, final CycleRanges.Range range)
        throws IOException
    {
        final ArchiveEntry before = manifest.entry(path);
        if (before != null && matches(archive, before, file))
        {
            if (sealed && !before.sealed())
            {
                manifest.put(withSealed(before)); // the journal rolled past it since: it can no longer change
            }
            unchanged++;
            return;
        }
        final Path partial = archive.resolve(path + ".partial.gz");
        final CompressedCopy.Digests digests = CompressedCopy.compress(file, partial);
        final String archivedName = path + "." + digests.sha256().substring(0, 16) + ".gz";
        Files.move(partial, archive.resolve(archivedName), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        final CompressedCopy.Digests readBack = CompressedCopy.inflate(archive.resolve(archivedName), null);
        if (!readBack.equals(digests))
        {
            throw new IOException("the compressed copy " + archivedName + " does not read back as " + path +
                " (disk or file system fault?); nothing of this run is in the manifest: run the archive again");
        }
        manifest.put(new ArchiveEntry(path, kind, cycle, sealed, digests.size(), digests.sha256(), archivedName,
            digests.compressedSize(), digests.compressedSha256(), range.first(), range.last(), range.lastChecksum(),
            Instant.now().toString()));
        if (before != null && !before.archivedName().equals(archivedName))
        {
            if (before.sealed())
            {
                lines.add("note: " + path + " had changed although it was sealed; its earlier copy " +
                    before.archivedName() + " is kept in the archive for a post-mortem");
            }
            else
            {
                superseded.add(archive.resolve(before.archivedName()));
            }
        }
        archived++;
        lines.add((before == null ? "archived " : "archived again (changed since) ") + path +
            (kind == ArchiveEntry.Kind.CYCLE ? (sealed ? " (rolled past" : " (last cycle, session stopped") +
                (range.first() == 0 ? ", no records)" : ", records " + range.first() + ".." + range.last() + ")") : "") +
            ": " + digests.size() + " -> " + digests.compressedSize() + " bytes, sha256 " + digests.sha256());
    }

    /** @return whether the session's file is still what {@code entry} archived and the archived copy is intact. */
    private static boolean matches(final Path archive, final ArchiveEntry entry, final Path file) throws IOException
    {
        final Path copy = archive.resolve(entry.archivedName());
        if (!Files.isRegularFile(copy) || Files.size(file) != entry.size())
        {
            return false;
        }
        return CompressedCopy.digest(copy).sha256().equals(entry.archivedSha256()) &&
            CompressedCopy.digest(file).sha256().equals(entry.sha256());
    }

    private static ArchiveEntry withSealed(final ArchiveEntry e)
    {
        return new ArchiveEntry(e.path(), e.kind(), e.cycle(), true, e.size(), e.sha256(), e.archivedName(),
            e.archivedSize(), e.archivedSha256(), e.firstRecord(), e.lastRecord(), e.lastChecksum(), e.verifiedAt());
    }

    /**
     * Older copies of files that grew (the last cycle of a session that resumed, its manifest), once the manifest
     * naming their replacements, each read back and matched, is on disk.
     */
    private void deleteSuperseded()
    {
        for (final Path old : superseded)
        {
            try
            {
                Files.deleteIfExists(old);
                lines.add("removed the superseded copy " + old.getFileName());
            }
            catch (final IOException ex)
            {
                lines.add("could not remove the superseded copy " + old + " (" + ex.getMessage() + "); it is unused");
            }
        }
    }
}
