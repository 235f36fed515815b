package io.ringwall.engine.marketdata;

/**
 * A market-data adapter: reads or generates market data and hands it to a sink, on the caller's thread.
 */
public interface MarketDataSource
{
    /**
     * Delivers all the source's data.
     *
     * @return what was read.
     */
    SourceStats run(MarketDataSink sink);

    /**
     * @return a short description for reports (file name, generator settings).
     */
    String describe();

    /**
     * @return how many records the source will deliver when that is known up front (for progress), else -1.
     */
    default long expectedRecords()
    {
        return -1;
    }
}
