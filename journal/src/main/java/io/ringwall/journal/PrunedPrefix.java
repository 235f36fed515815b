package io.ringwall.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code DIR/pruned.properties}: what {@code ringwall archive prune} removed from a session's journals. Written
 * before the first file is deleted, so a prune cut short still leaves the note. A reader of a pruned journal meets
 * a first record after 1; with this note it says why and what to do (restore the session from its archive) instead
 * of calling the journal corrupt.
 *
 * @param archive          the archive directory that holds the removed cycles.
 * @param firstKeptInput   the first record journal "in" still holds (0: none removed).
 * @param firstKeptOutput  the first record journal "out" still holds (0: none removed).
 * @param inChecksum       the chained checksum of the last record of journal "in" removed: the first kept chains to it.
 * @param outChecksum      the same for journal "out".
 * @param prunedAt         when (UTC, ISO-8601).
 */
public record PrunedPrefix(String archive, long firstKeptInput, long firstKeptOutput, int inChecksum, int outChecksum,
    String prunedAt)
{
    public static final String FILE = "pruned.properties";

    /** @return the note of {@code root}, or null when nothing was pruned from it. */
    public static PrunedPrefix read(final Path root)
    {
        final Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file))
        {
            return null;
        }
        final Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), ex);
        }
        return new PrunedPrefix(properties.getProperty("archive", "?"),
            Long.parseLong(properties.getProperty("in.first-kept-record", "0")),
            Long.parseLong(properties.getProperty("out.first-kept-record", "0")),
            Integer.parseUnsignedInt(properties.getProperty("in.removed-last-checksum", "0"), 16),
            Integer.parseUnsignedInt(properties.getProperty("out.removed-last-checksum", "0"), 16),
            properties.getProperty("pruned-at", "?"));
    }

    /** Writes the note atomically (temporary file, fsync, rename). */
    public void write(final Path root)
    {
        final Map<String, String> entries = new TreeMap<>(Map.of("archive", archive,
            "in.first-kept-record", Long.toString(firstKeptInput), "out.first-kept-record", Long.toString(firstKeptOutput),
            "in.removed-last-checksum", Integer.toHexString(inChecksum),
            "out.removed-last-checksum", Integer.toHexString(outChecksum), "pruned-at", prunedAt));
        final StringBuilder text = new StringBuilder("# ringwall archive prune removed the records before these; " +
            "they are in the archive. Restore with: ringwall archive restore --archive ARCHIVE --to NEWDIR\n");
        entries.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        final Path target = root.resolve(FILE);
        final Path temp = root.resolve(FILE + ".tmp");
        try
        {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE))
            {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + target.toAbsolutePath(), ex);
        }
    }

    /** @return the first record journal {@code name} still holds, 0 when none of it was removed. */
    public long firstKept(final String name)
    {
        return "in".equals(name) ? firstKeptInput : firstKeptOutput;
    }

    /** @return the chained checksum of the last record of journal {@code name} that was removed. */
    public int prunedChecksum(final String name)
    {
        return "in".equals(name) ? inChecksum : outChecksum;
    }

    /** @return the refusal a reader of journal {@code name} gives when it finds {@code firstRecord} first. */
    String explain(final String name, final Path root, final long firstRecord)
    {
        return "journal \"" + name + "\" of " + root.toAbsolutePath() + " starts at record " + firstRecord +
            ": its older cycles were removed by 'ringwall archive prune' at " + prunedAt + " after being archived to " +
            archive + ". Reading it needs every record from 1: restore the session first with 'ringwall archive " +
            "restore --archive " + archive + " --to NEWDIR' and use NEWDIR (replay, journal, audit, run --resume)";
    }
}
