package io.ringwall.tools;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;

/**
 * Why a session did not trade as expected, in plain words for the top of the run summary and the backtest report:
 * every breaker that tripped (which, when, why: the figure and the limit, and the configuration key that governs
 * it), and, when no order was sent, what stopped them. Made by the tools from journaled values (journal "out" and
 * the manifest), never on the logic thread. Empty when the session sent orders and no breaker tripped.
 */
final class SessionDiagnosis
{
    /** Trips described one by one; more are counted in one line (ringwall risk-events lists them all). */
    static final int MAX_TRIPS_SHOWN = 5;

    private final LogicConfig config;
    private final SessionSymbols symbols;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BreakerStateChangeDecoder change = new BreakerStateChangeDecoder();
    private final RiskRejectDecoder reject = new RiskRejectDecoder();
    private final Map<RiskRejectReason, Long> rejects = new EnumMap<>(RiskRejectReason.class);
    private final List<String> trips = new ArrayList<>();
    private JournalDirectory journals;
    private long tripCount;
    private long ordersSent;

    private SessionDiagnosis(final LogicConfig config)
    {
        this.config = config;
        this.symbols = new SessionSymbols(config.symbols());
    }

    /**
     * @return the lines, the most important first; empty when there is nothing to explain.
     * @throws IllegalArgumentException when the directory holds no session or its manifest is incomplete.
     */
    static List<String> of(final Path sessionDir)
    {
        try (JournalDirectory journals = JournalDirectory.openExisting(sessionDir))
        {
            final SessionDiagnosis diagnosis = new SessionDiagnosis(LogicConfig.fromManifest(journals.readManifest()));
            diagnosis.journals = journals;
            // A session resumed after a crash may end journal "out" on a torn record; recovery skipped it, so do we.
            try (JournalReader outputs = journals.outputReader().tolerateTornRecords())
            {
                outputs.readAll((sequence, timeNs, frame, offset, length) ->
                {
                    if (diagnosis.header.wrap(frame, offset).schemaId() != MessageHeaderDecoder.SCHEMA_ID)
                    {
                        return;
                    }
                    final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
                    switch (diagnosis.header.templateId())
                    {
                        case NewOrderDecoder.TEMPLATE_ID -> diagnosis.ordersSent++;
                        case RiskRejectDecoder.TEMPLATE_ID -> diagnosis.rejects.merge(diagnosis.reject.wrap(frame,
                            body, diagnosis.header.blockLength(), diagnosis.header.version()).reason(), 1L, Long::sum);
                        case BreakerStateChangeDecoder.TEMPLATE_ID -> diagnosis.onBreakerChange(timeNs,
                            diagnosis.change.wrap(frame, body, diagnosis.header.blockLength(),
                            diagnosis.header.version()));
                        default ->
                        {
                        }
                    }
                });
            }
            return diagnosis.lines();
        }
    }

    /** As {@link #of}, but empty when the run stopped before it had a session to explain. */
    static List<String> orNone(final Path sessionDir)
    {
        final boolean holdsSession = java.nio.file.Files.isDirectory(sessionDir.resolve("in")) &&
            java.nio.file.Files.isRegularFile(sessionDir.resolve(JournalDirectory.MANIFEST_FILE));
        if (!holdsSession)
        {
            return List.of();
        }
        try
        {
            return of(sessionDir);
        }
        catch (final io.ringwall.journal.JournalCorruptException ex)
        {
            // The run itself is over and its summary stands; say why it cannot be explained instead of failing it.
            return List.of("journal \"out\" could not be read to explain this session: " + ex.getMessage());
        }
    }

    private void onBreakerChange(final long timeNs, final BreakerStateChangeDecoder trip)
    {
        final BreakerState to = trip.toState();
        if (trip.fromState() != BreakerState.ACTIVE || to == BreakerState.ACTIVE)
        {
            return;
        }
        tripCount++;
        if (trips.size() < MAX_TRIPS_SHOWN)
        {
            final BreakerType type = trip.breakerType();
            final String why = type == BreakerType.STALE_DATA && trip.thresholdValue() == 0 ?
                feedReported(trip.causeSequence()) :
                why(type, trip.observedValue(), trip.thresholdValue(), trip.instrumentId());
            trips.add("breaker " + type + " tripped to " + to + " at " + Instant.ofEpochSecond(0, timeNs) +
                " (input " + trip.causeSequence() + "): " + why + "; " + consequence(to) + " until an operator resets it (ringwall ctl " +
                "reset-breaker " + type + " --reason ...)");
        }
    }

    /**
     * A STALE_DATA trip with a threshold of 0 (no age trip has one) was caused by the feed itself: its FeedHealth
     * input says what it reported. Reads journal "in" up to that input (only for such a trip, which ends intake).
     */
    private String feedReported(final long causeSequence)
    {
        final String[] text = {null};
        final MessageHeaderDecoder inputHeader = new MessageHeaderDecoder();
        final io.ringwall.codecs.FeedHealthDecoder health = new io.ringwall.codecs.FeedHealthDecoder();
        try (JournalReader in = journals.inputReader().tolerateTornRecords())
        {
            while (text[0] == null && in.readNextDocument((sequence, timeNs, frame, offset, length) ->
            {
                if (sequence == causeSequence &&
                    inputHeader.wrap(frame, offset).schemaId() == MessageHeaderDecoder.SCHEMA_ID &&
                    inputHeader.templateId() == io.ringwall.codecs.FeedHealthDecoder.TEMPLATE_ID)
                {
                    text[0] = RiskEventLog.feedHealthText(health.wrap(frame,
                        offset + MessageHeaderDecoder.ENCODED_LENGTH, inputHeader.blockLength(), inputHeader.version()));
                }
            }))
            {
                // until the cause is found or the journal ends
            }
        }
        return "the exchange feed reported " + (text[0] == null ? "a gap or silence" : text[0]) + " (intake " +
            "stopped there: a book built from a feed with a gap may be wrong); governed by breakers.stale-data.enabled";
    }

    private List<String> lines()
    {
        final List<String> lines = new ArrayList<>();
        if (ordersSent == 0)
        {
            lines.add("no orders were sent: " + (rejects.isEmpty() ? "the strategies asked for none (no signal in " +
                "the data: are there more bars than the strategy's longest window?)" : "risk refused every order " +
                "the strategies tried: " + rejectsText()));
        }
        else if (tripCount > 0 && !rejects.isEmpty())
        {
            lines.add(ordersSent + " orders sent; risk refused " + rejectsText());
        }
        lines.addAll(trips);
        if (tripCount > trips.size())
        {
            lines.add((tripCount - trips.size()) + " more breaker trips (ringwall risk-events lists them all)");
        }
        return lines;
    }

    private String rejectsText()
    {
        final List<String> parts = new ArrayList<>();
        rejects.forEach((reason, count) -> parts.add(count + " " + reason + governedBy(reason)));
        return String.join(", ", parts);
    }

    /** @return the trip's figure and limit in words, and the keys that govern it. */
    private String why(final BreakerType type, final long observed, final long threshold, final int instrumentId)
    {
        final BreakerLimits limits = config.breakers();
        return switch (type)
        {
            case STALE_DATA -> limits.staleByBars() ?
                symbols.name(instrumentId) + " had no bar for " + HumanDuration.format(observed) + " of open market, " +
                    "the limit is " + HumanDuration.format(threshold) + " (" + limits.staleBarIntervals() + " bars of " +
                    HumanDuration.format(limits.barIntervalNs()) + " in its calendar's open hours); governed by " +
                    "breakers.stale-data.bar-intervals and breakers.stale-data.bar-interval (or --bar-interval)" :
                (instrumentId < 0 ? "the feed" : symbols.name(instrumentId)) + " had no market data for " +
                    HumanDuration.format(observed) + ", the limit is " + HumanDuration.format(threshold) +
                    "; governed by breakers.stale-data." + (instrumentId < 0 ? "feed-max-age" : "instrument-max-age");
            case DRAWDOWN -> "equity fell " + RiskFigures.percent(observed) + " below its high-water mark, the limit is " +
                RiskFigures.percent(threshold) + "; governed by breakers.drawdown.threshold";
            case DAILY_LOSS -> "the day's loss reached " + RiskFigures.Unit.MONEY.format(observed) + ", the limit is " +
                RiskFigures.Unit.MONEY.format(threshold) + "; governed by breakers.daily-loss.max-loss and " +
                "breakers.daily-loss.max-loss-fraction";
            case ORDER_RATE -> observed + " order attempts inside " + HumanDuration.format(limits.orderRateWindowNs()) +
                ", the limit is " + threshold + "; governed by breakers.order-rate.max-orders and .window";
            case VENUE_REJECT_RATE -> observed + " venue rejects inside " +
                HumanDuration.format(limits.venueRejectWindowNs()) + ", the limit is " + threshold +
                "; governed by breakers.venue-rejects.max-rejects and .window";
            case MARKET_MOVE -> symbols.name(instrumentId) + " moved " + RiskFigures.percent(observed) + " inside " +
                HumanDuration.format(limits.marketMoveWindowNs()) + ", the limit is " + RiskFigures.percent(threshold) +
                "; governed by breakers.market-move.threshold and .window";
            case KILL_SWITCH -> "an operator halted trading (ringwall ctl halt)";
            case RECONCILIATION -> "the venue's positions or orders did not match the engine's, or it did not " +
                "answer; governed by --reconcile-tolerance and --reconcile-timeout-s";
            case PRE_MARKET -> "pre-market checks failed: " + RiskFigures.breakerFigures(type, observed, threshold);
            case OVERFILL -> "the venue filled " + RiskFigures.Unit.QUANTITY.format(observed) + " of an order of " +
                RiskFigures.Unit.QUANTITY.format(threshold) + " (" + symbols.name(instrumentId) + ")";
            case VENUE -> observed == 0 && threshold == 0 ? "the venue contradicted the engine's book about an order of " +
                symbols.name(instrumentId) + " (ringwall risk-events shows it)" :
                "the venue left " + observed + " order-status question(s) about an order of " + symbols.name(instrumentId) +
                    " unanswered (or reported fills the engine never received), the limit is " + threshold +
                    "; governed by orders.status-timeout and orders.status-tries";
            case SHADOW -> "the live strategy left its shadow twin: " +
                RiskFigures.breakerFigures(type, observed, threshold) + "; governed by shadow.max-misalignments and " +
                "shadow.min-execution-quality (ringwall shadow-report shows each decision)";
            case NULL_VAL -> RiskFigures.breakerFigures(type, observed, threshold);
        };
    }

    private static String consequence(final BreakerState to)
    {
        return to == BreakerState.HALTED ? "no new orders" :
            "only orders that reduce exposure pass (new entries are refused as REDUCING_ONLY)";
    }

    /** @return " (KEY)" for a reason one configuration key governs, else "". */
    private static String governedBy(final RiskRejectReason reason)
    {
        final String key = switch (reason)
        {
            case REDUCING_ONLY -> "a breaker is REDUCING";
            case TRADING_HALTED -> "a breaker halted trading";
            case MAX_ORDER_NOTIONAL -> "risk.max-order-notional";
            case POSITION_EQUITY -> "risk.max-position-fraction";
            case POSITION_QUANTITY -> "risk.max-position-quantity";
            case SECTOR_EXPOSURE -> "risk.max-sector-fraction";
            case GROSS_LEVERAGE -> "risk.max-gross-leverage";
            case NET_EXPOSURE -> "risk.max-net-exposure";
            case MIN_QUANTITY -> "risk.min-order-quantity";
            case MAX_QUANTITY -> "risk.max-order-quantity";
            case PARTICIPATION -> "risk.max-participation";
            case BUYING_POWER -> "risk.check-buying-power";
            case ORDERS_PER_DAY -> "risk.max-orders-per-day";
            case ORDER_RATE -> "risk.max-orders-per-second";
            case PRICE_COLLAR -> "risk.price-collar";
            case DUPLICATE_ORDER -> "risk.duplicate-window";
            default -> "";
        };
        return key.isEmpty() ? "" : " (" + key + ")";
    }
}
