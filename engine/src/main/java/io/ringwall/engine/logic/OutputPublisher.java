package io.ringwall.engine.logic;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeEncoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelOrderEncoder;
import io.ringwall.codecs.CommandResult;
import io.ringwall.codecs.InvalidTransitionEncoder;
import io.ringwall.codecs.LifecycleEvent;
import io.ringwall.codecs.MessageHeaderEncoder;
import io.ringwall.codecs.NewOrderEncoder;
import io.ringwall.codecs.OperatorCommandResultEncoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.OrderState;
import io.ringwall.codecs.ReconciliationReportEncoder;
import io.ringwall.codecs.ReconciliationVerdict;
import io.ringwall.codecs.RiskRejectEncoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encodes the logic's outputs and hands them to the {@link OutputSink}, numbering them: the output
 * sequence is business state (it continues across a checkpoint), so replay reproduces it exactly.
 */
final class OutputPublisher
{
    private final OutputSink sink;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final RiskRejectEncoder riskReject = new RiskRejectEncoder();
    private final io.ringwall.codecs.ReplaceOrderEncoder replaceOrder = new io.ringwall.codecs.ReplaceOrderEncoder();
    private final BreakerStateChangeEncoder breakerChange = new BreakerStateChangeEncoder();
    private final OperatorCommandResultEncoder commandResult = new OperatorCommandResultEncoder();
    private final InvalidTransitionEncoder invalidTransition = new InvalidTransitionEncoder();
    private final io.ringwall.codecs.OrderStatusQueryEncoder statusQuery = new io.ringwall.codecs.OrderStatusQueryEncoder();
    private final ReconciliationReportEncoder reconciliation = new ReconciliationReportEncoder();
    private final io.ringwall.codecs.ShadowDecisionEncoder shadowDecision = new io.ringwall.codecs.ShadowDecisionEncoder();
    private final io.ringwall.codecs.ShadowExecutionEncoder shadowExecution =
        new io.ringwall.codecs.ShadowExecutionEncoder();
    private long outputSequence;
    private long timeNs;
    private long causeSequence;
    private long causeIngressNanos;

    OutputPublisher(final OutputSink sink)
    {
        this.sink = sink;
    }

    /**
     * Sets the input that outputs from now on answer to.
     */
    void cause(final long inputSequence, final long timeNs, final long ingressNanos)
    {
        this.causeSequence = inputSequence;
        this.timeNs = timeNs;
        this.causeIngressNanos = ingressNanos;
    }

    long outputSequence()
    {
        return outputSequence;
    }

    void newOrder(final long clOrdId, final int instrumentId, final int strategyId, final Side side, final OrdType ordType,
        final TimeInForce timeInForce, final long quantity, final long limitPrice, final long stopPrice)
    {
        newOrder.wrapAndApplyHeader(scratch, 0, header)
            .clOrdId(clOrdId)
            .instrumentId(instrumentId)
            .strategyId(strategyId)
            .side(side)
            .ordType(ordType)
            .timeInForce(timeInForce)
            .quantity(quantity)
            .limitPrice(limitPrice)
            .stopPrice(stopPrice)
            .causeSequence(causeSequence);
        emit(newOrder.encodedLength());
    }

    /**
     * @param side          the order's side and {@code orderQuantity} its quantity: a FIX broker checks the
     *                      OrderCancelRequest's Side (54) and OrderQty (38) against the order it cancels.
     */
    void cancelOrder(final long clOrdId, final long origClOrdId, final int instrumentId, final Side side,
        final long orderQuantity)
    {
        cancelOrder.wrapAndApplyHeader(scratch, 0, header)
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId)
            .instrumentId(instrumentId)
            .causeSequence(causeSequence)
            .side(side)
            .orderQuantity(orderQuantity);
        emit(cancelOrder.encodedLength());
    }

    /** An amend (FIX OrderCancelReplaceRequest): the order's new terms, naming it by the id the venue knows. */
    void replaceOrder(final long clOrdId, final long origClOrdId, final long orderClOrdId, final int instrumentId,
        final Side side, final OrdType ordType, final TimeInForce timeInForce, final long quantity,
        final long limitPrice)
    {
        replaceOrder.wrapAndApplyHeader(scratch, 0, header)
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId)
            .orderClOrdId(orderClOrdId)
            .instrumentId(instrumentId)
            .side(side)
            .ordType(ordType)
            .timeInForce(timeInForce)
            .quantity(quantity)
            .limitPrice(limitPrice)
            .causeSequence(causeSequence);
        emit(replaceOrder.encodedLength());
    }

    void riskReject(final long clOrdId, final int instrumentId, final int strategyId, final Side side,
        final long quantity, final long limitPrice, final RiskRejectReason reason, final long limitValue,
        final long observedValue, final long amendedClOrdId)
    {
        riskReject.wrapAndApplyHeader(scratch, 0, header)
            .clOrdId(clOrdId)
            .instrumentId(instrumentId)
            .strategyId(strategyId)
            .side(side)
            .quantity(quantity)
            .limitPrice(limitPrice)
            .reason(reason)
            .limitValue(limitValue)
            .observedValue(observedValue)
            .causeSequence(causeSequence)
            .amendedClOrdId(amendedClOrdId);
        emit(riskReject.encodedLength());
    }

    void breakerChange(final BreakerType type, final BreakerState from, final BreakerState to,
        final long observedValue, final long thresholdValue, final int instrumentId)
    {
        breakerChange.wrapAndApplyHeader(scratch, 0, header)
            .breakerType(type)
            .fromState(from)
            .toState(to)
            .observedValue(observedValue)
            .thresholdValue(thresholdValue)
            .causeSequence(causeSequence)
            .instrumentId(instrumentId);
        emit(breakerChange.encodedLength());
    }

    void commandResult(final OperatorCommandType type, final BreakerType breakerType, final CommandResult result,
        final long value)
    {
        commandResult.wrapAndApplyHeader(scratch, 0, header)
            .commandType(type)
            .breakerType(breakerType)
            .result(result)
            .value(value)
            .causeSequence(causeSequence);
        emit(commandResult.encodedLength());
    }

    void invalidTransition(final long clOrdId, final OrderState fromState, final LifecycleEvent event)
    {
        invalidTransition.wrapAndApplyHeader(scratch, 0, header)
            .clOrdId(clOrdId)
            .fromState(fromState)
            .lifecycleEvent(event)
            .causeSequence(causeSequence);
        emit(invalidTransition.encodedLength());
    }

    void orderStatusQuery(final long clOrdId, final int instrumentId, final io.ringwall.codecs.Side side,
        final int attempt)
    {
        statusQuery.wrapAndApplyHeader(scratch, 0, header)
            .clOrdId(clOrdId)
            .instrumentId(instrumentId)
            .side(side)
            .attempt(attempt)
            .causeSequence(causeSequence);
        emit(statusQuery.encodedLength());
    }

    void reconciliationReport(final long reconciliationId, final int instrumentId, final long localValue,
        final long venueValue, final long toleranceValue, final ReconciliationVerdict verdict,
        final int localOpenOrders, final int venueOpenOrders, final int unknownVenueOrders)
    {
        reconciliation.wrapAndApplyHeader(scratch, 0, header)
            .reconciliationId(reconciliationId)
            .instrumentId(instrumentId)
            .localValue(localValue)
            .venueValue(venueValue)
            .difference(venueValue - localValue)
            .toleranceValue(toleranceValue)
            .verdict(verdict)
            .localOpenOrders(localOpenOrders)
            .venueOpenOrders(venueOpenOrders)
            .unknownVenueOrders(unknownVenueOrders)
            .causeSequence(causeSequence);
        emit(reconciliation.encodedLength());
    }

    void shadowDecision(final int strategyId, final int instrumentId, final long liveTarget, final long twinTarget,
        final io.ringwall.codecs.ShadowVerdict verdict, final long differencePpm, final long tolerancePpm,
        final int misalignmentsInRow)
    {
        shadowDecision.wrapAndApplyHeader(scratch, 0, header)
            .strategyId(strategyId)
            .instrumentId(instrumentId)
            .liveTarget(liveTarget)
            .twinTarget(twinTarget)
            .verdict(verdict)
            .differencePpm(differencePpm)
            .tolerancePpm(tolerancePpm)
            .misalignmentsInRow(misalignmentsInRow)
            .causeSequence(causeSequence);
        emit(shadowDecision.encodedLength());
    }

    void shadowExecution(final long clOrdId, final int strategyId, final int instrumentId, final Side side,
        final long quantity, final long filledQuantity, final io.ringwall.codecs.ShadowFill fill,
        final long averagePrice, final long modelPrice, final long slippagePpm, final long sendTimeNs,
        final long ackLatencyNs, final long fillLatencyNs, final long executionQualityPpm)
    {
        shadowExecution.wrapAndApplyHeader(scratch, 0, header)
            .clOrdId(clOrdId)
            .strategyId(strategyId)
            .instrumentId(instrumentId)
            .side(side)
            .quantity(quantity)
            .filledQuantity(filledQuantity)
            .fill(fill)
            .averagePrice(averagePrice)
            .modelPrice(modelPrice)
            .slippagePpm(slippagePpm)
            .sendTimeNs(sendTimeNs)
            .ackLatencyNs(ackLatencyNs)
            .fillLatencyNs(fillLatencyNs)
            .executionQualityPpm(executionQualityPpm)
            .causeSequence(causeSequence);
        emit(shadowExecution.encodedLength());
    }

    private void emit(final int bodyLength)
    {
        sink.publish(++outputSequence, timeNs, scratch, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength,
            causeIngressNanos);
    }

    /** Checkpoints: outputs continue after the snapshot's last one. */
    void restoreOutputSequence(final long sequence)
    {
        outputSequence = sequence;
    }
}
