package io.ringwall.engine.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where the configuration files are: a directory, or {@code classpath:<folder>} for the files the engine jar
 * ships. Knows nothing about YAML; it only finds a file and reads its text.
 */
final class ConfigLocation
{
    static final String CLASSPATH_PREFIX = "classpath:";

    private final String classpathFolder;
    private final Path directory;

    private ConfigLocation(final String classpathFolder, final Path directory)
    {
        this.classpathFolder = classpathFolder;
        this.directory = directory;
    }

    static ConfigLocation of(final String location)
    {
        if (location == null || location.isBlank())
        {
            throw new ConfigException("the configuration location is missing (a directory or classpath:<folder>)");
        }
        if (location.startsWith(CLASSPATH_PREFIX))
        {
            final String folder = location.substring(CLASSPATH_PREFIX.length()).replaceAll("^/+|/+$", "");
            return new ConfigLocation(folder, null);
        }
        return new ConfigLocation(null, Path.of(location));
    }

    /** The name errors and {@link LoadedConfig#sources()} give the file. */
    String describe(final String fileName)
    {
        return directory != null ? directory.resolve(fileName).toString() :
            CLASSPATH_PREFIX + (classpathFolder.isEmpty() ? "" : classpathFolder + "/") + fileName;
    }

    /**
     * @return the file's text, or null when there is no such file.
     * @throws ConfigException when it exists but cannot be read or is not UTF-8.
     */
    String readOrNull(final String fileName)
    {
        final byte[] bytes;
        try
        {
            bytes = directory != null ? readFile(directory.resolve(fileName)) : readResource(fileName);
        }
        catch (final IOException ex)
        {
            throw new ConfigException(describe(fileName) + ": cannot be read: " + ex, ex);
        }
        if (bytes == null)
        {
            return null;
        }
        try
        {
            // Strict decoding: a mis-encoded file is refused rather than read with replacement characters.
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (final CharacterCodingException ex)
        {
            throw new ConfigException(describe(fileName) + ": is not UTF-8 text", ex);
        }
    }

    private static byte[] readFile(final Path file) throws IOException
    {
        try
        {
            return Files.readAllBytes(file);
        }
        catch (final NoSuchFileException ex)
        {
            return null;
        }
    }

    private byte[] readResource(final String fileName) throws IOException
    {
        final String name = classpathFolder.isEmpty() ? fileName : classpathFolder + "/" + fileName;
        try (InputStream in = ConfigLocation.class.getClassLoader().getResourceAsStream(name))
        {
            return in == null ? null : in.readAllBytes();
        }
    }
}
