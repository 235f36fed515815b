package io.ringwall.engine.config;

import io.ringwall.engine.ring.JournalBatching;
import static io.ringwall.engine.config.ConfigCatalogue.*;

/**
 * The catalogue's values as they are gathered, layer after layer (base file, overlay, environment; or a
 * manifest): a later {@link #set} replaces an earlier one and remembers its source, so an error found only
 * when the records are built still names the file or variable that set the offending value.
 */
final class ConfigValues
{
    private final long[] values = new long[KEYS.size() + LIFECYCLE_KEYS.size()];
    private final String[] sources = new String[KEYS.size() + LIFECYCLE_KEYS.size()];

    /**
     * Parses and range-checks {@code text}, then lets it replace any earlier value of the key.
     *
     * @throws ConfigException naming {@code source} and the key.
     */
    void set(final ConfigKey key, final String source, final String text)
    {
        setParsed(key, source, key.parse(source, text));
    }

    /** As {@link #set}, for a value already parsed and range-checked. */
    void setParsed(final ConfigKey key, final String source, final long value)
    {
        values[key.index] = value;
        sources[key.index] = source;
    }

    /**
     * @param where names the layer that had to define every key (the base file, the manifest).
     * @throws ConfigException for the first key no layer set, or a pair of values that contradict each other.
     */
    RiskLimits risk(final String where)
    {
        requireAll(where);
        if (get(MAX_ORDER_QUANTITY) < get(MIN_ORDER_QUANTITY))
        {
            throw new ConfigException(sources[MAX_ORDER_QUANTITY.index] + ": " + MAX_ORDER_QUANTITY.name + " = " +
                text(MAX_ORDER_QUANTITY) + " is not allowed: at least " + MIN_ORDER_QUANTITY.name + " = " +
                text(MIN_ORDER_QUANTITY) + " (from " + sources[MIN_ORDER_QUANTITY.index] + ")");
        }
        try
        {
            return new RiskLimits(get(CAPITAL_SCALE), get(MAX_POSITION_FRACTION), get(MAX_POSITION_QUANTITY),
                get(MAX_SECTOR_FRACTION), get(MAX_ORDER_NOTIONAL), get(MIN_ORDER_QUANTITY), get(MAX_ORDER_QUANTITY),
                get(MAX_GROSS_LEVERAGE), get(MAX_NET_EXPOSURE), (int)get(MAX_ORDERS_PER_DAY),
                (int)get(MAX_ORDERS_PER_SECOND), get(PRICE_COLLAR), get(DUPLICATE_WINDOW), get(MAX_PARTICIPATION),
                ParticipationMode.values()[(int)get(PARTICIPATION)], get(CHECK_BUYING_POWER) != 0,
                get(FEE_ESTIMATE_BPS));
        }
        catch (final IllegalArgumentException ex)
        {
            // Unreachable while the catalogue's ranges match the record's; if they drift, still fail closed.
            throw new ConfigException(where + ": " + ex.getMessage());
        }
    }

    /** As {@link #risk}, for the breakers. */
    BreakerLimits breakers(final String where)
    {
        requireAll(where);
        try
        {
            return new BreakerLimits(
                rule(DRAWDOWN), get(DRAWDOWN_THRESHOLD),
                rule(DAILY_LOSS), get(DAILY_LOSS_MONEY), get(DAILY_LOSS_FRACTION),
                rule(ORDER_RATE), (int)get(ORDER_RATE_COUNT), get(ORDER_RATE_WINDOW),
                rule(VENUE_REJECTS), (int)get(VENUE_REJECT_COUNT), get(VENUE_REJECT_WINDOW),
                rule(STALE_DATA), get(INSTRUMENT_STALE), get(FEED_STALE), get(BAR_INTERVAL),
                (int)get(STALE_BAR_INTERVALS),
                rule(MARKET_MOVE), get(MARKET_MOVE_THRESHOLD), get(MARKET_MOVE_WINDOW));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(where + ": " + ex.getMessage());
        }
    }

    /**
     * The process-lifecycle settings; keys no layer set keep their defaults (a manifest holds none).
     */
    io.ringwall.engine.checkpoint.CheckpointSettings lifecycle(final String where)
    {
        final io.ringwall.engine.checkpoint.CheckpointSettings defaults =
            io.ringwall.engine.checkpoint.CheckpointSettings.DEFAULTS;
        try
        {
            return new io.ringwall.engine.checkpoint.CheckpointSettings(
                orDefault(CHECKPOINT_EVERY_INPUTS, defaults.everyInputs()),
                orDefault(CHECKPOINT_EVERY, defaults.everyEventTimeNs()),
                (int)orDefault(CHECKPOINT_RETAIN, defaults.retain()),
                orDefault(SHUTDOWN_CANCEL, defaults.cancelOnShutdown() ? 1 : 0) != 0,
                orDefault(SHUTDOWN_TIMEOUT, defaults.shutdownTimeoutNs()),
                orDefault(JOURNAL_MIN_FREE_SPACE, defaults.minFreeBytes() >> 20) << 20);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(where + ": " + ex.getMessage());
        }
    }

    /** @return journal.batch-bytes and journal.batch-delay, defaults where no layer set them. */
    JournalBatching journalBatching(final String where)
    {
        try
        {
            return new JournalBatching((int)orDefault(ConfigCatalogue.JOURNAL_BATCH_BYTES, JournalBatching.DEFAULTS.maxBytes()),
                orDefault(ConfigCatalogue.JOURNAL_BATCH_DELAY, JournalBatching.DEFAULTS.maxDelayNs()));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(where + ": " + ex.getMessage());
        }
    }

    /** @return retention.keep-days; 0 (keep for ever) when no layer set it (a manifest holds none). */
    int retentionKeepDays()
    {
        return (int)orDefault(ConfigCatalogue.RETENTION_KEEP_DAYS, 0);
    }

    /** @return the shadow.* settings, defaults where no layer set them; off until {@code --shadow} turns them on. */
    ShadowSettings shadow(final String where)
    {
        try
        {
            return new ShadowSettings(false,
                orDefault(SHADOW_SIGNAL_TOLERANCE, ShadowSettings.DEFAULT_SIGNAL_TOLERANCE_PPM),
                (int)orDefault(SHADOW_MAX_MISALIGNMENTS, ShadowSettings.DEFAULT_MAX_MISALIGNMENTS),
                orDefault(SHADOW_MIN_EXECUTION_QUALITY, ShadowSettings.DEFAULT_MIN_EXECUTION_QUALITY_PPM),
                (int)orDefault(SHADOW_EXECUTION_WINDOW, ShadowSettings.DEFAULT_EXECUTION_WINDOW), java.util.List.of());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(where + ": " + ex.getMessage());
        }
    }

    /** @return orders.status-timeout, ns; 0 (never ask) when no layer set it (a manifest holds none). */
    long statusTimeoutNs()
    {
        return orDefault(ConfigCatalogue.STATUS_TIMEOUT, 0);
    }

    /** @return orders.status-tries; 1 when no layer set it. */
    int statusTries()
    {
        return (int)orDefault(ConfigCatalogue.STATUS_TRIES, 1);
    }

    /** @return reconciliation.mode; full when no layer set it (a manifest holds none). */
    ReconciliationMode reconciliationMode()
    {
        return ReconciliationMode.values()[(int)orDefault(ConfigCatalogue.RECONCILIATION_MODE,
            ReconciliationMode.FULL.ordinal())];
    }

    /**
     * Production never runs without reconciliation: {@code reconciliation.mode: off} there is a start-up error
     * naming where the value came from.
     */
    void refuseUnsafeInProduction(final String environment)
    {
        final ConfigKey key = ConfigCatalogue.RECONCILIATION_MODE;
        if ("production".equals(environment) && reconciliationMode() == ReconciliationMode.OFF)
        {
            throw new ConfigException(sources[key.index] + ": " + key.name + " = " + text(key) + " is not allowed " +
                "in production: the venue's positions and open orders must be reconciled (full or orders-only)");
        }
    }

    /** @return market-data.max-malformed-fraction in parts per million; its default when no layer set it. */
    long maxMalformedPpm()
    {
        return orDefault(MAX_MALFORMED, LoadedConfig.DEFAULT_MAX_MALFORMED_PPM);
    }

    private long orDefault(final ConfigKey key, final long defaultValue)
    {
        return sources[key.index] == null ? defaultValue : values[key.index];
    }

    /** @throws ConfigException for the first key no layer has set yet. */
    void requireAll(final String where)
    {
        for (final ConfigKey key : KEYS)
        {
            if (sources[key.index] == null)
            {
                throw new ConfigException(where + ": " + key.name + " is missing (" + key.range() + ")");
            }
        }
    }

    private BreakerRule rule(final Rule rule)
    {
        return new BreakerRule(get(rule.enabled()) != 0, ValueKind.tripState(get(rule.tripTo())),
            get(rule.cancelOpenOrders()) != 0);
    }

    private long get(final ConfigKey key)
    {
        return values[key.index];
    }

    private String text(final ConfigKey key)
    {
        return key.format(get(key));
    }
}
