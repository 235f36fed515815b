package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeEncoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CommandResult;
import io.ringwall.codecs.InvalidTransitionEncoder;
import io.ringwall.codecs.LifecycleEvent;
import io.ringwall.codecs.MessageHeaderEncoder;
import io.ringwall.codecs.NewOrderEncoder;
import io.ringwall.codecs.OperatorCommandResultEncoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.OrderState;
import io.ringwall.codecs.RiskRejectEncoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RiskEventsCommandTest
{
    /** 2023-11-14T22:13:20.123456789Z: the time of input 1; inputs 2 and 3 come 1 s + 1 ns and 60 s later. */
    private static final long T0 = 1_700_000_000_123_456_789L;
    private static final long[] INPUT_TIMES = {T0, T0 + 1_000_000_001L, T0 + 60_000_000_000L};
    private static final String WHY = "drawdown reviewed with the risk desk";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    @Test
    void printsEveryRiskEventWithItsFiguresInTheirUnitAndWhoResetTheBreaker()
    {
        final Path session = session();

        assertThat(execute("risk-events", "--journal", session.toString())).as(text(err)).isZero();

        final String at1 = "2023-11-14T22:13:20.123456789Z ";
        final String at2 = "2023-11-14T22:13:21.123456790Z ";
        final String at3 = "2023-11-14T22:14:20.123456789Z ";
        assertThat(text(out).split("\n")).containsExactly(
            at1 + "out 1 cause in 1 RiskReject clOrdId=256 strategy=0 BTCUSD BUY 0.5 @ 30000.5: MAX_ORDER_NOTIONAL, " +
                "limit 10000 observed 15000.25",
            at1 + "out 2 cause in 1 RiskReject clOrdId=257 amend of clOrdId=200 strategy=1 ETHUSD SELL 2.5 @ MARKET: " +
                "LOT_SIZE, " +
                "limit 1 observed 2.5",
            at2 + "out 3 cause in 2 BreakerStateChange MARKET_MOVE on ETHUSD: ACTIVE -> REDUCING, " +
                "observed 6% threshold 5%",
            at2 + "out 4 cause in 2 BreakerStateChange DRAWDOWN: ACTIVE -> HALTED, observed 12.5% threshold 10%",
            at2 + "out 5 cause in 2 RiskReject clOrdId=512 strategy=0 BTCUSD BUY 0.5 @ 29990: TRADING_HALTED, " +
                "halted by DRAWDOWN",
            at2 + "out 6 cause in 2 RiskReject clOrdId=513 strategy=0 #7 BUY 1 @ MARKET: UNKNOWN_INSTRUMENT, " +
                "limit 1 observed 7",
            at2 + "out 7 cause in 2 RiskReject clOrdId=514 strategy=0 BTCUSD SELL 0.5 @ 32000: PRICE_COLLAR, " +
                "limit 5% observed 6.25%",
            at2 + "out 8 cause in 2 RiskReject clOrdId=515 strategy=0 BTCUSD BUY 0.5 @ 29990: DUPLICATE_ORDER, " +
                "limit 1s observed 0.25s",
            at2 + "out 9 cause in 2 RiskReject clOrdId=516 strategy=1 ETHUSD BUY 1 @ MARKET: NO_MARKET_PRICE",
            at3 + "out 10 cause in 3 BreakerStateChange DRAWDOWN: HALTED -> ACTIVE, observed 2% threshold 10%, " +
                "by alice: \"" + WHY + "\"",
            at3 + "out 11 cause in 3 OperatorCommandResult RESET_BREAKER DRAWDOWN: APPLIED, value 0, " +
                "by alice: \"" + WHY + "\"",
            "total 11 events: breaker DRAWDOWN 2, breaker MARKET_MOVE 1, command RESET_BREAKER 1, " +
                "reject DUPLICATE_ORDER 1, reject LOT_SIZE 1, reject MAX_ORDER_NOTIONAL 1, reject NO_MARKET_PRICE 1, " +
                "reject PRICE_COLLAR 1, reject TRADING_HALTED 1, reject UNKNOWN_INSTRUMENT 1");
    }

    @Test
    void venueRejectsComeInTheirInputsPlaceAndAnOverfillShowsItsInvalidTransitionAndBreaker()
    {
        final Path session = dir.resolve("venue");
        final InputEncoder inputs = new InputEncoder();
        final long t = T0;
        try (JournalDirectory journals = JournalDirectory.open(session);
            JournalWriter in = journals.inputWriter();
            JournalWriter out = journals.outputWriter())
        {
            journals.writeManifest(Map.of("logic.symbols", "BTCUSD,ETHUSD"));
            append(in, 1, t, inputs.trade(frame, 0, 0, 1, 300_000_000, 10_000_000, t));
            append(in, 2, t + 1, inputs.orderRejected(frame, 0, 65_536, 1, VenueRejectReason.SESSION_REJECT, t));
            // refused as too late: business as usual, not a venue reject
            append(in, 3, t + 2, inputs.cancelRejected(frame, 0, 65_537, 512, VenueRejectReason.TOO_LATE_TO_CANCEL, t));
            append(in, 4, t + 3, inputs.cancelRejected(frame, 0, 65_538, 512, VenueRejectReason.BUSINESS_REJECT, t));
            append(in, 5, t + 4, inputs.orderFilled(frame, 0, 512, 9, 77, 0, Side.BUY, 300_000_000, 50_000_000, 0,
                150_000_000, 0, t));

            append(out, 1, t, newOrder(1));
            append(out, 2, t + 1, breaker(2, BreakerType.VENUE_REJECT_RATE, BreakerState.ACTIVE, BreakerState.HALTED,
                1, 1, -1));
            append(out, 3, t + 4, invalidTransition(5, 512));
            append(out, 4, t + 4, breaker(5, BreakerType.OVERFILL, BreakerState.ACTIVE, BreakerState.HALTED,
                150_000_000, 100_000_000, 0));
        }

        assertThat(execute("risk-events", "--journal", session.toString())).as(text(err)).isZero();

        final String at = "2023-11-14T22:13:20.12345679";
        assertThat(text(out).split("\n")).containsExactly(
            at + "0Z in 2 OrderRejected clOrdId=65536 ETHUSD: SESSION_REJECT",
            at + "0Z out 2 cause in 2 BreakerStateChange VENUE_REJECT_RATE: ACTIVE -> HALTED, observed 1 threshold 1",
            at + "2Z in 4 CancelRejected clOrdId=65538 origClOrdId=512: BUSINESS_REJECT",
            at + "3Z out 3 cause in 5 InvalidTransition clOrdId=512: FILL on UNKNOWN",
            at + "3Z out 4 cause in 5 BreakerStateChange OVERFILL on BTCUSD: ACTIVE -> HALTED, observed 1.5 threshold 1",
            "total 5 events: breaker OVERFILL 1, breaker VENUE_REJECT_RATE 1, invalid-transition FILL 1, " +
                "venue-reject BUSINESS_REJECT 1, venue-reject SESSION_REJECT 1");
    }

    @Test
    void fromAndToSelectOutputSequences()
    {
        final Path session = session();

        assertThat(execute("risk-events", "--journal", session.toString(), "--from", "4", "--to", "5")).isZero();

        assertThat(text(out).split("\n")).hasSize(3)
            .satisfies(lines -> assertThat(lines[0]).contains(" out 4 ").endsWith("threshold 10%"))
            .satisfies(lines -> assertThat(lines[1]).contains(" out 5 ").endsWith("halted by DRAWDOWN"))
            .satisfies(lines -> assertThat(lines[2]).isEqualTo("total 2 events: breaker DRAWDOWN 1, reject TRADING_HALTED 1"));
    }

    @Test
    void aMissingOrCorruptJournalIsAClearFailure()
    {
        assertThat(execute("risk-events", "--journal", dir.resolve("missing").toString()))
            .isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).startsWith("ringwall risk-events: no Ringwall journal in");

        err.reset();
        final Path session = dir.resolve("corrupt");
        try (JournalDirectory journals = JournalDirectory.open(session); JournalWriter outputs = journals.outputWriter())
        {
            journals.writeManifest(Map.of("logic.symbols", "BTCUSD"));
            journals.inputWriter().close();
            final int length = reject(1, 256, 0, 0, Side.BUY, 1, 0, RiskRejectReason.NO_INPUT, 0, 0);
            frame.putShort(MessageHeaderEncoder.ENCODED_LENGTH + RiskRejectEncoder.reasonEncodingOffset(), (short)999);
            outputs.append(1, T0, frame, 0, length);
        }
        assertThat(execute("risk-events", "--journal", session.toString())).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).startsWith("ringwall risk-events: journal \"out\" record 1 (RiskReject) holds a value " +
            "this schema does not name");
    }

    /**
     * A session whose inputs are two market-data events and an operator's RESET_BREAKER, and whose outputs are
     * refusals in every kind of unit, a market-move and a drawdown trip, the reset, and an order (not printed).
     */
    private Path session()
    {
        final Path session = dir.resolve("session");
        final InputEncoder inputs = new InputEncoder();
        try (JournalDirectory journals = JournalDirectory.open(session);
            JournalWriter in = journals.inputWriter();
            JournalWriter out = journals.outputWriter())
        {
            journals.writeManifest(Map.of("logic.symbols", "BTCUSD,ETHUSD"));
            append(in, 1, INPUT_TIMES[0], inputs.trade(frame, 0, 0, 1, 300_000_000, 10_000_000, T0));
            append(in, 2, INPUT_TIMES[1], inputs.trade(frame, 0, 1, 2, 20_000_000, 10_000_000, T0));
            append(in, 3, INPUT_TIMES[2], inputs.operatorCommand(frame, 0, OperatorCommandType.RESET_BREAKER,
                BreakerType.DRAWDOWN, 0, "alice", WHY));

            append(out, 1, INPUT_TIMES[0], reject(1, 256, 0, 0, Side.BUY, 50_000_000, 300_005_000,
                RiskRejectReason.MAX_ORDER_NOTIONAL, 100_000_000, 150_002_500));
            // an amend of order 200 refused
            append(out, 2, INPUT_TIMES[0], reject(1, 257, 1, 1, Side.SELL, 250_000_000, 0,
                RiskRejectReason.LOT_SIZE, 100_000_000, 250_000_000, 200));
            append(out, 3, INPUT_TIMES[1], breaker(2, BreakerType.MARKET_MOVE, BreakerState.ACTIVE, BreakerState.REDUCING,
                60_000, 50_000, 1));
            append(out, 4, INPUT_TIMES[1], breaker(2, BreakerType.DRAWDOWN, BreakerState.ACTIVE, BreakerState.HALTED,
                125_000, 100_000, -1));
            append(out, 5, INPUT_TIMES[1], reject(2, 512, 0, 0, Side.BUY, 50_000_000, 299_900_000,
                RiskRejectReason.TRADING_HALTED, BreakerType.DRAWDOWN.value(), BreakerState.HALTED.value()));
            append(out, 6, INPUT_TIMES[1], reject(2, 513, 7, 0, Side.BUY, 100_000_000, 0,
                RiskRejectReason.UNKNOWN_INSTRUMENT, 1, 7));
            append(out, 7, INPUT_TIMES[1], reject(2, 514, 0, 0, Side.SELL, 50_000_000, 320_000_000,
                RiskRejectReason.PRICE_COLLAR, 50_000, 62_500));
            append(out, 8, INPUT_TIMES[1], reject(2, 515, 0, 0, Side.BUY, 50_000_000, 299_900_000,
                RiskRejectReason.DUPLICATE_ORDER, 1_000_000_000, 250_000_000));
            append(out, 9, INPUT_TIMES[1], reject(2, 516, 1, 1, Side.BUY, 100_000_000, 0,
                RiskRejectReason.NO_MARKET_PRICE, 0, 0));
            append(out, 10, INPUT_TIMES[2], breaker(3, BreakerType.DRAWDOWN, BreakerState.HALTED, BreakerState.ACTIVE,
                20_000, 100_000, -1));
            append(out, 11, INPUT_TIMES[2], commandResult(3));
            append(out, 12, INPUT_TIMES[2], newOrder(3));
        }
        return session;
    }

    private void append(final JournalWriter writer, final long sequence, final long timeNs, final int length)
    {
        writer.append(sequence, timeNs, frame, 0, length);
        writer.commit();
    }

    private int reject(final long cause, final long clOrdId, final int instrumentId, final int strategyId,
        final Side side, final long quantity, final long limitPrice, final RiskRejectReason reason, final long limit,
        final long observed)
    {
        return reject(cause, clOrdId, instrumentId, strategyId, side, quantity, limitPrice, reason, limit, observed, 0);
    }

    private int reject(final long cause, final long clOrdId, final int instrumentId, final int strategyId,
        final Side side, final long quantity, final long limitPrice, final RiskRejectReason reason, final long limit,
        final long observed, final long amendedClOrdId)
    {
        final RiskRejectEncoder encoder = new RiskRejectEncoder().wrapAndApplyHeader(frame, 0, header)
            .clOrdId(clOrdId).instrumentId(instrumentId).strategyId(strategyId).side(side).quantity(quantity)
            .limitPrice(limitPrice).reason(reason).limitValue(limit).observedValue(observed).causeSequence(cause)
            .amendedClOrdId(amendedClOrdId);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int breaker(final long cause, final BreakerType type, final BreakerState from, final BreakerState to,
        final long observed, final long threshold, final int instrumentId)
    {
        final BreakerStateChangeEncoder encoder = new BreakerStateChangeEncoder().wrapAndApplyHeader(frame, 0, header)
            .breakerType(type).fromState(from).toState(to).observedValue(observed).thresholdValue(threshold)
            .causeSequence(cause).instrumentId(instrumentId);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int invalidTransition(final long cause, final long clOrdId)
    {
        final InvalidTransitionEncoder encoder = new InvalidTransitionEncoder().wrapAndApplyHeader(frame, 0, header)
            .clOrdId(clOrdId).fromState(OrderState.UNKNOWN).lifecycleEvent(LifecycleEvent.FILL).causeSequence(cause);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int commandResult(final long cause)
    {
        final OperatorCommandResultEncoder encoder = new OperatorCommandResultEncoder().wrapAndApplyHeader(frame, 0, header)
            .commandType(OperatorCommandType.RESET_BREAKER).breakerType(BreakerType.DRAWDOWN)
            .result(CommandResult.APPLIED).value(0).causeSequence(cause);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int newOrder(final long cause)
    {
        final NewOrderEncoder encoder = new NewOrderEncoder().wrapAndApplyHeader(frame, 0, header)
            .clOrdId(cause * 256).instrumentId(0).strategyId(0).side(Side.BUY).ordType(OrdType.MARKET)
            .timeInForce(TimeInForce.DAY).quantity(50_000_000).limitPrice(0).stopPrice(0).causeSequence(cause);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int execute(final String... args)
    {
        return RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private static String text(final ByteArrayOutputStream stream)
    {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
