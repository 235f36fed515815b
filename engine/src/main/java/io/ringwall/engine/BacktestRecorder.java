package io.ringwall.engine;

import org.agrona.DirectBuffer;

/**
 * Where a {@link Backtest} records what passes through it, on the backtest's thread: the session's journals
 * for a journaled backtest, or a tool's in-memory figures for the many runs of a validation. Frames are only
 * valid during the call.
 */
public interface BacktestRecorder
{
    /** Records nothing: a backtest whose only result is its summary and its logic's final state. */
    BacktestRecorder NONE = new BacktestRecorder()
    {
    };

    /** An input, before the logic sees it (so a recorder can read the state the input will change). */
    default void beforeInput(long sequence, long timeNs, DirectBuffer frame, int offset, int length)
    {
    }

    /** The logic has handled the input {@link #beforeInput} showed (the venue has not seen it yet). */
    default void afterInput(long sequence, long timeNs)
    {
    }

    /** An output of the logic, before the venue sees it. */
    default void output(long sequence, long timeNs, DirectBuffer frame, int offset, int length)
    {
    }

    /** A batch of records is complete: a durable recorder makes it durable. */
    default void commit()
    {
    }

    /** The backtest is closed. */
    default void close()
    {
    }
}
