package io.ringwall.journal;

/**
 * A journal whose older cycles {@code ringwall archive prune} removed (see {@link PrunedPrefix}): not damaged, but
 * not whole. A reader that needs every record (replay, recovery, the audit cache) refuses it and says to restore the
 * session from its archive.
 */
public final class JournalPrunedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public JournalPrunedException(final String message)
    {
        super(message);
    }
}
