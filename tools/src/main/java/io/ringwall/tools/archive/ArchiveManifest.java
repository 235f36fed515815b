package io.ringwall.tools.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code ARCHIVE_DIR/archive-manifest.properties}: what an archive holds, one block of keys per archived file
 * ({@link ArchiveEntry}), plus the session it came from. Written atomically (temporary file, fsync, rename) after the
 * compressed copies it names are on disk, so it never names a copy that is not there.
 */
final class ArchiveManifest
{
    static final String FILE = "archive-manifest.properties";
    private static final String FORMAT = "1";
    private static final String ENTRY = "entry.";

    private final Map<String, ArchiveEntry> entries = new TreeMap<>();
    private String session = "";

    /** @return the manifest of {@code archive}, empty when there is none yet (a new archive). */
    static ArchiveManifest readOrEmpty(final Path archive)
    {
        return Files.isRegularFile(archive.resolve(FILE)) ? read(archive) : new ArchiveManifest();
    }

    /**
     * @throws IllegalArgumentException naming the directory when it holds no archive manifest, or an unreadable one.
     */
    static ArchiveManifest read(final Path archive)
    {
        final Path file = archive.resolve(FILE);
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("no Ringwall archive in " + archive.toAbsolutePath() + " (expected " + FILE +
                "; make one with 'ringwall archive --journal DIR --to " + archive + "')");
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
        if (!FORMAT.equals(properties.getProperty("format")))
        {
            throw new IllegalArgumentException(file.toAbsolutePath() + " has format " + properties.getProperty("format") +
                ", this build reads format " + FORMAT + ": use the build that wrote it");
        }
        final ArchiveManifest manifest = new ArchiveManifest();
        manifest.session = properties.getProperty("session", "");
        try
        {
            for (final String name : properties.stringPropertyNames())
            {
                if (name.startsWith(ENTRY) && name.endsWith(".sha256") && !name.endsWith(".archived-sha256"))
                {
                    final String path = name.substring(ENTRY.length(), name.length() - ".sha256".length());
                    manifest.entries.put(path, entry(properties, path));
                }
            }
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException(file.toAbsolutePath() + " is not a valid archive manifest (" + ex.getMessage() +
                "): restore it from the archive's backup", ex);
        }
        return manifest;
    }

    String session()
    {
        return session;
    }

    void session(final String sessionDirectory)
    {
        session = sessionDirectory;
    }

    ArchiveEntry entry(final String path)
    {
        return entries.get(path);
    }

    List<ArchiveEntry> entries()
    {
        return new ArrayList<>(entries.values());
    }

    void put(final ArchiveEntry entry)
    {
        entries.put(entry.path(), entry);
    }

    /** Writes the manifest into {@code archive} atomically. */
    void write(final Path archive)
    {
        final StringBuilder text = new StringBuilder("# Ringwall archive manifest: every file of the archive, with the " +
            "SHA-256 of the original and of its compressed copy. Check with: ringwall archive verify --archive DIR\n");
        final Map<String, String> keys = new TreeMap<>();
        keys.put("format", FORMAT);
        keys.put("session", session);
        for (final ArchiveEntry e : entries.values())
        {
            final String p = ENTRY + e.path() + ".";
            keys.put(p + "kind", e.kind().name());
            keys.put(p + "cycle", Integer.toString(e.cycle()));
            keys.put(p + "sealed", Boolean.toString(e.sealed()));
            keys.put(p + "size", Long.toString(e.size()));
            keys.put(p + "sha256", e.sha256());
            keys.put(p + "archived", e.archivedName());
            keys.put(p + "archived-size", Long.toString(e.archivedSize()));
            keys.put(p + "archived-sha256", e.archivedSha256());
            keys.put(p + "first-record", Long.toString(e.firstRecord()));
            keys.put(p + "last-record", Long.toString(e.lastRecord()));
            keys.put(p + "last-checksum", Integer.toHexString(e.lastChecksum()));
            keys.put(p + "verified-at", e.verifiedAt());
        }
        keys.forEach((k, v) -> text.append(escapeKey(k)).append('=').append(escapeValue(v)).append('\n'));
        final Path target = archive.resolve(FILE);
        final Path temp = archive.resolve(FILE + ".tmp");
        try
        {
            Files.createDirectories(archive);
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            CompressedCopy.force(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + target.toAbsolutePath(), ex);
        }
    }

    private static ArchiveEntry entry(final Properties properties, final String path)
    {
        final String p = ENTRY + path + ".";
        return new ArchiveEntry(path, ArchiveEntry.Kind.valueOf(require(properties, p + "kind")),
            Integer.parseInt(require(properties, p + "cycle")), Boolean.parseBoolean(require(properties, p + "sealed")),
            Long.parseLong(require(properties, p + "size")), require(properties, p + "sha256"),
            require(properties, p + "archived"), Long.parseLong(require(properties, p + "archived-size")),
            require(properties, p + "archived-sha256"), Long.parseLong(require(properties, p + "first-record")),
            Long.parseLong(require(properties, p + "last-record")),
            Integer.parseUnsignedInt(require(properties, p + "last-checksum"), 16),
            properties.getProperty(p + "verified-at", ""));
    }

    private static String require(final Properties properties, final String key)
    {
        final String value = properties.getProperty(key);
        if (value == null)
        {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    private static String escapeKey(final String key)
    {
        return key.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=").replace(" ", "\\ ");
    }

    private static String escapeValue(final String value)
    {
        return value.replace("\\", "\\\\");
    }
}
