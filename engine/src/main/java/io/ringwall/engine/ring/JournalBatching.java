package io.ringwall.engine.ring;

import io.ringwall.journal.JournalWriter;

/**
 * How much one journal document holds. A journal stage writes what the ring has published since its last
 * document as one document (one Chronicle append for many frames), and closes it earlier at either bound:
 *
 * @param maxBytes   the document is written once its records reach this many bytes ({@code journal.batch-bytes};
 *                   a record is 24 bytes plus its frame, so a value below that writes a document per frame, as
 *                   journals did before batching).
 * @param maxDelayNs the document is written once its frames span this much ingress time ({@code journal.batch-delay};
 *                   0: no bound by time). A frame's ingress stamp is free to read, where a clock read per frame is
 *                   not; the span is a lower bound of how long the document's first frame has waited in it.
 */
public record JournalBatching(int maxBytes, long maxDelayNs)
{
    /**
     * 64 KiB, about 780 trade records: a document's own cost (one Chronicle append, a few hundred ns) is then
     * well under a nanosecond per frame, and under a burst the logic sees its first frame after some 780 records
     * are journaled rather than the ring's whole batch (up to 4,096).
     */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;
    public static final JournalBatching DEFAULTS = new JournalBatching(DEFAULT_MAX_BYTES, 0);

    public JournalBatching
    {
        if (maxBytes < 1 || maxBytes > JournalWriter.MAX_DOCUMENT_BYTES)
        {
            throw new IllegalArgumentException("journal batch of " + maxBytes + " bytes not in [1, " +
                JournalWriter.MAX_DOCUMENT_BYTES + "]");
        }
        if (maxDelayNs < 0)
        {
            throw new IllegalArgumentException("journal batch delay " + maxDelayNs + " ns must not be negative");
        }
    }

    /**
     * @param stagedBytes    bytes of the records the document holds so far.
     * @param firstIngressNs ingress stamp of its first frame.
     * @param lastIngressNs  ingress stamp of its last frame.
     * @return whether the document is full and must be written now.
     */
    boolean isFull(final int stagedBytes, final long firstIngressNs, final long lastIngressNs)
    {
        return stagedBytes >= maxBytes || (maxDelayNs > 0 && lastIngressNs - firstIngressNs >= maxDelayNs);
    }
}
