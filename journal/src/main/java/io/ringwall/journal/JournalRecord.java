package io.ringwall.journal;

/**
 * Layout of one record inside a journal document. A document (one Chronicle Queue excerpt) holds one
 * or more records back to back, so a batch of frames costs one append:
 *
 * <pre>
 *   int32 frameLength | int64 sequence | int64 timeNs | frameLength bytes of SBE frame
 * </pre>
 *
 * <p>{@code sequence} is 1-based and gap-free within a journal. {@code timeNs} is the engine's time of
 * the record: the ingress time for inputs (the only clock the logic sees) and the logic time for
 * outputs. Integers are in the platform order Chronicle Bytes writes (little-endian on x86/ARM).
 */
public final class JournalRecord
{
    /** Bytes before the frame. */
    public static final int HEADER_LENGTH = 4 + 8 + 8;

    /** Largest SBE frame a record may carry; larger is refused as corrupt. */
    public static final int MAX_FRAME_LENGTH = 4096;

    /** Largest record: header and frame. */
    public static final int MAX_RECORD_LENGTH = HEADER_LENGTH + MAX_FRAME_LENGTH;

    private JournalRecord()
    {
    }
}
