package io.ringwall.journal;

/**
 * A journal whose content breaks the record layout or the sequence contract. Never expected: whoever
 * meets it stops (fail closed) and tells the operator which journal and where.
 */
public final class JournalCorruptException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public JournalCorruptException(final String message)
    {
        super(message);
    }
}
