package io.ringwall.engine.config;

import java.util.List;

import io.ringwall.engine.market.MarketModel;

/**
 * Everything configuration decides about a session, validated and built: what {@link ConfigLoader} and
 * {@link ConfigManifest#fromProperties} return.
 *
 * @param risk        the pre-trade limits.
 * @param breakers    the circuit breakers.
 * @param instruments reference data; an instrument's position in this list is its id.
 * @param environment development, staging or production; "manifest" when rebuilt from a session manifest.
 * @param sources     what was applied, in order: each file's location, then each override as
 *                    {@code NAME=value} (limits are not secrets), so a log shows where every value came from.
 */
public record LoadedConfig(RiskLimits risk, BreakerLimits breakers, List<InstrumentSpec> instruments,
    MarketModel market, String environment, List<String> sources,
    io.ringwall.engine.checkpoint.CheckpointSettings lifecycle)
{
    public LoadedConfig
    {
        instruments = List.copyOf(instruments);
        sources = List.copyOf(sources);
    }
}
