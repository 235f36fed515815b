package io.ringwall.engine;

import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.engine.ring.Pipeline;
import org.agrona.concurrent.IdleStrategy;

/**
 * The market-data producer's side of ingress: paces the adapter, stamps engine time, emits timer ticks when engine time crosses a period boundary, publishes
 * onto the inbound ring and, in lock-step, waits for the pipeline to go quiet.
 */
final class MarketDataFeed implements MarketDataSink
{
    static final int TIMER_ID = 1;

    private final Pipeline pipeline;
    private final InboundPublisher publisher;
    private final ClockMode clock;
    private final boolean lockStep;
    private final TimerSchedule timers;
    private final long pacingIntervalNs;
    private final IdleStrategy idle;
    private long startNanos;
    private long published;

    MarketDataFeed(final Pipeline pipeline, final EngineConfig config)
    {
        this.pipeline = pipeline;
        this.publisher = pipeline.newPublisher();
        this.clock = config.clockMode();
        this.lockStep = config.lockStep();
        // With the wall clock a TimerProducer thread ticks; with the data clock the data drives time.
        this.timers = new TimerSchedule(config.clockMode() == ClockMode.DATA ? config.timerIntervalNs() : 0);
        this.pacingIntervalNs = config.ratePerSecond() == 0 ? 0 : 1_000_000_000L / config.ratePerSecond();
        this.idle = config.ring().waitMode().idleStrategy();
    }

    @Override
    public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
        final long exchangeTimeNs)
    {
        final long timeNs = beforePublish(exchangeTimeNs);
        publisher.trade(timeNs, instrumentId, tradeId, price, quantity, exchangeTimeNs);
        afterPublish();
    }

    @Override
    public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
        final long volume, final long startTimeNs, final long durationNs)
    {
        final long timeNs = beforePublish(startTimeNs + durationNs);
        publisher.bar(timeNs, instrumentId, open, high, low, close, volume, startTimeNs, durationNs);
        afterPublish();
    }

    private long beforePublish(final long sourceTimeNs)
    {
        if (pacingIntervalNs > 0)
        {
            if (startNanos == 0)
            {
                startNanos = System.nanoTime();
            }
            final long plannedNanos = startNanos + published * pacingIntervalNs;
            idle.reset();
            while (System.nanoTime() < plannedNanos)
            {
                idle.idle();
            }
        }
        final long timeNs = clock.stamp(sourceTimeNs);
        final long tickNs = timers.dueBefore(timeNs);
        if (tickNs != TimerSchedule.NONE)
        {
            publisher.timerTick(tickNs, TIMER_ID);
            if (lockStep)
            {
                // Orders a timer causes must be answered before the next price reaches the venue.
                pipeline.awaitQuiescent(idle);
            }
        }
        return timeNs;
    }

    private void afterPublish()
    {
        published++;
        if (lockStep)
        {
            pipeline.awaitQuiescent(idle);
        }
    }
}
