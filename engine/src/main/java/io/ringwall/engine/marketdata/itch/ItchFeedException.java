package io.ringwall.engine.marketdata.itch;

/**
 * An ITCH file or capture cannot be read on: a bad magic, a zero or inconsistent length, a truncated record or
 * packet, a message the specification does not define. The message says what, where (file offset, packet number)
 * and what to do. Reading stops here: the bytes after a framing error cannot be trusted (fail closed).
 */
public final class ItchFeedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final long fileOffset;

    public ItchFeedException(final String message, final long fileOffset)
    {
        super(message, null, false, false);
        this.fileOffset = fileOffset;
    }

    /** The file offset the error names (the record or message that failed). */
    public long fileOffset()
    {
        return fileOffset;
    }
}
