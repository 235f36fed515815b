package io.ringwall.engine.ring;

import java.nio.file.Path;
import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.TimerTickDecoder;
import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;
import io.ringwall.engine.marketdata.SyntheticTradeSource;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producers other than market data reach the logic through the inbound ring and the journal: an
 * operator's HALT from its own publisher, and wall-clock timer ticks.
 */
class ProducersTest
{
    @TempDir
    Path dir;

    @Test
    void anOperatorHaltFromItsOwnProducerIsJournaledAndStopsNewOrders()
    {
        final RunSummary summary;
        try (Engine engine = new Engine(EngineFixtures.recorded(dir, EngineFixtures.MA)))
        {
            final InboundPublisher operator = engine.newPublisher();
            final SyntheticTradeSource trades = new SyntheticTradeSource(0, 20_000, 3, 1_700_000_000_000_000_000L, 1_000_000);
            summary = engine.run(new MarketDataSource()
            {
                @Override
                public SourceStats run(final MarketDataSink sink)
                {
                    return trades.run(new MarketDataSink()
                    {
                        @Override
                        public void trade(final int instrumentId, final long tradeId, final long price,
                            final long quantity, final long exchangeTimeNs)
                        {
                            if (tradeId == 10_000)
                            {
                                operator.operatorCommand(exchangeTimeNs, OperatorCommandType.HALT, null, 0, "test",
                                    "drill");
                            }
                            sink.trade(instrumentId, tradeId, price, quantity, exchangeTimeNs);
                        }

                        @Override
                        public void bar(final int instrumentId, final long open, final long high, final long low,
                            final long close, final long volume, final long startTimeNs, final long durationNs)
                        {
                            sink.bar(instrumentId, open, high, low, close, volume, startTimeNs, durationNs);
                        }
                    });
                }

                @Override
                public String describe()
                {
                    return "trades with a halt";
                }
            });
        }
        assertThat(summary.counters().operatorInputs).isEqualTo(1);
        assertThat(summary.counters().riskRejects(RiskRejectReason.TRADING_HALTED)).isPositive();

        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        boolean halted = false;
        for (final JournalDump.Entry entry : JournalDump.outputs(dir))
        {
            final UnsafeBuffer frame = new UnsafeBuffer(entry.frame());
            final int template = header.wrap(frame, 0).templateId();
            if (template == BreakerStateChangeDecoder.TEMPLATE_ID)
            {
                assertThat(new BreakerStateChangeDecoder().wrapAndApplyHeader(frame, 0, header).toState())
                    .isEqualTo(BreakerState.HALTED);
                halted = true;
            }
            assertThat(halted && template == NewOrderDecoder.TEMPLATE_ID).as("no order after the halt").isFalse();
            if (template == RiskRejectDecoder.TEMPLATE_ID)
            {
                assertThat(halted).isTrue();
            }
        }
        assertThat(halted).isTrue();
    }

    @Test
    void wallClockTimersTickWithoutMarketData()
    {
        final EngineConfig base = EngineFixtures.freeRunning(dir);
        final EngineConfig config = new EngineConfig(dir, base.logic(), base.ring(), ClockMode.WALL, false,
            20_000_000L, 0);
        try (Engine engine = new Engine(config))
        {
            engine.run(new MarketDataSource()
            {
                @Override
                public SourceStats run(final MarketDataSink sink)
                {
                    // no market data for a while: only the timer thread produces
                    final long until = System.nanoTime() + 300_000_000L;
                    while (System.nanoTime() < until)
                    {
                        java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
                    }
                    return new SourceStats(0, 0, 0);
                }

                @Override
                public String describe()
                {
                    return "silence";
                }
            });
        }
        final List<JournalDump.Entry> inputs = JournalDump.inputs(dir);
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(3)
            .allMatch(e -> header.wrap(new UnsafeBuffer(e.frame()), 0).templateId() == TimerTickDecoder.TEMPLATE_ID);
    }
}
