package io.ringwall.engine.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import io.ringwall.journal.ChainPoint;
import org.agrona.DirectBuffer;

/**
 * The snapshot files of one session, in its journal directory: {@code snapshot-<inputSequence>.rwsnap}
 * (sequence zero-padded to 20 digits so names sort by sequence). A file is written the careful way:
 * to {@code .tmp}, forced to disk, renamed atomically over its final name, and the directory forced, so a
 * snapshot is either complete and visible or not there (a crash leaves at most a {@code .tmp}, ignored and
 * removed). Older snapshots beyond the retention count are deleted after each write.
 *
 * <p>Used from one thread at a time (the snapshot writer thread, or start-up and shutdown).
 */
public final class SnapshotStore
{
    static final String SUFFIX = ".rwsnap";
    private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.rwsnap");

    private final Path dir;
    private final int retain;
    private final ByteBuffer header = ByteBuffer.allocate(SnapshotFile.HEADER_LENGTH);
    private final CRC32C crc = new CRC32C();

    /** One snapshot file on disk. */
    public record Entry(long inputSequence, Path file)
    {
    }

    /**
     * @param retain snapshots kept (at least 1; 2 or more so a corrupt newest one has a predecessor).
     */
    public SnapshotStore(final Path dir, final int retain)
    {
        if (retain < 1)
        {
            throw new IllegalArgumentException("snapshot retention " + retain + " must be at least 1");
        }
        this.dir = dir;
        this.retain = retain;
    }

    public static Path fileFor(final Path dir, final long inputSequence)
    {
        return dir.resolve(String.format("snapshot-%020d%s", inputSequence, SUFFIX));
    }

    /**
     * Writes one snapshot durably and atomically, then prunes.
     *
     * @return the file written.
     */
    /** @return the session directory the snapshots are in. */
    public Path directory()
    {
        return dir;
    }

    public Path write(final long inputSequence, final ChainPoint inputChain, final ChainPoint outputChain,
        final DirectBuffer payload, final int offset, final int length) throws IOException
    {
        final Path target = fileFor(dir, inputSequence);
        final Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        SnapshotFile.writeHeader(header, inputSequence, inputChain, outputChain, payload, offset, length, crc);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            writeFully(channel, header);
            writeFully(channel, payloadView(payload, offset, length));
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        prune();
        return target;
    }

    /**
     * @return the snapshots on disk, newest first (by the sequence in the name; contents unchecked).
     */
    public List<Entry> newestFirst()
    {
        final List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir))
        {
            files.forEach(file ->
            {
                final Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches())
                {
                    entries.add(new Entry(Long.parseLong(m.group(1)), file));
                }
            });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list snapshots in " + dir, ex);
        }
        entries.sort(Comparator.comparingLong(Entry::inputSequence).reversed());
        return entries;
    }

    /** Deletes leftovers of writes a crash interrupted ({@code *.rwsnap.tmp}). */
    public void removeTemporaries() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                if (file.getFileName().toString().endsWith(SUFFIX + ".tmp"))
                {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void prune() throws IOException
    {
        final List<Entry> entries = newestFirst();
        for (int i = retain; i < entries.size(); i++)
        {
            Files.deleteIfExists(entries.get(i).file());
        }
    }

    private void forceDirectory() throws IOException
    {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException ex)
        {
            // Some file systems refuse to open a directory; the rename itself is still atomic there.
        }
    }

    private static ByteBuffer payloadView(final DirectBuffer payload, final int offset, final int length)
    {
        final ByteBuffer bytes = payload.byteBuffer();
        if (bytes != null)
        {
            final ByteBuffer view = bytes.duplicate();
            final int start = payload.wrapAdjustment() + offset;
            view.limit(start + length).position(start);
            return view;
        }
        return ByteBuffer.wrap(payload.byteArray(), payload.wrapAdjustment() + offset, length);
    }

    private static void writeFully(final FileChannel channel, final ByteBuffer bytes) throws IOException
    {
        while (bytes.hasRemaining())
        {
            channel.write(bytes);
        }
    }
}
