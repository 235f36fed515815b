package io.ringwall.engine.logic;

import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.engine.strategy.OrderEvent;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.TradeEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessLogicTest
{
    private static final long BTC = 100_000_000L;
    private static final long USD = 10_000L;

    /** Sends what the test asks on the next trade; records its order events. */
    static class ScriptedStrategy implements Strategy
    {
        final List<String> events = new ArrayList<>();
        final List<Long> results = new ArrayList<>();
        StrategyContext context;
        long nextTarget = Long.MIN_VALUE;
        long nextMarketQuantity;

        @Override
        public void onStart(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onTrade(final TradeEvent trade)
        {
            if (nextTarget != Long.MIN_VALUE)
            {
                results.add(context.setTargetPosition(trade.instrumentId(), nextTarget));
                nextTarget = Long.MIN_VALUE;
            }
            if (nextMarketQuantity != 0)
            {
                results.add(context.submitMarket(trade.instrumentId(), Side.BUY, nextMarketQuantity));
                nextMarketQuantity = 0;
            }
        }

        @Override
        public void onOrderEvent(final OrderEvent event)
        {
            events.add(event.type() + " " + event.clOrdId() + " " + event.lastQuantity() + " leaves " + event.leavesQuantity());
        }
    }

    private final ScriptedStrategy strategy = new ScriptedStrategy();
    private final LogicHarness harness = new LogicHarness(LogicHarness.config(), List.of(strategy));

    @Test
    void aTargetBecomesAMarketOrderWithAnIdFromTheInputSequenceAndFillsUpdateThePosition()
    {
        strategy.nextTarget = 3 * BTC;
        harness.trade(0, 800 * USD, BTC);
        final long clOrdId = harness.lastSequence() * OrderManager.MAX_ORDERS_PER_INPUT;
        assertThat(strategy.results).containsExactly(clOrdId);

        final NewOrderDecoder order = newOrder(harness.outputs().get(0));
        assertThat(order.clOrdId()).isEqualTo(clOrdId);
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.quantity()).isEqualTo(3 * BTC);
        assertThat(order.causeSequence()).isEqualTo(harness.lastSequence());

        // the same target again: position 0 + open 3 = target, nothing sent
        strategy.nextTarget = 3 * BTC;
        harness.trade(0, 800 * USD, BTC);
        assertThat(strategy.results).containsExactly(clOrdId, 0L);

        harness.accepted(clOrdId, 0);
        harness.filled(clOrdId, 0, Side.BUY, 800 * USD, BTC, 2 * BTC, 8 * USD);
        harness.filled(clOrdId, 0, Side.BUY, 801 * USD, 2 * BTC, 0, 16 * USD);
        assertThat(harness.logic().portfolio().position(0)).isEqualTo(3 * BTC);
        assertThat(harness.logic().portfolio().feesPaid()).isEqualTo(24 * USD);
        assertThat(harness.logic().workingOrders()).isZero();
        assertThat(strategy.events).containsExactly(
            "ACCEPTED " + clOrdId + " 0 leaves " + 3 * BTC,
            "PARTIALLY_FILLED " + clOrdId + " " + BTC + " leaves " + 2 * BTC,
            "FILLED " + clOrdId + " " + 2 * BTC + " leaves 0");

        // target 1: sell 2
        strategy.nextTarget = BTC;
        harness.trade(0, 805 * USD, BTC);
        assertThat(newOrder(harness.outputs().get(1)).side()).isEqualTo(Side.SELL);
        assertThat(newOrder(harness.outputs().get(1)).quantity()).isEqualTo(2 * BTC);
    }

    @Test
    void theKillSwitchRejectsOrdersWithAReasonUntilAnOperatorResumes()
    {
        harness.command(OperatorCommandType.HALT, null, "drill");
        final BreakerStateChangeDecoder change = new BreakerStateChangeDecoder();
        change.wrapAndApplyHeader(harness.outputs().get(0).buffer(), 0, new MessageHeaderDecoder());
        assertThat(change.breakerType()).isEqualTo(BreakerType.KILL_SWITCH);
        assertThat(change.toState()).isEqualTo(BreakerState.HALTED);

        strategy.nextMarketQuantity = BTC;
        harness.trade(0, 800 * USD, BTC);
        assertThat(strategy.results).containsExactly((long)-RiskRejectReason.TRADING_HALTED.value());
        final RiskRejectDecoder reject = new RiskRejectDecoder();
        // outputs: the breaker change, the command's result, then the refusal
        reject.wrapAndApplyHeader(harness.outputs().get(2).buffer(), 0, new MessageHeaderDecoder());
        assertThat(reject.reason()).isEqualTo(RiskRejectReason.TRADING_HALTED);
        assertThat(harness.logic().counters().riskRejects(RiskRejectReason.TRADING_HALTED)).isEqualTo(1);

        harness.command(OperatorCommandType.RESET_BREAKER, BreakerType.KILL_SWITCH, "drill over");
        assertThat(harness.logic().breakerState()).isEqualTo(BreakerState.ACTIVE);
        strategy.nextMarketQuantity = BTC;
        harness.trade(0, 800 * USD, BTC);
        assertThat(strategy.results.get(1)).isPositive();
    }

    @Test
    void aMarketOrderWithoutAPriceAndAZeroQuantityAreRefusedAsValues()
    {
        strategy.nextMarketQuantity = 0;
        harness.trade(0, 800 * USD, BTC);
        assertThat(strategy.context.submitMarket(1, Side.BUY, BTC)).isEqualTo(-RiskRejectReason.NO_MARKET_PRICE.value());
        assertThat(strategy.context.submitMarket(0, Side.BUY, 0)).isEqualTo(-RiskRejectReason.INVALID_QUANTITY.value());
        assertThat(strategy.context.submitMarket(9, Side.BUY, BTC)).isEqualTo(-RiskRejectReason.UNKNOWN_INSTRUMENT.value());
        assertThat(harness.outputs()).hasSize(3).allMatch(o -> o.templateId() == RiskRejectDecoder.TEMPLATE_ID);
    }

    @Test
    void venueEventsForUnknownOrdersAreCountedAndFillsStillBooked()
    {
        harness.trade(0, 800 * USD, BTC);
        harness.filled(99_999, 0, Side.BUY, 800 * USD, BTC, 0, 0);
        harness.cancelled(99_998, 0, BTC);
        assertThat(harness.logic().counters().unknownOrderEvents).isEqualTo(2);
        assertThat(harness.logic().portfolio().position(0)).isEqualTo(BTC);
    }

    @Test
    void aResentExecutionIsNotBookedTwice()
    {
        strategy.nextTarget = 2 * BTC;
        harness.trade(0, 800 * USD, BTC);
        final long clOrdId = harness.lastSequence() * OrderManager.MAX_ORDERS_PER_INPUT;
        harness.filled(clOrdId, 0, Side.BUY, 800 * USD, BTC, BTC, 0);
        harness.refilled(clOrdId, 0, Side.BUY, 800 * USD, BTC, BTC);
        assertThat(harness.logic().portfolio().position(0)).isEqualTo(BTC);
        assertThat(harness.logic().counters().duplicateFills).isEqualTo(1);
        assertThat(harness.logic().counters().fills).isEqualTo(1);
    }

    @Test
    void aTargetSetWhenAnOrderIsCancelledSeesTheCancelledQuantityAsGone()
    {
        final List<Long> retargets = new ArrayList<>();
        final Strategy retargeting = new ScriptedStrategy()
        {
            @Override
            public void onOrderEvent(final OrderEvent event)
            {
                if (event.type() == OrderEvent.Type.CANCELLED)
                {
                    retargets.add(context.setTargetPosition(event.instrumentId(), 2 * BTC));
                }
            }
        };
        final ScriptedStrategy opener = (ScriptedStrategy)retargeting;
        final LogicHarness own = new LogicHarness(LogicHarness.config(), List.of(retargeting));
        opener.nextTarget = 2 * BTC;
        own.trade(0, 800 * USD, BTC);
        final long clOrdId = own.lastSequence() * OrderManager.MAX_ORDERS_PER_INPUT;
        own.accepted(clOrdId, 0);
        own.cancelled(clOrdId, 0, 2 * BTC);
        // the cancelled order no longer counts: the whole 2 BTC is sent again
        assertThat(retargets).hasSize(1).allMatch(id -> id > 0);
        assertThat(newOrder(own.outputs().get(1)).quantity()).isEqualTo(2 * BTC);
    }

    @Test
    void unknownInstrumentIdsAreValuesNotIndexErrors()
    {
        harness.trade(0, 800 * USD, BTC);
        assertThat(strategy.context.position(42)).isZero();
        assertThat(strategy.context.lastPrice(-1)).isZero();
        assertThat(strategy.context.openOrderQuantity(7)).isZero();
        assertThat(strategy.context.setTargetPosition(42, BTC)).isEqualTo(-RiskRejectReason.UNKNOWN_INSTRUMENT.value());
    }

    @Test
    void ordersFromOnStartAreRefusedBecauseNoInputCausedThem()
    {
        final List<Long> results = new ArrayList<>();
        final Strategy eager = new Strategy()
        {
            @Override
            public void onStart(final StrategyContext context)
            {
                results.add(context.submitMarket(0, Side.BUY, BTC));
            }
        };
        final LogicHarness own = new LogicHarness(LogicHarness.config(), List.of(eager));
        assertThat(results).containsExactly((long)-RiskRejectReason.NO_INPUT.value());
        assertThat(own.outputs()).hasSize(1).allMatch(o -> o.templateId() == RiskRejectDecoder.TEMPLATE_ID);
    }

    private static NewOrderDecoder newOrder(final LogicHarness.Output output)
    {
        assertThat(output.templateId()).isEqualTo(NewOrderDecoder.TEMPLATE_ID);
        return new NewOrderDecoder().wrapAndApplyHeader(output.buffer(), 0, new MessageHeaderDecoder());
    }
}
