package io.ringwall.journal;

/**
 * A point of a journal's checksum chain: record {@code sequence} and the chained CRC32C it carries
 * ({@link JournalRecord}). A snapshot keeps the chain point of each journal as the journal stood when the
 * snapshot was written, so recovery can prove that the journals it resumes from are the ones the snapshot
 * was taken beside, not another session's journals or a rewritten copy whose own checksums are consistent.
 *
 * @param sequence 0 when there is no point to check (an empty journal).
 * @param checksum the record's stored CRC32C; a record written without one (version 1) is not compared.
 */
public record ChainPoint(long sequence, int checksum)
{
    /** Nothing to check. */
    public static final ChainPoint NONE = new ChainPoint(0, 0);

    /** @return whether there is a record to check. */
    public boolean isSet()
    {
        return sequence > 0;
    }
}
