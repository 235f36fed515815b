package io.ringwall.tools.audit;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

import io.ringwall.codecs.BarDecoder;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.CancelRejectedDecoder;
import io.ringwall.codecs.CommandResult;
import io.ringwall.codecs.InvalidTransitionDecoder;
import io.ringwall.codecs.LifecycleEvent;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OperatorCommandDecoder;
import io.ringwall.codecs.OperatorCommandResultDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.OrderAcceptedDecoder;
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.codecs.OrderExpiredDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.codecs.OrderState;
import io.ringwall.codecs.OrderStatusQueryDecoder;
import io.ringwall.codecs.QuoteDecoder;
import io.ringwall.codecs.ReconciliationEndDecoder;
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.ReconciliationReportDecoder;
import io.ringwall.codecs.ReconciliationVerdict;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.ShadowDecisionDecoder;
import io.ringwall.codecs.ShadowExecutionDecoder;
import io.ringwall.codecs.ShadowFill;
import io.ringwall.codecs.ShadowVerdict;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.TimerTickDecoder;
import io.ringwall.codecs.TradeDecoder;
import io.ringwall.codecs.VenueOpenOrderDecoder;
import io.ringwall.codecs.VenueOrderStatusDecoder;
import io.ringwall.codecs.VenuePositionDecoder;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.Fixed;
import io.ringwall.tools.FrameCatalog;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Decodes journal records with the generated SBE decoders and appends them to the {@link AuditSchema} tables
 * through DuckDB's Appender. A frame this build cannot decode (a newer schema's template, a malformed frame) becomes a
 * row of {@code unknown_frames}; it never fails the load. One per load, on one thread; {@link #close} flushes.
 */
final class JournalLoader implements AutoCloseable
{
    /** Money to the 8-decimal columns of {@code reconciliation} (its cash row). */
    private static final long MONEY_TO_QUANTITY = Fixed.QUANTITY_SCALE / Fixed.PRICE_SCALE;

    private final DuckDBConnection connection;
    private final Map<String, DuckDBAppender> appenders = new HashMap<>();
    private final FrameCatalog catalog = new FrameCatalog();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final TradeDecoder trade = new TradeDecoder();
    private final QuoteDecoder quote = new QuoteDecoder();
    private final BarDecoder bar = new BarDecoder();
    private final TimerTickDecoder timer = new TimerTickDecoder();
    private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
    private final OrderFilledDecoder filled = new OrderFilledDecoder();
    private final OrderRejectedDecoder rejected = new OrderRejectedDecoder();
    private final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
    private final CancelRejectedDecoder cancelRejected = new CancelRejectedDecoder();
    private final io.ringwall.codecs.OrderReplacedDecoder replaced = new io.ringwall.codecs.OrderReplacedDecoder();
    private final io.ringwall.codecs.ReplaceRejectedDecoder replaceRejected =
        new io.ringwall.codecs.ReplaceRejectedDecoder();
    private final io.ringwall.codecs.ReplaceOrderDecoder replaceOrder = new io.ringwall.codecs.ReplaceOrderDecoder();
    private final OrderExpiredDecoder expired = new OrderExpiredDecoder();
    private final OperatorCommandDecoder command = new OperatorCommandDecoder();
    private final VenuePositionDecoder venuePosition = new VenuePositionDecoder();
    private final VenueOpenOrderDecoder venueOpenOrder = new VenueOpenOrderDecoder();
    private final ReconciliationEndDecoder reconciliationEnd = new ReconciliationEndDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final RiskRejectDecoder riskReject = new RiskRejectDecoder();
    private final BreakerStateChangeDecoder breaker = new BreakerStateChangeDecoder();
    private final OperatorCommandResultDecoder commandResult = new OperatorCommandResultDecoder();
    private final InvalidTransitionDecoder invalidTransition = new InvalidTransitionDecoder();
    private final ReconciliationReportDecoder report = new ReconciliationReportDecoder();
    private final VenueOrderStatusDecoder venueOrderStatus = new VenueOrderStatusDecoder();
    private final OrderStatusQueryDecoder statusQuery = new OrderStatusQueryDecoder();
    private final ShadowDecisionDecoder shadowDecision = new ShadowDecisionDecoder();
    private final ShadowExecutionDecoder shadowExecution = new ShadowExecutionDecoder();
    private final io.ringwall.codecs.FeedHealthDecoder feedHealth = new io.ringwall.codecs.FeedHealthDecoder();
    private final io.ringwall.codecs.TradingStatusDecoder tradingStatus = new io.ringwall.codecs.TradingStatusDecoder();
    private long rows;
    private String lastTable;
    private DuckDBAppender lastAppender;

    JournalLoader(final DuckDBConnection connection)
    {
        this.connection = connection;
    }

    /** @return rows appended so far. */
    long rows()
    {
        return rows;
    }

    /** Appends one record of journal {@code journal} ("in" or "out"). */
    void load(final String journal, final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
        final int length) throws SQLException
    {
        rows++;
        final String problem = catalog.undecodable(frame, offset, length);
        if (problem != null)
        {
            unknown(journal, sequence, timeNs, frame, offset, length, problem);
            return;
        }
        view.wrap(frame, offset, length);
        header.wrap(view, 0);
        final int templateId = header.templateId();
        final boolean known = "in".equals(journal) ? input(templateId, sequence, timeNs) : output(templateId, sequence, timeNs);
        if (!known)
        {
            unknown(journal, sequence, timeNs, frame, offset, length, "unknown: a " + catalog.name(templateId) +
                " frame in journal \"" + journal + "\"");
        }
    }

    private int body()
    {
        return MessageHeaderDecoder.ENCODED_LENGTH;
    }

    private boolean input(final int templateId, final long sequence, final long timeNs) throws SQLException
    {
        final int block = header.blockLength();
        final int version = header.version();
        switch (templateId)
        {
            case TradeDecoder.TEMPLATE_ID ->
            {
                trade.wrap(view, body(), block, version);
                row("trades", sequence, timeNs).append(trade.instrumentId()).append(trade.tradeId())
                    .appendDecimal(trade.price()).appendDecimal(trade.quantity()).appendEpochNanos(trade.exchangeTimeNs())
                    .endRow();
            }
            case QuoteDecoder.TEMPLATE_ID ->
            {
                quote.wrap(view, body(), block, version);
                row("quotes", sequence, timeNs).append(quote.instrumentId()).appendDecimal(quote.bidPrice())
                    .appendDecimal(quote.bidQuantity()).appendDecimal(quote.askPrice()).appendDecimal(quote.askQuantity())
                    .appendEpochNanos(quote.exchangeTimeNs()).endRow();
            }
            case BarDecoder.TEMPLATE_ID ->
            {
                bar.wrap(view, body(), block, version);
                row("bars", sequence, timeNs).append(bar.instrumentId()).appendDecimal(bar.openPrice())
                    .appendDecimal(bar.highPrice()).appendDecimal(bar.lowPrice()).appendDecimal(bar.closePrice())
                    .appendDecimal(bar.volume()).appendEpochNanos(bar.startTimeNs()).append(bar.durationNs()).endRow();
            }
            case TimerTickDecoder.TEMPLATE_ID ->
            {
                timer.wrap(view, body(), block, version);
                row("timer_ticks", sequence, timeNs).append(timer.timerId()).endRow();
            }
            case OperatorCommandDecoder.TEMPLATE_ID ->
            {
                command.wrap(view, body(), block, version);
                row("operator_commands", sequence, timeNs)
                    .append(name(v -> OperatorCommandType.get((short)v), command.commandTypeRaw()))
                    .append(name(v -> BreakerType.get((short)v), command.breakerTypeRaw())).append(command.value())
                    .append(command.operatorName()).append(command.reason()).endRow();
            }
            case VenuePositionDecoder.TEMPLATE_ID ->
            {
                venuePosition.wrap(view, body(), block, version);
                venueReport(sequence, timeNs, "POSITION", venuePosition.reconciliationId(), venuePosition.instrumentId())
                    .appendNull().appendNull().appendDecimal(venuePosition.positionQuantity())
                    .appendDecimal(venuePosition.venueCash()).appendNull().appendEpochNanos(venuePosition.venueTimeNs())
                    .endRow();
            }
            case VenueOpenOrderDecoder.TEMPLATE_ID ->
            {
                venueOpenOrder.wrap(view, body(), block, version);
                venueReport(sequence, timeNs, "OPEN_ORDER", venueOpenOrder.reconciliationId(), venueOpenOrder.instrumentId())
                    .append(venueOpenOrder.clOrdId()).append(name(v -> Side.get((short)v), venueOpenOrder.sideRaw()))
                    .appendDecimal(venueOpenOrder.leavesQuantity()).appendNull().appendNull()
                    .appendEpochNanos(venueOpenOrder.venueTimeNs()).endRow();
            }
            case ReconciliationEndDecoder.TEMPLATE_ID ->
            {
                reconciliationEnd.wrap(view, body(), block, version);
                venueReport(sequence, timeNs, "END", reconciliationEnd.reconciliationId(), Integer.MIN_VALUE)
                    .appendNull().appendNull().appendNull().appendNull()
                    .append(name(v -> ReconciliationOutcome.get((short)v), reconciliationEnd.outcomeRaw())).appendNull()
                    .endRow();
            }
            case io.ringwall.codecs.FeedHealthDecoder.TEMPLATE_ID ->
            {
                feedHealth.wrap(view, body(), block, version);
                final DuckDBAppender row = row("feed_events", sequence, timeNs)
                    .append(name(v -> io.ringwall.codecs.FeedHealthState.get((short)v), feedHealth.stateRaw()))
                    .appendNull().append(feedHealth.expectedSequence()).append(feedHealth.receivedSequence())
                    .append(feedHealth.silenceNs()).appendNull();
                exchangeTime(row, feedHealth.exchangeTimeNs()).endRow();
            }
            case io.ringwall.codecs.TradingStatusDecoder.TEMPLATE_ID ->
            {
                tradingStatus.wrap(view, body(), block, version);
                final DuckDBAppender row = row("feed_events", sequence, timeNs)
                    .append(name(v -> io.ringwall.codecs.InstrumentTradingState.get((short)v), tradingStatus.stateRaw()))
                    .append(tradingStatus.instrumentId()).appendNull().appendNull().appendNull()
                    .append(io.ringwall.tools.RiskFigures.exchangeReason(tradingStatus.reasonCode()));
                exchangeTime(row, tradingStatus.exchangeTimeNs()).endRow();
            }
            default ->
            {
                return venueEvent(templateId, sequence, timeNs, block, version);
            }
        }
        return true;
    }

    private boolean venueEvent(final int templateId, final long sequence, final long timeNs, final int block,
        final int version) throws SQLException
    {
        switch (templateId)
        {
            case OrderAcceptedDecoder.TEMPLATE_ID ->
            {
                accepted.wrap(view, body(), block, version);
                orderEvent("in", sequence, timeNs, "ACCEPTED", accepted.clOrdId(), Long.MIN_VALUE, accepted.venueOrderId(),
                    accepted.instrumentId()).appendNull().appendNull().appendNull()
                    .appendEpochNanos(accepted.venueTimeNs()).appendNull().endRow();
            }
            case OrderFilledDecoder.TEMPLATE_ID ->
            {
                filled.wrap(view, body(), block, version);
                final String side = name(v -> Side.get((short)v), filled.sideRaw());
                orderEvent("in", sequence, timeNs, filled.leavesQuantity() > 0 ? "PARTIALLY_FILLED" : "FILLED",
                    filled.clOrdId(), Long.MIN_VALUE, filled.venueOrderId(), filled.instrumentId())
                    .appendDecimal(filled.lastQuantity()).appendDecimal(filled.lastPrice()).appendNull()
                    .appendEpochNanos(filled.venueTimeNs()).appendNull().endRow();
                row("fills", sequence, timeNs).append(filled.clOrdId()).append(filled.venueOrderId())
                    .append(filled.execId()).append(filled.instrumentId()).append(side).appendDecimal(filled.lastPrice())
                    .appendDecimal(filled.lastQuantity()).appendDecimal(filled.leavesQuantity())
                    .appendDecimal(filled.cumQuantity()).appendDecimal(filled.fee()).appendEpochNanos(filled.venueTimeNs())
                    .endRow();
            }
            case OrderRejectedDecoder.TEMPLATE_ID ->
            {
                rejected.wrap(view, body(), block, version);
                orderEvent("in", sequence, timeNs, "REJECTED", rejected.clOrdId(), Long.MIN_VALUE, Long.MIN_VALUE,
                    rejected.instrumentId()).appendNull().appendNull()
                    .append(name(v -> VenueRejectReason.get((short)v), rejected.reasonRaw()))
                    .appendEpochNanos(rejected.venueTimeNs()).appendNull().endRow();
            }
            case OrderCancelledDecoder.TEMPLATE_ID ->
            {
                cancelled.wrap(view, body(), block, version);
                orderEvent("in", sequence, timeNs, "CANCELLED", cancelled.clOrdId(), Long.MIN_VALUE,
                    cancelled.venueOrderId(), cancelled.instrumentId()).appendDecimal(cancelled.cancelledQuantity())
                    .appendNull().appendNull().appendEpochNanos(cancelled.venueTimeNs()).appendNull().endRow();
            }
            case CancelRejectedDecoder.TEMPLATE_ID ->
            {
                cancelRejected.wrap(view, body(), block, version);
                orderEvent("in", sequence, timeNs, "CANCEL_REJECTED", cancelRejected.origClOrdId(),
                    cancelRejected.clOrdId(), Long.MIN_VALUE, Integer.MIN_VALUE).appendNull().appendNull()
                    .append(name(v -> VenueRejectReason.get((short)v), cancelRejected.reasonRaw()))
                    .appendEpochNanos(cancelRejected.venueTimeNs()).appendNull().endRow();
            }
            case VenueOrderStatusDecoder.TEMPLATE_ID ->
            {
                // schema v5: the venue's answer about one order; reason holds the state the venue reports
                venueOrderStatus.wrap(view, body(), block, version);
                orderEvent("in", sequence, timeNs, "STATUS_REPORTED", venueOrderStatus.clOrdId(), Long.MIN_VALUE,
                    Long.MIN_VALUE, venueOrderStatus.instrumentId()).appendDecimal(venueOrderStatus.cumQuantity())
                    .appendNull().append(name(v -> OrderState.get((short)v), venueOrderStatus.venueStateRaw()))
                    .appendEpochNanos(venueOrderStatus.venueTimeNs()).appendNull().endRow();
            }
            case io.ringwall.codecs.OrderReplacedDecoder.TEMPLATE_ID ->
            {
                // an amend taken: the order (named by its id before) has the new quantity and limit from now on
                replaced.wrap(view, body(), block, version);
                final DuckDBAppender row = orderEvent("in", sequence, timeNs, "REPLACED", replaced.origClOrdId(),
                    replaced.clOrdId(), replaced.venueOrderId(), replaced.instrumentId())
                    .appendDecimal(replaced.quantity());
                priceOrNull(row, replaced.limitPrice()).appendNull().appendEpochNanos(replaced.venueTimeNs())
                    .appendNull().endRow();
            }
            case io.ringwall.codecs.ReplaceRejectedDecoder.TEMPLATE_ID ->
            {
                replaceRejected.wrap(view, body(), block, version);
                orderEvent("in", sequence, timeNs, "REPLACE_REJECTED", replaceRejected.origClOrdId(),
                    replaceRejected.clOrdId(), Long.MIN_VALUE, Integer.MIN_VALUE).appendNull().appendNull()
                    .append(name(v -> VenueRejectReason.get((short)v), replaceRejected.reasonRaw()))
                    .appendEpochNanos(replaceRejected.venueTimeNs()).appendNull().endRow();
            }
            case OrderExpiredDecoder.TEMPLATE_ID ->
            {
                expired.wrap(view, body(), block, version);
                orderEvent("in", sequence, timeNs, "EXPIRED", expired.clOrdId(), Long.MIN_VALUE, expired.venueOrderId(),
                    expired.instrumentId()).appendDecimal(expired.expiredQuantity()).appendNull().appendNull()
                    .appendEpochNanos(expired.venueTimeNs()).appendNull().endRow();
            }
            default ->
            {
                return false;
            }
        }
        return true;
    }

    private boolean output(final int templateId, final long sequence, final long timeNs) throws SQLException
    {
        final int block = header.blockLength();
        final int version = header.version();
        switch (templateId)
        {
            case NewOrderDecoder.TEMPLATE_ID ->
            {
                newOrder.wrap(view, body(), block, version);
                final DuckDBAppender row = row("orders", sequence, timeNs).append(newOrder.clOrdId())
                    .append(newOrder.instrumentId()).append(newOrder.strategyId())
                    .append(name(v -> Side.get((short)v), newOrder.sideRaw()))
                    .append(name(v -> OrdType.get((short)v), newOrder.ordTypeRaw()))
                    .append(name(v -> TimeInForce.get((short)v), newOrder.timeInForceRaw()))
                    .appendDecimal(newOrder.quantity());
                priceOrNull(priceOrNull(row, newOrder.limitPrice()), newOrder.stopPrice())
                    .append(newOrder.causeSequence()).endRow();
            }
            case RiskRejectDecoder.TEMPLATE_ID ->
            {
                riskReject.wrap(view, body(), block, version);
                final DuckDBAppender row = row("risk_rejects", sequence, timeNs).append(riskReject.clOrdId())
                    .append(riskReject.instrumentId()).append(riskReject.strategyId())
                    .append(name(v -> Side.get((short)v), riskReject.sideRaw())).appendDecimal(riskReject.quantity());
                priceOrNull(row, riskReject.limitPrice())
                    .append(name(RiskRejectReason::get, riskReject.reasonRaw())).append(riskReject.limitValue())
                    .append(riskReject.observedValue()).append(riskReject.causeSequence());
                // schema v7: older frames read the field's null value, a new order's refusal 0
                final long amended = riskReject.amendedClOrdId();
                if (amended > 0)
                {
                    row.append(amended);
                }
                else
                {
                    row.appendNull();
                }
                row.endRow();
            }
            case BreakerStateChangeDecoder.TEMPLATE_ID ->
            {
                breaker.wrap(view, body(), block, version);
                row("breaker_events", sequence, timeNs).append(name(v -> BreakerType.get((short)v), breaker.breakerTypeRaw()))
                    .append(name(v -> io.ringwall.codecs.BreakerState.get((short)v), breaker.fromStateRaw()))
                    .append(name(v -> io.ringwall.codecs.BreakerState.get((short)v), breaker.toStateRaw()))
                    .append(breaker.observedValue()).append(breaker.thresholdValue()).append(breaker.instrumentId())
                    .append(breaker.causeSequence()).endRow();
            }
            case OperatorCommandResultDecoder.TEMPLATE_ID ->
            {
                commandResult.wrap(view, body(), block, version);
                row("operator_command_results", sequence, timeNs)
                    .append(name(v -> OperatorCommandType.get((short)v), commandResult.commandTypeRaw()))
                    .append(name(v -> BreakerType.get((short)v), commandResult.breakerTypeRaw()))
                    .append(name(v -> CommandResult.get((short)v), commandResult.resultRaw())).append(commandResult.value())
                    .append(commandResult.causeSequence()).endRow();
            }
            case ReconciliationReportDecoder.TEMPLATE_ID ->
            {
                report.wrap(view, body(), block, version);
                final long scale = report.instrumentId() < 0 ? MONEY_TO_QUANTITY : 1;
                row("reconciliation", sequence, timeNs).append(report.reconciliationId()).append(report.instrumentId())
                    .append(decimal(report.localValue(), scale)).append(decimal(report.venueValue(), scale))
                    .append(decimal(report.difference(), scale)).append(decimal(report.toleranceValue(), scale))
                    .append(name(v -> ReconciliationVerdict.get((short)v), report.verdictRaw()))
                    .append(report.localOpenOrders()).append(report.venueOpenOrders()).append(report.unknownVenueOrders())
                    .append(report.causeSequence()).endRow();
            }
            case CancelOrderDecoder.TEMPLATE_ID ->
            {
                cancelOrder.wrap(view, body(), block, version);
                final DuckDBAppender row = orderEvent("out", sequence, timeNs, "CANCEL_REQUESTED", cancelOrder.origClOrdId(),
                    cancelOrder.clOrdId(), Long.MIN_VALUE, cancelOrder.instrumentId());
                (version >= CancelOrderDecoder.orderQuantitySinceVersion() ? row.appendDecimal(cancelOrder.orderQuantity()) :
                    row.appendNull()).appendNull().appendNull().appendNull().append(cancelOrder.causeSequence()).endRow();
            }
            case OrderStatusQueryDecoder.TEMPLATE_ID ->
            {
                // schema v5: the logic asks the venue about an order it has had no answer on; reason holds the attempt
                statusQuery.wrap(view, body(), block, version);
                orderEvent("out", sequence, timeNs, "STATUS_QUERIED", statusQuery.clOrdId(), Long.MIN_VALUE,
                    Long.MIN_VALUE, statusQuery.instrumentId()).appendNull().appendNull()
                    .append("attempt " + statusQuery.attempt()).appendNull().append(statusQuery.causeSequence()).endRow();
            }
            case io.ringwall.codecs.ReplaceOrderDecoder.TEMPLATE_ID ->
            {
                replaceOrder.wrap(view, body(), block, version);
                final DuckDBAppender row = orderEvent("out", sequence, timeNs, "REPLACE_REQUESTED",
                    replaceOrder.origClOrdId(), replaceOrder.clOrdId(), Long.MIN_VALUE, replaceOrder.instrumentId())
                    .appendDecimal(replaceOrder.quantity());
                priceOrNull(row, replaceOrder.limitPrice()).appendNull().appendNull()
                    .append(replaceOrder.causeSequence()).endRow();
            }
            case ShadowDecisionDecoder.TEMPLATE_ID ->
            {
                shadowDecision.wrap(view, body(), block, version);
                row("shadow_decisions", sequence, timeNs).append(shadowDecision.strategyId())
                    .append(shadowDecision.instrumentId()).appendDecimal(shadowDecision.liveTarget())
                    .appendDecimal(shadowDecision.twinTarget())
                    .append(name(v -> ShadowVerdict.get((short)v), shadowDecision.verdictRaw()))
                    .append(shadowDecision.differencePpm()).append(shadowDecision.tolerancePpm())
                    .append(shadowDecision.misalignmentsInRow()).append(shadowDecision.causeSequence()).endRow();
            }
            case ShadowExecutionDecoder.TEMPLATE_ID ->
            {
                shadowExecution.wrap(view, body(), block, version);
                final DuckDBAppender row = row("shadow_executions", sequence, timeNs).append(shadowExecution.clOrdId())
                    .append(shadowExecution.strategyId()).append(shadowExecution.instrumentId())
                    .append(name(v -> Side.get((short)v), shadowExecution.sideRaw()))
                    .appendDecimal(shadowExecution.quantity()).appendDecimal(shadowExecution.filledQuantity())
                    .append(name(v -> ShadowFill.get((short)v), shadowExecution.fillRaw()));
                priceOrNull(priceOrNull(row, shadowExecution.averagePrice()), shadowExecution.modelPrice())
                    .append(shadowExecution.slippagePpm()).appendEpochNanos(shadowExecution.sendTimeNs());
                // -1 is the frame's "never happened" / "window not full yet": NULL in SQL, so averages skip it
                orNull(orNull(orNull(row, shadowExecution.ackLatencyNs()), shadowExecution.fillLatencyNs()),
                    shadowExecution.executionQualityPpm()).append(shadowExecution.causeSequence()).endRow();
            }
            case InvalidTransitionDecoder.TEMPLATE_ID ->
            {
                invalidTransition.wrap(view, body(), block, version);
                orderEvent("out", sequence, timeNs, "INVALID_TRANSITION", invalidTransition.clOrdId(), Long.MIN_VALUE,
                    Long.MIN_VALUE, Integer.MIN_VALUE).appendNull().appendNull()
                    .append(name(v -> OrderState.get((short)v), invalidTransition.fromStateRaw()) + "+" +
                        name(v -> LifecycleEvent.get((short)v), invalidTransition.lifecycleEventRaw()))
                    .appendNull().append(invalidTransition.causeSequence()).endRow();
            }
            default ->
            {
                return false;
            }
        }
        return true;
    }

    private DuckDBAppender row(final String table, final long sequence, final long timeNs) throws SQLException
    {
        return appender(table).beginRow().append(sequence).appendEpochNanos(timeNs);
    }

    /** A feed's own timestamp; NULL when the feed had sent nothing (0). */
    private static DuckDBAppender exchangeTime(final DuckDBAppender row, final long exchangeTimeNs) throws SQLException
    {
        return exchangeTimeNs == 0 ? row.appendNull() : row.appendEpochNanos(exchangeTimeNs);
    }

    private DuckDBAppender venueReport(final long sequence, final long timeNs, final String kind,
        final long reconciliationId, final int instrumentId) throws SQLException
    {
        final DuckDBAppender row = row("venue_reports", sequence, timeNs).append(kind).append(reconciliationId);
        return instrumentId == Integer.MIN_VALUE ? row.appendNull() : row.append(instrumentId);
    }

    /** journal, sequence, time, event, cl_ord_id, request_cl_ord_id, venue_order_id, instrument_id (MIN_VALUE: NULL). */
    private DuckDBAppender orderEvent(final String journal, final long sequence, final long timeNs, final String event,
        final long clOrdId, final long requestClOrdId, final long venueOrderId, final int instrumentId) throws SQLException
    {
        final DuckDBAppender row = appender("order_events").beginRow().append(journal).append(sequence)
            .appendEpochNanos(timeNs).append(event).append(clOrdId);
        longOrNull(longOrNull(row, requestClOrdId), venueOrderId);
        return instrumentId == Integer.MIN_VALUE ? row.appendNull() : row.append(instrumentId);
    }

    private void unknown(final String journal, final long sequence, final long timeNs, final DirectBuffer frame,
        final int offset, final int length, final String problem) throws SQLException
    {
        final boolean hasHeader = length >= MessageHeaderDecoder.ENCODED_LENGTH;
        final DuckDBAppender row = appender("unknown_frames").beginRow().append(journal).append(sequence)
            .appendEpochNanos(timeNs);
        if (hasHeader)
        {
            header.wrap(frame, offset);
            row.append(header.templateId()).append(header.schemaId());
        }
        else
        {
            row.appendNull().appendNull();
        }
        row.append(length).append(problem).endRow();
    }

    private static DuckDBAppender longOrNull(final DuckDBAppender row, final long value) throws SQLException
    {
        return value == Long.MIN_VALUE ? row.appendNull() : row.append(value);
    }

    private static DuckDBAppender priceOrNull(final DuckDBAppender row, final long price) throws SQLException
    {
        return price == 0 ? row.appendNull() : row.appendDecimal(price);
    }

    private static DuckDBAppender orNull(final DuckDBAppender row, final long valueOrMinusOne) throws SQLException
    {
        return valueOrMinusOne < 0 ? row.appendNull() : row.append(valueOrMinusOne);
    }

    private static BigDecimal decimal(final long value, final long scale)
    {
        return BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(scale)).movePointLeft(Fixed.QUANTITY_DECIMALS);
    }

    /**
     * @return the schema's name of an enumeration's raw value, null for its null value, {@code UNKNOWN(n)} for a value
     *         the schema does not name (a corrupt or newer frame must still load).
     */
    private static String name(final IntFunction<Enum<?>> lookup, final int raw)
    {
        try
        {
            final Enum<?> value = lookup.apply(raw);
            return "NULL_VAL".equals(value.name()) ? null : value.name();
        }
        catch (final IllegalArgumentException ex)
        {
            return "UNKNOWN(" + raw + ")";
        }
    }

    private DuckDBAppender appender(final String table) throws SQLException
    {
        // the same table row after row (trades, mostly): the literal's identity spares a hash lookup per row
        if (table == lastTable)
        {
            return lastAppender;
        }
        DuckDBAppender appender = appenders.get(table);
        if (appender == null)
        {
            appender = connection.createAppender(table);
            appenders.put(table, appender);
        }
        lastTable = table;
        lastAppender = appender;
        return appender;
    }

    @Override
    public void close() throws SQLException
    {
        SQLException first = null;
        for (final DuckDBAppender appender : appenders.values())
        {
            try
            {
                appender.close();
            }
            catch (final SQLException ex)
            {
                first = first == null ? ex : first;
            }
        }
        appenders.clear();
        lastTable = null;
        lastAppender = null;
        if (first != null)
        {
            throw first;
        }
    }
}
