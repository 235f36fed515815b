package io.ringwall.engine;

import java.util.concurrent.locks.LockSupport;

import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.EngineHaltedException;
import io.ringwall.engine.ring.InboundPublisher;

/**
 * Wall-clock timers: a producer thread of its own that publishes a timer tick at each period boundary
 * of the system clock, so time advances for the logic even when no market data arrives (what a
 * stale-feed breaker needs). With the data clock, ticks come from the market-data feed instead.
 */
final class TimerProducer implements Runnable
{
    private final InboundPublisher publisher;
    private final long intervalNs;
    private volatile boolean running = true;

    TimerProducer(final InboundPublisher publisher, final long intervalNs)
    {
        this.publisher = publisher;
        this.intervalNs = intervalNs;
    }

    @Override
    public void run()
    {
        long next = (ClockMode.WALL.stamp(0) / intervalNs + 1) * intervalNs;
        try
        {
            while (running)
            {
                final long now = ClockMode.WALL.stamp(0);
                if (now >= next)
                {
                    publisher.timerTick(now, MarketDataFeed.TIMER_ID);
                    next = (now / intervalNs + 1) * intervalNs;
                }
                else
                {
                    // Sleep in short steps so stop() is prompt.
                    LockSupport.parkNanos(Math.min(next - now, 10_000_000L));
                }
            }
        }
        catch (final EngineHaltedException ex)
        {
            // the engine halted; the failure is reported by the engine
        }
    }

    void stop()
    {
        running = false;
    }
}
