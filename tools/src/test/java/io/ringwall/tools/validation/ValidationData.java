package io.ringwall.tools.validation;

import java.util.List;

import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.marketdata.DataFiles;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.TradeCsvSource;

/** The bundled Bitstamp trades, decoded once for the validation tests (read-only, shared). */
final class ValidationData
{
    static final long HOUR_NS = 3_600_000_000_000L;
    static final RecordedMarketData BITSTAMP = RecordedMarketData.record(
        new TradeCsvSource(DataFiles.BITSTAMP_TRADES, 0, new MalformedLineReporter()));

    private ValidationData()
    {
    }

    /** The first {@code hours} of the trades. */
    static RecordedMarketData firstHours(final int hours)
    {
        return RecordedMarketData.record(BITSTAMP.slice(BITSTAMP.firstTimeNs(), BITSTAMP.firstTimeNs() + hours * HOUR_NS));
    }

    static LogicConfig config(final String strategy)
    {
        return LogicConfig.unrestricted(List.of("BTCUSD"), List.of(strategy), LogicConfig.DEFAULT_INITIAL_CASH, 1024);
    }
}
