package io.ringwall.tools;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.CancelRejectedDecoder;
import io.ringwall.codecs.InvalidTransitionDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OperatorCommandDecoder;
import io.ringwall.codecs.OperatorCommandResultDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.logic.PreMarketCheck;
import io.ringwall.journal.JournalReader;
import org.agrona.DirectBuffer;

/**
 * The risk side of a session as text: every RiskReject, BreakerStateChange, OperatorCommandResult and
 * InvalidTransition of journal "out" becomes one line saying when, which output and input, and why (figures in
 * their unit, see {@link RiskFigures}); operator-caused changes name the operator and the reason given. The venue's
 * rejects are inputs (journal "in"): every OrderRejected, and every CancelRejected that refused the cancel as a
 * message (a session-level or business reject), as the engine counts venue rejects; so is what the exchange feed
 * says of itself and its instruments (FeedHealth: a gap or silence, which trips STALE_DATA; TradingStatus: a halt,
 * pause or resume, which risk acts on). Counts the events per reason, breaker and command for a closing summary.
 */
final class RiskEventLog
{
    /** Who gave an operator command and why, as journaled with it. */
    record OperatorNote(String operatorName, String reason)
    {
    }

    /** An input of journal "in" that risk-events prints in its place among the outputs. */
    sealed interface InputEvent permits VenueReject, FeedEvent
    {
        long sequence();
    }

    /**
     * A venue reject of journal "in".
     *
     * @param origClOrdId the order a refused cancel was for; -1 for a refused order.
     */
    record VenueReject(long sequence, long timeNs, long clOrdId, long origClOrdId, int instrumentId,
        VenueRejectReason reason) implements InputEvent
    {
    }

    /**
     * What the exchange feed said of itself (FeedHealth) or of an instrument (TradingStatus), in journal "in".
     *
     * @param instrumentId the instrument of a TradingStatus; -1 for a FeedHealth.
     * @param what         "GAP: expected sequence 5, received 8 (3 messages missing)", "HALTED (reason LUDP)".
     */
    record FeedEvent(long sequence, long timeNs, int templateId, int instrumentId, String what) implements InputEvent
    {
    }

    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final FrameCatalog catalog = new FrameCatalog();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final RiskRejectDecoder reject = new RiskRejectDecoder();
    private final BreakerStateChangeDecoder breaker = new BreakerStateChangeDecoder();
    private final io.ringwall.codecs.ReconciliationReportDecoder reconciliation =
        new io.ringwall.codecs.ReconciliationReportDecoder();
    private final OperatorCommandResultDecoder result = new OperatorCommandResultDecoder();
    private final InvalidTransitionDecoder invalid = new InvalidTransitionDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final Map<String, Long> counts = new TreeMap<>();
    private final SessionSymbols symbols;
    private final Map<Long, OperatorNote> operatorCommands;
    /** What each FeedHealth input of journal "in" said, by sequence: the cause of a feed-reported STALE_DATA trip. */
    private final Map<Long, String> feedHealth = new HashMap<>();
    private long events;

    /**
     * @param operatorCommands the operator commands of journal "in" by input sequence.
     */
    RiskEventLog(final SessionSymbols symbols, final Map<Long, OperatorNote> operatorCommands)
    {
        this(symbols, operatorCommands, List.of());
    }

    /**
     * @param inputEvents the same journal's venue rejects and feed events ({@link #operatorCommands(JournalReader,
     *                    List)}), so a trip a FeedHealth input caused says what the feed reported.
     */
    RiskEventLog(final SessionSymbols symbols, final Map<Long, OperatorNote> operatorCommands,
        final List<InputEvent> inputEvents)
    {
        this.symbols = symbols;
        this.operatorCommands = operatorCommands;
        for (final InputEvent event : inputEvents)
        {
            if (event instanceof FeedEvent feed && feed.templateId() == io.ringwall.codecs.FeedHealthDecoder.TEMPLATE_ID)
            {
                feedHealth.put(feed.sequence(), feed.what());
            }
        }
    }

    /**
     * @return the operator commands of a journal "in" by sequence; they are few, market data is skipped.
     */
    static Map<Long, OperatorNote> operatorCommands(final JournalReader in)
    {
        return operatorCommands(in, new java.util.ArrayList<>());
    }

    /**
     * @param venueRejects receives the venue rejects and feed events of the same journal "in", in input order (one
     *                     pass).
     * @return the operator commands of a journal "in" by sequence.
     */
    static Map<Long, OperatorNote> operatorCommands(final JournalReader in, final List<InputEvent> venueRejects)
    {
        final io.ringwall.codecs.FeedHealthDecoder feedHealth = new io.ringwall.codecs.FeedHealthDecoder();
        final io.ringwall.codecs.TradingStatusDecoder tradingStatus = new io.ringwall.codecs.TradingStatusDecoder();
        final Map<Long, OperatorNote> commands = new HashMap<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final OperatorCommandDecoder command = new OperatorCommandDecoder();
        final OrderRejectedDecoder rejected = new OrderRejectedDecoder();
        final CancelRejectedDecoder cancelRejected = new CancelRejectedDecoder();
        in.readAll((sequence, timeNs, frame, offset, length) ->
        {
            if (!isOurs(header.wrap(frame, offset)))
            {
                return;
            }
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            try
            {
                switch (header.templateId())
                {
                    case OperatorCommandDecoder.TEMPLATE_ID ->
                    {
                        command.wrap(frame, body, header.blockLength(), header.version());
                        // Variable-length fields decode in schema order: the name before the reason.
                        final String operatorName = command.operatorName();
                        commands.put(sequence, new OperatorNote(operatorName, command.reason()));
                    }
                    case OrderRejectedDecoder.TEMPLATE_ID ->
                    {
                        rejected.wrap(frame, body, header.blockLength(), header.version());
                        venueRejects.add(new VenueReject(sequence, timeNs, rejected.clOrdId(), -1,
                            rejected.instrumentId(), rejected.reason()));
                    }
                    case CancelRejectedDecoder.TEMPLATE_ID ->
                    {
                        cancelRejected.wrap(frame, body, header.blockLength(), header.version());
                        final VenueRejectReason reason = cancelRejected.reason();
                        // A cancel refused as too late is business as usual; one refused as a message is a reject.
                        if (reason == VenueRejectReason.SESSION_REJECT || reason == VenueRejectReason.BUSINESS_REJECT)
                        {
                            venueRejects.add(new VenueReject(sequence, timeNs, cancelRejected.clOrdId(),
                                cancelRejected.origClOrdId(), -1, reason));
                        }
                    }
                    case io.ringwall.codecs.FeedHealthDecoder.TEMPLATE_ID ->
                    {
                        feedHealth.wrap(frame, body, header.blockLength(), header.version());
                        venueRejects.add(new FeedEvent(sequence, timeNs, header.templateId(), -1,
                            feedHealthText(feedHealth)));
                    }
                    case io.ringwall.codecs.TradingStatusDecoder.TEMPLATE_ID ->
                    {
                        tradingStatus.wrap(frame, body, header.blockLength(), header.version());
                        final String reason = RiskFigures.exchangeReason(tradingStatus.reasonCode());
                        venueRejects.add(new FeedEvent(sequence, timeNs, header.templateId(),
                            tradingStatus.instrumentId(), tradingStatus.state() +
                            (reason == null ? "" : " (reason " + reason + ")")));
                    }
                    default ->
                    {
                    }
                }
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException("journal \"in\" record " + sequence + " (template " +
                    header.templateId() + ") holds a value this schema does not name: " + ex.getMessage(), ex);
            }
        });
        return commands;
    }

    /**
     * @return the journal "in" sequence of the input that caused an output record, or -1 for a frame of no known
     *         output template.
     */
    long causeSequence(final DirectBuffer frame, final int offset)
    {
        if (!isOurs(header.wrap(frame, offset)))
        {
            return -1;
        }
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        return switch (header.templateId())
        {
            case NewOrderDecoder.TEMPLATE_ID -> newOrder.wrap(frame, body, blockLength, version).causeSequence();
            case CancelOrderDecoder.TEMPLATE_ID -> cancelOrder.wrap(frame, body, blockLength, version).causeSequence();
            case RiskRejectDecoder.TEMPLATE_ID -> reject.wrap(frame, body, blockLength, version).causeSequence();
            case BreakerStateChangeDecoder.TEMPLATE_ID ->
                breaker.wrap(frame, body, blockLength, version).causeSequence();
            case OperatorCommandResultDecoder.TEMPLATE_ID ->
                result.wrap(frame, body, blockLength, version).causeSequence();
            case InvalidTransitionDecoder.TEMPLATE_ID ->
                invalid.wrap(frame, body, blockLength, version).causeSequence();
            case io.ringwall.codecs.ReconciliationReportDecoder.TEMPLATE_ID ->
                reconciliation.wrap(frame, body, blockLength, version).causeSequence();
            default -> -1;
        };
    }

    /** "GAP: expected sequence 5, received 8 (3 messages missing)" or "SILENT for 5.000000000s". */
    static String feedHealthText(final io.ringwall.codecs.FeedHealthDecoder health)
    {
        return switch (health.state())
        {
            case GAP -> "GAP: expected sequence " + health.expectedSequence() + ", received " +
                health.receivedSequence() + " (" + (health.receivedSequence() - health.expectedSequence()) +
                " messages missing)";
            case SILENT -> "SILENT: nothing for " + RiskFigures.Unit.DURATION_NS.format(health.silenceNs());
            case NULL_VAL -> "no state";
        };
    }

    /** @return the line of an input event: a venue reject, or what the exchange feed said. */
    String inputEvent(final InputEvent event)
    {
        return event instanceof VenueReject reject ? venueReject(reject) : feedEvent((FeedEvent)event);
    }

    /** "TIME in SEQ FeedHealth GAP: ..." or "TIME in SEQ TradingStatus SYMBOL: HALTED (reason LUDP)". */
    private String feedEvent(final FeedEvent event)
    {
        final boolean health = event.templateId() == io.ringwall.codecs.FeedHealthDecoder.TEMPLATE_ID;
        count(health ? "feed " + event.what().substring(0, event.what().indexOf(':') < 0 ? event.what().length() :
            event.what().indexOf(':')) : "trading-status " + event.what().split(" ")[0]);
        return TIME.format(Instant.ofEpochSecond(0, event.timeNs())) + " in " + event.sequence() + " " +
            catalog.name(event.templateId()) + " " + (health ? "" : symbols.name(event.instrumentId()) + ": ") +
            event.what();
    }

    /** @return the line of a venue reject: "TIME in SEQ OrderRejected clOrdId=N SYMBOL: REASON". */
    String venueReject(final VenueReject reject)
    {
        count("venue-reject " + reject.reason());
        final boolean cancel = reject.origClOrdId() >= 0;
        return TIME.format(Instant.ofEpochSecond(0, reject.timeNs())) + " in " + reject.sequence() + " " +
            catalog.name(cancel ? CancelRejectedDecoder.TEMPLATE_ID : OrderRejectedDecoder.TEMPLATE_ID) +
            " clOrdId=" + reject.clOrdId() + (cancel ? " origClOrdId=" + reject.origClOrdId() :
            " " + symbols.name(reject.instrumentId())) + ": " + reject.reason();
    }

    /**
     * @return the line of an output record, or null when it is not a risk event.
     */
    String describe(final long sequence, final long timeNs, final DirectBuffer frame, final int offset)
    {
        if (!isOurs(header.wrap(frame, offset)))
        {
            return null;
        }
        final int templateId = header.templateId();
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final String time = TIME.format(Instant.ofEpochSecond(0, timeNs));
        try
        {
            return switch (templateId)
            {
                case RiskRejectDecoder.TEMPLATE_ID ->
                    riskReject(sequence, time, reject.wrap(frame, body, header.blockLength(), header.version()));
                case BreakerStateChangeDecoder.TEMPLATE_ID ->
                    breakerChange(sequence, time, breaker.wrap(frame, body, header.blockLength(), header.version()));
                case OperatorCommandResultDecoder.TEMPLATE_ID ->
                    commandResult(sequence, time, result.wrap(frame, body, header.blockLength(), header.version()));
                case io.ringwall.codecs.ReconciliationReportDecoder.TEMPLATE_ID -> reconciliation(sequence, time,
                    reconciliation.wrap(frame, body, header.blockLength(), header.version()));
                case InvalidTransitionDecoder.TEMPLATE_ID ->
                    invalidTransition(sequence, time, invalid.wrap(frame, body, header.blockLength(),
                        header.version()));
                default -> null;
            };
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("journal \"out\" record " + sequence + " (" + catalog.name(templateId) +
                ") holds a value this schema does not name: " + ex.getMessage(), ex);
        }
    }

    /**
     * @return "total N events" and the count per reason, breaker and command.
     */
    String summary()
    {
        final StringBuilder text = new StringBuilder("total ").append(events).append(events == 1 ? " event" : " events");
        String separator = ": ";
        for (final Map.Entry<String, Long> entry : counts.entrySet())
        {
            text.append(separator).append(entry.getKey()).append(' ').append(entry.getValue());
            separator = ", ";
        }
        return text.toString();
    }

    private String riskReject(final long sequence, final String time, final RiskRejectDecoder reject)
    {
        count("reject " + reject.reason());
        final String figures = RiskFigures.rejectFigures(reject.reason(), reject.limitValue(), reject.observedValue());
        return line(sequence, time, reject.causeSequence(), RiskRejectDecoder.TEMPLATE_ID,
            "clOrdId=" + reject.clOrdId() +
            // schema v7: a refused amend names the order it would have changed (older frames read a negative null)
            (reject.amendedClOrdId() > 0 ? " amend of clOrdId=" + reject.amendedClOrdId() : "") +
            " strategy=" + reject.strategyId() + " " +
            symbols.name(reject.instrumentId()) + " " + reject.side() + " " +
            Fixed.format(reject.quantity(), Fixed.QUANTITY_DECIMALS) + " @ " +
            (reject.limitPrice() == 0 ? "MARKET" : Fixed.format(reject.limitPrice(), Fixed.PRICE_DECIMALS)) + ": " +
            reject.reason() + (figures.isEmpty() ? "" : ", " + figures));
    }

    private String breakerChange(final long sequence, final String time, final BreakerStateChangeDecoder change)
    {
        final BreakerType type = change.breakerType();
        count("breaker " + type);
        // instrumentId arrived in schema version 1; older frames read as its null value, which is negative too.
        final String instrument = change.instrumentId() >= 0 ? " on " + symbols.name(change.instrumentId()) : "";
        final String figures = RiskFigures.breakerFigures(type, change.observedValue(), change.thresholdValue());
        // Only an operator resets a breaker or works the kill switch; say so when the cause is something else.
        // The pre-market gate moves on the checks (journaled inputs), not on an operator's word.
        final boolean byOperator = type != BreakerType.PRE_MARKET &&
            (change.toState() == BreakerState.ACTIVE || type == BreakerType.KILL_SWITCH);
        final String feed = feedHealth.get(change.causeSequence());
        return line(sequence, time, change.causeSequence(), BreakerStateChangeDecoder.TEMPLATE_ID,
            type + instrument + ": " + change.fromState() + " -> " + change.toState() +
            (figures.isEmpty() ? "" : ", " + figures) + (feed == null ? "" : ": " + feed) +
            operator(change.causeSequence(), byOperator));
    }

    /** A venue event that does not fit the order's state; an execution that does not (OVERFILL) also halts. */
    private String invalidTransition(final long sequence, final String time, final InvalidTransitionDecoder invalid)
    {
        count("invalid-transition " + invalid.lifecycleEvent());
        return line(sequence, time, invalid.causeSequence(), InvalidTransitionDecoder.TEMPLATE_ID,
            "clOrdId=" + invalid.clOrdId() + ": " + invalid.lifecycleEvent() + " on " + invalid.fromState());
    }

    private String commandResult(final long sequence, final String time, final OperatorCommandResultDecoder result)
    {
        count("command " + result.commandType());
        final String breakerType = result.breakerType() == BreakerType.NULL_VAL ? "" : " " + result.breakerType();
        return line(sequence, time, result.causeSequence(), OperatorCommandResultDecoder.TEMPLATE_ID,
            result.commandType() + breakerType + ": " + result.result() +
            (result.commandType() == OperatorCommandType.PRE_MARKET_CHECKS ?
                ", failed checks: " + PreMarketCheck.labels(result.value()) : ", value " + result.value()) +
            operator(result.causeSequence(), true));
    }

    /**
     * A reconciliation row that did not match exactly: local, venue, difference and tolerance in the row's unit
     * (quantity for an instrument, money for the cash). Matched rows are only counted.
     */
    private String reconciliation(final long sequence, final String time,
        final io.ringwall.codecs.ReconciliationReportDecoder report)
    {
        final io.ringwall.codecs.ReconciliationVerdict verdict = report.verdict();
        if (verdict == io.ringwall.codecs.ReconciliationVerdict.MATCHED)
        {
            counts.merge("reconciliation MATCHED", 1L, Long::sum);
            return null;
        }
        count("reconciliation " + verdict);
        final boolean cash = report.instrumentId() < 0;
        final int decimals = cash ? Fixed.PRICE_DECIMALS : Fixed.QUANTITY_DECIMALS;
        return line(sequence, time, report.causeSequence(), io.ringwall.codecs.ReconciliationReportDecoder.TEMPLATE_ID,
            "#" + report.reconciliationId() + " " + (cash ? "CASH" : symbols.name(report.instrumentId())) + ": " +
            verdict + ", local " + Fixed.format(report.localValue(), decimals) + ", venue " +
            Fixed.format(report.venueValue(), decimals) + ", difference " + Fixed.format(report.difference(), decimals) +
            ", tolerance " + Fixed.format(report.toleranceValue(), decimals) + ", open orders local " +
            report.localOpenOrders() + " venue " + report.venueOpenOrders() + " unknown here " +
            report.unknownVenueOrders());
    }

    /** "TIME out SEQ cause in CAUSE TYPE body": the same head on every line, so lines sort and grep alike. */
    private String line(final long sequence, final String time, final long causeSequence, final int templateId,
        final String body)
    {
        return time + " out " + sequence + " cause in " + causeSequence + " " + catalog.name(templateId) + " " + body;
    }

    /**
     * @return ", by NAME: "REASON"" when input {@code causeSequence} is an operator command; when it is not,
     * a note if one was {@code expected}, else "".
     */
    private String operator(final long causeSequence, final boolean expected)
    {
        final OperatorNote note = operatorCommands.get(causeSequence);
        if (note != null)
        {
            return ", by " + note.operatorName() + ": " + quoted(note.reason());
        }
        return expected ? ", by ? (input " + causeSequence + " is not an operator command)" : "";
    }

    /** Operators type free text; escaping keeps one event on one line. */
    private static String quoted(final String text)
    {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
    }

    private void count(final String key)
    {
        events++;
        counts.merge(key, 1L, Long::sum);
    }

    private static boolean isOurs(final MessageHeaderDecoder header)
    {
        return header.schemaId() == MessageHeaderDecoder.SCHEMA_ID;
    }
}
