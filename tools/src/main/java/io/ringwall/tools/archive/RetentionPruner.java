package io.ringwall.tools.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.journal.JournalCycles;
import io.ringwall.journal.PrunedPrefix;

/**
 * {@code ringwall archive prune}: deletes a session's journal cycle files older than {@code retention.keep-days}, but
 * only those the archive holds, sealed (the journal rolled past them) and verified, whose archived copy decompresses
 * again, now, to exactly the file about to be deleted. Never the newest cycle of a journal (the one being written, or
 * the one a resume appends to), never a file the archive lacks, and only from the oldest cycle forward: the first
 * cycle that must stay keeps every later one, so a journal never gets a hole. Snapshots are left to
 * {@code checkpoint.retain}.
 *
 * <p>It runs as its own command, never inside the engine (the logic thread does no file IO, and a prune must not
 * slow a session's start). Deleting only cycles Chronicle has rolled past is safe beside a running engine. Before
 * the first deletion it writes {@code DIR/pruned.properties} ({@link PrunedPrefix}), so readers of the pruned session
 * say that it was pruned and how to restore it, rather than calling the journal corrupt.
 */
final class RetentionPruner
{
    /** What was deleted and kept, and why, a line per cycle file. */
    record Report(List<String> lines, int deleted, int kept)
    {
        String format()
        {
            return String.join("\n", lines) + "\nprune: " + deleted + " cycle file(s) deleted, " + kept + " kept\n";
        }
    }

    private final List<String> lines = new ArrayList<>();
    private int deleted;
    private int kept;

    /**
     * @param keepDays cycles of a day more than this many days before {@code today} may go; 0 keeps everything.
     * @param today    the current UTC day.
     */
    Report prune(final Path session, final Path archive, final int keepDays, final LocalDate today)
    {
        final ArchiveManifest manifest = ArchiveManifest.read(archive);
        final String source = SessionFiles.identity(session);
        if (!manifest.session().equals(source))
        {
            throw new IllegalArgumentException("prune refused: archive " + archive.toAbsolutePath() + " holds session " +
                manifest.session() + ", not " + source + "; nothing deleted");
        }
        if (keepDays <= 0)
        {
            lines.add("retention.keep-days is 0 (keep forever): nothing to delete");
            return new Report(lines, 0, 0);
        }
        final LocalDate oldestKept = today.minusDays(keepDays);
        final PrunedPrefix before = PrunedPrefix.read(session);
        final long[] firstKept = {before == null ? 0 : before.firstKept("in"), before == null ? 0 : before.firstKept("out")};
        final int[] checksums = {before == null ? 0 : before.prunedChecksum("in"), before == null ? 0 : before.prunedChecksum("out")};
        final List<SessionFiles.Cycle> doomed = new ArrayList<>();
        for (int j = 0; j < SessionFiles.JOURNALS.size(); j++)
        {
            final List<SessionFiles.Cycle> cycles = SessionFiles.cycles(session, SessionFiles.JOURNALS.get(j));
            boolean holding = false;
            for (int i = 0; i < cycles.size(); i++)
            {
                final SessionFiles.Cycle cycle = cycles.get(i);
                final String why = holding ? "an older cycle is kept, and deleting this one would leave a hole" :
                    reasonToKeep(archive, manifest, cycle, i == cycles.size() - 1, oldestKept);
                if (why != null)
                {
                    holding = true;
                    kept++;
                    lines.add("kept    " + cycle.path() + ": " + why);
                    continue;
                }
                final ArchiveEntry entry = manifest.entry(cycle.path());
                doomed.add(cycle);
                if (entry.lastRecord() > 0)
                {
                    firstKept[j] = entry.lastRecord() + 1;
                    checksums[j] = entry.lastChecksum();
                }
            }
        }
        if (!doomed.isEmpty())
        {
            new PrunedPrefix(archive.toAbsolutePath().normalize().toString(), firstKept[0], firstKept[1], checksums[0],
                checksums[1], Instant.now().toString()).write(session);
        }
        for (final SessionFiles.Cycle cycle : doomed)
        {
            try
            {
                Files.delete(cycle.file());
                deleted++;
                lines.add("deleted " + cycle.path() + " (" + JournalCycles.day(cycle.cycle()) + "): archived, sealed and " +
                    "its archived copy rechecked now");
            }
            catch (final IOException ex)
            {
                throw CompressedCopy.failed("cannot delete", cycle.file(), ex);
            }
        }
        return new Report(lines, deleted, kept);
    }

    /** @return why {@code cycle} must stay, or null when it may be deleted. */
    private static String reasonToKeep(final Path archive, final ArchiveManifest manifest, final SessionFiles.Cycle cycle,
        final boolean newest, final LocalDate oldestKept)
    {
        final LocalDate day = JournalCycles.day(cycle.cycle());
        if (newest)
        {
            return "the journal's newest cycle (written now, or appended to on resume)";
        }
        if (!day.isBefore(oldestKept))
        {
            return "day " + day + " is within retention.keep-days (kept from " + oldestKept + ")";
        }
        final ArchiveEntry entry = manifest.entry(cycle.path());
        if (entry == null)
        {
            return "not in the archive: run 'ringwall archive --journal DIR --to " + archive + "' first";
        }
        if (!entry.sealed())
        {
            return "archived while it was the newest cycle, not since it was sealed: run the archive again first";
        }
        if (!entry.verified())
        {
            return "its archived copy was never verified: run the archive again first";
        }
        final String problem = ArchiveVerifier.problem(archive, manifest.session(), entry);
        if (problem != null)
        {
            return "its archived copy fails its check: " + problem;
        }
        try
        {
            final CompressedCopy.Digests live = CompressedCopy.digest(cycle.file());
            if (live.size() != entry.size() || !live.sha256().equals(entry.sha256()))
            {
                return "the file changed since it was archived (SHA-256 " + live.sha256() + ", archived " +
                    entry.sha256() + "): run the archive again first";
            }
        }
        catch (final IOException ex)
        {
            return "cannot read it (" + ex.getMessage() + ")";
        }
        return null;
    }
}
