package io.ringwall.engine.marketdata.itch;

import java.nio.file.Path;

/**
 * Reads a Nasdaq BinaryFILE: TotalView-ITCH 5.0 messages, each prefixed by its length in 2 big-endian bytes (the
 * layout of Nasdaq's historical ITCH files). Streams the file through a fixed window; decoding allocates nothing.
 *
 * <p>Fails closed with an {@link ItchFeedException} naming the file offset and the message number on a zero length
 * prefix, a message cut off by the end of the file, or a message {@link ItchDecoder} refuses.
 */
public final class ItchBinaryFileReader
{
    private static final int WINDOW_BYTES = 1 << 20;
    private static final int PREFIX_BYTES = 2;

    private final ItchDecoder decoder;
    private boolean stopRequested;
    private long messages;

    public ItchBinaryFileReader(final ItchDecoder decoder)
    {
        this.decoder = decoder;
    }

    /** Makes {@link #read} return after the message being delivered (a listener calls it, e.g. after N messages). */
    public void stop()
    {
        stopRequested = true;
    }

    /** Messages delivered by the last {@link #read}. */
    public long messages()
    {
        return messages;
    }

    /**
     * Delivers every message of {@code file} to {@code listener}, in file order.
     *
     * @return the messages delivered.
     */
    public long read(final Path file, final ItchListener listener)
    {
        stopRequested = false;
        messages = 0;
        try (FileWindow window = new FileWindow(file, WINDOW_BYTES))
        {
            while (!stopRequested && !window.atEnd())
            {
                final long offset = window.fileOffset();
                if (!window.request(PREFIX_BYTES))
                {
                    throw new ItchFeedException(where(file, offset) + "the file ends inside a 2-byte length prefix " +
                        "(1 byte left): the file is truncated; re-fetch it", offset);
                }
                final int length = ItchFields.uint16(window.buffer(), window.index());
                if (length == 0)
                {
                    throw new ItchFeedException(where(file, offset) + "length prefix 0: not a BinaryFILE, or corrupt " +
                        "here (an ITCH message is at least 12 bytes); check the file and its --format", offset);
                }
                if (!window.request(PREFIX_BYTES + length))
                {
                    throw new ItchFeedException(where(file, offset) + "the file ends inside a message of " + length +
                        " bytes (" + (window.available() - PREFIX_BYTES) + " left): the file is truncated; re-fetch it",
                        offset);
                }
                final int messageIndex = window.index() + PREFIX_BYTES;
                final int status = decoder.decode(window.buffer(), messageIndex, length, listener);
                if (status != ItchDecoder.OK)
                {
                    throw new ItchFeedException(where(file, offset) +
                        ItchDecoder.describe(status, window.buffer(), messageIndex, length) +
                        ": not TotalView-ITCH 5.0, or the file is corrupt here", offset);
                }
                messages++;
                window.skip(PREFIX_BYTES + length);
            }
        }
        return messages;
    }

    private String where(final Path file, final long offset)
    {
        return file + ": message " + (messages + 1) + " at file offset " + offset + ": ";
    }
}
