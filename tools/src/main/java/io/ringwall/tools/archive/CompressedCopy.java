package io.ringwall.tools.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip copies of session files with the SHA-256 of both sides, taken in the same pass that reads or writes the
 * bytes, so what a manifest records is exactly what was copied. GZIP is the JDK's (no dependency); the journals'
 * cycle files are mostly pre-allocated zeros and compress well. Every write goes to a temporary file, is forced to
 * disk and renamed into place, so a crash never leaves a half-written copy under the final name.
 */
final class CompressedCopy
{
    private static final int BUFFER = 1 << 16;

    /** Sizes and SHA-256 (lower-case hex) of an original file and its compressed copy. */
    record Digests(long size, String sha256, long compressedSize, String compressedSha256)
    {
    }

    private CompressedCopy()
    {
    }

    /** Compresses {@code source} into {@code target} (temporary file, fsync, rename). */
    static Digests compress(final Path source, final Path target) throws IOException
    {
        Files.createDirectories(target.getParent());
        final Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        final MessageDigest original = sha256();
        final MessageDigest compressed = sha256();
        final long size;
        final long compressedSize;
        try
        {
            try (InputStream in = new DigestInputStream(Files.newInputStream(source), original);
                CountingOutputStream counted = new CountingOutputStream(new DigestOutputStream(
                    Files.newOutputStream(temp), compressed));
                GZIPOutputStream gzip = fastGzip(counted))
            {
                size = in.transferTo(gzip);
                gzip.finish();
                gzip.flush();
                compressedSize = counted.count;
            }
            force(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Digests(size, hex(original), compressedSize, hex(compressed));
        }
        finally
        {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Decompresses {@code compressedFile} into {@code target} (temporary file, fsync, rename) or, when target is null,
     * only reads it through.
     *
     * @throws IOException when the compressed stream is broken or cut short (as a truncated copy is).
     */
    static Digests inflate(final Path compressedFile, final Path target) throws IOException
    {
        final MessageDigest original = sha256();
        final MessageDigest compressed = sha256();
        final Path temp = target == null ? null : target.resolveSibling(target.getFileName() + ".tmp");
        try
        {
            if (temp != null)
            {
                Files.createDirectories(temp.getParent());
            }
            final long compressedSize;
            final long size;
            try (CountingInputStream counted = new CountingInputStream(new DigestInputStream(
                    Files.newInputStream(compressedFile), compressed));
                InputStream in = new DigestInputStream(new GZIPInputStream(counted, BUFFER), original);
                OutputStream out = temp == null ? OutputStream.nullOutputStream() : Files.newOutputStream(temp))
            {
                size = in.transferTo(out);
                counted.transferTo(OutputStream.nullOutputStream()); // anything after the gzip stream counts too
                compressedSize = counted.count;
            }
            if (temp != null)
            {
                force(temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Digests(size, hex(original), compressedSize, hex(compressed));
        }
        finally
        {
            if (temp != null)
            {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Deflate's fastest level: the default (6) took 29 s of CPU for one 755 MB cycle of 10 M inputs (194 MB out) on
     * the 2-core CI machine; an archive runs beside the engine, so CPU matters more than the last few percent of size.
     */
    private static GZIPOutputStream fastGzip(final OutputStream out) throws IOException
    {
        return new GZIPOutputStream(out, BUFFER)
        {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        };
    }

    /** @return the SHA-256 of {@code file} and its size (the compressed fields repeat them). */
    static Digests digest(final Path file) throws IOException
    {
        final MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest))
        {
            final long size = in.transferTo(OutputStream.nullOutputStream());
            final String sha = hex(digest);
            return new Digests(size, sha, size, sha);
        }
    }

    static void force(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.force(true);
        }
    }

    private static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }

    private static String hex(final MessageDigest digest)
    {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream
    {
        private long count;

        CountingOutputStream(final OutputStream out)
        {
            super(out);
        }

        @Override
        public void write(final int b) throws IOException
        {
            out.write(b);
            count++;
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException
        {
            out.write(b, off, len);
            count += len;
        }
    }

    private static final class CountingInputStream extends java.io.FilterInputStream
    {
        private long count;

        CountingInputStream(final InputStream in)
        {
            super(in);
        }

        @Override
        public int read() throws IOException
        {
            final int b = in.read();
            if (b >= 0)
            {
                count++;
            }
            return b;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException
        {
            final int n = in.read(b, off, len);
            if (n > 0)
            {
                count += n;
            }
            return n;
        }
    }

    /** Wraps an IOException with the file it concerns. */
    static UncheckedIOException failed(final String what, final Path file, final IOException ex)
    {
        return new UncheckedIOException(what + " " + file.toAbsolutePath() + ": " + ex.getMessage(), ex);
    }
}
