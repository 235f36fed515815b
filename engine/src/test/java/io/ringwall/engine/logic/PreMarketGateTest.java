package io.ringwall.engine.logic;

import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CommandResult;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OperatorCommandResultDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.TradeEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-market gate on the logic alone: a gating check that fails halts trading (TRADING_HALTED by
 * PRE_MARKET), the logic opens the gate at the first input after which its own checks pass, an external
 * failure needs a new check input, an operator's check only reports, and each check is judged from the
 * journaled inputs (engine time, positions, cash, strategies' warm-up).
 */
class PreMarketGateTest
{
    private static final long USD = Fixed.PRICE_SCALE;
    private static final long LOT = Fixed.QUANTITY_SCALE / 100;
    private static final long SECOND = 1_000_000_000L;
    private static final int BTCUSD = 0;
    private static final int ETHUSD = 1;
    private static final long FEED_LIVE = PreMarketCheck.FEED_LIVE.bit();
    private static final long WARM_UP = PreMarketCheck.WARM_UP_COMPLETE.bit();

    /** Buys one lot on every BTCUSD trade; warm after {@code warmAfter} trades. */
    static final class EagerBuyer implements Strategy
    {
        final int warmAfter;
        final List<Long> answers = new ArrayList<>();
        StrategyContext context;
        int trades;

        EagerBuyer(final int warmAfter)
        {
            this.warmAfter = warmAfter;
        }

        @Override
        public void onStart(final StrategyContext context)
        {
            this.context = context;
            context.requireInstrument("BTCUSD");
        }

        @Override
        public void onTrade(final TradeEvent trade)
        {
            trades++;
            answers.add(context.submitMarket(BTCUSD, Side.BUY, LOT, TimeInForce.DAY));
        }

        @Override
        public boolean warmedUp()
        {
            return trades >= warmAfter;
        }
    }

    private static LogicHarness harness(final EagerBuyer strategy, final long cash)
    {
        return new LogicHarness(LogicConfig.unrestricted(List.of("BTCUSD", "ETHUSD"), List.of(), cash, 64),
            List.of(strategy));
    }

    @Test
    void tradingWaitsForTheStartUpChecksAndStartsAtTheInputAfterWhichTheyPass()
    {
        final EagerBuyer buyer = new EagerBuyer(3);
        final LogicHarness h = harness(buyer, 1_000_000 * USD);

        h.command(OperatorCommandType.PRE_MARKET_CHECKS, null, PreMarketCheck.GATING, "start-up");
        assertThat(lastResult(h)).isEqualTo(new Result(CommandResult.CHECKS_FAILED, FEED_LIVE | WARM_UP, 1));
        assertThat(gateChanges(h)).containsExactly(new GateChange(BreakerState.HALTED, FEED_LIVE | WARM_UP, 1));
        assertThat(h.logic().preMarketGateClosed()).isTrue();

        h.trade(BTCUSD, 100 * USD, LOT);
        h.trade(BTCUSD, 100 * USD, LOT);
        // the third trade warms the strategy up, but its own order on that trade is still refused
        h.trade(BTCUSD, 100 * USD, LOT);
        assertThat(buyer.answers).containsOnly((long)-RiskRejectReason.TRADING_HALTED.value());
        final RiskRejectDecoder reject = decode(h, RiskRejectDecoder.TEMPLATE_ID, new RiskRejectDecoder()).get(0);
        assertThat(reject.limitValue()).isEqualTo(BreakerType.PRE_MARKET.value());
        assertThat(gateChanges(h)).last().isEqualTo(new GateChange(BreakerState.ACTIVE, 0, 4));
        assertThat(h.logic().preMarketGateClosed()).isFalse();

        h.trade(BTCUSD, 100 * USD, LOT);
        assertThat(buyer.answers.get(3)).isPositive();
        assertThat(decode(h, NewOrderDecoder.TEMPLATE_ID, new NewOrderDecoder())).hasSize(1);
    }

    @Test
    void anExternalFailureKeepsTheGateShutUntilACheckSaysOtherwise()
    {
        final EagerBuyer buyer = new EagerBuyer(0);
        final LogicHarness h = harness(buyer, 1_000_000 * USD);
        h.trade(BTCUSD, 100 * USD, LOT);
        final long venue = PreMarketCheck.VENUE_CONNECTED.bit();

        h.command(OperatorCommandType.PRE_MARKET_CHECKS, null, PreMarketCheck.GATING | venue, "start-up");
        assertThat(lastResult(h).failed()).isEqualTo(venue);
        h.trade(BTCUSD, 100 * USD, LOT);
        h.trade(BTCUSD, 100 * USD, LOT);
        assertThat(h.logic().preMarketGateClosed()).isTrue();
        assertThat(buyer.answers.subList(1, 3)).containsOnly((long)-RiskRejectReason.TRADING_HALTED.value());

        // the control thread measures again: the venue is up
        h.command(OperatorCommandType.PRE_MARKET_CHECKS, null, PreMarketCheck.GATING, "re-check");
        assertThat(lastResult(h)).isEqualTo(new Result(CommandResult.APPLIED, 0, h.lastSequence()));
        h.trade(BTCUSD, 100 * USD, LOT);
        assertThat(buyer.answers.get(3)).isPositive();
    }

    @Test
    void anOperatorsCheckReportsWithoutHaltingTrading()
    {
        final EagerBuyer buyer = new EagerBuyer(5);
        final LogicHarness h = harness(buyer, 1_000_000 * USD);
        h.command(OperatorCommandType.PRE_MARKET_CHECKS, null, 0, "how are we");
        assertThat(lastResult(h).result()).isEqualTo(CommandResult.CHECKS_FAILED);
        assertThat(gateChanges(h)).isEmpty();
        h.trade(BTCUSD, 100 * USD, LOT);
        assertThat(buyer.answers.get(0)).isPositive();
        assertThat(h.logic().counters().ignoredCommands).isZero();
    }

    @Test
    void capitalAndStalePositionsAreJudgedFromTheJournaledState()
    {
        final EagerBuyer buyer = new EagerBuyer(0);
        final LogicHarness broke = harness(buyer, 0);
        broke.trade(BTCUSD, 100 * USD, LOT);
        broke.command(OperatorCommandType.PRE_MARKET_CHECKS, null, 0, "check");
        assertThat(lastResult(broke).failed()).isEqualTo(PreMarketCheck.CAPITAL_AVAILABLE.bit());

        final LogicHarness stale = harness(new EagerBuyer(0), 1_000_000 * USD);
        stale.trade(BTCUSD, 100 * USD, LOT);
        // a fill in ETHUSD, which no strategy trades (the venue is the source of truth: it is booked)
        stale.filled(77, ETHUSD, Side.BUY, 100 * USD, LOT, 0, 0);
        stale.command(OperatorCommandType.PRE_MARKET_CHECKS, null, 0, "check");
        assertThat(lastResult(stale).failed()).isEqualTo(PreMarketCheck.NO_STALE_POSITIONS.bit());
    }

    @Test
    void feedLiveIsJudgedInEngineTimeAgainstTheStaleDataFeedAge()
    {
        final LogicHarness h = harness(new EagerBuyer(0), 1_000_000 * USD);
        h.trade(BTCUSD, 100 * USD, LOT);
        final long maxAgeNs = BreakerLimits.off().feedStaleNs();
        h.advance(maxAgeNs - 1);
        h.command(OperatorCommandType.PRE_MARKET_CHECKS, null, 0, "just in time");
        assertThat(lastResult(h).failed()).isZero();
        h.advance(1);
        h.command(OperatorCommandType.PRE_MARKET_CHECKS, null, 0, "too late");
        assertThat(lastResult(h).failed()).isEqualTo(FEED_LIVE);
        h.advance(SECOND);
        h.trade(BTCUSD, 100 * USD, LOT);
        h.command(OperatorCommandType.PRE_MARKET_CHECKS, null, 0, "live again");
        assertThat(lastResult(h).failed()).isZero();
    }

    /** Issue 24: with bar data, a feed is live while its bars are within the stale-data limit in bar intervals. */
    @Test
    void feedLiveOfBarDataIsJudgedInBarIntervals()
    {
        final long minute = 60 * SECOND;
        final LogicConfig config = LogicConfig.unrestricted(List.of("BTCUSD", "ETHUSD"), List.of(), 1_000_000 * USD, 64);
        final LogicHarness h = new LogicHarness(new LogicConfig(config.instruments(), List.of(), config.initialCash(),
            config.maxWorkingOrders(), config.risk(), config.breakers().withBarInterval(60 * minute), config.market()),
            List.of(new EagerBuyer(0)));
        h.trade(BTCUSD, 100 * USD, LOT);
        // The 30-minute age of trade feeds no longer applies: three hourly bars may be missed.
        h.advance(3 * 60 * minute - 1);
        h.command(OperatorCommandType.PRE_MARKET_CHECKS, null, 0, "just in time");
        assertThat(lastResult(h).failed()).isZero();
        h.advance(1);
        h.command(OperatorCommandType.PRE_MARKET_CHECKS, null, 0, "too late");
        assertThat(lastResult(h).failed()).isEqualTo(FEED_LIVE);
    }

    @Test
    void anOperatorMayOverrideTheGateWithAReason()
    {
        final EagerBuyer buyer = new EagerBuyer(100);
        final LogicHarness h = harness(buyer, 1_000_000 * USD);
        h.command(OperatorCommandType.PRE_MARKET_CHECKS, null, PreMarketCheck.GATING, "start-up");
        h.command(OperatorCommandType.RESET_BREAKER, BreakerType.PRE_MARKET, "strategy warms up on live data");
        assertThat(lastResult(h).result()).isEqualTo(CommandResult.APPLIED);
        h.trade(BTCUSD, 100 * USD, LOT);
        assertThat(buyer.answers.get(0)).isPositive();
    }

    record Result(CommandResult result, long failed, long causeSequence)
    {
    }

    record GateChange(BreakerState to, long failed, long causeSequence)
    {
    }

    private static Result lastResult(final LogicHarness h)
    {
        final List<OperatorCommandResultDecoder> results = decode(h, OperatorCommandResultDecoder.TEMPLATE_ID,
            new OperatorCommandResultDecoder());
        final OperatorCommandResultDecoder last = results.get(results.size() - 1);
        return new Result(last.result(), last.value(), last.causeSequence());
    }

    private static List<GateChange> gateChanges(final LogicHarness h)
    {
        return decode(h, BreakerStateChangeDecoder.TEMPLATE_ID, new BreakerStateChangeDecoder()).stream()
            .filter(change -> change.breakerType() == BreakerType.PRE_MARKET)
            .map(change -> new GateChange(change.toState(), change.observedValue(), change.causeSequence()))
            .toList();
    }

    /** Each matching output decoded into its own flyweight (kept valid by its own copy of the frame). */
    @SuppressWarnings("unchecked")
    private static <D> List<D> decode(final LogicHarness h, final int templateId, final D prototype)
    {
        final List<D> decoded = new ArrayList<>();
        for (final LogicHarness.Output output : h.outputs())
        {
            if (output.templateId() != templateId)
            {
                continue;
            }
            final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(output.buffer(), 0);
            try
            {
                final D decoder = (D)prototype.getClass().getDeclaredConstructor().newInstance();
                decoder.getClass().getMethod("wrap", org.agrona.DirectBuffer.class, int.class, int.class, int.class)
                    .invoke(decoder, output.buffer(), MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
                        header.version());
                decoded.add(decoder);
            }
            catch (final ReflectiveOperationException ex)
            {
                throw new IllegalStateException(ex);
            }
        }
        return decoded;
    }
}
