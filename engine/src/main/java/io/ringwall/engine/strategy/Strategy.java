package io.ringwall.engine.strategy;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A trading strategy, written in Java by the user and run on the engine's business-logic thread.
 *
 * <p>Rules of the road (the engine depends on them for deterministic replay):
 * <ul>
 *   <li>Every callback runs on the one logic thread; never block, sleep, log per event, read files or
 *       the network, read a clock or draw random numbers. Time is {@link StrategyContext#timeNs()}, the
 *       timestamp of the input being handled.</li>
 *   <li>Do not allocate in callbacks: size buffers in the constructor or in {@link #onStart}. The event
 *       objects passed in are reused flyweights, valid only during the call.</li>
 *   <li>Orders go through {@link StrategyContext}: explicit orders ({@code submitMarket},
 *       {@code submitLimit}) or a target position ({@code setTargetPosition}) that the engine turns
 *       into orders. Every order passes pre-trade risk; a refused one is journaled with a reason.</li>
 *   <li>An exception thrown from a callback halts trading (fail closed).</li>
 * </ul>
 *
 * <p>All methods have empty defaults; implement those you need.
 */
public interface Strategy
{
    /** {@link #writeState} returns it when the strategy does not support checkpoints. */
    int STATE_UNSUPPORTED = -1;

    /**
     * Called once, before the first input, with the context this strategy trades through.
     */
    default void onStart(final StrategyContext context)
    {
    }

    /**
     * A trade printed on the market data feed.
     */
    default void onTrade(final TradeEvent trade)
    {
    }

    /**
     * A top-of-book quote changed.
     */
    default void onQuote(final QuoteEvent quote)
    {
    }

    /**
     * A bar closed.
     */
    default void onBar(final BarEvent bar)
    {
    }

    /**
     * One of this strategy's own orders was accepted, filled (partly or fully), rejected or cancelled.
     */
    default void onOrderEvent(final OrderEvent event)
    {
    }

    /**
     * Pre-trade risk refused one of this strategy's orders (the submitting call also returns the negative
     * reason code). Called from inside that call, before it returns; an order sent from here is checked like
     * any other.
     */
    default void onRiskReject(final RiskRejectEvent event)
    {
    }

    /**
     * A timer fired; {@code timeNs} is the tick's engine time.
     */
    default void onTimer(final int timerId, final long timeNs)
    {
    }

    /**
     * Checkpoints: writes everything this strategy remembers between callbacks (rolling windows, flags,
     * counters) at {@code offset}, so that {@link #readState} on a freshly built strategy of the same
     * parameters makes it behave exactly as this one from here on. Called on the logic thread between inputs;
     * do not allocate. A strategy with no state returns 0.
     *
     * <p>The default returns {@link #STATE_UNSUPPORTED}: the engine then takes no checkpoints for the session
     * (recovery replays the whole journal), because a snapshot without this strategy's state would resume it
     * differently.
     *
     * @param buffer room of at least {@link #maxStateLength()} bytes from {@code offset}.
     * @return the bytes written, or {@link #STATE_UNSUPPORTED}.
     */
    default int writeState(final MutableDirectBuffer buffer, final int offset)
    {
        return STATE_UNSUPPORTED;
    }

    /**
     * Restores what {@link #writeState} wrote; called once, after {@link #onStart}, before any input.
     *
     * @throws IllegalArgumentException when the bytes do not fit this strategy's parameters (recovery then
     *                                  refuses the snapshot).
     */
    default void readState(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length != 0)
        {
            throw new IllegalArgumentException(getClass().getName() + " keeps no state but the snapshot holds " +
                length + " bytes of it");
        }
    }

    /** @return the most bytes {@link #writeState} can write; the checkpoint buffer is sized from it at start. */
    default int maxStateLength()
    {
        return 0;
    }

    /**
     * Whether the strategy has seen enough data to trade (e.g. its moving averages are full). Trading does not
     * start while a strategy says false (the pre-market warm-up check); once it has started, the answer no
     * longer matters. Called on the logic thread after inputs while the pre-market gate is closed: answer
     * from state, without allocating.
     */
    default boolean warmedUp()
    {
        return true;
    }
}
