package io.ringwall.engine.logic;

import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.OrderState;
import io.ringwall.codecs.OrderStatusQueryDecoder;
import io.ringwall.engine.strategy.OrderEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, point 2: lost answers, decided by the logic in its own clock (the inputs' time). A pending order or
 * cancel unanswered within the timeout is asked about (OrderStatusQuery); each question waits a timeout; when the
 * configured number go unanswered the VENUE breaker halts and cancels; the venue's answer (VenueOrderStatus) settles
 * the order. Replaying the journaled inputs, or resuming from a snapshot taken while an order waits, reproduces the
 * outputs byte for byte.
 */
class StatusWatchTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long BTC = 100_000_000L;
    private static final long PRICE = 800 * 10_000L;
    private static final LogicConfig CONFIG = LogicHarness.config().withStatusTimeouts(new StatusTimeouts(SECOND, 2));

    /** The script as the original session ran it: a buy on the first trade, nothing after. */
    private static ScriptedOrders firstTradeBuyer()
    {
        final ScriptedOrders script = new ScriptedOrders(BTC, PRICE);
        script.submitNext = true;
        return script;
    }

    private final ScriptedOrders script = new ScriptedOrders(BTC, PRICE);
    private final LogicHarness harness = new LogicHarness(CONFIG, List.of(script));

    @Test
    void anUnansweredOrderIsAskedAboutEachTimeoutAndTheSilenceHaltsAndCancels()
    {
        sendOrder();
        tick(SECOND - 1);
        assertThat(queries()).isEmpty();
        tick(1);
        assertThat(queries()).containsExactly(1);
        tick(SECOND);
        assertThat(queries()).containsExactly(1, 2);
        assertThat(harness.logic().breakerState(BreakerType.VENUE)).isEqualTo(BreakerState.ACTIVE);

        tick(SECOND);
        assertThat(harness.logic().breakerState(BreakerType.VENUE)).isEqualTo(BreakerState.HALTED);
        final BreakerStateChangeDecoder trip = last(BreakerStateChangeDecoder.TEMPLATE_ID, new BreakerStateChangeDecoder());
        assertThat(trip.breakerType()).isEqualTo(BreakerType.VENUE);
        assertThat(trip.observedValue()).isEqualTo(2);
        assertThat(trip.thresholdValue()).isEqualTo(2);
        // the halt cancels the working order where the venue still listens
        assertThat(count(CancelOrderDecoder.TEMPLATE_ID)).isEqualTo(1);
    }

    @Test
    void theVenueSayingItWorksTheOrderIsItsAcknowledgement()
    {
        sendOrder();
        tick(SECOND);
        harness.venueOrderStatus(script.lastResult, 0, OrderState.ACCEPTED, 0);
        assertThat(harness.logic().orderStatus(script.lastResult)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(script.notifications).containsExactly(OrderEvent.Type.ACCEPTED);
        tick(10 * SECOND);
        assertThat(queries()).containsExactly(1);
        assertThat(harness.logic().breakerState(BreakerType.VENUE)).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void anOrderTheVenueNeverSawIsRejected()
    {
        sendOrder();
        tick(SECOND);
        harness.venueOrderStatus(script.lastResult, 0, OrderState.UNKNOWN, 0);
        assertThat(harness.logic().orderStatus(script.lastResult)).isNull();
        assertThat(script.notifications).containsExactly(OrderEvent.Type.REJECTED);
        assertThat(harness.logic().breakerState(BreakerType.VENUE)).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void anAnswerThatSettlesNothingStartsTheWaitAfresh()
    {
        sendOrder();
        tick(SECOND);
        tick(SECOND);
        // the venue has it, not yet acknowledged: answered, so the questions start over
        harness.venueOrderStatus(script.lastResult, 0, OrderState.PENDING_NEW, 0);
        tick(SECOND);
        tick(SECOND);
        assertThat(queries()).containsExactly(1, 2, 1, 2);
        assertThat(harness.logic().breakerState(BreakerType.VENUE)).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void anUnansweredCancelIsAskedAboutAndTheVenueStatusConfirmsIt()
    {
        sendOrder();
        harness.accepted(script.lastResult, 0);
        script.cancelNext = script.lastResult;
        tick(1);
        assertThat(harness.logic().orderStatus(script.lastResult)).isEqualTo(OrderStatus.PENDING_CANCEL);
        tick(SECOND);
        assertThat(queries()).containsExactly(1);
        harness.venueOrderStatus(script.lastResult, 0, OrderState.CANCELLED, 0);
        assertThat(harness.logic().orderStatus(script.lastResult)).isNull();
        assertThat(script.notifications).containsExactly(OrderEvent.Type.ACCEPTED, OrderEvent.Type.CANCELLED);
    }

    @Test
    void anAmendedOrdersUnansweredCancelIsAskedAboutByTheIdTheVenueKnowsItBy()
    {
        sendOrder();
        final long order = script.lastResult;
        harness.accepted(order, 0);
        script.amendNext = order;
        script.amendQuantity = 2 * BTC;
        script.amendPrice = PRICE;
        tick(1);
        assertThat(script.lastAmend).isPositive();
        harness.replaced(script.lastAmend, order, 0, 2 * BTC, PRICE, 2 * BTC, 0);
        script.cancelNext = order;
        tick(1);
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PENDING_CANCEL);
        tick(SECOND);
        final OrderStatusQueryDecoder query = last(OrderStatusQueryDecoder.TEMPLATE_ID, new OrderStatusQueryDecoder());
        assertThat(query.clOrdId()).isEqualTo(script.lastAmend);
        harness.venueOrderStatus(script.lastAmend, 0, OrderState.CANCELLED, 0);
        assertThat(harness.logic().orderStatus(order)).isNull();
    }

    @Test
    void anUnansweredAmendIsAskedAboutByItsOwnIdAndRefusedWhenTheVenueNeverSawIt()
    {
        final long order = amendAcceptedOrder();
        tick(SECOND);
        final OrderStatusQueryDecoder query = last(OrderStatusQueryDecoder.TEMPLATE_ID, new OrderStatusQueryDecoder());
        assertThat(query.clOrdId()).as("asked by the amend's id").isEqualTo(script.lastAmend);
        // an answer about the order's first id says nothing of the amend: it waits on
        harness.venueOrderStatus(order, 0, OrderState.ACCEPTED, 0);
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PENDING_REPLACE);

        harness.venueOrderStatus(script.lastAmend, 0, OrderState.UNKNOWN, 0);

        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(script.notifications).containsExactly(OrderEvent.Type.ACCEPTED, OrderEvent.Type.REPLACE_REJECTED);
        assertThat(harness.logic().counters().replaceRejects).isEqualTo(1);
        // the order works on with its old terms: a cancel names its first id, the one the venue knows
        script.cancelNext = order;
        tick(1);
        assertThat(last(CancelOrderDecoder.TEMPLATE_ID, new CancelOrderDecoder()).origClOrdId()).isEqualTo(order);
        assertThat(harness.logic().breakerState(BreakerType.VENUE)).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void aVenueThatKnowsTheAmendsIdHasReplacedTheOrder()
    {
        final long order = amendAcceptedOrder();
        tick(SECOND);
        harness.venueOrderStatus(script.lastAmend, 0, OrderState.ACCEPTED, 0);

        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(script.notifications).containsExactly(OrderEvent.Type.ACCEPTED, OrderEvent.Type.REPLACED);
        assertThat(harness.logic().counters().replaces).isEqualTo(1);
        script.cancelNext = order;
        tick(1);
        assertThat(last(CancelOrderDecoder.TEMPLATE_ID, new CancelOrderDecoder()).origClOrdId())
            .as("the venue knows it by the amend's id now").isEqualTo(script.lastAmend);
    }

    @Test
    void theVenuesLateReportOfAReplaceItsStatusAnswerAppliedChangesNothing()
    {
        final long order = amendAcceptedOrder();
        tick(SECOND);
        harness.venueOrderStatus(script.lastAmend, 0, OrderState.ACCEPTED, 0);
        harness.replaced(script.lastAmend, order, 0, 2 * BTC, PRICE, 2 * BTC, 0);

        assertThat(harness.logic().counters().replaces).isEqualTo(1);
        assertThat(harness.logic().counters().invalidTransitions).isZero();
        assertThat(script.notifications).containsExactly(OrderEvent.Type.ACCEPTED, OrderEvent.Type.REPLACED);
    }

    @Test
    void anAmendNeverAnsweredNorAskedAboutHaltsLikeAnOrder()
    {
        amendAcceptedOrder();
        tick(SECOND);
        tick(SECOND);
        tick(SECOND);
        assertThat(queries()).containsExactly(1, 2, 3);
        assertThat(harness.logic().breakerState(BreakerType.VENUE)).isEqualTo(BreakerState.HALTED);
    }

    /** An acknowledged order with an amend sent for it and unanswered. */
    private long amendAcceptedOrder()
    {
        sendOrder();
        final long order = script.lastResult;
        harness.accepted(order, 0);
        script.amendNext = order;
        script.amendQuantity = 2 * BTC;
        script.amendPrice = PRICE;
        tick(1);
        assertThat(script.lastAmend).isPositive();
        assertThat(harness.logic().orderStatus(order)).isEqualTo(OrderStatus.PENDING_REPLACE);
        return order;
    }

    @Test
    void executionsTheEngineNeverHeardOfHalt()
    {
        sendOrder();
        tick(SECOND);
        harness.venueOrderStatus(script.lastResult, 0, OrderState.PARTIALLY_FILLED, BTC / 2);
        assertThat(harness.logic().breakerState(BreakerType.VENUE)).isEqualTo(BreakerState.HALTED);
    }

    @Test
    void aReplayOfTheJournaledInputsAndAResumeFromASnapshotMidWaitReproduceTheOutputs()
    {
        sendOrder();
        tick(SECOND);
        final BusinessLogic original = harness.logic();
        final UnsafeBuffer state = new UnsafeBuffer(new byte[original.maxSnapshotLength()]);
        final int stateLength = original.captureState(state, 0);
        final int inputsAtSnapshot = harness.inputs().size();
        final int outputsAtSnapshot = harness.outputs().size();
        tick(SECOND);
        tick(SECOND);
        tick(SECOND);
        assertThat(original.breakerState(BreakerType.VENUE)).isEqualTo(BreakerState.HALTED);

        final List<byte[]> replayed = new ArrayList<>();
        final BusinessLogic replay = new BusinessLogic(CONFIG, List.of(firstTradeBuyer()),
            (seq, time, frame, offset, length, ingress) -> replayed.add(copy(frame, offset, length)));
        harness.inputs().forEach(input -> replay.onInput(input.sequence(), input.timeNs(), input.buffer(), 0,
            input.frame().length, 0));
        assertThat(replayed).as("replay --verify: journal out byte for byte").hasSameSizeAs(harness.outputs());
        for (int i = 0; i < replayed.size(); i++)
        {
            assertThat(replayed.get(i)).as("output %d", i).isEqualTo(harness.outputs().get(i).frame());
        }

        final List<byte[]> resumedOutputs = new ArrayList<>();
        final BusinessLogic resumed = new BusinessLogic(CONFIG, List.of(new ScriptedOrders(BTC, PRICE)),
            (seq, time, frame, offset, length, ingress) -> resumedOutputs.add(copy(frame, offset, length)));
        resumed.restoreState(state, 0, stateLength);
        harness.inputs().subList(inputsAtSnapshot, harness.inputs().size()).forEach(input ->
            resumed.onInput(input.sequence(), input.timeNs(), input.buffer(), 0, input.frame().length, 0));
        final List<LogicHarness.Output> expected = harness.outputs().subList(outputsAtSnapshot, harness.outputs().size());
        assertThat(resumedOutputs).as("resumed mid-wait").hasSameSizeAs(expected).isNotEmpty();
        for (int i = 0; i < expected.size(); i++)
        {
            assertThat(resumedOutputs.get(i)).as("output %d after the snapshot", i).isEqualTo(expected.get(i).frame());
        }
    }

    @Test
    void offAsksNothing()
    {
        final ScriptedOrders quiet = new ScriptedOrders(BTC, PRICE);
        final LogicHarness off = new LogicHarness(LogicHarness.config(), List.of(quiet));
        quiet.submitNext = true;
        off.trade(0, PRICE, BTC);
        off.advance(60 * SECOND).trade(0, PRICE, BTC);
        assertThat(off.outputs()).noneMatch(o -> o.templateId() == OrderStatusQueryDecoder.TEMPLATE_ID);
    }

    private void sendOrder()
    {
        script.submitNext = true;
        harness.trade(0, PRICE, BTC);
        assertThat(script.lastResult).isPositive();
        assertThat(harness.logic().orderStatus(script.lastResult)).isEqualTo(OrderStatus.PENDING_NEW);
    }

    private void tick(final long nanos)
    {
        harness.advance(nanos).trade(0, PRICE, BTC);
    }

    private List<Integer> queries()
    {
        final OrderStatusQueryDecoder query = new OrderStatusQueryDecoder();
        return harness.outputs().stream().filter(o -> o.templateId() == OrderStatusQueryDecoder.TEMPLATE_ID)
            .map(o -> query.wrapAndApplyHeader(o.buffer(), 0, new MessageHeaderDecoder()).attempt()).toList();
    }

    private long count(final int templateId)
    {
        return harness.outputs().stream().filter(o -> o.templateId() == templateId).count();
    }

    private <T extends org.agrona.sbe.MessageDecoderFlyweight> T last(final int templateId, final T decoder)
    {
        final LogicHarness.Output output = harness.outputs().stream().filter(o -> o.templateId() == templateId)
            .reduce((a, b) -> b).orElseThrow();
        decoder.wrap(output.buffer(), MessageHeaderDecoder.ENCODED_LENGTH,
            new MessageHeaderDecoder().wrap(output.buffer(), 0).blockLength(), 5);
        return decoder;
    }

    private static byte[] copy(final org.agrona.DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }
}
