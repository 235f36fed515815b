package io.ringwall.engine.logic;

import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.ShadowDecisionDecoder;
import io.ringwall.codecs.ShadowExecutionDecoder;
import io.ringwall.codecs.ShadowFill;
import io.ringwall.codecs.ShadowVerdict;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.ShadowSettings;
import io.ringwall.engine.strategy.StrategyFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shadow trading in the logic (issue 20): the twin's decisions against the live ones, the live executions against
 * the paper model, and the SHADOW breaker.
 */
class ShadowTwinTest
{
    private static final String STEP = StepTargetStrategy.class.getName() + ":qty=1,percent=";
    private static final long PRICE = 100 * Fixed.PRICE_SCALE;
    private static final long ONE = Fixed.QUANTITY_SCALE;

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void aTwinWithAnotherParameterTripsShadowAfterExactlyNMisalignmentsInARow(final int limit)
    {
        final LogicHarness harness = harness(STEP + "100", STEP + "150", settings(limit, 50_000, 20));

        for (int trade = 1; trade <= limit + 2; trade++)
        {
            harness.advance(1_000_000).trade(0, PRICE, ONE);
            final List<ShadowDecisionDecoder> decisions = decisions(harness);
            assertThat(decisions).hasSize(trade);
            final ShadowDecisionDecoder last = decisions.get(trade - 1);
            assertThat(last.verdict()).isEqualTo(ShadowVerdict.TARGET_DIFFERS);
            assertThat(last.misalignmentsInRow()).isEqualTo(trade);
            // the n-th price's targets: 1 x or 2 x qty live, 1.5 times that for the twin
            assertThat(last.liveTarget()).isEqualTo(ONE * (1 + trade % 2));
            assertThat(last.twinTarget()).isEqualTo(ONE * (1 + trade % 2) * 3 / 2);
            assertThat(last.differencePpm()).isEqualTo(333_333);
            final List<BreakerStateChangeDecoder> trips = shadowTrips(harness);
            if (trade < limit)
            {
                assertThat(trips).as("after %d misalignments", trade).isEmpty();
                assertThat(harness.logic().breakerState(BreakerType.SHADOW)).isEqualTo(BreakerState.ACTIVE);
            }
            else
            {
                // tripped once, at the limit-th misalignment, and not again while halted
                assertThat(trips).hasSize(1);
                assertThat(trips.get(0).toState()).isEqualTo(BreakerState.HALTED);
                assertThat(trips.get(0).observedValue()).isEqualTo(limit);
                assertThat(trips.get(0).thresholdValue()).isEqualTo(limit);
                assertThat(trips.get(0).causeSequence()).isEqualTo(limit);
                assertThat(harness.logic().breakerState()).isEqualTo(BreakerState.HALTED);
            }
        }
        assertThat(harness.logic().counters().breakerTrips(BreakerType.SHADOW)).isEqualTo(1);
    }

    @Test
    void theSameTwinIsAlignedAndNeverTrips()
    {
        final LogicHarness harness = harness(STEP + "100", STEP + "100", settings(1, 50_000, 20));

        for (int trade = 1; trade <= 10; trade++)
        {
            harness.advance(1_000_000).trade(0, PRICE, ONE);
        }

        assertThat(decisions(harness)).hasSize(10).allSatisfy(d ->
        {
            assertThat(d.verdict()).isEqualTo(ShadowVerdict.ALIGNED);
            assertThat(d.differencePpm()).isZero();
            assertThat(d.misalignmentsInRow()).isZero();
        });
        assertThat(shadowTrips(harness)).isEmpty();
    }

    @Test
    void targetsWithinTheToleranceAreAlignedAndBeyondItAreNot()
    {
        // 1.04 against 1: 38,461 ppm apart, within 5 %; 1.06: 56,603 ppm, beyond
        final LogicHarness within = harness(STEP + "100", STEP + "104", settings(1, 50_000, 20));
        final LogicHarness beyond = harness(STEP + "100", STEP + "106", settings(1, 50_000, 20));

        within.advance(1_000_000).trade(0, PRICE, ONE);
        beyond.advance(1_000_000).trade(0, PRICE, ONE);

        assertThat(decisions(within).get(0).verdict()).isEqualTo(ShadowVerdict.ALIGNED);
        assertThat(decisions(within).get(0).differencePpm()).isEqualTo(38_461);
        assertThat(shadowTrips(within)).isEmpty();
        assertThat(decisions(beyond).get(0).verdict()).isEqualTo(ShadowVerdict.TARGET_DIFFERS);
        assertThat(decisions(beyond).get(0).differencePpm()).isEqualTo(56_603);
        assertThat(shadowTrips(beyond)).hasSize(1);
    }

    @Test
    void anOperatorResetStartsTheRunAfresh()
    {
        final LogicHarness harness = harness(STEP + "100", STEP + "150", settings(2, 50_000, 20));
        harness.advance(1_000_000).trade(0, PRICE, ONE);
        harness.advance(1_000_000).trade(0, PRICE, ONE);
        assertThat(shadowTrips(harness)).hasSize(1);

        harness.command(OperatorCommandType.RESET_BREAKER, BreakerType.SHADOW, "twin checked");
        assertThat(harness.logic().breakerState(BreakerType.SHADOW)).isEqualTo(BreakerState.ACTIVE);
        harness.advance(1_000_000).trade(0, PRICE, ONE);
        assertThat(last(decisions(harness)).misalignmentsInRow()).isEqualTo(1);
        assertThat(harness.logic().breakerState(BreakerType.SHADOW)).isEqualTo(BreakerState.ACTIVE);
        harness.advance(1_000_000).trade(0, PRICE, ONE);

        assertThat(shadowTrips(harness)).hasSize(2);
        assertThat(harness.logic().breakerState(BreakerType.SHADOW)).isEqualTo(BreakerState.HALTED);
    }

    @Test
    void aFinishedLiveOrderIsJournaledAgainstTheModel()
    {
        final LogicHarness harness = harness(STEP + "100", STEP + "100", settings(3, 50_000, 20));
        final long sentNs = harness.advance(1_000_000).timeNs();
        harness.trade(0, PRICE, ONE);
        final NewOrderDecoder order = newOrders(harness).get(0);
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.quantity()).isEqualTo(2 * ONE);

        harness.advance(5_000_000).accepted(order.clOrdId(), 0);
        // two fills: 1 at 100.10 after 12 ms, 1 at 100.30 after 20 ms: average 100.20, 20 bps worse than 100
        harness.advance(7_000_000).filled(order.clOrdId(), 0, Side.BUY, 1_001_000, ONE, ONE, 0);
        harness.advance(8_000_000).filled(order.clOrdId(), 0, Side.BUY, 1_003_000, ONE, 0, 0);

        final List<ShadowExecutionDecoder> executions = executions(harness);
        assertThat(executions).hasSize(1);
        final ShadowExecutionDecoder execution = executions.get(0);
        assertThat(execution.clOrdId()).isEqualTo(order.clOrdId());
        assertThat(execution.fill()).isEqualTo(ShadowFill.FILLED);
        assertThat(execution.filledQuantity()).isEqualTo(2 * ONE);
        assertThat(execution.modelPrice()).isEqualTo(PRICE);
        assertThat(execution.averagePrice()).isEqualTo(1_002_000);
        assertThat(execution.slippagePpm()).isEqualTo(2_000);
        assertThat(execution.sendTimeNs()).isEqualTo(sentNs);
        assertThat(execution.ackLatencyNs()).isEqualTo(5_000_000);
        assertThat(execution.fillLatencyNs()).isEqualTo(12_000_000);
        assertThat(execution.executionQualityPpm()).isEqualTo(-1);
    }

    @Test
    void aRollingExecutionQualityUnderTheMinimumTripsShadow()
    {
        // window of 2 orders, minimum 0.9: one filled and one rejected is 0.5
        final LogicHarness harness = harness(STEP + "100", STEP + "100", settings(3, 50_000, 2));
        harness.advance(1_000_000).trade(0, PRICE, ONE);
        final long first = newOrders(harness).get(0).clOrdId();
        harness.advance(1_000_000).filled(first, 0, Side.BUY, PRICE, 2 * ONE, 0, 0);
        assertThat(last(executions(harness)).executionQualityPpm()).isEqualTo(-1);
        harness.advance(1_000_000).trade(0, PRICE, ONE);
        final long second = newOrders(harness).get(1).clOrdId();
        assertThat(shadowTrips(harness)).isEmpty();

        harness.advance(1_000_000).rejected(second, 0);

        final ShadowExecutionDecoder rejected = last(executions(harness));
        assertThat(rejected.fill()).isEqualTo(ShadowFill.NOT_FILLED);
        assertThat(rejected.ackLatencyNs()).isEqualTo(-1);
        assertThat(rejected.fillLatencyNs()).isEqualTo(-1);
        assertThat(rejected.executionQualityPpm()).isEqualTo(500_000);
        final List<BreakerStateChangeDecoder> trips = shadowTrips(harness);
        assertThat(trips).hasSize(1);
        assertThat(trips.get(0).observedValue()).isEqualTo(500_000);
        assertThat(trips.get(0).thresholdValue()).isEqualTo(900_000);
    }

    @Test
    void theTwinTradesAgainstThePaperModelWithoutTouchingTheLiveBook()
    {
        final LogicHarness harness = harness(STEP + "100", STEP + "100", settings(3, 50_000, 20));
        harness.advance(1_000_000).trade(0, PRICE, 1_000 * ONE);
        // the model fills the twin's order on the next print (frictionless: whole print, at its price)
        harness.advance(1_000_000).trade(0, PRICE, 1_000 * ONE);

        assertThat(harness.logic().portfolio().position(0)).as("live: no venue answer yet").isZero();
        // live: a buy of 2, then a sell of 1 for the second price's target of 1, both unanswered
        assertThat(harness.logic().workingOrders()).isEqualTo(2);
        assertThat(harness.logic().counters().ordersSent).isEqualTo(2);
        // the twin holds what its model filled: the buy of 2 on the second print, then its sell of 1 at once from
        // what that print left (the paper venue's rule for a market order live before the next print)
        assertThat(harness.logic().shadowPosition(0)).isEqualTo(ONE);
    }

    @Test
    void onAQuotedFeedTheTwinsModelFillsAtTheQuoteAsThePaperVenueDoes()
    {
        final LogicHarness harness = harness(STEP + "100", STEP + "100", settings(3, 50_000, 20));
        // a deep quote, then a print far smaller than the twin's order: by the print rules the model could fill
        // at most the print; quoted, it fills at the ask up to the displayed size, as the live paper venue does
        harness.advance(1_000_000).quote(0, PRICE - 1, 1_000 * ONE, PRICE + 1, 1_000 * ONE);
        harness.advance(1_000_000).trade(0, PRICE, ONE / 100);
        harness.advance(1_000_000).quote(0, PRICE - 1, 1_000 * ONE, PRICE + 1, 1_000 * ONE);

        assertThat(harness.logic().shadowPosition(0)).as("more than the print could give").isGreaterThan(ONE / 100);
    }

    @Test
    void shadowOffBuildsNoTwinAndJournalsNothingOfIt()
    {
        final LogicHarness harness = new LogicHarness(LogicHarness.config(STEP + "100"),
            StrategyFactory.createAll(List.of(STEP + "100")));
        harness.advance(1_000_000).trade(0, PRICE, ONE);

        assertThat(decisions(harness)).isEmpty();
        assertThat(harness.logic().checkpointsUnsupported()).isNull();
        assertThat(harness.logic().counters().shadowDecisions).isZero();
    }

    private static ShadowSettings settings(final int maxMisalignments, final long tolerancePpm, final int window)
    {
        return new ShadowSettings(false, tolerancePpm, maxMisalignments, 900_000, window, List.of());
    }

    private static LogicHarness harness(final String live, final String twin, final ShadowSettings settings)
    {
        final LogicConfig config = LogicHarness.config(live).withShadow(settings.on(List.of(twin)));
        final LogicHarness harness = new LogicHarness(config, StrategyFactory.createAll(config.strategySpecs()));
        assertThat(harness.logic().checkpointsUnsupported()).as("a shadow session checkpoints its twin").isNull();
        return harness;
    }

    private static <T> T last(final List<T> list)
    {
        return list.get(list.size() - 1);
    }

    static List<ShadowDecisionDecoder> decisions(final LogicHarness harness)
    {
        return harness.outputs().stream().filter(o -> o.templateId() == ShadowDecisionDecoder.TEMPLATE_ID)
            .map(o -> new ShadowDecisionDecoder().wrapAndApplyHeader(o.buffer(), 0, new MessageHeaderDecoder()))
            .toList();
    }

    static List<ShadowExecutionDecoder> executions(final LogicHarness harness)
    {
        return harness.outputs().stream().filter(o -> o.templateId() == ShadowExecutionDecoder.TEMPLATE_ID)
            .map(o -> new ShadowExecutionDecoder().wrapAndApplyHeader(o.buffer(), 0, new MessageHeaderDecoder()))
            .toList();
    }

    private static List<NewOrderDecoder> newOrders(final LogicHarness harness)
    {
        return harness.outputs().stream().filter(o -> o.templateId() == NewOrderDecoder.TEMPLATE_ID)
            .map(o -> new NewOrderDecoder().wrapAndApplyHeader(o.buffer(), 0, new MessageHeaderDecoder())).toList();
    }

    private static List<BreakerStateChangeDecoder> shadowTrips(final LogicHarness harness)
    {
        return harness.outputs().stream().filter(o -> o.templateId() == BreakerStateChangeDecoder.TEMPLATE_ID)
            .map(o -> new BreakerStateChangeDecoder().wrapAndApplyHeader(o.buffer(), 0, new MessageHeaderDecoder()))
            .filter(d -> d.breakerType() == BreakerType.SHADOW && d.toState() == BreakerState.HALTED).toList();
    }
}
