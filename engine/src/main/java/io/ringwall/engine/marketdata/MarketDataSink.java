package io.ringwall.engine.marketdata;

/**
 * Where an adapter delivers decoded market data (prices and quantities already scaled). The sink
 * decides the engine time, pacing and anything else about ingress.
 */
public interface MarketDataSink
{
    void trade(int instrumentId, long tradeId, long price, long quantity, long exchangeTimeNs);

    void bar(int instrumentId, long open, long high, long low, long close, long volume, long startTimeNs, long durationNs);
}
