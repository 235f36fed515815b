package io.ringwall.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the perf programs put the journals they write and throw away.
 *
 * <p>The default is {@code perf/target/scratch}, found from the location of the perf jar (or classes
 * directory) rather than the working directory, because {@code scripts/ringwall} runs from wherever the
 * caller stands. It is under {@code target/} so it is ignored by git and gone with {@code mvn clean};
 * and on the project's disk, not a {@code /tmp} that may be a small tmpfs.
 */
final class ScratchDirectories
{
    private ScratchDirectories()
    {
    }

    /**
     * @return {@code perf/target/scratch} when running from the perf build, else {@code java.io.tmpdir}/ringwall-perf.
     */
    static Path defaultRoot()
    {
        final Path buildDirectory = buildDirectory();
        return buildDirectory != null ? buildDirectory.resolve("scratch") :
            Paths.get(System.getProperty("java.io.tmpdir"), "ringwall-perf");
    }

    /**
     * @return a new empty directory under {@code root} (created if needed), named {@code prefix} + a unique suffix.
     */
    static Path create(final Path root, final String prefix)
    {
        try
        {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a scratch directory under " + root, ex);
        }
    }

    /**
     * Deletes {@code directory} and everything in it; nothing when it does not exist.
     */
    static void delete(final Path directory)
    {
        if (directory == null || !Files.exists(directory))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory))
        {
            // Children before their parents.
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete scratch directory " + directory, ex);
        }
    }

    /**
     * @return the {@code target} directory holding this class's jar or classes, or null when it is not
     * a Maven build directory.
     */
    private static Path buildDirectory()
    {
        final CodeSource source = ScratchDirectories.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null)
        {
            return null;
        }
        try
        {
            // .../perf/target/ringwall-perf-VERSION.jar or .../perf/target/classes
            final Path parent = Paths.get(source.getLocation().toURI()).getParent();
            return parent != null && parent.getFileName() != null && "target".equals(parent.getFileName().toString()) ?
                parent : null;
        }
        catch (final URISyntaxException | IllegalArgumentException ex)
        {
            return null;
        }
    }
}
