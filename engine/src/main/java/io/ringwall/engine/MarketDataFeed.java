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
    private final java.util.function.BooleanSupplier stopped;
    private long toSkip;
    private long startNanos;
    private long published;

    /** Unwinds a source's run when intake stops for a graceful shutdown. */
    static final class IntakeStoppedException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        IntakeStoppedException()
        {
            super("market-data intake stopped", null, false, false);
        }
    }

    MarketDataFeed(final Pipeline pipeline, final EngineConfig config)
    {
        this(pipeline, config, 0, Long.MIN_VALUE, () -> false);
    }

    /**
     * @param alreadyJournaled market-data records of the source a resumed session journaled before: skipped,
     *                         so no trade is fed twice (sources deliver the same records in the same order).
     * @param resumeTimeNs     the resumed logic's clock, so the timer schedule continues instead of restarting;
     *                         Long.MIN_VALUE for a new session.
     * @param stopped          true once intake must stop (graceful shutdown): the next record unwinds the source.
     */
    MarketDataFeed(final Pipeline pipeline, final EngineConfig config, final long alreadyJournaled,
        final long resumeTimeNs, final java.util.function.BooleanSupplier stopped)
    {
        this.pipeline = pipeline;
        this.publisher = pipeline.newPublisher();
        this.clock = config.clockMode();
        this.lockStep = config.lockStep();
        // With the wall clock a TimerProducer thread ticks; with the data clock the data drives time.
        this.timers = new TimerSchedule(config.clockMode() == ClockMode.DATA ? config.timerIntervalNs() : 0);
        this.pacingIntervalNs = config.ratePerSecond() == 0 ? 0 : 1_000_000_000L / config.ratePerSecond();
        this.idle = config.ring().waitMode().idleStrategy();
        this.toSkip = alreadyJournaled;
        this.stopped = stopped;
        if (resumeTimeNs != Long.MIN_VALUE)
        {
            // The ticks up to the resumed clock were journaled already.
            timers.dueBefore(resumeTimeNs);
        }
    }

    /** @return true when this record was journaled before the restart (then it is not fed again). */
    private boolean skipOrStop()
    {
        if (stopped.getAsBoolean())
        {
            throw new IntakeStoppedException();
        }
        if (toSkip > 0)
        {
            toSkip--;
            return true;
        }
        return false;
    }

    @Override
    public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
        final long exchangeTimeNs)
    {
        if (skipOrStop())
        {
            return;
        }
        final long timeNs = beforePublish(exchangeTimeNs);
        publisher.trade(timeNs, instrumentId, tradeId, price, quantity, exchangeTimeNs);
        afterPublish();
    }

    @Override
    public void quote(final int instrumentId, final long bidPrice, final long bidQuantity, final long askPrice,
        final long askQuantity, final long exchangeTimeNs)
    {
        if (skipOrStop())
        {
            return;
        }
        final long timeNs = beforePublish(exchangeTimeNs);
        publisher.quote(timeNs, instrumentId, bidPrice, bidQuantity, askPrice, askQuantity, exchangeTimeNs);
        afterPublish();
    }

    @Override
    public void feedHealth(final io.ringwall.codecs.FeedHealthState state, final long expectedSequence,
        final long receivedSequence, final long silenceNs, final long exchangeTimeNs)
    {
        if (skipOrStop())
        {
            return;
        }
        final long timeNs = beforePublish(exchangeTimeNs);
        publisher.feedHealth(timeNs, state, expectedSequence, receivedSequence, silenceNs, exchangeTimeNs);
        afterPublish();
    }

    @Override
    public void tradingStatus(final int instrumentId, final io.ringwall.codecs.InstrumentTradingState state,
        final int reasonCode, final long exchangeTimeNs)
    {
        if (skipOrStop())
        {
            return;
        }
        final long timeNs = beforePublish(exchangeTimeNs);
        publisher.tradingStatus(timeNs, instrumentId, state, reasonCode, exchangeTimeNs);
        afterPublish();
    }

    @Override
    public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
        final long volume, final long startTimeNs, final long durationNs)
    {
        if (skipOrStop())
        {
            return;
        }
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
