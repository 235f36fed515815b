package io.ringwall.engine.marketdata.itch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * A sliding window over a file, for readers of length-prefixed records: {@link #request} makes the next n bytes
 * readable at {@link #index()} of {@link #buffer()}, reading more of the file and moving the unread bytes to the
 * front when needed. One direct buffer allocated at construction; files far larger than memory stream through it.
 */
final class FileWindow implements AutoCloseable
{
    private final FileChannel channel;
    private final ByteBuffer bytes;
    private final UnsafeBuffer buffer;
    private int position;
    private int limit;
    private long windowFileOffset;
    private boolean endOfFile;

    FileWindow(final Path file, final int capacity)
    {
        try
        {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open " + file + ": " + ex.getMessage(), ex);
        }
        this.bytes = ByteBuffer.allocateDirect(capacity);
        this.buffer = new UnsafeBuffer(bytes);
    }

    /** Bytes the window holds at most: a record longer than this cannot be read. */
    int capacity()
    {
        return bytes.capacity();
    }

    /**
     * Makes {@code length} bytes from the current position readable.
     *
     * @return false when the file ends first ({@link #available()} says how many bytes there are).
     */
    boolean request(final int length)
    {
        if (limit - position >= length)
        {
            return true;
        }
        if (length > bytes.capacity())
        {
            throw new IllegalArgumentException(length + " bytes requested of a " + bytes.capacity() + "-byte window");
        }
        if (position > 0)
        {
            bytes.limit(limit).position(position);
            bytes.compact();
            windowFileOffset += position;
            limit -= position;
            position = 0;
        }
        try
        {
            while (limit < length && !endOfFile)
            {
                bytes.limit(bytes.capacity()).position(limit);
                final int read = channel.read(bytes);
                if (read < 0)
                {
                    endOfFile = true;
                }
                else
                {
                    limit += read;
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("read failed at file offset " + (windowFileOffset + limit), ex);
        }
        return limit - position >= length;
    }

    /** Bytes readable from the current position without reading the file. */
    int available()
    {
        return limit - position;
    }

    /** True when every byte of the file has been consumed. */
    boolean atEnd()
    {
        return !request(1);
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /** Index of the current position in {@link #buffer()}. */
    int index()
    {
        return position;
    }

    /** File offset of the current position. */
    long fileOffset()
    {
        return windowFileOffset + position;
    }

    void skip(final int length)
    {
        position += length;
    }

    @Override
    public void close()
    {
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
