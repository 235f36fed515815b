package io.ringwall.journal;

import org.agrona.DirectBuffer;

/**
 * Receives the records of a journal in sequence order. The buffer is reused: copy what must outlive
 * the call.
 */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * @param sequence 1-based, gap-free record sequence.
     * @param timeNs   the record's engine time in nanoseconds since the epoch.
     * @param frame    buffer holding the SBE frame (message header first).
     * @param offset   where the frame starts in {@code frame}.
     * @param length   frame length in bytes.
     */
    void onRecord(long sequence, long timeNs, DirectBuffer frame, int offset, int length);
}
