package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.config.ConfigLoader;
import io.ringwall.engine.config.LoadedConfig;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.market.CostModel;
import io.ringwall.engine.market.MarketModel;
import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.engine.ring.RingConfig;
import io.ringwall.engine.ring.WaitMode;
import io.ringwall.engine.strategy.OrderEvent;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole engine on a price path that crashes: the drawdown breaker trips and halts, the resting order
 * is cancelled at the venue, later signals are refused, a reset without a reason is refused, a reset with
 * one resumes trading, and the session's journal replays identically.
 */
class RiskEndToEndTest
{
    private static final long USD = Fixed.PRICE_SCALE;
    private static final long BTC = Fixed.QUANTITY_SCALE;
    private static final long SECOND = 1_000_000_000L;
    private static final long START = 1_700_000_000L * SECOND;

    /** Holds 90 BTC and keeps one limit buy resting 5 % under the market. */
    public static final class DipBuyer implements Strategy
    {
        private StrategyContext context;
        private boolean invested;
        private long restingId;

        public DipBuyer(final StrategyParameters parameters)
        {
        }

        @Override
        public void onStart(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onTrade(final TradeEvent trade)
        {
            if (!invested)
            {
                invested = context.setTargetPosition(trade.instrumentId(), 90 * BTC) > 0;
            }
            if (restingId <= 0)
            {
                // A take-profit 5 % above the market: the crash never reaches it, so it rests until cancelled.
                final long price = trade.price() * 105 / 100 / 100 * 100;
                restingId = context.submitLimit(trade.instrumentId(), Side.SELL, BTC, price, TimeInForce.GTC);
            }
        }

        @Override
        public void onOrderEvent(final OrderEvent event)
        {
            if (event.clOrdId() == restingId && event.type() == OrderEvent.Type.CANCELLED)
            {
                restingId = 0;
            }
        }
    }

    /** 60 s flat at 1,000, a crash to 700, then the operator's resets, then 30 s flat. */
    private static final class CrashWithResets implements MarketDataSource
    {
        /** Large enough that the venue fills the 90 BTC target against one print. */
        private static final long TRADE_QUANTITY = 1_000 * BTC;

        private final InboundPublisher operator;

        CrashWithResets(final InboundPublisher operator)
        {
            this.operator = operator;
        }

        @Override
        public SourceStats run(final MarketDataSink sink)
        {
            long time = START;
            long tradeId = 0;
            for (int i = 0; i < 60; i++)
            {
                sink.trade(0, ++tradeId, 1_000 * USD, TRADE_QUANTITY, time += SECOND);
            }
            for (long price = 998; price >= 700; price -= 2)
            {
                sink.trade(0, ++tradeId, price * USD, TRADE_QUANTITY, time += SECOND);
            }
            operator.operatorCommand(time, OperatorCommandType.RESET_BREAKER, BreakerType.DRAWDOWN, 0, "alice", "");
            sink.trade(0, ++tradeId, 700 * USD, TRADE_QUANTITY, time += SECOND);
            operator.operatorCommand(time, OperatorCommandType.RESET_BREAKER, BreakerType.DRAWDOWN, 0, "alice",
                "crash reviewed with the risk desk");
            for (int i = 0; i < 30; i++)
            {
                sink.trade(0, ++tradeId, 700 * USD, TRADE_QUANTITY, time += SECOND);
            }
            return new SourceStats(tradeId, tradeId, 0);
        }

        @Override
        public String describe()
        {
            return "a crash from 1,000 to 700";
        }
    }

    @TempDir
    Path dir;

    @Test
    void aCrashHaltsOnDrawdownCancelsRefusesAndResumesOnlyAfterAReasonedReset()
    {
        final LoadedConfig limits = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", Map.of(
            "RINGWALL_BREAKERS_DRAWDOWN_THRESHOLD", "0.02",
            "RINGWALL_BREAKERS_MARKET_MOVE_ENABLED", "false",
            "RINGWALL_RISK_MAX_ORDER_NOTIONAL", "100000"));
        final Path session = dir.resolve("session");
        final EngineConfig config = new EngineConfig(session,
            new LogicConfig(limits.instruments(), List.of(DipBuyer.class.getName()), LogicConfig.DEFAULT_INITIAL_CASH,
                64, limits.risk(), limits.breakers(),
                // The figures below are worked out for fills of the whole order at the last trade, 10 bp fee.
                MarketModel.frictionless().withCosts(CostModel.commissionBps(10))),
            RingConfig.ofSize(1 << 12, WaitMode.YIELDING), ClockMode.DATA, true,
            0, 0);
        final RunSummary summary;
        try (Engine engine = new Engine(config))
        {
            summary = engine.run(new CrashWithResets(engine.newPublisher()));
        }
        assertThat(summary.failure()).isNull();

        final List<JournalDump.Entry> outputs = JournalDump.outputs(session);
        final int trip = indexOf(outputs, BreakerStateChangeDecoder.TEMPLATE_ID, 0);
        final BreakerStateChangeDecoder tripped = breakerChange(outputs.get(trip));
        assertThat(tripped.breakerType()).isEqualTo(BreakerType.DRAWDOWN);
        assertThat(tripped.toState()).isEqualTo(BreakerState.HALTED);
        // 90 BTC bought at 1,000 with a 90 fee: at 780 the loss is 19,890 (1.989 %), at 778 it is 20,070
        assertThat(tripped.observedValue()).isEqualTo(20_070);
        assertThat(tripped.thresholdValue()).isEqualTo(20_000);

        // before the trip: the 90 BTC and the resting limit sell went out
        final List<JournalDump.Entry> before = outputs.subList(0, trip);
        assertThat(before.stream().filter(e -> e.templateId() == NewOrderDecoder.TEMPLATE_ID)
            .map(e -> newOrder(e).ordType())).contains(OrdType.MARKET, OrdType.LIMIT);

        // the trip cancels the resting order, and the venue confirms it
        final CancelOrderDecoder cancel = new CancelOrderDecoder().wrapAndApplyHeader(
            new UnsafeBuffer(outputs.get(trip + 1).frame()), 0, new MessageHeaderDecoder());
        assertThat(outputs.get(trip + 1).templateId()).isEqualTo(CancelOrderDecoder.TEMPLATE_ID);
        assertThat(JournalDump.inputs(session).stream().filter(e -> e.templateId() == OrderCancelledDecoder.TEMPLATE_ID)
            .map(e -> new OrderCancelledDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                new MessageHeaderDecoder()).clOrdId())).containsExactly(cancel.origClOrdId());

        // while halted, every signal is refused; the reset without a reason changes nothing
        final int firstResult = indexOf(outputs, OperatorCommandResultDecoder.TEMPLATE_ID, trip);
        final List<JournalDump.Entry> halted = outputs.subList(trip + 2, firstResult);
        assertThat(halted).isNotEmpty().allMatch(e -> e.templateId() == RiskRejectDecoder.TEMPLATE_ID &&
            riskReject(e).reason() == RiskRejectReason.TRADING_HALTED);
        assertThat(commandResult(outputs.get(firstResult))).isEqualTo(CommandResult.REFUSED_NO_REASON);
        final int secondResult = indexOf(outputs, OperatorCommandResultDecoder.TEMPLATE_ID, firstResult + 1);
        assertThat(outputs.subList(firstResult + 1, secondResult - 1)).isNotEmpty().allMatch(e ->
            e.templateId() == RiskRejectDecoder.TEMPLATE_ID);

        // the reasoned reset: back to ACTIVE, then the strategy's take-profit goes out again, 5 % above 700
        final BreakerStateChangeDecoder reset = breakerChange(outputs.get(secondResult - 1));
        assertThat(reset.toState()).isEqualTo(BreakerState.ACTIVE);
        assertThat(commandResult(outputs.get(secondResult))).isEqualTo(CommandResult.APPLIED);
        final JournalDump.Entry resumed = outputs.get(secondResult + 1);
        assertThat(resumed.templateId()).isEqualTo(NewOrderDecoder.TEMPLATE_ID);
        assertThat(newOrder(resumed).limitPrice()).isEqualTo(735 * USD);

        // the whole session replays identically, and the post-mortem tool tells the story
        assertThat(new ReplayVerifier().verify(session).identical()).isTrue();
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        assertThat(RingwallCli.execute(new PrintStream(text, true, StandardCharsets.UTF_8), System.err,
            "risk-events", "--journal", session.toString())).isZero();
        assertThat(text.toString(StandardCharsets.UTF_8))
            .contains("DRAWDOWN: ACTIVE -> HALTED")
            .contains("TRADING_HALTED")
            .contains("REFUSED_NO_REASON")
            .contains("DRAWDOWN: HALTED -> ACTIVE")
            .contains("crash reviewed with the risk desk");
    }

    private static int indexOf(final List<JournalDump.Entry> entries, final int templateId, final int from)
    {
        for (int i = from; i < entries.size(); i++)
        {
            if (entries.get(i).templateId() == templateId)
            {
                return i;
            }
        }
        throw new AssertionError("no frame of template " + templateId + " after output index " + from);
    }

    private static BreakerStateChangeDecoder breakerChange(final JournalDump.Entry entry)
    {
        assertThat(entry.templateId()).isEqualTo(BreakerStateChangeDecoder.TEMPLATE_ID);
        return new BreakerStateChangeDecoder().wrapAndApplyHeader(new UnsafeBuffer(entry.frame()), 0,
            new MessageHeaderDecoder());
    }

    private static NewOrderDecoder newOrder(final JournalDump.Entry entry)
    {
        return new NewOrderDecoder().wrapAndApplyHeader(new UnsafeBuffer(entry.frame()), 0, new MessageHeaderDecoder());
    }

    private static RiskRejectDecoder riskReject(final JournalDump.Entry entry)
    {
        return new RiskRejectDecoder().wrapAndApplyHeader(new UnsafeBuffer(entry.frame()), 0, new MessageHeaderDecoder());
    }

    private static CommandResult commandResult(final JournalDump.Entry entry)
    {
        assertThat(entry.templateId()).isEqualTo(OperatorCommandResultDecoder.TEMPLATE_ID);
        return new OperatorCommandResultDecoder().wrapAndApplyHeader(new UnsafeBuffer(entry.frame()), 0,
            new MessageHeaderDecoder()).result();
    }
}
