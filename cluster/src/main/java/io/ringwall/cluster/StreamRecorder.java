package io.ringwall.cluster;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;

/**
 * A drill's record of what one member incarnation applied and produced, one file per incarnation: records of
 * {@code kind byte (I input, T timer tick, O output), key long (gateway sequence, log position or output index), sequence long, timeNs long,
 * length int, frame}. Buffered, so a member killed with -9 leaves a torn tail, which {@link #read} ignores; the
 * restarted incarnation replays the log and writes everything again in its own file. Diagnostics only: it writes a
 * file on the service's thread.
 */
public final class StreamRecorder implements ServiceObserver, AutoCloseable
{
    public static final byte INPUT = 'I';
    public static final byte OUTPUT = 'O';
    /** A timer tick handed to the logic; its key is its log position (it has no gateway sequence). */
    public static final byte TIMER = 'T';

    /** One record read back. */
    public record Entry(byte kind, long key, long sequence, long timeNs, byte[] frame)
    {
    }

    private final DataOutputStream out;
    private final byte[] scratch = new byte[4096];

    public StreamRecorder(final Path file)
    {
        try
        {
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void onInputApplied(final long gatewaySequence, final long sequence, final long timeNs,
        final DirectBuffer frame, final int offset, final int length)
    {
        write(INPUT, gatewaySequence, sequence, timeNs, frame, offset, length);
    }

    @Override
    public void onTimerApplied(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
        final int length)
    {
        write(TIMER, sequence, sequence, timeNs, frame, offset, length);
    }

    @Override
    public void onOutput(final long index, final long sequence, final long timeNs, final DirectBuffer frame,
        final int offset, final int length)
    {
        write(OUTPUT, index, sequence, timeNs, frame, offset, length);
    }

    private void write(final byte kind, final long key, final long sequence, final long timeNs,
        final DirectBuffer frame, final int offset, final int length)
    {
        try
        {
            frame.getBytes(offset, scratch, 0, length);
            out.writeByte(kind);
            out.writeLong(key);
            out.writeLong(sequence);
            out.writeLong(timeNs);
            out.writeInt(length);
            out.write(scratch, 0, length);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close()
    {
        try
        {
            out.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** @return the whole records of a file, a torn tail left out. */
    public static List<Entry> read(final Path file)
    {
        final List<Entry> entries = new ArrayList<>();
        try (InputStream stream = Files.newInputStream(file);
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream)))
        {
            while (true)
            {
                final int kind = in.read();
                if (kind < 0)
                {
                    break;
                }
                final long key = in.readLong();
                final long sequence = in.readLong();
                final long timeNs = in.readLong();
                final int length = in.readInt();
                if (length < 0 || length > 1 << 16)
                {
                    break;
                }
                final byte[] frame = new byte[length];
                in.readFully(frame);
                entries.add(new Entry((byte)kind, key, sequence, timeNs, frame));
            }
        }
        catch (final EOFException torn)
        {
            return entries;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return entries;
    }
}
