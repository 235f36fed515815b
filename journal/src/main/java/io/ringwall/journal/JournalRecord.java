package io.ringwall.journal;

import java.util.zip.CRC32C;

/**
 * Layout of one record inside a journal document. A document (one Chronicle Queue excerpt) holds one
 * or more records back to back, so a batch of frames costs one append. Two layouts exist; a reader tells
 * them apart by the first word, so one journal may hold both (a session written before checksums and
 * resumed after):
 *
 * <pre>
 *   version 1: int32 frameLength               | int64 sequence | int64 timeNs | frame
 *   version 2: int32 frameLength | CHECKSUMMED | int64 sequence | int64 timeNs | frame | int32 crc32c
 * </pre>
 *
 * <p>Version 2's {@code crc32c} covers the previous record's checksum (0 when there is none or it is a
 * version 1 record) followed by this record's header and frame. Each checksum therefore vouches for the
 * chain of records before it: a flipped byte, a record dropped, reordered or spliced in from another journal
 * breaks the chain at that record, and a reader names it. Version 1 readers refuse version 2 records as
 * corrupt (the flag makes the length nonsensical to them) rather than misreading them.
 *
 * <p>{@code sequence} is 1-based and gap-free within a journal. {@code timeNs} is the engine's time of
 * the record: the ingress time for inputs (the only clock the logic sees) and the logic time for
 * outputs. Integers are in the platform order Chronicle Bytes writes (little-endian on x86/ARM).
 */
public final class JournalRecord
{
    /** Bytes before the frame. */
    public static final int HEADER_LENGTH = 4 + 8 + 8;

    /** Bytes after the frame in a version 2 record: its checksum. */
    public static final int TRAILER_LENGTH = 4;

    /** Set in the first word of a version 2 (checksummed) record; the low bits are the frame length. */
    public static final int CHECKSUMMED = 1 << 30;

    /** Largest SBE frame a record may carry; larger is refused as corrupt. */
    public static final int MAX_FRAME_LENGTH = 4096;

    /** Largest record: header, frame and trailer. */
    public static final int MAX_RECORD_LENGTH = HEADER_LENGTH + MAX_FRAME_LENGTH + TRAILER_LENGTH;

    private JournalRecord()
    {
    }

    /** @return the frame length a record's first word states (version 1 or 2), or -1 when it is nonsensical. */
    public static int frameLength(final int firstWord)
    {
        final int length = firstWord & ~CHECKSUMMED;
        return length <= 0 || length > MAX_FRAME_LENGTH ? -1 : length;
    }

    /** @return header, frame and (version 2) trailer bytes of a record whose first word is sensible. */
    public static int recordLength(final int firstWord)
    {
        return HEADER_LENGTH + frameLength(firstWord) + ((firstWord & CHECKSUMMED) != 0 ? TRAILER_LENGTH : 0);
    }

    /**
     * The checksum of a version 2 record laid out in {@code bytes} with the previous record's checksum in the
     * four bytes before {@code recordOffset}: one pass over previous checksum, header and frame.
     */
    public static int checksum(final CRC32C crc, final byte[] bytes, final int recordOffset, final int frameLength)
    {
        crc.reset();
        crc.update(bytes, recordOffset - TRAILER_LENGTH, TRAILER_LENGTH + HEADER_LENGTH + frameLength);
        return (int)crc.getValue();
    }
}
