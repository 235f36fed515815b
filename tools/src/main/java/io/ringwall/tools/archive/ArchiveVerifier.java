package io.ringwall.tools.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ringwall archive verify}: decompresses every archived file and checks both SHA-256s and sizes against the
 * archive manifest. A copy that fails is named with what to do.
 */
final class ArchiveVerifier
{
    /** The outcome: a line per failed entry, and the count checked. */
    record Result(int checked, List<String> problems)
    {
        boolean intact()
        {
            return problems.isEmpty();
        }

        String format()
        {
            if (intact())
            {
                return "verified: " + checked + " archived file(s) match the manifest";
            }
            return String.join("\n", problems) + "\nNOT verified: " + problems.size() + " of " + checked +
                " archived file(s) do not match the manifest; do not prune until verify passes";
        }
    }

    /**
     * @throws IllegalArgumentException when the directory holds no archive manifest.
     */
    Result verify(final Path archive)
    {
        final ArchiveManifest manifest = ArchiveManifest.read(archive);
        final List<String> problems = new ArrayList<>();
        int checked = 0;
        for (final ArchiveEntry entry : manifest.entries())
        {
            checked++;
            final String problem = problem(archive, manifest.session(), entry);
            if (problem != null)
            {
                problems.add(problem);
            }
        }
        return new Result(checked, problems);
    }

    /** @return what is wrong with the archived copy of {@code entry} and what to do, or null when it matches. */
    static String problem(final Path archive, final String session, final ArchiveEntry entry)
    {
        final Path copy = archive.resolve(entry.archivedName());
        if (!Files.isRegularFile(copy))
        {
            return entry.archivedName() + " (" + entry.path() + "): missing from the archive. " + remedy(session, entry);
        }
        final CompressedCopy.Digests found;
        try
        {
            found = CompressedCopy.inflate(copy, null);
        }
        catch (final IOException ex)
        {
            return copy.toAbsolutePath() + " (" + entry.path() + "): does not decompress (" + ex.getMessage() +
                "): truncated or altered. " + remedy(session, entry);
        }
        if (found.compressedSize() != entry.archivedSize() || !found.compressedSha256().equals(entry.archivedSha256()))
        {
            return copy.toAbsolutePath() + " (" + entry.path() + "): the compressed copy is " + found.compressedSize() +
                " bytes with SHA-256 " + found.compressedSha256() + ", the manifest says " + entry.archivedSize() +
                " bytes with " + entry.archivedSha256() + ": altered or truncated. " + remedy(session, entry);
        }
        if (found.size() != entry.size() || !found.sha256().equals(entry.sha256()))
        {
            return copy.toAbsolutePath() + " (" + entry.path() + "): decompresses to " + found.size() + " bytes with " +
                "SHA-256 " + found.sha256() + ", the manifest says " + entry.size() + " bytes with " + entry.sha256() +
                ". " + remedy(session, entry);
        }
        return null;
    }

    private static String remedy(final String session, final ArchiveEntry entry)
    {
        final Path original = Path.of(session).resolve(entry.path());
        return Files.isRegularFile(original) ?
            "The session still holds " + original + ": run 'ringwall archive --journal " + session +
                " --to ARCHIVE' to write a fresh copy, then verify again." :
            "The session no longer holds " + original + " (pruned?): put the archive directory back from its " +
                "backup; until then the records of this file exist nowhere else.";
    }
}
