package io.ringwall.journal;

/**
 * A session directory another writer holds ({@link SessionLock}). Its message is the one line an operator
 * needs: which directory, which pid, what to do.
 */
public final class SessionLockedException extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    public SessionLockedException(final String message)
    {
        super(message);
    }
}
