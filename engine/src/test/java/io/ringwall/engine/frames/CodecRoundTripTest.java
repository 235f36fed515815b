package io.ringwall.engine.frames;

import io.ringwall.codecs.BarDecoder;
import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerStateChangeEncoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.CancelOrderEncoder;
import io.ringwall.codecs.CancelRejectedDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.MessageHeaderEncoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.NewOrderEncoder;
import io.ringwall.codecs.OperatorCommandDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.OrderAcceptedDecoder;
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.codecs.QuoteDecoder;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectEncoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.TimerTickDecoder;
import io.ringwall.codecs.TradeDecoder;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.codecs.snapshot.EngineSnapshotDecoder;
import io.ringwall.codecs.snapshot.EngineSnapshotEncoder;
import io.ringwall.codecs.snapshot.OrderState;
import io.ringwall.engine.ring.FrameEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every frame of both schemas survives encode then decode with each field intact, at a non-zero
 * offset, and fits a ring slot.
 */
class CodecRoundTripTest
{
    private static final int OFFSET = 16;
    private final InputEncoder encoder = new InputEncoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();

    @Test
    void trade()
    {
        final int length = encoder.trade(buffer, OFFSET, 3, 77, 8_265_000, 27_838_049, 1_385_337_613_000_000_000L);
        final TradeDecoder d = new TradeDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertFrame(length, TradeDecoder.TEMPLATE_ID, d.encodedLength());
        assertThat(new long[] {d.instrumentId(), d.tradeId(), d.price(), d.quantity(), d.exchangeTimeNs()})
            .containsExactly(3, 77, 8_265_000, 27_838_049, 1_385_337_613_000_000_000L);
    }

    @Test
    void quote()
    {
        final int length = encoder.quote(buffer, OFFSET, 1, 100, 200, 101, 300, 5);
        final QuoteDecoder d = new QuoteDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertFrame(length, QuoteDecoder.TEMPLATE_ID, d.encodedLength());
        assertThat(new long[] {d.instrumentId(), d.bidPrice(), d.bidQuantity(), d.askPrice(), d.askQuantity(),
            d.exchangeTimeNs()}).containsExactly(1, 100, 200, 101, 300, 5);
    }

    @Test
    void bar()
    {
        final int length = encoder.bar(buffer, OFFSET, 2, 5_538_200, 5_550_000, 5_416_300, 5_490_300, 2_001_850_000_000_000L,
            86_400_000_000_000L * 15_707, 86_400_000_000_000L);
        final BarDecoder d = new BarDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertFrame(length, BarDecoder.TEMPLATE_ID, d.encodedLength());
        assertThat(new long[] {d.instrumentId(), d.openPrice(), d.highPrice(), d.lowPrice(), d.closePrice(), d.volume(),
            d.startTimeNs(), d.durationNs()}).containsExactly(2, 5_538_200, 5_550_000, 5_416_300, 5_490_300,
            2_001_850_000_000_000L, 86_400_000_000_000L * 15_707, 86_400_000_000_000L);
    }

    @Test
    void venueEvents()
    {
        int length = encoder.orderAccepted(buffer, OFFSET, 512, 9, 1, 44);
        final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertFrame(length, OrderAcceptedDecoder.TEMPLATE_ID, accepted.encodedLength());
        assertThat(new long[] {accepted.clOrdId(), accepted.venueOrderId(), accepted.instrumentId(), accepted.venueTimeNs()})
            .containsExactly(512, 9, 1, 44);

        length = encoder.orderFilled(buffer, OFFSET, 512, 9, 10, 1, Side.SELL, 8_000_000, 50, 25, 75, 12, 45);
        final OrderFilledDecoder filled = new OrderFilledDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertFrame(length, OrderFilledDecoder.TEMPLATE_ID, filled.encodedLength());
        assertThat(filled.side()).isEqualTo(Side.SELL);
        assertThat(new long[] {filled.clOrdId(), filled.venueOrderId(), filled.execId(), filled.instrumentId(),
            filled.lastPrice(), filled.lastQuantity(), filled.leavesQuantity(), filled.cumQuantity(), filled.fee(),
            filled.venueTimeNs()}).containsExactly(512, 9, 10, 1, 8_000_000, 50, 25, 75, 12, 45);

        length = encoder.orderRejected(buffer, OFFSET, 513, 1, VenueRejectReason.NO_MARKET, 46);
        final OrderRejectedDecoder rejected = new OrderRejectedDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertFrame(length, OrderRejectedDecoder.TEMPLATE_ID, rejected.encodedLength());
        assertThat(rejected.reason()).isEqualTo(VenueRejectReason.NO_MARKET);
        assertThat(new long[] {rejected.clOrdId(), rejected.instrumentId(), rejected.venueTimeNs()})
            .containsExactly(513, 1, 46);

        length = encoder.orderCancelled(buffer, OFFSET, 514, 11, 1, 30, 47);
        final OrderCancelledDecoder cancelled = new OrderCancelledDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertFrame(length, OrderCancelledDecoder.TEMPLATE_ID, cancelled.encodedLength());
        assertThat(new long[] {cancelled.clOrdId(), cancelled.venueOrderId(), cancelled.instrumentId(),
            cancelled.cancelledQuantity(), cancelled.venueTimeNs()}).containsExactly(514, 11, 1, 30, 47);

        length = encoder.cancelRejected(buffer, OFFSET, 770, 514, VenueRejectReason.TOO_LATE_TO_CANCEL, 48);
        final CancelRejectedDecoder cancelRejected = new CancelRejectedDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertFrame(length, CancelRejectedDecoder.TEMPLATE_ID, cancelRejected.encodedLength());
        assertThat(cancelRejected.reason()).isEqualTo(VenueRejectReason.TOO_LATE_TO_CANCEL);
        assertThat(new long[] {cancelRejected.clOrdId(), cancelRejected.origClOrdId(), cancelRejected.venueTimeNs()})
            .containsExactly(770, 514, 48);
    }

    @Test
    void operatorCommandCarriesWhoAndWhyAndLongTextIsCutToFitASlot()
    {
        final String longReason = "x".repeat(1000);
        final int length = encoder.operatorCommand(buffer, OFFSET, OperatorCommandType.RESET_BREAKER,
            BreakerType.DRAWDOWN, 3500, "alice", longReason);
        final OperatorCommandDecoder d = new OperatorCommandDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertThat(d.commandType()).isEqualTo(OperatorCommandType.RESET_BREAKER);
        assertThat(d.breakerType()).isEqualTo(BreakerType.DRAWDOWN);
        assertThat(d.value()).isEqualTo(3500);
        assertThat(d.operatorName()).isEqualTo("alice");
        assertThat(d.reason()).isEqualTo("x".repeat(InputEncoder.MAX_TEXT_BYTES));
        assertFrame(length, OperatorCommandDecoder.TEMPLATE_ID, d.encodedLength());

        encoder.operatorCommand(buffer, OFFSET, OperatorCommandType.HALT, null, 0, "bob", "why");
        assertThat(new OperatorCommandDecoder().wrapAndApplyHeader(buffer, OFFSET, header).breakerType())
            .isEqualTo(BreakerType.NULL_VAL);
    }

    @Test
    void timerTick()
    {
        final int length = encoder.timerTick(buffer, OFFSET, 4);
        final TimerTickDecoder d = new TimerTickDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertFrame(length, TimerTickDecoder.TEMPLATE_ID, d.encodedLength());
        assertThat(d.timerId()).isEqualTo(4);
    }

    @Test
    void engineOutputs()
    {
        new NewOrderEncoder().wrapAndApplyHeader(buffer, OFFSET, headerEncoder).clOrdId(768).instrumentId(1).strategyId(2)
            .side(Side.BUY).ordType(OrdType.LIMIT).timeInForce(TimeInForce.GTC).quantity(5).limitPrice(6).stopPrice(7)
            .causeSequence(3);
        final NewOrderDecoder order = new NewOrderDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.ordType()).isEqualTo(OrdType.LIMIT);
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(new long[] {order.clOrdId(), order.instrumentId(), order.strategyId(), order.quantity(),
            order.limitPrice(), order.stopPrice(), order.causeSequence()}).containsExactly(768, 1, 2, 5, 6, 7, 3);

        new CancelOrderEncoder().wrapAndApplyHeader(buffer, OFFSET, headerEncoder).clOrdId(1025).origClOrdId(768)
            .instrumentId(1).causeSequence(4);
        final CancelOrderDecoder cancel = new CancelOrderDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertThat(new long[] {cancel.clOrdId(), cancel.origClOrdId(), cancel.instrumentId(), cancel.causeSequence()})
            .containsExactly(1025, 768, 1, 4);

        new RiskRejectEncoder().wrapAndApplyHeader(buffer, OFFSET, headerEncoder).clOrdId(1280).instrumentId(1)
            .strategyId(0).side(Side.SELL).quantity(9).limitPrice(0).reason(RiskRejectReason.TRADING_HALTED)
            .limitValue(1).observedValue(2).causeSequence(5);
        final RiskRejectDecoder reject = new RiskRejectDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertThat(reject.reason()).isEqualTo(RiskRejectReason.TRADING_HALTED);
        assertThat(reject.side()).isEqualTo(Side.SELL);
        assertThat(new long[] {reject.clOrdId(), reject.instrumentId(), reject.strategyId(), reject.quantity(),
            reject.limitPrice(), reject.limitValue(), reject.observedValue(), reject.causeSequence()})
            .containsExactly(1280, 1, 0, 9, 0, 1, 2, 5);

        new BreakerStateChangeEncoder().wrapAndApplyHeader(buffer, OFFSET, headerEncoder)
            .breakerType(BreakerType.MARKET_MOVE).fromState(BreakerState.ACTIVE).toState(BreakerState.HALTED)
            .observedValue(600).thresholdValue(500).causeSequence(6);
        final BreakerStateChangeDecoder change = new BreakerStateChangeDecoder().wrapAndApplyHeader(buffer, OFFSET, header);
        assertThat(change.breakerType()).isEqualTo(BreakerType.MARKET_MOVE);
        assertThat(change.fromState()).isEqualTo(BreakerState.ACTIVE);
        assertThat(change.toState()).isEqualTo(BreakerState.HALTED);
        assertThat(new long[] {change.observedValue(), change.thresholdValue(), change.causeSequence()})
            .containsExactly(600, 500, 6);
    }

    @Test
    void snapshotWithItsGroupsAndStrategyState()
    {
        final io.ringwall.codecs.snapshot.MessageHeaderEncoder snapshotHeader =
            new io.ringwall.codecs.snapshot.MessageHeaderEncoder();
        final EngineSnapshotEncoder encoder = new EngineSnapshotEncoder().wrapAndApplyHeader(buffer, 0, snapshotHeader)
            .inputSequence(100).outputSequence(7).timeNs(8).cash(9).realizedPnl(-10).feesPaid(11).equityHighWaterMark(12);
        encoder.positionsCount(1).next().instrumentId(0).quantity(5).costBasis(6).markPrice(7);
        encoder.ordersCount(1).next().clOrdId(768).instrumentId(0).strategyId(1)
            .side(io.ringwall.codecs.snapshot.Side.SELL).state(OrderState.PARTIALLY_FILLED).quantity(10)
            .filledQuantity(4).limitPrice(3);
        encoder.breakersCount(1).next().breakerType((short)1).state(io.ringwall.codecs.snapshot.BreakerState.HALTED);
        encoder.componentsCount(0);
        encoder.strategiesCount(1).next().strategyId(0).putState(new byte[] {1, 2, 3}, 0, 3);

        final EngineSnapshotDecoder d = new EngineSnapshotDecoder()
            .wrapAndApplyHeader(buffer, 0, new io.ringwall.codecs.snapshot.MessageHeaderDecoder());
        assertThat(new long[] {d.inputSequence(), d.outputSequence(), d.timeNs(), d.cash(), d.realizedPnl(),
            d.feesPaid(), d.equityHighWaterMark()}).containsExactly(100, 7, 8, 9, -10, 11, 12);
        final EngineSnapshotDecoder.PositionsDecoder positions = d.positions();
        assertThat(positions.count()).isEqualTo(1);
        positions.next();
        assertThat(new long[] {positions.instrumentId(), positions.quantity(), positions.costBasis(),
            positions.markPrice()}).containsExactly(0, 5, 6, 7);
        final EngineSnapshotDecoder.OrdersDecoder orders = d.orders();
        orders.next();
        assertThat(orders.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(new long[] {orders.clOrdId(), orders.quantity(), orders.filledQuantity()}).containsExactly(768, 10, 4);
        final EngineSnapshotDecoder.BreakersDecoder breakers = d.breakers();
        breakers.next();
        assertThat(breakers.state()).isEqualTo(io.ringwall.codecs.snapshot.BreakerState.HALTED);
        assertThat(d.components().count()).isZero();
        final EngineSnapshotDecoder.StrategiesDecoder strategies = d.strategies();
        strategies.next();
        final byte[] state = new byte[3];
        strategies.getState(state, 0, 3);
        assertThat(state).containsExactly(1, 2, 3);
    }

    private void assertFrame(final int length, final int templateId, final int bodyLength)
    {
        header.wrap(buffer, OFFSET);
        assertThat(header.templateId()).isEqualTo(templateId);
        assertThat(header.schemaId()).isEqualTo(MessageHeaderDecoder.SCHEMA_ID);
        assertThat(length).isEqualTo(MessageHeaderDecoder.ENCODED_LENGTH + bodyLength).isLessThanOrEqualTo(FrameEvent.CAPACITY);
        if (templateId != OperatorCommandDecoder.TEMPLATE_ID)
        {
            // Only operator text may need a slot's large array: the logic's outputs never allocate one.
            assertThat(length).as("a fixed-size frame fits a slot inline").isLessThanOrEqualTo(FrameEvent.INLINE_CAPACITY);
        }
    }
}
