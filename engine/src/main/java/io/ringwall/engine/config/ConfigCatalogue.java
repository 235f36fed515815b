package io.ringwall.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.ringwall.journal.JournalWriter;

import static io.ringwall.engine.config.RiskLimits.MAX_ORDERS_PER_SECOND_LIMIT;
import static io.ringwall.engine.config.RiskLimits.PPM;
import static io.ringwall.engine.config.ValueKind.BOOLEAN;
import static io.ringwall.engine.config.ValueKind.DURATION;
import static io.ringwall.engine.config.ValueKind.FRACTION;
import static io.ringwall.engine.config.ValueKind.INTEGER;
import static io.ringwall.engine.config.ValueKind.MONEY;
import static io.ringwall.engine.config.ValueKind.PARTICIPATION_MODE;
import static io.ringwall.engine.config.ValueKind.QUANTITY;
import static io.ringwall.engine.config.ValueKind.TRIP_TO;

/**
 * Every configurable limit, once: the YAML files, the {@code RINGWALL_*} environment overrides and the
 * session manifest all read and write exactly these keys. Ranges are copied from the compact constructors of
 * {@link RiskLimits} and {@link BreakerLimits} (a test keeps them equal), so a value out of range is refused
 * with the key's name before a record sees it. The order here is the manifest's order.
 */
final class ConfigCatalogue
{
    /** The rule keys of one breaker: {@code breakers.<name>.enabled / .trip-to / .cancel-open-orders}. */
    record Rule(ConfigKey enabled, ConfigKey tripTo, ConfigKey cancelOpenOrders)
    {
    }

    private static final long MAX = Long.MAX_VALUE;
    private static final long DAY_NS = 86_400_000_000_000L;
    private static final int MAX_RATE = BreakerLimits.MAX_RATE_COUNT;
    // Filled by key() in declaration order; must stay above the first key.
    private static final List<ConfigKey> REGISTERED = new ArrayList<>();

    static final ConfigKey CAPITAL_SCALE = key("risk.capital-scale", FRACTION, "fraction", 1, PPM,
        (r, b) -> r.capitalScalePpm());
    static final ConfigKey MAX_POSITION_FRACTION = key("risk.max-position-fraction", FRACTION,
        "fraction of equity", 0, 100 * PPM, (r, b) -> r.maxPositionEquityPpm());
    static final ConfigKey MAX_POSITION_QUANTITY = key("risk.max-position-quantity", QUANTITY, "quantity", 0, MAX,
        (r, b) -> r.maxPositionQuantity());
    static final ConfigKey MAX_SECTOR_FRACTION = key("risk.max-sector-fraction", FRACTION, "fraction of equity", 0,
        100 * PPM, (r, b) -> r.maxSectorEquityPpm());
    static final ConfigKey MAX_ORDER_NOTIONAL = key("risk.max-order-notional", MONEY, "money", 0, MAX,
        (r, b) -> r.maxOrderNotional());
    static final ConfigKey MIN_ORDER_QUANTITY = key("risk.min-order-quantity", QUANTITY, "quantity", 0, MAX,
        (r, b) -> r.minOrderQuantity());
    /** Also at least {@link #MIN_ORDER_QUANTITY}: {@link ConfigValues} checks that pair. */
    static final ConfigKey MAX_ORDER_QUANTITY = key("risk.max-order-quantity", QUANTITY, "quantity", 0, MAX,
        (r, b) -> r.maxOrderQuantity());
    static final ConfigKey MAX_GROSS_LEVERAGE = key("risk.max-gross-leverage", FRACTION, "fraction of equity", 0,
        100 * PPM, (r, b) -> r.maxGrossLeveragePpm());
    static final ConfigKey MAX_NET_EXPOSURE = key("risk.max-net-exposure", FRACTION, "fraction of equity", 0,
        100 * PPM, (r, b) -> r.maxNetExposurePpm());
    static final ConfigKey MAX_ORDERS_PER_DAY = key("risk.max-orders-per-day", INTEGER, "orders per UTC day", 0,
        Integer.MAX_VALUE, (r, b) -> r.maxOrdersPerDay());
    static final ConfigKey MAX_ORDERS_PER_SECOND = key("risk.max-orders-per-second", INTEGER,
        "orders per rolling second (0 = no limit)", 0, MAX_ORDERS_PER_SECOND_LIMIT, (r, b) -> r.maxOrdersPerSecond());
    static final ConfigKey PRICE_COLLAR = key("risk.price-collar", FRACTION, "fraction of the reference price", 0,
        100 * PPM, (r, b) -> r.defaultPriceCollarPpm());
    static final ConfigKey DUPLICATE_WINDOW = key("risk.duplicate-window", DURATION, "duration", 0,
        DAY_NS, (r, b) -> r.duplicateWindowNs());
    static final ConfigKey MAX_PARTICIPATION = key("risk.max-participation", FRACTION, "fraction of ADV", 0, PPM,
        (r, b) -> r.maxParticipationPpm());
    static final ConfigKey PARTICIPATION = key("risk.participation-mode", PARTICIPATION_MODE,
        PARTICIPATION_MODE.label(), 0, ParticipationMode.values().length - 1, (r, b) -> r.participationMode().ordinal());
    static final ConfigKey CHECK_BUYING_POWER = key("risk.check-buying-power", BOOLEAN, BOOLEAN.label(), 0, 1,
        (r, b) -> r.checkBuyingPower() ? 1 : 0);
    static final ConfigKey FEE_ESTIMATE_BPS = key("risk.fee-estimate-bps", INTEGER, "basis points of notional", 0,
        10_000, (r, b) -> r.feeEstimateBps());

    static final Rule DRAWDOWN = rule("drawdown", BreakerLimits::drawdown);
    static final ConfigKey DRAWDOWN_THRESHOLD = key("breakers.drawdown.threshold", FRACTION,
        "fraction of the high-water mark", 1, PPM, (r, b) -> b.drawdownPpm());
    static final Rule DAILY_LOSS = rule("daily-loss", BreakerLimits::dailyLoss);
    static final ConfigKey DAILY_LOSS_MONEY = key("breakers.daily-loss.max-loss", MONEY, "money", 1, MAX,
        (r, b) -> b.dailyLossMoney());
    static final ConfigKey DAILY_LOSS_FRACTION = key("breakers.daily-loss.max-loss-fraction", FRACTION,
        "fraction of the day's first equity", 1, PPM, (r, b) -> b.dailyLossPpm());
    static final Rule ORDER_RATE = rule("order-rate", BreakerLimits::orderRate);
    static final ConfigKey ORDER_RATE_COUNT = key("breakers.order-rate.max-orders", INTEGER,
        "order attempts per window", 1, MAX_RATE, (r, b) -> b.orderRateCount());
    static final ConfigKey ORDER_RATE_WINDOW = key("breakers.order-rate.window", DURATION, "duration", 1, DAY_NS,
        (r, b) -> b.orderRateWindowNs());
    static final Rule VENUE_REJECTS = rule("venue-rejects", BreakerLimits::venueRejects);
    static final ConfigKey VENUE_REJECT_COUNT = key("breakers.venue-rejects.max-rejects", INTEGER,
        "venue rejects per window", 1, MAX_RATE, (r, b) -> b.venueRejectCount());
    static final ConfigKey VENUE_REJECT_WINDOW = key("breakers.venue-rejects.window", DURATION, "duration", 1,
        DAY_NS, (r, b) -> b.venueRejectWindowNs());
    static final Rule STALE_DATA = rule("stale-data", BreakerLimits::staleData);
    static final ConfigKey INSTRUMENT_STALE = key("breakers.stale-data.instrument-max-age", DURATION, "duration", 1,
        7 * DAY_NS, (r, b) -> b.instrumentStaleNs());
    static final ConfigKey FEED_STALE = key("breakers.stale-data.feed-max-age", DURATION, "duration", 1,
        7 * DAY_NS, (r, b) -> b.feedStaleNs());
    // Issue 24: bar data is stale against its own rhythm. 0s in a file means "detect it from the bar data"; the
    // manifest holds the interval the session resolved (0s for trade data), so a replay measures the same ages.
    static final ConfigKey BAR_INTERVAL = key("breakers.stale-data.bar-interval", DURATION,
        "duration of one bar (0s = detected from bar data; none for trades)", 0, BreakerLimits.MAX_BAR_INTERVAL_NS,
        (r, b) -> b.barIntervalNs());
    static final ConfigKey STALE_BAR_INTERVALS = key("breakers.stale-data.bar-intervals", INTEGER,
        "bar intervals of open market", 1, BreakerLimits.MAX_STALE_BAR_INTERVALS, (r, b) -> b.staleBarIntervals());
    static final Rule MARKET_MOVE = rule("market-move", BreakerLimits::marketMove);
    static final ConfigKey MARKET_MOVE_THRESHOLD = key("breakers.market-move.threshold", FRACTION,
        "fraction, (high - low) / low", 1, 100 * PPM, (r, b) -> b.marketMovePpm());
    static final ConfigKey MARKET_MOVE_WINDOW = key("breakers.market-move.window", DURATION, "duration", 1, DAY_NS,
        (r, b) -> b.marketMoveWindowNs());

    /** Every key of the logic's limits, in catalogue order: these go to the session manifest. */
    static final List<ConfigKey> KEYS = List.copyOf(REGISTERED);

    // Process-lifecycle keys (issue 5): how the engine process checkpoints and shuts down. They do not change
    // what the logic computes, so they stay out of the manifest: a session may resume with other values.
    private static final List<ConfigKey> LIFECYCLE_REGISTERED = new ArrayList<>();
    static final ConfigKey CHECKPOINT_EVERY_INPUTS = lifecycleKey("checkpoint.every-inputs", INTEGER,
        "inputs between snapshots (0 = not by count)", 0, MAX);
    static final ConfigKey CHECKPOINT_EVERY = lifecycleKey("checkpoint.every", DURATION,
        "event time between snapshots (0s = not by time)", 0, 7 * DAY_NS);
    static final ConfigKey CHECKPOINT_RETAIN = lifecycleKey("checkpoint.retain", INTEGER, "snapshot files kept", 1,
        1_000);
    static final ConfigKey SHUTDOWN_CANCEL = lifecycleKey("shutdown.cancel-open-orders", BOOLEAN, BOOLEAN.label(), 0,
        1);
    static final ConfigKey SHUTDOWN_TIMEOUT = lifecycleKey("shutdown.timeout", DURATION, "duration", 1_000_000_000L,
        DAY_NS / 24);
    static final ConfigKey JOURNAL_MIN_FREE_SPACE = lifecycleKey("journal.min-free-space", INTEGER,
        "MiB kept free on the session's file system (0 = no check)", 0, 1L << 30);
    // Issue 25: what bounds a journal document besides the ring's batch (JournalBatching). How inputs are grouped into
    // documents changes no record, so a session may resume with other values.
    static final ConfigKey JOURNAL_BATCH_BYTES = lifecycleKey("journal.batch-bytes", INTEGER,
        "bytes of records per journal document (1 = a document per record)", 1, JournalWriter.MAX_DOCUMENT_BYTES);
    static final ConfigKey JOURNAL_BATCH_DELAY = lifecycleKey("journal.batch-delay", DURATION,
        "duration of ingress time one journal document may span (0s = no bound)", 0, 1_000_000_000L);
    // Issue 17: how much of a market-data file may be malformed before it is refused (the feed, not the logic).
    static final ConfigKey MAX_MALFORMED = lifecycleKey("market-data.max-malformed-fraction", FRACTION,
        "fraction of a file's data lines", 0, PPM);
    // Issue 18: what the FIX gateway's reconciliation asks the venue (the gateway's, not the logic's: the logic judges
    // what journal "in" says was asked). off is refused in production (ConfigLoader).
    static final ConfigKey RECONCILIATION_MODE = lifecycleKey("reconciliation.mode", ValueKind.RECONCILIATION_MODE,
        ValueKind.RECONCILIATION_MODE.label(), 0, ReconciliationMode.values().length - 1);
    // Issue 18, lost answers: the logic asks about an order or cancel the venue has not answered within the timeout,
    // and halts (VENUE) after so many unanswered questions. The logic's, so they reach the session manifest through
    // LogicConfig (logic.orderStatus*), and only when on, so a session from before keeps its manifest.
    static final ConfigKey STATUS_TIMEOUT = lifecycleKey("orders.status-timeout", DURATION,
        "duration of event time (0s = never ask)", 0, DAY_NS / 24);
    static final ConfigKey STATUS_TRIES = lifecycleKey("orders.status-tries", INTEGER,
        "unanswered questions that halt (VENUE)", 1, 1_000);
    // Issue 21: how long closed journal cycles stay in the session once archived and verified ('ringwall archive
    // prune' reads it; the engine never deletes). 0 keeps them for ever, and a session that never set it is unchanged.
    static final ConfigKey RETENTION_KEEP_DAYS = lifecycleKey("retention.keep-days", INTEGER,
        "days an archived, verified journal cycle stays in the session (0 = for ever)", 0, 36_500);
    // Issue 20, shadow trading (ringwall run --shadow): when the live strategy's decisions agree with its twin's, and
    // what trips the SHADOW breaker. The logic's, so they reach the session manifest through LogicConfig
    // (logic.shadow.*), and only when the shadow is on, so a session without it keeps its manifest.
    static final ConfigKey SHADOW_SIGNAL_TOLERANCE = lifecycleKey("shadow.signal-tolerance", FRACTION,
        "fraction of the larger target", 0, PPM);
    static final ConfigKey SHADOW_MAX_MISALIGNMENTS = lifecycleKey("shadow.max-misalignments", INTEGER,
        "misaligned decisions in a row that halt (SHADOW)", 1, 1_000);
    static final ConfigKey SHADOW_MIN_EXECUTION_QUALITY = lifecycleKey("shadow.min-execution-quality", FRACTION,
        "fraction of finished orders filled", 0, PPM);
    static final ConfigKey SHADOW_EXECUTION_WINDOW = lifecycleKey("shadow.execution-window", INTEGER,
        "finished orders the execution quality is measured over", 1, ShadowSettings.MAX_EXECUTION_WINDOW);
    /** The lifecycle keys; their indices follow the catalogue's in {@link ConfigValues}. */
    static final List<ConfigKey> LIFECYCLE_KEYS = List.copyOf(LIFECYCLE_REGISTERED);
    private static final List<ConfigKey> ALL_KEYS = concat(KEYS, LIFECYCLE_KEYS);

    private static final Map<String, ConfigKey> BY_NAME = index(ALL_KEYS, false);
    private static final Map<String, ConfigKey> BY_VARIABLE = index(ALL_KEYS, true);
    private static final Set<String> SECTIONS = sections(ALL_KEYS);

    private ConfigCatalogue()
    {
    }

    /** @return the key of that dotted name, or null. */
    static ConfigKey byName(final String name)
    {
        return BY_NAME.get(name);
    }

    /** @return the key that environment variable overrides, or null. */
    static ConfigKey byEnvironmentVariable(final String variable)
    {
        return BY_VARIABLE.get(variable);
    }

    /** Whether {@code path} is a map of keys ({@code risk}, {@code breakers.drawdown}) rather than a key. */
    static boolean isSection(final String path)
    {
        return SECTIONS.contains(path);
    }

    private static ConfigKey key(final String name, final ValueKind kind, final String unit, final long min,
        final long max, final ConfigKey.Reader reader)
    {
        final ConfigKey key = new ConfigKey(REGISTERED.size(), name, kind, unit, min, max, reader);
        REGISTERED.add(key);
        return key;
    }

    private static ConfigKey lifecycleKey(final String name, final ValueKind kind, final String unit, final long min,
        final long max)
    {
        final ConfigKey key = new ConfigKey(REGISTERED.size() + LIFECYCLE_REGISTERED.size(), name, kind, unit, min,
            max, (r, b) ->
            {
                throw new IllegalStateException(name + " is not part of the logic's limits");
            });
        LIFECYCLE_REGISTERED.add(key);
        return key;
    }

    private static List<ConfigKey> concat(final List<ConfigKey> first, final List<ConfigKey> second)
    {
        final List<ConfigKey> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static Rule rule(final String breaker, final Function<BreakerLimits, BreakerRule> rule)
    {
        final String prefix = "breakers." + breaker + ".";
        return new Rule(
            key(prefix + "enabled", BOOLEAN, BOOLEAN.label(), 0, 1, (r, b) -> rule.apply(b).enabled() ? 1 : 0),
            key(prefix + "trip-to", TRIP_TO, TRIP_TO.label(), 0, 1, (r, b) -> ValueKind.tripTo(rule.apply(b).tripTo())),
            key(prefix + "cancel-open-orders", BOOLEAN, BOOLEAN.label(), 0, 1,
                (r, b) -> rule.apply(b).cancelOpenOrders() ? 1 : 0));
    }

    private static Map<String, ConfigKey> index(final List<ConfigKey> keys, final boolean byVariable)
    {
        final Map<String, ConfigKey> index = new LinkedHashMap<>();
        for (final ConfigKey key : keys)
        {
            // Two names that differ only in '.' vs '-' would share a variable: refuse that at class load.
            if (index.put(byVariable ? key.environmentVariable() : key.name, key) != null)
            {
                throw new IllegalStateException("two catalogue keys share " + key.environmentVariable());
            }
        }
        return Collections.unmodifiableMap(index);
    }

    private static Set<String> sections(final List<ConfigKey> keys)
    {
        final Set<String> sections = new HashSet<>();
        for (final ConfigKey key : keys)
        {
            for (int dot = key.name.indexOf('.'); dot > 0; dot = key.name.indexOf('.', dot + 1))
            {
                sections.add(key.name.substring(0, dot));
            }
        }
        return Collections.unmodifiableSet(sections);
    }
}
