package io.ringwall.engine.logic;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.CommandResult;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OperatorCommandResultDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.config.BreakerRule;
import io.ringwall.engine.config.ParticipationMode;
import io.ringwall.engine.config.RiskLimits;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import static io.ringwall.engine.config.RiskLimits.PPM;
import static io.ringwall.engine.logic.RiskDesk.AAPL;
import static io.ringwall.engine.logic.RiskDesk.BTC;
import static io.ringwall.engine.logic.RiskDesk.BTCUSD;
import static io.ringwall.engine.logic.RiskDesk.ETHUSD;
import static io.ringwall.engine.logic.RiskDesk.INSTRUMENTS;
import static io.ringwall.engine.logic.RiskDesk.LOT;
import static io.ringwall.engine.logic.RiskDesk.TICK;
import static io.ringwall.engine.logic.RiskDesk.USD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance point of pre-trade risk and breakers, over many random order streams and price paths: no
 * order that reaches the outbound ring takes a position, sector, notional or leverage figure past its limit,
 * and a tripped breaker lets no risk-increasing order through until an operator resets it with a reason.
 * <p>
 * The judge is the test's own {@link Shadow} book, built only from what the test fed the logic (trades, its
 * venue's fills and cancels) and from the outputs (new orders, cancels, breaker changes); it never asks
 * {@link PreTradeRisk} or {@link Exposure}. It follows the documented semantics: limits are maxima, exposure is
 * worst case (every open order fills on its own side), valued at the last trade price, and an exposure limit
 * refuses only an order that makes its figure worse. Every output is checked as it appears, with the book as
 * it was just before.
 */
class RiskPropertiesTest
{
    private static final long INITIAL_CASH = 1_000_000 * USD;
    private static final long[] START_PRICES = {30_000 * USD, 2_000 * USD, 150 * USD};
    private static final long SECOND_NS = 1_000_000_000L;
    /**
     * The one statistics label: a coverage check on a label no finished try has collected yet breaks jqwik's
     * report and hides the real failure, and every try collects here from its first order attempt on.
     */
    private static final String EVENTS = "events";
    private static final List<RiskRejectReason> LIMIT_REASONS = List.of(RiskRejectReason.MAX_ORDER_NOTIONAL,
        RiskRejectReason.POSITION_QUANTITY, RiskRejectReason.POSITION_EQUITY, RiskRejectReason.SECTOR_EXPOSURE,
        RiskRejectReason.GROSS_LEVERAGE, RiskRejectReason.NET_EXPOSURE);

    /**
     * For every new order that reaches the outbound ring: its notional (quantity x limit price, or x the last
     * price for a market order) is at most the order limit; and each worst-case figure (position quantity and
     * value per instrument, value per sector, gross, |net|) that the order raises stays at or under its limit.
     * Limits are drawn; breakers are off.
     */
    @Property(tries = 200)
    void noSentOrderTakesAnExposureFigurePastItsLimit(
        @ForAll("tightLimits") final RiskLimits limits,
        @ForAll("ordersAndPrices") final List<Step> steps)
    {
        final Session session = new Session(limits, BreakerLimits.off());
        steps.forEach(session::apply);

        // Not vacuous: orders went out, each limit refused some, and some went out while a figure was already
        // past its limit (lowering it).
        Statistics.label(EVENTS).coverage(coverage ->
        {
            coverage.check("sent").count(n -> n > 0);
            LIMIT_REASONS.forEach(reason -> coverage.check("refused " + reason).count(n -> n > 0));
            coverage.check("sent over a limit").count(n -> n > 0);
        });
    }

    /**
     * Over price paths with crashes, with the drawdown and market-move breakers tripping to drawn states: while a
     * breaker is HALTED no new order goes out; while the worst is REDUCING every new order reduces its position,
     * by no more than the position less the open orders already reducing it; a reset without a reason is refused
     * and changes nothing; and a breaker returns to ACTIVE only on a reset of that breaker with a reason.
     */
    @Property(tries = 200)
    void aTrippedBreakerLetsNoRiskIncreasingOrderThroughUntilReset(
        @ForAll("breakerLimits") final BreakerLimits breakers,
        @ForAll("crashesAndResets") final List<Step> steps)
    {
        // Limits out of the way, except leverage: unbounded, a few crashes would leave equity meaningless.
        final RiskLimits limits = RiskDesk.with(RiskLimits.permissive(), "maxGrossLeveragePpm", 2 * PPM);
        final Session session = new Session(limits, breakers);
        steps.forEach(session::apply);

        // Not vacuous: both breakers tripped to both states and were reset, orders went out while REDUCING, and
        // orders were refused for the breakers' sake.
        Statistics.label(EVENTS).coverage(coverage ->
        {
            coverage.check("sent while ACTIVE").count(n -> n > 0);
            coverage.check("sent while REDUCING").count(n -> n > 0);
            coverage.check("refused " + RiskRejectReason.TRADING_HALTED).count(n -> n > 0);
            coverage.check("refused " + RiskRejectReason.REDUCING_ONLY).count(n -> n > 0);
            for (final BreakerType type : List.of(BreakerType.DRAWDOWN, BreakerType.MARKET_MOVE))
            {
                coverage.check(type + " ACTIVE->REDUCING").count(n -> n > 0);
                coverage.check(type + " ACTIVE->HALTED").count(n -> n > 0);
                coverage.checkPattern(type + " (REDUCING|HALTED)->ACTIVE").count(n -> n > 0);
            }
            coverage.check("reset without reason " + CommandResult.REFUSED_NO_REASON).count(n -> n > 0);
            coverage.check("reset with reason " + CommandResult.APPLIED).count(n -> n > 0);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Steps: what happens next, in terms that stay meaningful whatever the book holds (sizes as fractions, picks
    // as indices modulo what is open), so that a shrunk list still tells a story.
    // ---------------------------------------------------------------------------------------------------------

    /** One thing that happens next to the desk. */
    sealed interface Step permits Move, Attempt, Fill, CancelConfirm, Reset, Halt
    {
    }

    /** After {@code advanceSeconds}, a trade at the last price moved by {@code movePpm}, on the tick, above 0. */
    record Move(int instrument, int movePpm, int advanceSeconds) implements Step
    {
    }

    /**
     * The strategy sends an order: {@code sizePpm} of equity in value, or with {@code againstPosition} that
     * fraction of |position| on the side that reduces it. A limit order is priced {@code offsetPpm} from the
     * last price; the instruments' collar is 10 %, so some land outside it.
     */
    record Attempt(int instrument, Side side, boolean market, int sizePpm, int offsetPpm, boolean againstPosition)
        implements Step
    {
    }

    /** The venue fills {@code partPpm} of an open order's leaves (at least a lot) at the last price, no fee. */
    record Fill(int pick, int partPpm) implements Step
    {
    }

    /** The venue confirms a cancel: of an order the engine asked to cancel if any, else unsolicited. */
    record CancelConfirm(int pick) implements Step
    {
    }

    /** The operator resets a breaker, with or without the reason a reset needs. */
    record Reset(BreakerType type, boolean withReason) implements Step
    {
    }

    /** The operator's kill switch. */
    record Halt() implements Step
    {
    }

    /** A new order as it left on the outbound ring. */
    record Sent(long clOrdId, int instrument, Side side, boolean market, long quantity, long limitPrice)
    {
    }

    // ---------------------------------------------------------------------------------------------------------
    // The model.
    // ---------------------------------------------------------------------------------------------------------

    /**
     * The test's own book: last prices, positions, cash, working orders with their leaves, cancel requests and
     * breaker states. Money and values truncate toward zero like the wire's fixed point, so the book's figures
     * are the engine's to the unit, not merely close to them.
     */
    static final class Shadow
    {
        final long[] price = new long[INSTRUMENTS.size()];
        final long[] position = new long[INSTRUMENTS.size()];
        final Map<Long, Sent> working = new LinkedHashMap<>();
        final Map<Long, Long> leaves = new LinkedHashMap<>();
        final Set<Long> cancelRequested = new LinkedHashSet<>();
        final Map<BreakerType, BreakerState> breakers = new EnumMap<>(BreakerType.class);
        long cash;

        Shadow(final long cash)
        {
            this.cash = cash;
            for (final BreakerType type : BreakerType.values())
            {
                if (type != BreakerType.NULL_VAL)
                {
                    breakers.put(type, BreakerState.ACTIVE);
                }
            }
        }

        long equity()
        {
            long equity = cash;
            for (int i = 0; i < position.length; i++)
            {
                equity += notional(price[i], position[i]);
            }
            return equity;
        }

        long open(final int instrument, final Side side)
        {
            long open = 0;
            for (final Sent order : working.values())
            {
                if (order.instrument() == instrument && order.side() == side)
                {
                    open += leaves.get(order.clOrdId());
                }
            }
            return open;
        }

        /**
         * @return every worst-case exposure figure by name, with {@code buy} or {@code sell} more working on
         * {@code instrument}: positions (quantity and value) per instrument, value per sector, gross, and |net|
         * in the worse of all buys filling or all sells filling.
         */
        Map<String, Long> figures(final int instrument, final long buy, final long sell)
        {
            final Map<String, Long> figures = new LinkedHashMap<>();
            long netIfBuysFill = 0;
            long netIfSellsFill = 0;
            for (int i = 0; i < position.length; i++)
            {
                final long longSide = position[i] + open(i, Side.BUY) + (i == instrument ? buy : 0);
                final long shortSide = position[i] - open(i, Side.SELL) - (i == instrument ? sell : 0);
                final long worst = Math.max(Math.abs(longSide), Math.abs(shortSide));
                final long value = notional(price[i], worst);
                figures.put("position " + symbol(i), worst);
                figures.put("position value " + symbol(i), value);
                figures.merge("sector " + INSTRUMENTS.get(i).sector(), value, Long::sum);
                figures.merge("gross", value, Long::sum);
                netIfBuysFill += notional(price[i], longSide);
                netIfSellsFill += notional(price[i], shortSide);
            }
            figures.put("net", Math.max(Math.abs(netIfBuysFill), Math.abs(netIfSellsFill)));
            return figures;
        }

        /** @return each figure's allowance under {@code limits} at today's equity (none when equity is negative). */
        Map<String, Long> allowances(final RiskLimits limits)
        {
            final long equity = Math.max(0, equity());
            final Map<String, Long> allowances = new LinkedHashMap<>();
            for (int i = 0; i < position.length; i++)
            {
                allowances.put("position " + symbol(i), limits.maxPositionQuantity());
                allowances.put("position value " + symbol(i), share(equity, limits.maxPositionEquityPpm()));
                allowances.put("sector " + INSTRUMENTS.get(i).sector(), share(equity, limits.maxSectorEquityPpm()));
            }
            allowances.put("gross", share(equity, limits.maxGrossLeveragePpm()));
            allowances.put("net", share(equity, limits.maxNetExposurePpm()));
            return allowances;
        }

        BreakerState worst()
        {
            BreakerState worst = BreakerState.ACTIVE;
            for (final BreakerState state : breakers.values())
            {
                worst = state.value() > worst.value() ? state : worst;
            }
            return worst;
        }

        void sent(final Sent order)
        {
            working.put(order.clOrdId(), order);
            leaves.put(order.clOrdId(), order.quantity());
        }

        void fill(final Sent order, final long quantity, final long atPrice)
        {
            final long money = notional(atPrice, quantity);
            position[order.instrument()] += order.side() == Side.BUY ? quantity : -quantity;
            cash += order.side() == Side.BUY ? -money : money;
            final long left = leaves.get(order.clOrdId()) - quantity;
            if (left == 0)
            {
                remove(order.clOrdId());
            }
            else
            {
                leaves.put(order.clOrdId(), left);
            }
        }

        void remove(final long clOrdId)
        {
            working.remove(clOrdId);
            leaves.remove(clOrdId);
            cancelRequested.remove(clOrdId);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The session: the desk, its test venue and operator, and the invariants checked on every output.
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Plays each step into a {@link RiskDesk} and the {@link Shadow}, then checks each new output against the
     * book as it stood just before that output.
     */
    static final class Session
    {
        private final RiskLimits limits;
        private final RiskDesk desk;
        private final Shadow shadow = new Shadow(INITIAL_CASH);
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final NewOrderDecoder newOrder = new NewOrderDecoder();
        private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
        private final BreakerStateChangeDecoder breakerChange = new BreakerStateChangeDecoder();
        private final OperatorCommandResultDecoder commandResult = new OperatorCommandResultDecoder();
        private int seen;
        private Step step;

        Session(final RiskLimits limits, final BreakerLimits breakers)
        {
            this.limits = limits;
            this.desk = new RiskDesk(limits, breakers, INITIAL_CASH);
            desk.prices(START_PRICES[BTCUSD], START_PRICES[ETHUSD], START_PRICES[AAPL]);
            System.arraycopy(START_PRICES, 0, shadow.price, 0, START_PRICES.length);
            absorb();
        }

        void apply(final Step next)
        {
            step = next;
            final Map<BreakerType, BreakerState> before = new EnumMap<>(shadow.breakers);
            if (next instanceof Move move)
            {
                move(move);
            }
            else if (next instanceof Attempt attempt)
            {
                attempt(attempt);
            }
            else if (next instanceof Fill fill)
            {
                fill(fill);
            }
            else if (next instanceof CancelConfirm cancel)
            {
                confirmCancel(cancel);
            }
            else if (next instanceof Reset reset)
            {
                reset(reset, before.get(reset.type()));
            }
            else
            {
                desk.harness.command(OperatorCommandType.HALT, null, "drill");
                absorb();
            }
            assertBookMatchesEngine();
        }

        private void move(final Move move)
        {
            final int i = move.instrument();
            final long moved = shadow.price[i] + share(shadow.price[i], move.movePpm());
            final long price = Math.max(TICK, moved - moved % TICK);
            shadow.price[i] = price;
            desk.harness.advance(move.advanceSeconds() * SECOND_NS).trade(i, price, LOT);
            absorb();
        }

        private void attempt(final Attempt attempt)
        {
            final int i = attempt.instrument();
            final long lot = INSTRUMENTS.get(i).lotSize();
            final long held = shadow.position[i];
            final Side side;
            final long wanted;
            if (attempt.againstPosition() && held != 0)
            {
                side = held > 0 ? Side.SELL : Side.BUY;
                wanted = share(Math.abs(held), attempt.sizePpm());
            }
            else
            {
                side = attempt.side();
                final long value = share(Math.max(0, shadow.equity()), attempt.sizePpm());
                wanted = mulDiv(value, Fixed.QUANTITY_SCALE, shadow.price[i]);
            }
            final long quantity = Math.max(lot, wanted - wanted % lot);
            final long result;
            if (attempt.market())
            {
                result = desk.market(i, side, quantity);
            }
            else
            {
                final long away = shadow.price[i] + share(shadow.price[i], attempt.offsetPpm());
                result = desk.limit(i, side, quantity, Math.max(TICK, away - away % TICK));
            }
            Statistics.label(EVENTS).collect(result > 0 ? "sent" : "refused " + RiskDesk.reason(result));
            absorb();
            if (result > 0 && attempt.market())
            {
                // The test venue fills a market order at once at the reference price, without fee.
                fillAtMarket(shadow.working.get(result), quantity);
            }
        }

        private void fill(final Fill fill)
        {
            final List<Sent> open = List.copyOf(shadow.working.values());
            if (open.isEmpty())
            {
                return;
            }
            final Sent order = open.get(fill.pick() % open.size());
            final long lot = INSTRUMENTS.get(order.instrument()).lotSize();
            final long leaves = shadow.leaves.get(order.clOrdId());
            final long part = share(leaves, fill.partPpm());
            fillAtMarket(order, Math.min(leaves, Math.max(lot, part - part % lot)));
        }

        private void fillAtMarket(final Sent order, final long quantity)
        {
            final long price = shadow.price[order.instrument()];
            final long leavesAfter = shadow.leaves.get(order.clOrdId()) - quantity;
            shadow.fill(order, quantity, price);
            desk.harness.filled(order.clOrdId(), order.instrument(), order.side(), price, quantity, leavesAfter, 0);
            absorb();
        }

        private void confirmCancel(final CancelConfirm cancel)
        {
            final List<Long> candidates = List.copyOf(shadow.cancelRequested.isEmpty() ?
                shadow.working.keySet() : shadow.cancelRequested);
            if (candidates.isEmpty())
            {
                return;
            }
            final Sent order = shadow.working.get(candidates.get(cancel.pick() % candidates.size()));
            final long leaves = shadow.leaves.get(order.clOrdId());
            shadow.remove(order.clOrdId());
            desk.harness.cancelled(order.clOrdId(), order.instrument(), leaves);
            absorb();
        }

        private void reset(final Reset reset, final BreakerState stateBefore)
        {
            desk.harness.command(OperatorCommandType.RESET_BREAKER, reset.type(), reset.withReason() ? "reviewed" : "");
            absorb();
            if (reset.withReason() && stateBefore != BreakerState.ACTIVE)
            {
                assertThat(shadow.breakers.get(reset.type()))
                    .as("a reset with a reason returns the tripped %s breaker to ACTIVE", reset.type())
                    .isEqualTo(BreakerState.ACTIVE);
            }
        }

        /** Checks and books every output the last input produced, in order. */
        private void absorb()
        {
            final List<LogicHarness.Output> outputs = desk.harness.outputs();
            for (; seen < outputs.size(); seen++)
            {
                final LogicHarness.Output output = outputs.get(seen);
                switch (output.templateId())
                {
                    case NewOrderDecoder.TEMPLATE_ID -> onNewOrder(output);
                    case CancelOrderDecoder.TEMPLATE_ID -> onCancelOrder(output);
                    case BreakerStateChangeDecoder.TEMPLATE_ID -> onBreakerChange(output);
                    case OperatorCommandResultDecoder.TEMPLATE_ID -> onCommandResult(output);
                    default ->
                    {
                    }
                }
            }
        }

        private void onNewOrder(final LogicHarness.Output output)
        {
            newOrder.wrapAndApplyHeader(output.buffer(), 0, header);
            final Sent order = new Sent(newOrder.clOrdId(), newOrder.instrumentId(), newOrder.side(),
                newOrder.ordType() == OrdType.MARKET, newOrder.quantity(), newOrder.limitPrice());
            Statistics.label(EVENTS).collect("sent while " + shadow.worst());
            assertWithinLimits(order);
            assertAllowedByBreakers(order);
            shadow.sent(order);
        }

        /**
         * The order's notional is at most the order limit; and every exposure figure the order raises stays
         * within its allowance (a figure already past it may only be lowered).
         */
        private void assertWithinLimits(final Sent order)
        {
            final long price = order.market() ? shadow.price[order.instrument()] : order.limitPrice();
            assertThat(notional(price, order.quantity()))
                .as("notional of %s at %d", order, price)
                .isLessThanOrEqualTo(limits.maxOrderNotional());

            final long buy = order.side() == Side.BUY ? order.quantity() : 0;
            final long sell = order.side() == Side.SELL ? order.quantity() : 0;
            final Map<String, Long> before = shadow.figures(order.instrument(), 0, 0);
            final Map<String, Long> after = shadow.figures(order.instrument(), buy, sell);
            final Map<String, Long> allowed = shadow.allowances(limits);
            boolean overALimit = false;
            for (final Map.Entry<String, Long> figure : after.entrySet())
            {
                final String name = figure.getKey();
                if (figure.getValue() > before.get(name))
                {
                    assertThat(figure.getValue())
                        .as("%s raised from %d by %s past its limit, equity %d, book %s", name, before.get(name),
                            order, shadow.equity(), describe())
                        .isLessThanOrEqualTo(allowed.get(name));
                }
                overALimit |= before.get(name) > allowed.get(name);
            }
            if (overALimit)
            {
                Statistics.label(EVENTS).collect("sent over a limit");
            }
        }

        /** Nothing goes while HALTED; while REDUCING only what reduces a position, net of open reductions. */
        private void assertAllowedByBreakers(final Sent order)
        {
            final BreakerState worst = shadow.worst();
            assertThat(worst).as("%s sent while breakers are %s", order, shadow.breakers)
                .isNotEqualTo(BreakerState.HALTED);
            if (worst == BreakerState.REDUCING)
            {
                final long held = shadow.position[order.instrument()];
                final Side reducing = held > 0 ? Side.SELL : Side.BUY;
                assertThat(held).as("%s sent in REDUCING without a position to reduce", order).isNotZero();
                assertThat(order.side()).as("%s sent in REDUCING against a position of %d", order, held)
                    .isEqualTo(reducing);
                assertThat(order.quantity())
                    .as("%s sent in REDUCING: position %d, already reducing %d", order, held,
                        shadow.open(order.instrument(), reducing))
                    .isLessThanOrEqualTo(Math.abs(held) - shadow.open(order.instrument(), reducing));
            }
        }

        private void onCancelOrder(final LogicHarness.Output output)
        {
            cancelOrder.wrapAndApplyHeader(output.buffer(), 0, header);
            if (shadow.working.containsKey(cancelOrder.origClOrdId()))
            {
                shadow.cancelRequested.add(cancelOrder.origClOrdId());
            }
        }

        /** A change starts from the state the book knows; a return to ACTIVE only answers a reset with a reason. */
        private void onBreakerChange(final LogicHarness.Output output)
        {
            breakerChange.wrapAndApplyHeader(output.buffer(), 0, header);
            final BreakerType type = breakerChange.breakerType();
            final BreakerState to = breakerChange.toState();
            assertThat(breakerChange.fromState()).as("%s changed from", type).isEqualTo(shadow.breakers.get(type));
            if (to == BreakerState.ACTIVE)
            {
                assertThat(step).as("%s returned to ACTIVE", type).isEqualTo(new Reset(type, true));
            }
            Statistics.label(EVENTS).collect(type + " " + breakerChange.fromState() + "->" + to);
            shadow.breakers.put(type, to);
        }

        private void onCommandResult(final LogicHarness.Output output)
        {
            commandResult.wrapAndApplyHeader(output.buffer(), 0, header);
            if (step instanceof Reset reset)
            {
                final CommandResult result = commandResult.result();
                Statistics.label(EVENTS).collect((reset.withReason() ? "reset with reason " : "reset without reason ") +
                    result);
                if (!reset.withReason())
                {
                    assertThat(result).as("a reset without a reason").isEqualTo(CommandResult.REFUSED_NO_REASON);
                }
            }
        }

        /** The book must agree with the engine's public figures, or the invariants above would judge nonsense. */
        private void assertBookMatchesEngine()
        {
            final BusinessLogic logic = desk.harness.logic();
            for (int i = 0; i < shadow.position.length; i++)
            {
                assertThat(logic.portfolio().position(i)).as("position of %s", symbol(i))
                    .isEqualTo(shadow.position[i]);
            }
            assertThat(logic.portfolio().cash()).as("cash").isEqualTo(shadow.cash);
            assertThat(logic.portfolio().equity()).as("equity").isEqualTo(shadow.equity());
            assertThat(logic.workingOrders()).as("working orders").isEqualTo(shadow.working.size());
            shadow.breakers.forEach((type, state) ->
                assertThat(logic.breakerState(type)).as("state of %s", type).isEqualTo(state));
        }

        private String describe()
        {
            final StringBuilder text = new StringBuilder();
            for (int i = 0; i < shadow.position.length; i++)
            {
                text.append(symbol(i)).append(" pos ").append(shadow.position[i]).append(" @").append(shadow.price[i])
                    .append(" +").append(shadow.open(i, Side.BUY)).append('/').append('-')
                    .append(shadow.open(i, Side.SELL)).append("; ");
            }
            return text.append("cash ").append(shadow.cash).toString();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Generators.
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Defaults-like limits with the flow checks relaxed, so that most orders get as far as the exposure checks.
     * Each exposure limit is drawn either tight (it binds at the desk's sizes) or loose, so that every check in
     * the chain, not only the first, gets to refuse orders.
     */
    @Provide
    Arbitrary<RiskLimits> tightLimits()
    {
        final RiskLimits loose = RiskLimits.permissive();
        return Combinators.combine(
            tightOrLoose(Arbitraries.longs().between(20_000, 500_000), loose.maxPositionEquityPpm()),
            tightOrLoose(Arbitraries.longs().between(1, 3_000).map(units -> units * BTC), loose.maxPositionQuantity()),
            tightOrLoose(Arbitraries.longs().between(20_000, 800_000), loose.maxSectorEquityPpm()),
            tightOrLoose(Arbitraries.longs().between(10_000, 300_000).map(dollars -> dollars * USD),
                loose.maxOrderNotional()),
            tightOrLoose(Arbitraries.longs().between(50_000, 1_500_000), loose.maxGrossLeveragePpm()),
            tightOrLoose(Arbitraries.longs().between(20_000, 1_000_000), loose.maxNetExposurePpm()),
            Arbitraries.of(true, false))
            .as((positionPpm, positionQuantity, sectorPpm, orderNotional, grossPpm, netPpm, buyingPower) ->
                new RiskLimits(PPM, positionPpm, positionQuantity, sectorPpm, orderNotional, 1,
                    1_000_000 * Fixed.QUANTITY_SCALE, grossPpm, netPpm, Integer.MAX_VALUE, 0, 100_000, 0, PPM,
                    ParticipationMode.REJECT, buyingPower, 10));
    }

    private static Arbitrary<Long> tightOrLoose(final Arbitrary<Long> tight, final long loose)
    {
        return Arbitraries.frequencyOf(Tuple.of(1, tight), Tuple.of(1, Arbitraries.just(loose)));
    }

    @Provide
    Arbitrary<List<Step>> ordersAndPrices()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(3, moves(-30_000, 30_000)),
            Tuple.of(5, attempts()),
            Tuple.of(2, reductions()),
            Tuple.of(2, fills()),
            Tuple.of(1, cancels()))
            .list().ofMinSize(50).ofMaxSize(250).withSizeDistribution(RandomDistribution.uniform());
    }

    /** Drawdown and market-move breakers on, each tripping to a drawn state at a drawn threshold. */
    @Provide
    Arbitrary<BreakerLimits> breakerLimits()
    {
        final Arbitrary<BreakerRule> rule = Combinators.combine(
            Arbitraries.of(BreakerState.REDUCING, BreakerState.HALTED), Arbitraries.of(true, false))
            .as((tripTo, cancel) -> new BreakerRule(true, tripTo, cancel));
        final BreakerLimits off = BreakerLimits.off();
        return Combinators.combine(rule, Arbitraries.longs().between(10_000, 100_000), rule,
            Arbitraries.longs().between(30_000, 150_000))
            .as((drawdown, drawdownPpm, marketMove, marketMovePpm) -> new BreakerLimits(
                drawdown, drawdownPpm,
                off.dailyLoss(), off.dailyLossMoney(), off.dailyLossPpm(),
                off.orderRate(), off.orderRateCount(), off.orderRateWindowNs(),
                off.venueRejects(), off.venueRejectCount(), off.venueRejectWindowNs(),
                off.staleData(), off.instrumentStaleNs(), off.feedStaleNs(), off.barIntervalNs(),
                off.staleBarIntervals(), marketMove, marketMovePpm, off.marketMoveWindowNs()));
    }

    @Provide
    Arbitrary<List<Step>> crashesAndResets()
    {
        final Arbitrary<Step> resets = Combinators.combine(
            Arbitraries.of(BreakerType.DRAWDOWN, BreakerType.MARKET_MOVE, BreakerType.KILL_SWITCH),
            Arbitraries.frequency(Tuple.of(2, true), Tuple.of(1, false)))
            .as(Reset::new);
        return Arbitraries.frequencyOf(
            Tuple.of(6, moves(-30_000, 30_000)),
            Tuple.of(2, moves(-150_000, -50_000)),
            Tuple.of(1, moves(50_000, 150_000)),
            Tuple.of(6, attempts()),
            Tuple.of(4, reductions()),
            Tuple.of(2, fills()),
            Tuple.of(2, cancels()),
            Tuple.of(4, resets),
            Tuple.of(1, Arbitraries.just(new Halt())))
            .list().ofMinSize(50).ofMaxSize(250).withSizeDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<Step> moves(final int fromPpm, final int toPpm)
    {
        return Combinators.combine(instruments(), Arbitraries.integers().between(fromPpm, toPpm),
            Arbitraries.integers().between(0, 20)).as(Move::new);
    }

    /** Orders of 0.1 % to 30 % of equity, either side, priced mostly inside the collar. */
    private static Arbitrary<Step> attempts()
    {
        final Arbitrary<Integer> offsets = Arbitraries.frequencyOf(
            Tuple.of(9, Arbitraries.integers().between(-100_000, 100_000)),
            Tuple.of(1, Arbitraries.integers().between(-200_000, 200_000)));
        return Combinators.combine(instruments(), Arbitraries.of(Side.BUY, Side.SELL), Arbitraries.of(true, false),
            Arbitraries.integers().between(1_000, 300_000), offsets)
            .as((instrument, side, market, sizePpm, offsetPpm) ->
                new Attempt(instrument, side, market, sizePpm, offsetPpm, false));
    }

    /** Orders against the position, 10 % to 130 % of it: the ones a limit or a breaker must still let through. */
    private static Arbitrary<Step> reductions()
    {
        return Combinators.combine(instruments(), Arbitraries.of(true, false),
            Arbitraries.integers().between(100_000, 1_300_000), Arbitraries.integers().between(-50_000, 50_000))
            .as((instrument, market, sizePpm, offsetPpm) ->
                new Attempt(instrument, Side.BUY, market, sizePpm, offsetPpm, true));
    }

    private static Arbitrary<Step> fills()
    {
        return Combinators.combine(Arbitraries.integers().between(0, 1_000),
            Arbitraries.integers().between(1, (int)PPM)).as(Fill::new);
    }

    private static Arbitrary<Step> cancels()
    {
        return Arbitraries.integers().between(0, 1_000).map(CancelConfirm::new);
    }

    private static Arbitrary<Integer> instruments()
    {
        return Arbitraries.integers().between(0, INSTRUMENTS.size() - 1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Arithmetic of the book, in BigInteger so that it shares no code with the engine's fixed point.
    // ---------------------------------------------------------------------------------------------------------

    /** @return price x quantity in money units, truncated toward zero. */
    static long notional(final long price, final long quantity)
    {
        return mulDiv(price, quantity, Fixed.QUANTITY_SCALE);
    }

    /** @return {@code ppm} parts per million of {@code amount}, truncated toward zero. */
    static long share(final long amount, final long ppm)
    {
        return mulDiv(amount, ppm, PPM);
    }

    static long mulDiv(final long a, final long b, final long c)
    {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    private static String symbol(final int instrument)
    {
        return INSTRUMENTS.get(instrument).symbol();
    }
}
