package io.ringwall.tools.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ringwall archive restore}: rebuilds a session directory from an archive, into a new directory only (never
 * over a session). Each file is decompressed with both SHA-256s checked against the manifest before it is renamed
 * into place; the first mismatch stops the restore, naming the file, and the partly restored directory is left for
 * inspection (it lacks files, so nothing will take it for whole). Chronicle rebuilds the queues' metadata from the
 * cycle files on first open.
 */
final class ArchiveRestorer
{
    /** What was restored, a line per journal and a count. */
    record Report(List<String> lines, int files)
    {
        String format()
        {
            return String.join("\n", lines) + "\nrestored: " + files + " file(s)\n";
        }
    }

    /**
     * @throws IllegalArgumentException when the target is not empty, or an archived file fails its checks.
     */
    Report restore(final Path archive, final Path target)
    {
        final ArchiveManifest manifest = ArchiveManifest.read(archive);
        refuseNonEmpty(target);
        final List<String> lines = new ArrayList<>();
        final List<ArchiveEntry> entries = manifest.entries();
        entries.sort(Comparator.comparing(ArchiveEntry::path));
        for (final ArchiveEntry entry : entries)
        {
            final String problem = restoreOne(archive, manifest.session(), entry, target);
            if (problem != null)
            {
                throw new IllegalArgumentException("restore stopped at " + problem + " The files restored before it are " +
                    "in " + target.toAbsolutePath() + "; delete that directory before restoring again.");
            }
        }
        for (final String journal : SessionFiles.JOURNALS)
        {
            final List<ArchiveEntry> cycles = entries.stream()
                .filter(e -> e.kind() == ArchiveEntry.Kind.CYCLE && e.journal().equals(journal)).toList();
            final long last = cycles.stream().mapToLong(ArchiveEntry::lastRecord).max().orElse(0);
            final boolean wholeTail = cycles.isEmpty() || !cycles.get(cycles.size() - 1).sealed();
            lines.add("journal \"" + journal + "\": " + cycles.size() + " cycle file(s), records 1.." + last +
                (wholeTail ? "" : " (the session was running when last archived: its newer records are not in the " +
                    "archive)"));
        }
        if (!Files.isRegularFile(target.resolve("manifest.properties")))
        {
            lines.add("note: the archive holds no session manifest; replay and resume need one");
        }
        return new Report(lines, entries.size());
    }

    private static String restoreOne(final Path archive, final String session, final ArchiveEntry entry, final Path target)
    {
        final Path copy = archive.resolve(entry.archivedName());
        final Path file = target.resolve(entry.path());
        try
        {
            if (!Files.isRegularFile(copy))
            {
                return ArchiveVerifier.problem(archive, session, entry);
            }
            final CompressedCopy.Digests found = CompressedCopy.inflate(copy, file);
            if (!found.sha256().equals(entry.sha256()) || found.size() != entry.size() ||
                !found.compressedSha256().equals(entry.archivedSha256()))
            {
                Files.deleteIfExists(file);
                return ArchiveVerifier.problem(archive, session, entry);
            }
            return null;
        }
        catch (final IOException ex)
        {
            return copy.toAbsolutePath() + " (" + entry.path() + "): " + ex.getMessage() + ". " +
                "Check it with 'ringwall archive verify --archive " + archive + "'.";
        }
    }

    private static void refuseNonEmpty(final Path target)
    {
        if (!Files.exists(target))
        {
            return;
        }
        try (Stream<Path> files = Files.list(target))
        {
            if (files.findAny().isPresent())
            {
                throw new IllegalArgumentException("restore refused: " + target.toAbsolutePath() + " is not empty; " +
                    "restore into a new directory (a restore never writes over a session)");
            }
        }
        catch (final IOException ex)
        {
            throw CompressedCopy.failed("cannot read", target, ex);
        }
    }
}
