package io.ringwall.perf;

import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyParameters;

/**
 * Benchmark strategy that never orders: the cost of a market-data input with no strategy work.
 */
public final class Quiet implements Strategy
{
    public Quiet(final StrategyParameters parameters)
    {
    }
}
