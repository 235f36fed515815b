package io.ringwall.engine.ring;

/**
 * Thrown to producers when the engine has halted on a failure; carries the operator message.
 */
public final class EngineHaltedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public EngineHaltedException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
