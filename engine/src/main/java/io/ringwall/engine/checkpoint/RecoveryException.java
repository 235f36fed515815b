package io.ringwall.engine.checkpoint;

/**
 * Recovery found that the journals and the logic disagree (a regenerated output differs from journal "out",
 * or journal "out" holds outputs the replay did not produce): the engine refuses to go live.
 */
public final class RecoveryException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public RecoveryException(final String message)
    {
        super(message);
    }
}
