package io.ringwall.tools.backtest;

/**
 * Told how far a long computation (a replay of journal "in") has come. Called on the computing thread;
 * an implementation must be cheap and must not throw.
 */
@FunctionalInterface
public interface ProgressListener
{
    /** Ignores progress: for tests, scripts and runs whose stderr is not a terminal. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done  units done so far (for a replay: the journal-in sequence just handled).
     * @param total units in all (for a replay: the journal's last sequence); 0 when unknown.
     */
    void progress(long done, long total);

    /** The computation ended (normally or not): a display can be finished off. */
    default void finished()
    {
    }
}
