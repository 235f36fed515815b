package io.ringwall.tools.audit;

import java.nio.file.Path;
import java.util.Map;

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
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.ReconciliationReportEncoder;
import io.ringwall.codecs.ReconciliationVerdict;
import io.ringwall.codecs.RiskRejectEncoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalWriter;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A hand-written session with every frame type: orders that are risk-rejected, partially filled, cancelled, venue
 * rejected, refused a cancel, a breaker trip and its reset by an operator, reconciliation, and frames of templates this
 * build does not know (as a newer schema would write). Input k is at {@link #time}(k); an output at its cause's time.
 *
 * <pre>
 * order A 131072 (strategy 0) BUY LIMIT 1 @ 30010 DAY   cause in 2: accepted in 3, 0.4 @ 30005 (fee 1.2) in 4,
 *                                                       cancel requested out 4 (cause 5), cancelled 0.6 in 7
 * order R 131073 (strategy 1) SELL 2.5                  cause in 2: risk rejected LOT_SIZE (out 2)
 * order B 327680 (strategy 1) SELL MARKET 0.5 DAY       cause in 5: venue rejected in 6
 * breaker MARKET_MOVE ACTIVE -> HALTED                  cause in 8 (out 5)
 * order D 524288 (strategy 0) BUY 1                     cause in 8: risk rejected TRADING_HALTED (out 6)
 * reset by alice                                        in 9: HALTED -> ACTIVE (out 7), APPLIED (out 8)
 * order E 655360 (strategy 0) BUY LIMIT 0.3 @ 27000 GTC cause in 10: accepted in 11, 0.1 @ 27000 (fee 0.27) in 12,
 *                                                       cancel requested out 10 (cause 12), cancel rejected in 13,
 *                                                       0.2 @ 26990 (fee 0.54) in 14
 * </pre>
 */
final class AuditSession
{
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long A = 2 * 65_536L;
    static final long R = A + 1;
    static final long B = 5 * 65_536L;
    static final long D = 8 * 65_536L;
    static final long E = 10 * 65_536L;
    static final String REASON = "moved 10%, \"checked\" with the desk";
    /** A template id no frame of this build has (a newer schema's). */
    static final int NEW_TEMPLATE = 77;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final InputEncoder inputs = new InputEncoder();
    private JournalWriter in;
    private JournalWriter out;
    private long inSequence;
    private long outSequence;

    static long time(final long input)
    {
        return T0 + input * 1_000_000_000L;
    }

    /** Writes the session to {@code dir}. */
    static Path write(final Path dir)
    {
        new AuditSession().writeTo(dir);
        return dir;
    }

    /**
     * A session with amends (schema v6): order A 131072 BUY LIMIT 1 @ 30010 (cause in 1), accepted in 2; amended
     * out (cause 3) to 2 @ 30020 as 196608, replaced in 4; amended out (cause 5) to 3 as 327680, refused in 6.
     */
    static Path writeAmends(final Path dir)
    {
        final AuditSession session = new AuditSession();
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalWriter inputWriter = journals.inputWriter();
            JournalWriter outputWriter = journals.outputWriter())
        {
            session.in = inputWriter;
            session.out = outputWriter;
            journals.writeManifest(Map.of("logic.symbols", "BTCUSD", "logic.strategies", "1",
                "logic.strategy.0", "ma-crossover:symbol=BTCUSD"));
            session.amends();
        }
        return dir;
    }

    private void amends()
    {
        input(inputs.trade(frame, 0, 0, 1, 300_000_000, 10_000_000, time(1)));
        output(1, newOrder(A, 0, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 100_000_000, 300_100_000, 1));
        input(inputs.orderAccepted(frame, 0, A, 9001, 0, time(2)));
        input(inputs.trade(frame, 0, 0, 2, 300_000_000, 10_000_000, time(3)));
        output(3, replace(3 * 65_536L, A, 200_000_000, 300_200_000, 3));
        input(inputs.orderReplaced(frame, 0, 3 * 65_536L, A, 9001, 0, 200_000_000, 300_200_000, 200_000_000, 0,
            time(4)));
        input(inputs.trade(frame, 0, 0, 3, 300_000_000, 10_000_000, time(5)));
        output(5, replace(5 * 65_536L, 3 * 65_536L, 300_000_000, 300_200_000, 5));
        input(inputs.replaceRejected(frame, 0, 5 * 65_536L, 3 * 65_536L, VenueRejectReason.OTHER, time(6)));
        input(inputs.trade(frame, 0, 0, 4, 300_000_000, 10_000_000, time(7)));
        // an amend risk refused (schema v7): under the id it would have had, naming the order
        output(7, reject(7 * 65_536L, 0, Side.BUY, 900_000_000, RiskRejectReason.MAX_QUANTITY, 500_000_000,
            900_000_000, 7, A));
    }

    private int replace(final long clOrdId, final long origClOrdId, final long quantity, final long limitPrice,
        final long cause)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + new io.ringwall.codecs.ReplaceOrderEncoder()
            .wrapAndApplyHeader(frame, 0, header).clOrdId(clOrdId).origClOrdId(origClOrdId).orderClOrdId(A)
            .instrumentId(0).side(Side.BUY).ordType(OrdType.LIMIT).timeInForce(TimeInForce.DAY).quantity(quantity)
            .limitPrice(limitPrice).causeSequence(cause).encodedLength();
    }

    private void writeTo(final Path dir)
    {
        try (JournalDirectory journals = JournalDirectory.open(dir); JournalWriter inputWriter = journals.inputWriter();
            JournalWriter outputWriter = journals.outputWriter())
        {
            in = inputWriter;
            out = outputWriter;
            journals.writeManifest(Map.of("logic.symbols", "BTCUSD,ETHUSD", "logic.strategies", "2",
                "logic.strategy.0", "ma-crossover:symbol=BTCUSD", "logic.strategy.1", "mean-reversion:symbol=BTCUSD"));
            input(inputs.trade(frame, 0, 0, 1, 300_000_000, 10_000_000, time(1)));
            input(inputs.trade(frame, 0, 0, 2, 300_100_000, 20_000_000, time(2)));
            output(2, newOrder(A, 0, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 100_000_000, 300_100_000, 2));
            output(2, reject(R, 1, Side.SELL, 250_000_000, RiskRejectReason.LOT_SIZE, 100_000_000, 250_000_000, 2));
            input(inputs.orderAccepted(frame, 0, A, 9001, 0, time(3)));
            input(inputs.orderFilled(frame, 0, A, 9001, 1, 0, Side.BUY, 300_050_000, 40_000_000, 60_000_000, 40_000_000,
                12_000, time(4)));
            input(inputs.trade(frame, 0, 0, 3, 299_000_000, 10_000_000, time(5)));
            output(5, newOrder(B, 1, Side.SELL, OrdType.MARKET, TimeInForce.DAY, 50_000_000, 0, 5));
            output(5, cancel(B + 1, A, Side.BUY, 100_000_000, 5));
            input(inputs.orderRejected(frame, 0, B, 0, VenueRejectReason.INSUFFICIENT_BUYING_POWER, time(6)));
            input(inputs.orderCancelled(frame, 0, A, 9001, 0, 60_000_000, time(7)));
            input(inputs.trade(frame, 0, 0, 4, 270_000_000, 10_000_000, time(8)));
            output(8, breaker(BreakerState.ACTIVE, BreakerState.HALTED, 100_000, 50_000, 8));
            output(8, reject(D, 0, Side.BUY, 100_000_000, RiskRejectReason.TRADING_HALTED, BreakerType.MARKET_MOVE.value(),
                BreakerState.HALTED.value(), 8));
            input(inputs.operatorCommand(frame, 0, OperatorCommandType.RESET_BREAKER, BreakerType.MARKET_MOVE, 0, "alice",
                REASON));
            output(9, breaker(BreakerState.HALTED, BreakerState.ACTIVE, 10_000, 50_000, 9));
            output(9, commandResult(9));
            input(inputs.trade(frame, 0, 0, 5, 270_000_000, 10_000_000, time(10)));
            output(10, newOrder(E, 0, Side.BUY, OrdType.LIMIT, TimeInForce.GTC, 30_000_000, 270_000_000, 10));
            input(inputs.orderAccepted(frame, 0, E, 9002, 0, time(11)));
            input(inputs.orderFilled(frame, 0, E, 9002, 2, 0, Side.BUY, 270_000_000, 10_000_000, 20_000_000, 10_000_000,
                2_700, time(12)));
            output(12, cancel(12 * 65_536L, E, Side.BUY, 30_000_000, 12));
            input(inputs.cancelRejected(frame, 0, 12 * 65_536L, E, VenueRejectReason.TOO_LATE_TO_CANCEL, time(13)));
            input(inputs.orderFilled(frame, 0, E, 9002, 3, 0, Side.BUY, 269_900_000, 20_000_000, 0, 30_000_000, 5_400,
                time(14)));
            // the other frame types, for the counts
            input(unknownFrame());
            input(inputs.timerTick(frame, 0, 1));
            input(inputs.quote(frame, 0, 1, 20_000_000, 100_000_000, 20_010_000, 200_000_000, time(17)));
            input(inputs.bar(frame, 0, 1, 20_000_000, 20_100_000, 19_900_000, 20_050_000, 500_000_000, time(17),
                60_000_000_000L));
            input(inputs.venuePosition(frame, 0, 1, 0, 70_000_000, 9_798_990_000L, time(19)));
            input(inputs.venueOpenOrder(frame, 0, 1, E, 0, Side.BUY, 0, time(20)));
            input(inputs.reconciliationEnd(frame, 0, 1, ReconciliationOutcome.COMPLETE, 1, 1, 50_000));
            output(21, report(1, 0, 70_000_000, 70_000_000, 21));
            output(21, report(1, -1, 9_798_990_000L, 9_798_990_000L, 21));
            input(inputs.orderExpired(frame, 0, 99, 9999, 0, 1_000_000, time(22)));
            output(22, invalidTransition(99, 22));
            output(22, unknownFrame());
            // shadow trading's outputs (schema v7)
            output(22, shadowDecision(0, 100_000_000, -50_000_000, io.ringwall.codecs.ShadowVerdict.SIGNAL_DIFFERS, 2, 22));
            output(22, shadowExecution(E, 0, 30_000_000, 30_000_000, io.ringwall.codecs.ShadowFill.FILLED, 269_933_300,
                270_000_000, -247, -1, 22));
            // schema v8: an exchange feed's halt and resume of an instrument, then its gap
            input(inputs.tradingStatus(frame, 0, 0, io.ringwall.codecs.InstrumentTradingState.HALTED, 0x4C554450,
                time(23)));
            input(inputs.tradingStatus(frame, 0, 0, io.ringwall.codecs.InstrumentTradingState.TRADING, 0, time(24)));
            input(inputs.feedHealth(frame, 0, io.ringwall.codecs.FeedHealthState.GAP, 151, 161, 0, time(24)));
        }
    }

    private void input(final int length)
    {
        inSequence++;
        in.append(inSequence, time(inSequence), frame, 0, length);
        in.commit();
    }

    private void output(final long cause, final int length)
    {
        outSequence++;
        out.append(outSequence, time(cause), frame, 0, length);
        out.commit();
    }

    private int unknownFrame()
    {
        header.wrap(frame, 0).blockLength(8).templateId(NEW_TEMPLATE).schemaId(MessageHeaderEncoder.SCHEMA_ID)
            .version(MessageHeaderEncoder.SCHEMA_VERSION + 1);
        frame.putLong(MessageHeaderEncoder.ENCODED_LENGTH, 42);
        return MessageHeaderEncoder.ENCODED_LENGTH + 8;
    }

    private int newOrder(final long clOrdId, final int strategyId, final Side side, final OrdType type,
        final TimeInForce timeInForce, final long quantity, final long limitPrice, final long cause)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + new NewOrderEncoder().wrapAndApplyHeader(frame, 0, header)
            .clOrdId(clOrdId).instrumentId(0).strategyId(strategyId).side(side).ordType(type).timeInForce(timeInForce)
            .quantity(quantity).limitPrice(limitPrice).stopPrice(0).causeSequence(cause).encodedLength();
    }

    private int reject(final long clOrdId, final int strategyId, final Side side, final long quantity,
        final RiskRejectReason reason, final long limit, final long observed, final long cause)
    {
        return reject(clOrdId, strategyId, side, quantity, reason, limit, observed, cause, 0);
    }

    private int reject(final long clOrdId, final int strategyId, final Side side, final long quantity,
        final RiskRejectReason reason, final long limit, final long observed, final long cause,
        final long amendedClOrdId)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + new RiskRejectEncoder().wrapAndApplyHeader(frame, 0, header)
            .clOrdId(clOrdId).instrumentId(0).strategyId(strategyId).side(side).quantity(quantity).limitPrice(0)
            .reason(reason).limitValue(limit).observedValue(observed).causeSequence(cause)
            .amendedClOrdId(amendedClOrdId).encodedLength();
    }

    private int cancel(final long clOrdId, final long origClOrdId, final Side side, final long quantity, final long cause)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + new CancelOrderEncoder().wrapAndApplyHeader(frame, 0, header)
            .clOrdId(clOrdId).origClOrdId(origClOrdId).instrumentId(0).causeSequence(cause).side(side)
            .orderQuantity(quantity).encodedLength();
    }

    private int breaker(final BreakerState from, final BreakerState to, final long observed, final long threshold,
        final long cause)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + new BreakerStateChangeEncoder().wrapAndApplyHeader(frame, 0, header)
            .breakerType(BreakerType.MARKET_MOVE).fromState(from).toState(to).observedValue(observed)
            .thresholdValue(threshold).causeSequence(cause).instrumentId(0).encodedLength();
    }

    private int commandResult(final long cause)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + new OperatorCommandResultEncoder()
            .wrapAndApplyHeader(frame, 0, header).commandType(OperatorCommandType.RESET_BREAKER)
            .breakerType(BreakerType.MARKET_MOVE).result(CommandResult.APPLIED).value(0).causeSequence(cause)
            .encodedLength();
    }

    private int report(final long reconciliationId, final int instrumentId, final long local, final long venue,
        final long cause)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + new ReconciliationReportEncoder().wrapAndApplyHeader(frame, 0, header)
            .reconciliationId(reconciliationId).instrumentId(instrumentId).localValue(local).venueValue(venue)
            .difference(venue - local).toleranceValue(0).verdict(ReconciliationVerdict.MATCHED).localOpenOrders(0)
            .venueOpenOrders(0).unknownVenueOrders(0).causeSequence(cause).encodedLength();
    }

    private int shadowDecision(final int strategyId, final long liveTarget, final long twinTarget,
        final io.ringwall.codecs.ShadowVerdict verdict, final int inRow, final long cause)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + new io.ringwall.codecs.ShadowDecisionEncoder()
            .wrapAndApplyHeader(frame, 0, header).strategyId(strategyId).instrumentId(0).liveTarget(liveTarget)
            .twinTarget(twinTarget).verdict(verdict).differencePpm(1_500_000).tolerancePpm(50_000)
            .misalignmentsInRow(inRow).causeSequence(cause).encodedLength();
    }

    private int shadowExecution(final long clOrdId, final int strategyId, final long quantity, final long filled,
        final io.ringwall.codecs.ShadowFill fill, final long averagePrice, final long modelPrice, final long slippagePpm,
        final long qualityPpm, final long cause)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + new io.ringwall.codecs.ShadowExecutionEncoder()
            .wrapAndApplyHeader(frame, 0, header).clOrdId(clOrdId).strategyId(strategyId).instrumentId(0)
            .side(Side.BUY).quantity(quantity).filledQuantity(filled).fill(fill).averagePrice(averagePrice)
            .modelPrice(modelPrice).slippagePpm(slippagePpm).sendTimeNs(time(10)).ackLatencyNs(1_000_000_000L)
            .fillLatencyNs(2_000_000_000L).executionQualityPpm(qualityPpm).causeSequence(cause).encodedLength();
    }

    private int invalidTransition(final long clOrdId, final long cause)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + new InvalidTransitionEncoder().wrapAndApplyHeader(frame, 0, header)
            .clOrdId(clOrdId).fromState(OrderState.UNKNOWN).lifecycleEvent(LifecycleEvent.EXPIRE).causeSequence(cause)
            .encodedLength();
    }
}
