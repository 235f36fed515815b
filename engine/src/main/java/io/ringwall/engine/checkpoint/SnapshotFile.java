package io.ringwall.engine.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;

/**
 * The layout of one snapshot file, {@code snapshot-<inputSequence>.rwsnap}: a 32-byte header, then one
 * {@code EngineSnapshot} message of the snapshot schema.
 *
 * <pre>
 *   0  magic          8 bytes "RWSNAP\r\n" (a text-mode copy or a truncation to zero shows at once)
 *   8  format         int32   1
 *   12 payloadLength  int32   bytes of the SBE message that follows
 *   16 inputSequence  int64   the state is after this input (also in the file name and the message)
 *   24 payloadCrc     int32   CRC32C of the payload
 *   28 headerCrc      int32   CRC32C of bytes 0..27
 * </pre>
 *
 * Little-endian like the SBE payload. A file whose length, magic, checksums or sequence disagree is torn or
 * corrupt and is never restored.
 */
public final class SnapshotFile
{
    public static final int HEADER_LENGTH = 32;
    public static final int FORMAT = 1;
    static final byte[] MAGIC = {'R', 'W', 'S', 'N', 'A', 'P', '\r', '\n'};

    private SnapshotFile()
    {
    }

    /**
     * Fills {@code header} (position 0, limit {@link #HEADER_LENGTH}) for a payload.
     */
    static void writeHeader(final ByteBuffer header, final long inputSequence, final DirectBuffer payload,
        final int offset, final int length, final CRC32C crc)
    {
        header.clear().order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(FORMAT).putInt(length).putLong(inputSequence).putInt(payloadCrc(payload, offset, length,
            crc));
        crc.reset();
        crc.update(header.array(), 0, 28);
        header.putInt((int)crc.getValue());
        header.flip();
    }

    static int payloadCrc(final DirectBuffer payload, final int offset, final int length, final CRC32C crc)
    {
        crc.reset();
        final ByteBuffer bytes = payload.byteBuffer();
        if (bytes != null)
        {
            final ByteBuffer view = bytes.duplicate();
            final int start = payload.wrapAdjustment() + offset;
            view.limit(start + length).position(start);
            crc.update(view);
        }
        else
        {
            crc.update(payload.byteArray(), payload.wrapAdjustment() + offset, length);
        }
        return (int)crc.getValue();
    }

    /**
     * Checks a whole file's bytes.
     *
     * @return the payload's offset in {@code file} ({@link #HEADER_LENGTH}).
     * @throws IllegalArgumentException saying what is wrong: torn (short), not a snapshot, checksum mismatch.
     */
    public static int validate(final byte[] file, final long expectedSequence)
    {
        if (file.length < HEADER_LENGTH)
        {
            throw new IllegalArgumentException("torn: " + file.length + " bytes, shorter than the " + HEADER_LENGTH +
                "-byte header");
        }
        final ByteBuffer header = ByteBuffer.wrap(file, 0, HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        for (final byte b : MAGIC)
        {
            if (header.get() != b)
            {
                throw new IllegalArgumentException("not a Ringwall snapshot (bad magic)");
            }
        }
        final int format = header.getInt();
        final int length = header.getInt();
        final long sequence = header.getLong();
        final int payloadCrc = header.getInt();
        final int headerCrc = header.getInt();
        final CRC32C crc = new CRC32C();
        crc.update(file, 0, 28);
        if ((int)crc.getValue() != headerCrc)
        {
            throw new IllegalArgumentException("header checksum mismatch (corrupt header)");
        }
        if (format != FORMAT)
        {
            throw new IllegalArgumentException("snapshot file format " + format + ", this engine reads " + FORMAT);
        }
        if (sequence != expectedSequence)
        {
            throw new IllegalArgumentException("holds input " + sequence + " but is named for " + expectedSequence);
        }
        if (length < 0 || file.length != HEADER_LENGTH + (long)length)
        {
            throw new IllegalArgumentException("torn: " + (file.length - HEADER_LENGTH) + " payload bytes, the header " +
                "says " + length);
        }
        crc.reset();
        crc.update(file, HEADER_LENGTH, length);
        if ((int)crc.getValue() != payloadCrc)
        {
            throw new IllegalArgumentException("payload checksum mismatch (corrupt: CRC32C " +
                Integer.toHexString((int)crc.getValue()) + ", header says " + Integer.toHexString(payloadCrc) + ")");
        }
        return HEADER_LENGTH;
    }
}
