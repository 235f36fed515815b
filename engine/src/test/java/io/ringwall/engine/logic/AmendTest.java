package io.ringwall.engine.logic;

import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.ReplaceOrderDecoder;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.config.RiskLimits;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import static io.ringwall.engine.logic.RiskDesk.BTC;
import static io.ringwall.engine.logic.RiskDesk.BTCUSD;
import static io.ringwall.engine.logic.RiskDesk.USD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amends (cancel/replace) through the business logic: the OMS states and ids, the venue's answers either way,
 * fills meanwhile, what cannot be amended, and pre-trade risk on the order as it would be after the amend.
 */
class AmendTest
{
    private static final long PRICE = 800 * USD;

    private final RiskDesk desk = new RiskDesk(RiskLimits.permissive());
    private final LogicHarness harness = desk.harness;

    /** @return a GTC limit buy of {@code quantity} at {@link #PRICE}, acknowledged. */
    private long workingBuy(final RiskDesk on, final long quantity)
    {
        on.prices(PRICE, 40 * USD, 150 * USD);
        final long clOrdId = on.limit(BTCUSD, Side.BUY, quantity, PRICE);
        assertThat(clOrdId).isPositive();
        on.harness.accepted(clOrdId, BTCUSD);
        return clOrdId;
    }

    private long amend(final RiskDesk on, final long clOrdId, final long quantity, final long price)
    {
        return on.hand.context.amend(clOrdId, quantity, price);
    }

    private long quantityOf(final LogicHarness on, final long clOrdId)
    {
        final long[] quantity = {-1};
        on.logic().forEachWorkingOrder((id, instrument, side, ordType, qty, filled, limit, stop, status) ->
        {
            if (id == clOrdId)
            {
                quantity[0] = qty;
            }
        });
        return quantity[0];
    }

    private long limitOf(final long clOrdId)
    {
        final long[] price = {-1};
        harness.logic().forEachWorkingOrder((id, instrument, side, ordType, qty, filled, limit, stop, status) ->
        {
            if (id == clOrdId)
            {
                price[0] = limit;
            }
        });
        return price[0];
    }

    private ReplaceOrderDecoder lastReplace()
    {
        for (int i = harness.outputs().size() - 1; i >= 0; i--)
        {
            final LogicHarness.Output output = harness.outputs().get(i);
            if (output.templateId() == ReplaceOrderDecoder.TEMPLATE_ID)
            {
                return new ReplaceOrderDecoder().wrapAndApplyHeader(output.buffer(), 0, new MessageHeaderDecoder());
            }
        }
        throw new AssertionError("no ReplaceOrder journaled");
    }

    @Test
    void anAmendIsJournaledWithANewIdAndTheOrderWaitsPendingReplaceCountingTheLargerQuantity()
    {
        final long order = workingBuy(desk, 2 * BTC);
        final long replaceId = amend(desk, order, 3 * BTC, PRICE - USD);

        assertThat(replaceId).isPositive().isNotEqualTo(order);
        final ReplaceOrderDecoder frame = lastReplace();
        assertThat(frame.clOrdId()).isEqualTo(replaceId);
        assertThat(frame.origClOrdId()).isEqualTo(order);
        assertThat(frame.orderClOrdId()).isEqualTo(order);
        assertThat(frame.side()).isEqualTo(Side.BUY);
        assertThat(frame.ordType()).isEqualTo(OrdType.LIMIT);
        assertThat(frame.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(frame.quantity()).isEqualTo(3 * BTC);
        assertThat(frame.limitPrice()).isEqualTo(PRICE - USD);
        assertThat(frame.causeSequence()).isEqualTo(harness.lastSequence());
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PENDING_REPLACE);
        assertThat(quantityOf(harness, order)).as("the venue has not taken it yet").isEqualTo(2 * BTC);
        assertThat(harness.logic().counters().amendsSent).isEqualTo(1);
        assertThat(desk.hand.context.openOrderQuantity(BTCUSD)).as("either terms may hold: the larger counts")
            .isEqualTo(3 * BTC);
        assertThat(harness.logic().workingOrders()).as("one order, however many ids").isEqualTo(1);
    }

    @Test
    void theVenuesReplaceAppliesTheNewTermsAndItsIdNamesTheOrderFromThenOn()
    {
        final long order = workingBuy(desk, 2 * BTC);
        final long replaceId = amend(desk, order, 3 * BTC, PRICE - USD);
        harness.replaced(replaceId, order, BTCUSD, 3 * BTC, PRICE - USD, 3 * BTC, 0);

        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(quantityOf(harness, order)).isEqualTo(3 * BTC);
        assertThat(limitOf(order)).isEqualTo(PRICE - USD);
        assertThat(harness.logic().counters().replaces).isEqualTo(1);
        // fills under the new id apply to the order
        harness.filledAs(replaceId, order, BTCUSD, Side.BUY, PRICE - USD, BTC, 2 * BTC);
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(harness.logic().portfolio().position(BTCUSD)).isEqualTo(BTC);
        // a cancel names the order by the id the venue knows
        assertThat(desk.hand.context.cancel(order)).isTrue();
        final CancelOrderDecoder cancel = new CancelOrderDecoder().wrapAndApplyHeader(
            harness.outputs().get(harness.outputs().size() - 1).buffer(), 0, new MessageHeaderDecoder());
        assertThat(cancel.origClOrdId()).isEqualTo(replaceId);
        harness.cancelled(replaceId, BTCUSD, 2 * BTC);
        assertThat(harness.logic().orderStatus(order)).isNull();
        assertThat(harness.logic().orderStatus(replaceId)).as("every id released with the order").isNull();
        assertThat(harness.logic().workingOrders()).isZero();
        assertThat(desk.hand.context.openOrderQuantity(BTCUSD)).isZero();
    }

    @Test
    void aReplaceRejectReturnsTheOrderToItsStateAndTermsBeforeTheAmend()
    {
        final long order = workingBuy(desk, 2 * BTC);
        final long replaceId = amend(desk, order, 3 * BTC, PRICE - USD);
        harness.replaceRejected(replaceId, order, VenueRejectReason.TOO_LATE_TO_CANCEL);

        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(quantityOf(harness, order)).isEqualTo(2 * BTC);
        assertThat(limitOf(order)).isEqualTo(PRICE);
        assertThat(desk.hand.context.openOrderQuantity(BTCUSD)).isEqualTo(2 * BTC);
        assertThat(harness.logic().orderStatus(replaceId)).as("the refused id names nothing").isNull();
        assertThat(harness.logic().counters().replaceRejects).isEqualTo(1);
        assertThat(harness.logic().counters().venueRejects).as("an OrderCancelReject is business as usual")
            .isZero();
    }

    @Test
    void fillsForTheOldIdWhilePendingReplaceApplyAndTheAnswerReturnsToPartiallyFilled()
    {
        final long order = workingBuy(desk, 4 * BTC);
        final long replaceId = amend(desk, order, 2 * BTC, PRICE);
        harness.filled(order, BTCUSD, Side.BUY, PRICE, BTC, 3 * BTC, 0);
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PENDING_REPLACE);
        assertThat(harness.logic().portfolio().position(BTCUSD)).isEqualTo(BTC);
        harness.replaceRejected(replaceId, order, VenueRejectReason.OTHER);
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(desk.hand.context.openOrderQuantity(BTCUSD)).isEqualTo(3 * BTC);

        final long again = amend(desk, order, 2 * BTC, PRICE);
        harness.replaced(again, order, BTCUSD, 2 * BTC, PRICE, BTC, BTC);
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(desk.hand.context.openOrderQuantity(BTCUSD)).isEqualTo(BTC);
        harness.filledAs(again, order, BTCUSD, Side.BUY, PRICE, BTC, 0);
        assertThat(harness.logic().orderStatus(order)).as("filled at its amended quantity").isNull();
        assertThat(harness.logic().counters().invalidTransitions).isZero();
    }

    @Test
    void aFillPastTheOldQuantityWhileAnIncreaseIsPendingIsNoOverfill()
    {
        final long order = workingBuy(desk, 2 * BTC);
        amend(desk, order, 3 * BTC, PRICE);
        harness.filled(order, BTCUSD, Side.BUY, PRICE, 2 * BTC + BTC / 2, BTC / 2, 0);
        assertThat(harness.logic().counters().invalidTransitions).isZero();
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PENDING_REPLACE);
    }

    @Test
    void anAmendToNoMoreThanIsFilledIsRefusedAsARiskRejectAndTheOrderWorksOn()
    {
        final long order = workingBuy(desk, 4 * BTC);
        harness.filled(order, BTCUSD, Side.BUY, PRICE, 2 * BTC, 2 * BTC, 0);
        final long before = harness.outputs().size();

        final long result = amend(desk, order, 2 * BTC, PRICE);

        assertThat(RiskDesk.reason(result)).isEqualTo(RiskRejectReason.INVALID_QUANTITY);
        assertThat(desk.lastReject().limitValue()).as("limit = filled").isEqualTo(2 * BTC);
        assertThat(desk.lastReject().observedValue()).isEqualTo(2 * BTC);
        assertThat(harness.outputs()).hasSize((int)before + 1);
        assertThat(desk.hand.refusals).containsExactly(RiskRejectReason.INVALID_QUANTITY);
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(harness.logic().counters().riskRejects(RiskRejectReason.INVALID_QUANTITY)).isEqualTo(1);
    }

    @Test
    void onlyAnAcknowledgedOrderWithNothingPendingOfThisStrategyCanBeAmended()
    {
        desk.prices(PRICE, 40 * USD, 150 * USD);
        final long pendingNew = desk.limit(BTCUSD, Side.BUY, BTC, PRICE);
        assertThat(amend(desk, pendingNew, 2 * BTC, PRICE)).as("not acknowledged").isZero();

        final long order = workingBuy(desk, BTC);
        final long replaceId = amend(desk, order, 2 * BTC, PRICE);
        assertThat(amend(desk, order, 3 * BTC, PRICE)).as("an amend pending").isZero();
        assertThat(amend(desk, replaceId, 3 * BTC, PRICE)).as("by the amend's id: not the strategy's handle")
            .isZero();
        assertThat(desk.hand.context.cancel(order)).as("queued behind the amend").isTrue();
        assertThat(desk.cancels()).as("one open request per order: the cancel waits").isZero();
        harness.replaced(replaceId, order, BTCUSD, 2 * BTC, PRICE, 2 * BTC, 0);

        assertThat(desk.cancels()).as("sent once the amend is answered").isEqualTo(1);
        assertThat(desk.hand.context.cancel(order)).as("already being cancelled").isFalse();
        assertThat(amend(desk, order, 3 * BTC, PRICE)).as("a cancel pending").isZero();
        harness.cancelled(replaceId, BTCUSD, 2 * BTC);
        assertThat(amend(desk, order, 3 * BTC, PRICE)).as("terminal").isZero();
        assertThat(amend(desk, order + 99, 3 * BTC, PRICE)).as("unknown").isZero();
        assertThat(amend(desk, order, BTC, PRICE)).isZero();

        assertThat(harness.logic().counters().amendsSent).isEqualTo(1);
        assertThat(harness.logic().counters().amendsRefused).isEqualTo(7);
        assertThat(desk.count(ReplaceOrderDecoder.TEMPLATE_ID)).isEqualTo(1);
        assertThat(desk.count(RiskRejectDecoder.TEMPLATE_ID)).as("a state refusal is no risk reject").isZero();
    }

    @Test
    void aHaltWhileAnAmendIsPendingCancelsTheOrderOnceTheAmendIsAnswered()
    {
        final long order = workingBuy(desk, BTC);
        final long replaceId = amend(desk, order, 2 * BTC, PRICE);
        harness.command(io.ringwall.codecs.OperatorCommandType.HALT, io.ringwall.codecs.BreakerType.NULL_VAL,
            "test");
        assertThat(desk.cancels()).as("one open request per order: the cancel waits").isZero();
        harness.replaced(replaceId, order, BTCUSD, 2 * BTC, PRICE, 2 * BTC, 0);

        assertThat(desk.cancels()).isEqualTo(1);
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PENDING_CANCEL);
        final CancelOrderDecoder cancel = new CancelOrderDecoder().wrapAndApplyHeader(
            harness.outputs().stream().filter(o -> o.templateId() == CancelOrderDecoder.TEMPLATE_ID).findFirst()
                .orElseThrow().buffer(), 0, new MessageHeaderDecoder());
        assertThat(cancel.origClOrdId()).isEqualTo(replaceId);
    }

    @Test
    void aCancelAskedForWhileAnAmendIsPendingGoesOnceTheAmendIsRefusedNamingTheOrdersOldId()
    {
        final long order = workingBuy(desk, BTC);
        final long replaceId = amend(desk, order, 2 * BTC, PRICE);
        assertThat(desk.hand.context.cancel(order)).isTrue();
        assertThat(desk.cancels()).isZero();
        harness.replaceRejected(replaceId, order, VenueRejectReason.OTHER);

        assertThat(desk.cancels()).isEqualTo(1);
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PENDING_CANCEL);
        final CancelOrderDecoder cancel = new CancelOrderDecoder().wrapAndApplyHeader(
            harness.outputs().stream().filter(o -> o.templateId() == CancelOrderDecoder.TEMPLATE_ID).findFirst()
                .orElseThrow().buffer(), 0, new MessageHeaderDecoder());
        assertThat(cancel.origClOrdId()).as("the venue still knows it by its first id").isEqualTo(order);
        assertThat(cancel.orderQuantity()).isEqualTo(BTC);
    }

    @Test
    void aCancelQueuedBehindAnAmendSurvivesASnapshot()
    {
        final long order = workingBuy(desk, BTC);
        final long replaceId = amend(desk, order, 2 * BTC, PRICE);
        assertThat(desk.hand.context.cancel(order)).isTrue();
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(harness.logic().maxSnapshotLength());
        final int length = harness.logic().captureState(snapshot, 0);
        final RiskDesk restored = new RiskDesk(RiskLimits.permissive());
        restored.harness.logic().restoreState(snapshot, 0, length);

        restored.harness.replaced(replaceId, order, BTCUSD, 2 * BTC, PRICE, 2 * BTC, 0);

        assertThat(restored.cancels()).isEqualTo(1);
        assertThat(restored.harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PENDING_CANCEL);
    }

    @Test
    void anAmendThatChangesNothingSendsNothing()
    {
        final long order = workingBuy(desk, BTC);
        assertThat(amend(desk, order, BTC, PRICE)).isZero();
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(desk.count(ReplaceOrderDecoder.TEMPLATE_ID)).isZero();
    }

    @Test
    void answersToNoPendingAmendAreInvalidTransitionsAndChangeNothing()
    {
        final long order = workingBuy(desk, BTC);
        harness.replaced(order + 5, order, BTCUSD, 3 * BTC, PRICE, 3 * BTC, 0);
        harness.replaceRejected(order + 6, order, VenueRejectReason.OTHER);
        assertThat(harness.logic().counters().invalidTransitions).isEqualTo(2);
        assertThat(quantityOf(harness, order)).isEqualTo(BTC);
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.ACCEPTED);
    }

    // ------------------------------------------------------------------ risk on the amended order

    private void refusedLeavingTheOrderAsItWas(final RiskDesk on, final long order, final long result,
        final RiskRejectReason reason, final long quantityBefore)
    {
        assertThat(RiskDesk.reason(result)).isEqualTo(reason);
        assertThat(on.hand.refusals).containsExactly(reason);
        assertThat(on.lastReject().reason()).isEqualTo(reason);
        // the refusal names the order the amend would have changed, in the journal and to the strategy
        assertThat(on.lastReject().amendedClOrdId()).isEqualTo(order);
        assertThat(on.lastReject().clOrdId()).isNotEqualTo(order);
        assertThat(on.hand.amendedOrders).containsExactly(order);
        assertThat(on.harness.logic().orderStatus(order)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(quantityOf(on.harness, order)).isEqualTo(quantityBefore);
        assertThat(on.count(ReplaceOrderDecoder.TEMPLATE_ID)).isZero();
        assertThat(on.harness.logic().counters().riskRejects(reason)).isEqualTo(1);
    }

    @Test
    void riskRefusesAnAmendAboveTheMaximumOrderQuantity()
    {
        final RiskDesk limited = new RiskDesk(RiskDesk.permissive("maxOrderQuantity", 3 * BTC));
        final long order = workingBuy(limited, 2 * BTC);
        refusedLeavingTheOrderAsItWas(limited, order, amend(limited, order, 4 * BTC, PRICE),
            RiskRejectReason.MAX_QUANTITY, 2 * BTC);
        assertThat(limited.lastReject().observedValue()).isEqualTo(4 * BTC);
        assertThat(amend(limited, order, 3 * BTC, PRICE)).as("at the limit").isPositive();
        assertThat(limited.limit(BTCUSD, Side.BUY, 4 * BTC, PRICE)).isNegative();
        assertThat(limited.lastReject().amendedClOrdId()).as("a new order's refusal amends nothing").isZero();
    }

    @Test
    void riskRefusesAnAmendAboveTheOrderNotional()
    {
        final RiskDesk limited = new RiskDesk(RiskDesk.permissive("maxOrderNotional", 2_000 * USD));
        final long order = workingBuy(limited, 2 * BTC);
        refusedLeavingTheOrderAsItWas(limited, order, amend(limited, order, 3 * BTC, PRICE),
            RiskRejectReason.MAX_ORDER_NOTIONAL, 2 * BTC);
    }

    @Test
    void riskRefusesAnAmendWhoseAddedLeavesBreachThePositionLimitButNotAReduction()
    {
        final RiskDesk limited = new RiskDesk(RiskDesk.permissive("maxPositionQuantity", 3 * BTC));
        final long order = workingBuy(limited, 2 * BTC);
        refusedLeavingTheOrderAsItWas(limited, order, amend(limited, order, 4 * BTC, PRICE),
            RiskRejectReason.POSITION_QUANTITY, 2 * BTC);
        assertThat(limited.lastReject().observedValue()).as("open 2 + 2 more").isEqualTo(4 * BTC);
        assertThat(amend(limited, order, BTC, PRICE)).as("a reduction never breaches it").isPositive();
    }

    @Test
    void riskRefusesAnAmendedPriceOutsideTheCollar()
    {
        final long order = workingBuy(desk, BTC);
        // BTCUSD's band is 10 % of the reference price
        refusedLeavingTheOrderAsItWas(desk, order, amend(desk, order, BTC, PRICE + PRICE / 5),
            RiskRejectReason.PRICE_COLLAR, BTC);
    }

    @Test
    void riskRefusesEveryAmendWhileHalted()
    {
        final long order = workingBuy(desk, BTC);
        harness.command(io.ringwall.codecs.OperatorCommandType.HALT, io.ringwall.codecs.BreakerType.NULL_VAL,
            "test");
        assertThat(amend(desk, order, 2 * BTC, PRICE)).as("the halt's cancel is pending").isZero();
        // the halt's cancel came too late to the venue... which leaves the order working, halted
        final CancelOrderDecoder cancel = new CancelOrderDecoder().wrapAndApplyHeader(
            harness.outputs().stream().filter(o -> o.templateId() == CancelOrderDecoder.TEMPLATE_ID).findFirst()
                .orElseThrow().buffer(), 0, new MessageHeaderDecoder());
        harness.cancelRejected(cancel.clOrdId(), order);
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.ACCEPTED);
        final long result = amend(desk, order, 2 * BTC, PRICE);
        assertThat(RiskDesk.reason(result)).isEqualTo(RiskRejectReason.TRADING_HALTED);
        assertThat(desk.count(ReplaceOrderDecoder.TEMPLATE_ID)).isZero();
    }

    @Test
    void riskRefusesAnAmendThatNeedsMoreBuyingPowerThanIsFree()
    {
        final RiskDesk poor = new RiskDesk(RiskDesk.permissive("checkBuyingPower", true), BreakerLimits.off(),
            2_000 * USD);
        final long order = workingBuy(poor, 2 * BTC);
        refusedLeavingTheOrderAsItWas(poor, order, amend(poor, order, 3 * BTC, PRICE),
            RiskRejectReason.BUYING_POWER, 2 * BTC);
    }

    @Test
    void pendingAmendsAreVisitedWithWhatAVenueNeedsToActOnThem()
    {
        final long first = workingBuy(desk, 2 * BTC);
        final long firstReplace = amend(desk, first, 3 * BTC, PRICE - USD);
        harness.replaced(firstReplace, first, BTCUSD, 3 * BTC, PRICE - USD, 3 * BTC, 0);
        final long again = amend(desk, first, 4 * BTC, PRICE);
        final long other = workingBuy(desk, BTC);
        assertThat(other).isPositive();
        final List<String> visited = new ArrayList<>();
        harness.logic().forEachPendingReplace((replaceClOrdId, venueClOrdId, quantity, limitPrice) ->
            visited.add(replaceClOrdId + " of " + venueClOrdId + ": " + quantity + " @ " + limitPrice));
        assertThat(visited).containsExactly(again + " of " + firstReplace + ": " + 4 * BTC + " @ " + PRICE);
        final List<Long> resting = new ArrayList<>();
        harness.logic().forEachRestingOrder((clOrdId, instrumentId, side, ordType, timeInForce, quantity, filled,
            limitPrice, stopPrice, venueOrderId, acknowledged, cancelPending) -> resting.add(clOrdId));
        assertThat(resting).as("a venue rebuilds its book under the ids it knows").containsExactly(firstReplace, other);
    }

    // ------------------------------------------------------------------ checkpoints

    @Test
    void aSnapshotWithAPendingAndAConfirmedAmendRestoresToTheSameStateAndOutputs()
    {
        final long first = workingBuy(desk, 2 * BTC);
        final long firstReplace = amend(desk, first, 3 * BTC, PRICE - USD);
        harness.replaced(firstReplace, first, BTCUSD, 3 * BTC, PRICE - USD, 3 * BTC, 0);
        final long second = workingBuy(desk, BTC);
        final long secondReplace = amend(desk, second, 2 * BTC, PRICE);

        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(harness.logic().maxSnapshotLength());
        final int length = harness.logic().captureState(snapshot, 0);
        final RiskDesk restored = new RiskDesk(RiskLimits.permissive());
        restored.harness.logic().restoreState(snapshot, 0, length);

        assertThat(restored.harness.logic().orderStatus(second)).isEqualTo(OrderStatus.PENDING_REPLACE);
        assertThat(restored.harness.logic().orderStatus(secondReplace)).isEqualTo(OrderStatus.PENDING_REPLACE);
        assertThat(restored.harness.logic().orderStatus(firstReplace)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(restored.harness.logic().counters().amendsSent).isEqualTo(2);
        final ExpandableArrayBuffer again = new ExpandableArrayBuffer(length);
        assertThat(restored.harness.logic().captureState(again, 0)).isEqualTo(length);
        assertThat(again.byteArray()).startsWith(java.util.Arrays.copyOf(snapshot.byteArray(), length));
    }
}
