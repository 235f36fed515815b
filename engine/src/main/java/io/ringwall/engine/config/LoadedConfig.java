package io.ringwall.engine.config;

import java.util.List;

import io.ringwall.engine.market.MarketModel;
import io.ringwall.engine.ring.JournalBatching;

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
 * @param maxMalformedPpm market-data.max-malformed-fraction, parts per million: a market-data file with more
 *                    malformed lines than this share of its data lines is refused.
 * @param reconciliationMode reconciliation.mode: what the FIX gateway asks the venue; never OFF in production.
 * @param statusTimeoutNs orders.status-timeout: a pending order or cancel unanswered this long is asked about (0 never).
 * @param statusTries     orders.status-tries: unanswered questions that trip the VENUE breaker.
 * @param journalBatching journal.batch-bytes and journal.batch-delay: what bounds a journal document.
 * @param retentionKeepDays retention.keep-days: archived, verified journal cycles older than this many days may be
 *                    deleted by 'ringwall archive prune' (0 keeps them for ever).
 * @param shadow      the shadow.* settings (off here: {@code ringwall run --shadow} turns them on).
 */
public record LoadedConfig(RiskLimits risk, BreakerLimits breakers, List<InstrumentSpec> instruments,
    MarketModel market, String environment, List<String> sources,
    io.ringwall.engine.checkpoint.CheckpointSettings lifecycle, long maxMalformedPpm,
    ReconciliationMode reconciliationMode, long statusTimeoutNs, int statusTries, JournalBatching journalBatching,
    int retentionKeepDays, ShadowSettings shadow)
{
    /** 1 %: the bundled Bitstamp file has 0.018 %; a file of another format, or not CSV at all, is near 100 %. */
    public static final long DEFAULT_MAX_MALFORMED_PPM = 10_000;

    public LoadedConfig
    {
        instruments = List.copyOf(instruments);
        sources = List.copyOf(sources);
    }
}
