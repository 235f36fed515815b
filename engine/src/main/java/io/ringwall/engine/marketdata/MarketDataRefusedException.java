package io.ringwall.engine.marketdata;

/**
 * A market-data read ended because its file has more malformed lines than allowed
 * ({@link MalformedLineReporter}). Thrown on the adapter's thread; the engine then stops intake and shuts down
 * as at the end of the data (rings drained, journals flushed), and the run's summary carries the message.
 */
public final class MarketDataRefusedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public MarketDataRefusedException(final String message)
    {
        super(message, null, false, false);
    }
}
