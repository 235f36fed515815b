package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;
import io.ringwall.journal.StateViewMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state view: a running engine publishes positions, working orders and breakers to a Chronicle Map that
 * another handle (as another process would) reads while it runs; the final view equals the logic's state.
 */
class StateViewTest
{
    private static final long PRICE = 100 * Fixed.PRICE_SCALE;

    @TempDir
    Path dir;

    /** Rests a limit buy far below the market, then buys at market: one position, one working order. */
    public static final class RestAndBuy implements Strategy
    {
        private StrategyContext context;
        private int trades;

        public RestAndBuy(final StrategyParameters parameters)
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
            trades++;
            if (trades == 5)
            {
                context.submitLimit(trade.instrumentId(), Side.BUY, Fixed.QUANTITY_SCALE / 10, trade.price() * 9 / 10,
                    TimeInForce.GTC);
            }
            else if (trades == 10)
            {
                context.submitMarket(trade.instrumentId(), Side.BUY, Fixed.QUANTITY_SCALE / 5);
            }
        }
    }

    @Test
    void anotherReaderSeesTheRunningEnginesPositionsOrdersAndBreakersAndTheFinalViewMatchesTheLogic() throws Exception
    {
        final Path session = dir.resolve("session");
        final FlatTradesUntilStopped source = new FlatTradesUntilStopped();
        try (Engine engine = new Engine(EngineFixtures.recorded(session, RestAndBuy.class.getName())))
        {
            final Thread run = new Thread(() -> source.summary = engine.run(source), "paper-session");
            run.start();
            final Map<String, String> live;
            final String status;
            try
            {
                live = awaitView(Engine.stateViewFile(session));
                status = cli("status", "--journal", session.toString());
            }
            finally
            {
                source.stop.set(true);
                run.join(30_000);
            }
            assertThat(source.summary.failure()).isNull();

            assertThat(StatusCommand.fields(live.get("engine"))).containsEntry("state", "RUNNING");
            assertThat(StatusCommand.fields(live.get("position/BTCUSD")))
                .containsEntry("quantity", Long.toString(Fixed.QUANTITY_SCALE / 5));
            assertThat(ordersOf(live).values()).singleElement().satisfies(order -> assertThat(StatusCommand.fields(order))
                .containsEntry("instrument", "BTCUSD").containsEntry("side", "BUY").containsEntry("type", "LIMIT")
                .containsEntry("status", "ACCEPTED").containsEntry("limitPrice", Long.toString(PRICE * 9 / 10)));
            assertThat(StatusCommand.fields(live.get("breaker/KILL_SWITCH"))).containsEntry("state", "ACTIVE");
            assertThat(status).contains("engine        RUNNING").containsPattern("(?m)^BTCUSD +0\\.2 ")
                .containsPattern("(?m)^\\d+ +BTCUSD +BUY +LIMIT +ACCEPTED +0\\.1 ")
                .contains("1 working order shown of 1").containsPattern("(?m)^DRAWDOWN +ACTIVE +0$");

            // After the run: the final view, read through a fresh handle, is the logic's state.
            final Map<String, String> last;
            try (StateViewMap reader = StateViewMap.openReader(Engine.stateViewFile(session)))
            {
                last = reader.snapshot();
            }
            final BusinessLogic logic = engine.logic();
            assertThat(StatusCommand.fields(last.get("engine"))).containsEntry("state", "STOPPED")
                .containsEntry("inputs", Long.toString(logic.counters().inputs))
                .containsEntry("equity", Long.toString(logic.portfolio().equity()));
            assertThat(StatusCommand.fields(last.get("position/BTCUSD")))
                .containsEntry("quantity", Long.toString(logic.portfolio().position(0)))
                .containsEntry("costBasis", Long.toString(logic.portfolio().costBasis(0)));
            final Map<String, String> expectedOrders = new TreeMap<>();
            logic.forEachWorkingOrder((clOrdId, instrumentId, side, ordType, quantity, filled, limitPrice, stopPrice,
                orderStatus) -> expectedOrders.put("order/" + clOrdId, "status=" + orderStatus + " quantity=" + quantity));
            assertThat(expectedOrders).hasSize(1);
            final Map<String, String> actualOrders = new TreeMap<>();
            ordersOf(last).forEach((key, value) -> actualOrders.put(key, "status=" +
                StatusCommand.fields(value).get("status") + " quantity=" + StatusCommand.fields(value).get("quantity")));
            assertThat(actualOrders).isEqualTo(expectedOrders);
            for (final BreakerType type : BreakerType.values())
            {
                if (type != BreakerType.NULL_VAL)
                {
                    assertThat(StatusCommand.fields(last.get("breaker/" + type.name())))
                        .containsEntry("state", logic.breakerState(type).name())
                        .containsEntry("trips", Long.toString(logic.counters().breakerTrips(type)));
                }
            }
        }
    }

    @Test
    void statusOnAMissingViewExitsTwoAndSaysWhere()
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code = RingwallCli.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), "status", "--journal", dir.toString());
        assertThat(code).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no state view at").contains("state-view.cm3");
    }

    /** Polls with its own handle until the view shows the running engine with its position and order. */
    private static Map<String, String> awaitView(final Path file)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, String> seen = Map.of();
        while (System.nanoTime() < deadline)
        {
            try (StateViewMap reader = StateViewMap.openReader(file))
            {
                seen = reader.snapshot();
            }
            catch (final IllegalArgumentException | IllegalStateException notYet)
            {
                seen = Map.of();
            }
            final String position = seen.get("position/BTCUSD");
            if (seen.getOrDefault("engine", "").contains("state=RUNNING") && position != null &&
                !position.startsWith("quantity=0 ") && ordersOf(seen).size() == 1)
            {
                return seen;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("the state view never showed the running engine's position and order: " + seen);
    }

    private static Map<String, String> ordersOf(final Map<String, String> view)
    {
        final Map<String, String> orders = new TreeMap<>();
        view.forEach((key, value) ->
        {
            if (key.startsWith("order/"))
            {
                orders.put(key, value);
            }
        });
        return orders;
    }

    private static String cli(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code = RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Flat trades at 100, one a second of event time, until told to stop (every 2 ms of wall time). */
    private static final class FlatTradesUntilStopped implements MarketDataSource
    {
        final AtomicBoolean stop = new AtomicBoolean();
        volatile RunSummary summary;

        @Override
        public SourceStats run(final MarketDataSink sink)
        {
            long count = 0;
            while (!stop.get() && count < 100_000)
            {
                count++;
                sink.trade(0, count, PRICE, 10 * Fixed.QUANTITY_SCALE, 1_700_000_000_000_000_000L + count * 1_000_000_000L);
                LockSupport.parkNanos(2_000_000);
            }
            return new SourceStats(count, count, 0);
        }

        @Override
        public String describe()
        {
            return "flat trades until stopped";
        }
    }
}
