package io.ringwall.engine.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import io.ringwall.journal.ChainPoint;
import org.agrona.DirectBuffer;

/**
 * The layout of one snapshot file, {@code snapshot-<inputSequence>.rwsnap}: a 56-byte header, then one
 * {@code EngineSnapshot} message of the snapshot schema.
 *
 * <pre>
 *   0  magic            8 bytes "RWSNAP\r\n" (a text-mode copy or a truncation to zero shows at once)
 *   8  format           int32   2
 *   12 payloadLength    int32   bytes of the SBE message that follows
 *   16 inputSequence    int64   the state is after this input (also in the file name and the message)
 *   24 inChainSequence  int64   journal "in"'s last written record when the snapshot was written (0: none)
 *   32 outChainSequence int64   journal "out"'s likewise, at or after the last output the state covers
 *   40 inChainCrc       int32   the chained CRC32C that record carried
 *   44 outChainCrc      int32
 *   48 payloadCrc       int32   CRC32C of the payload
 *   52 headerCrc        int32   CRC32C of bytes 0..51
 * </pre>
 *
 * The chain points let recovery prove the journals are the ones the snapshot was taken beside: each record's
 * CRC32C covers the one before it, so a record's stored checksum stands for the whole journal up to it.
 * Format 1 (a 32-byte header: magic, format, payloadLength, inputSequence, payloadCrc, headerCrc over 0..27)
 * has no chain points and stays readable. Little-endian like the SBE payload. A file whose length, magic,
 * checksums or sequence disagree is torn or corrupt and is never restored.
 */
public final class SnapshotFile
{
    public static final int HEADER_LENGTH = 56;
    public static final int FORMAT = 2;
    static final int FORMAT_1_HEADER_LENGTH = 32;
    static final byte[] MAGIC = {'R', 'W', 'S', 'N', 'A', 'P', '\r', '\n'};

    private SnapshotFile()
    {
    }

    /**
     * What a valid file's header says besides its payload.
     *
     * @param payloadOffset where the SBE payload starts in the file.
     * @param inputChain    journal "in"'s chain point when the snapshot was written ({@link ChainPoint#NONE}: format 1).
     * @param outputChain   journal "out"'s.
     */
    public record Header(int payloadOffset, ChainPoint inputChain, ChainPoint outputChain)
    {
    }

    /**
     * Fills {@code header} (position 0, limit {@link #HEADER_LENGTH}) for a payload.
     */
    static void writeHeader(final ByteBuffer header, final long inputSequence, final ChainPoint inputChain,
        final ChainPoint outputChain, final DirectBuffer payload, final int offset, final int length, final CRC32C crc)
    {
        header.clear().order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(FORMAT).putInt(length).putLong(inputSequence)
            .putLong(inputChain.sequence()).putLong(outputChain.sequence())
            .putInt(inputChain.checksum()).putInt(outputChain.checksum())
            .putInt(payloadCrc(payload, offset, length, crc));
        crc.reset();
        crc.update(header.array(), 0, HEADER_LENGTH - 4);
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
     * @return the payload's offset in {@code file}.
     * @throws IllegalArgumentException saying what is wrong: torn (short), not a snapshot, checksum mismatch.
     */
    public static int validate(final byte[] file, final long expectedSequence)
    {
        return read(file, expectedSequence).payloadOffset();
    }

    /**
     * Checks a whole file's bytes (format 2, or format 1 without chain points).
     *
     * @throws IllegalArgumentException saying what is wrong: torn (short), not a snapshot, checksum mismatch.
     */
    public static Header read(final byte[] file, final long expectedSequence)
    {
        if (file.length < FORMAT_1_HEADER_LENGTH)
        {
            throw new IllegalArgumentException("torn: " + file.length + " bytes, shorter than the header");
        }
        final ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (final byte b : MAGIC)
        {
            if (header.get() != b)
            {
                throw new IllegalArgumentException("not a Ringwall snapshot (bad magic)");
            }
        }
        final int format = header.getInt();
        final int headerLength = format == 1 ? FORMAT_1_HEADER_LENGTH : HEADER_LENGTH;
        if (format != 1 && format != FORMAT)
        {
            throw new IllegalArgumentException("snapshot file format " + format + ", this engine reads 1 and " + FORMAT +
                " (or the header is corrupt)");
        }
        if (file.length < headerLength)
        {
            throw new IllegalArgumentException("torn: " + file.length + " bytes, shorter than the " + headerLength +
                "-byte header");
        }
        final int length = header.getInt();
        final long sequence = header.getLong();
        ChainPoint inputChain = ChainPoint.NONE;
        ChainPoint outputChain = ChainPoint.NONE;
        if (format == FORMAT)
        {
            final long inSequence = header.getLong();
            final long outSequence = header.getLong();
            inputChain = new ChainPoint(inSequence, header.getInt());
            outputChain = new ChainPoint(outSequence, header.getInt());
        }
        final int payloadCrc = header.getInt();
        final int headerCrc = header.getInt();
        final CRC32C crc = new CRC32C();
        crc.update(file, 0, headerLength - 4);
        if ((int)crc.getValue() != headerCrc)
        {
            throw new IllegalArgumentException("header checksum mismatch (corrupt header)");
        }
        if (sequence != expectedSequence)
        {
            throw new IllegalArgumentException("holds input " + sequence + " but is named for " + expectedSequence);
        }
        if (length < 0 || file.length != headerLength + (long)length)
        {
            throw new IllegalArgumentException("torn: " + (file.length - headerLength) + " payload bytes, the header " +
                "says " + length);
        }
        crc.reset();
        crc.update(file, headerLength, length);
        if ((int)crc.getValue() != payloadCrc)
        {
            throw new IllegalArgumentException("payload checksum mismatch (corrupt: CRC32C " +
                Integer.toHexString((int)crc.getValue()) + ", header says " + Integer.toHexString(payloadCrc) + ")");
        }
        return new Header(headerLength, inputChain, outputChain);
    }
}
