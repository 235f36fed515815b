package io.ringwall.engine.logic;

import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.InvalidTransitionDecoder;
import io.ringwall.codecs.LifecycleEvent;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.OrderState;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.strategy.OrderEvent;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.TradeEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Executions the engine's orders cannot hold (more than ordered, or for an order no longer working) halt trading as
 * journaled invalid transitions; a fill with no acknowledgement before it is the order's acknowledgement; a cancel
 * request names the order's side and quantity; a cancel refused as a message is a venue reject.
 */
class ExecutionIntegrityTest
{
    private static final long BTC = 100_000_000L;
    private static final long USD = 10_000L;

    /** On the next trade: sends a limit order of {@code nextQuantity}, or cancels {@code cancelNext}. */
    static final class Orders implements Strategy
    {
        StrategyContext context;
        Side nextSide = Side.BUY;
        long nextQuantity;
        long cancelNext;
        long lastOrder;

        @Override
        public void onStart(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onTrade(final TradeEvent trade)
        {
            if (nextQuantity > 0)
            {
                lastOrder = context.submitLimit(trade.instrumentId(), nextSide, nextQuantity, 790 * USD,
                    TimeInForce.GTC);
                nextQuantity = 0;
            }
            if (cancelNext > 0)
            {
                context.cancel(cancelNext);
                cancelNext = 0;
            }
        }

        @Override
        public void onOrderEvent(final OrderEvent event)
        {
        }
    }

    private final Orders strategy = new Orders();
    private final LogicHarness harness = new LogicHarness(LogicHarness.config(), List.of(strategy));

    private long order(final Side side, final long quantity)
    {
        strategy.nextSide = side;
        strategy.nextQuantity = quantity;
        harness.trade(0, 800 * USD, BTC);
        assertThat(strategy.lastOrder).isPositive();
        return strategy.lastOrder;
    }

    @Test
    void aFillBeyondTheOrderQuantityIsBookedButHaltsTradingAsAnInvalidTransition()
    {
        final long clOrdId = order(Side.BUY, 2 * BTC);
        harness.accepted(clOrdId, 0);
        harness.filled(clOrdId, 0, Side.BUY, 790 * USD, BTC + BTC / 2, BTC / 2, 0);
        final int before = harness.outputs().size();

        // 1.5 filled of 2, and the venue reports 1 more: 2.5 of 2
        harness.filled(clOrdId, 0, Side.BUY, 790 * USD, BTC, 0, 0);

        final List<LogicHarness.Output> produced = harness.outputs().subList(before, harness.outputs().size());
        final InvalidTransitionDecoder invalid = invalid(produced.get(0));
        assertThat(invalid.clOrdId()).isEqualTo(clOrdId);
        assertThat(invalid.fromState()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(invalid.lifecycleEvent()).isEqualTo(LifecycleEvent.FILL);
        final BreakerStateChangeDecoder trip = breaker(produced.get(1));
        assertThat(trip.breakerType()).isEqualTo(BreakerType.OVERFILL);
        assertThat(trip.toState()).isEqualTo(BreakerState.HALTED);
        assertThat(trip.observedValue()).isEqualTo(2 * BTC + BTC / 2);
        assertThat(trip.thresholdValue()).isEqualTo(2 * BTC);
        // the halt cancels what is working, this order included
        assertThat(produced.get(2).templateId()).isEqualTo(CancelOrderDecoder.TEMPLATE_ID);
        assertThat(harness.logic().breakerState()).isEqualTo(BreakerState.HALTED);
        assertThat(harness.logic().counters().invalidTransitions).isEqualTo(1);
        // the venue's position is the truth; the order is left as it was
        assertThat(harness.logic().portfolio().position(0)).isEqualTo(2 * BTC + BTC / 2);
        assertThat(harness.logic().orderStatus(clOrdId)).isEqualTo(OrderStatus.PENDING_CANCEL);

        strategy.nextQuantity = BTC;
        harness.trade(0, 800 * USD, BTC);
        final LogicHarness.Output last = harness.outputs().get(harness.outputs().size() - 1);
        assertThat(last.templateId()).isEqualTo(RiskRejectDecoder.TEMPLATE_ID);
        assertThat(new RiskRejectDecoder().wrapAndApplyHeader(last.buffer(), 0, new MessageHeaderDecoder()).reason())
            .isEqualTo(RiskRejectReason.TRADING_HALTED);
    }

    @Test
    void aFillForAnOrderAlreadyFilledHaltsTradingFromUnknown()
    {
        final long clOrdId = order(Side.BUY, BTC);
        harness.accepted(clOrdId, 0);
        harness.filled(clOrdId, 0, Side.BUY, 790 * USD, BTC, 0, 0);
        assertThat(harness.logic().orderStatus(clOrdId)).isNull();
        assertThat(harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        final int before = harness.outputs().size();

        harness.filled(clOrdId, 0, Side.BUY, 790 * USD, BTC / 2, 0, 0);

        final List<LogicHarness.Output> produced = harness.outputs().subList(before, harness.outputs().size());
        assertThat(produced).hasSize(2);
        final InvalidTransitionDecoder invalid = invalid(produced.get(0));
        assertThat(invalid.clOrdId()).isEqualTo(clOrdId);
        assertThat(invalid.fromState()).isEqualTo(OrderState.UNKNOWN);
        assertThat(invalid.lifecycleEvent()).isEqualTo(LifecycleEvent.FILL);
        assertThat(invalid.causeSequence()).isEqualTo(harness.lastSequence());
        final BreakerStateChangeDecoder trip = breaker(produced.get(1));
        assertThat(trip.breakerType()).isEqualTo(BreakerType.OVERFILL);
        assertThat(trip.observedValue()).isEqualTo(BTC / 2);
        assertThat(trip.thresholdValue()).isZero();
        assertThat(trip.instrumentId()).isZero();
        assertThat(harness.logic().breakerState(BreakerType.OVERFILL)).isEqualTo(BreakerState.HALTED);
        assertThat(harness.logic().counters().breakerTrips(BreakerType.OVERFILL)).isEqualTo(1);
        assertThat(harness.logic().portfolio().position(0)).isEqualTo(BTC + BTC / 2);

        harness.command(io.ringwall.codecs.OperatorCommandType.RESET_BREAKER, BreakerType.OVERFILL,
            "venue confirmed the extra fill; position reconciled");
        assertThat(harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void aFillWithNoAcknowledgementBeforeItIsTheAcknowledgement()
    {
        final long clOrdId = order(Side.BUY, 2 * BTC);
        final int before = harness.outputs().size();

        harness.filled(clOrdId, 0, Side.BUY, 790 * USD, BTC, BTC, 0);

        assertThat(harness.outputs()).hasSize(before);
        assertThat(harness.logic().orderStatus(clOrdId)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        final long[] venueOrderId = {-1};
        final boolean[] acknowledged = {false};
        harness.logic().forEachRestingOrder((id, instrumentId, side, ordType, timeInForce, quantity, filled, limitPrice,
            stopPrice, venueId, acked, cancelPending) ->
        {
            venueOrderId[0] = venueId;
            acknowledged[0] = acked;
        });
        // the harness's venue numbers an order clOrdId + 1000
        assertThat(venueOrderId[0]).isEqualTo(clOrdId + 1000);
        assertThat(acknowledged[0]).isTrue();
    }

    @Test
    void aCancelRequestNamesTheOrdersSideAndQuantity()
    {
        final long clOrdId = order(Side.SELL, 3 * BTC);
        harness.accepted(clOrdId, 0);
        strategy.cancelNext = clOrdId;
        harness.trade(0, 800 * USD, BTC);

        final LogicHarness.Output last = harness.outputs().get(harness.outputs().size() - 1);
        assertThat(last.templateId()).isEqualTo(CancelOrderDecoder.TEMPLATE_ID);
        final CancelOrderDecoder cancel = new CancelOrderDecoder().wrapAndApplyHeader(last.buffer(), 0,
            new MessageHeaderDecoder());
        assertThat(cancel.origClOrdId()).isEqualTo(clOrdId);
        assertThat(cancel.side()).isEqualTo(Side.SELL);
        assertThat(cancel.orderQuantity()).isEqualTo(3 * BTC);
    }

    @Test
    void aCancelRefusedAsAMessageIsAVenueRejectAndTheOrderWorksOn()
    {
        final long clOrdId = order(Side.BUY, 2 * BTC);
        harness.accepted(clOrdId, 0);
        harness.filled(clOrdId, 0, Side.BUY, 790 * USD, BTC, BTC, 0);

        final long tooLate = cancel(clOrdId);
        harness.cancelRejected(tooLate, clOrdId, VenueRejectReason.TOO_LATE_TO_CANCEL);
        assertThat(harness.logic().orderStatus(clOrdId)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(harness.logic().counters().venueRejects).as("an OrderCancelReject is business as usual").isZero();

        harness.cancelRejected(cancel(clOrdId), clOrdId, VenueRejectReason.SESSION_REJECT);
        harness.cancelRejected(cancel(clOrdId), clOrdId, VenueRejectReason.BUSINESS_REJECT);
        assertThat(harness.logic().orderStatus(clOrdId)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(harness.logic().counters().venueRejects).isEqualTo(2);
        assertThat(harness.logic().counters().invalidTransitions).isZero();
    }

    /** @return the id of the cancel the strategy sends for {@code clOrdId}. */
    private long cancel(final long clOrdId)
    {
        strategy.cancelNext = clOrdId;
        harness.trade(0, 800 * USD, BTC);
        final LogicHarness.Output last = harness.outputs().get(harness.outputs().size() - 1);
        assertThat(last.templateId()).isEqualTo(CancelOrderDecoder.TEMPLATE_ID);
        assertThat(harness.logic().orderStatus(clOrdId)).isEqualTo(OrderStatus.PENDING_CANCEL);
        return new CancelOrderDecoder().wrapAndApplyHeader(last.buffer(), 0, new MessageHeaderDecoder()).clOrdId();
    }

    private static InvalidTransitionDecoder invalid(final LogicHarness.Output output)
    {
        assertThat(output.templateId()).isEqualTo(InvalidTransitionDecoder.TEMPLATE_ID);
        return new InvalidTransitionDecoder().wrapAndApplyHeader(output.buffer(), 0, new MessageHeaderDecoder());
    }

    private static BreakerStateChangeDecoder breaker(final LogicHarness.Output output)
    {
        assertThat(output.templateId()).isEqualTo(BreakerStateChangeDecoder.TEMPLATE_ID);
        return new BreakerStateChangeDecoder().wrapAndApplyHeader(output.buffer(), 0, new MessageHeaderDecoder());
    }
}
