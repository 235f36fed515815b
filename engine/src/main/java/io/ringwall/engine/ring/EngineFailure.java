package io.ringwall.engine.ring;

import io.ringwall.journal.DiskFullException;

/**
 * The first unexpected error of any pipeline stage. Once set, trading is halted: the stage that failed
 * has stopped, producers stop publishing, and the engine reports the error with what to do.
 */
public final class EngineFailure
{
    private volatile Throwable error;
    private volatile String stage;

    /**
     * Records the failure unless an earlier one is already recorded.
     */
    public synchronized void record(final String stage, final Throwable error)
    {
        if (this.error == null)
        {
            this.stage = stage;
            this.error = error;
        }
    }

    /** @return whether the failure is a full disk (the engine's exit status says so). */
    public boolean isDiskFull()
    {
        return DiskFullException.isDiskFull(error);
    }

    public boolean isSet()
    {
        return error != null;
    }

    public Throwable error()
    {
        return error;
    }

    /**
     * @return a message for the operator; null when nothing failed.
     */
    public String message()
    {
        final Throwable failure = error;
        if (failure == null)
        {
            return null;
        }
        final String diskFull = DiskFullException.messageOf(failure);
        if (diskFull != null)
        {
            return "TRADING HALTED: " + diskFull;
        }
        return "TRADING HALTED: the " + stage + " stage failed: " + failure + ". The journals hold every input " +
            "up to the failure; inspect them with 'ringwall journal', fix the cause, then restart (recovery " +
            "replays the journal).";
    }

    /**
     * @throws EngineHaltedException when a failure is recorded.
     */
    public void check()
    {
        if (error != null)
        {
            throw new EngineHaltedException(message(), error);
        }
    }
}
