package io.ringwall.engine.ring;

import com.lmax.disruptor.EventHandler;

/**
 * The outbound ring's last stage: takes journaled orders to a venue. It runs on the gateway thread's duty
 * cycle ({@link GatewayAgent}), which also hands it the journaled inputs when it asks for them (a
 * simulated venue fills against the prints the engine journals) and calls it when idle (timers).
 */
public interface Gateway extends EventHandler<FrameEvent>
{
    /** @return whether {@link #onJournaledInput} should see every journaled input. */
    default boolean observesInputs()
    {
        return false;
    }

    /**
     * A journaled input, in journal order. Before each order, every input journaled so far is handed over,
     * so an order caused by input N always reaches the venue after input N.
     */
    default void onJournaledInput(final FrameEvent event)
    {
    }

    /** Called on every duty cycle; return quickly. */
    default void onIdle()
    {
    }

    /**
     * A resumed session: the logic was recovered from the journals. Called once, before the pipeline starts, on
     * the thread that builds the engine. An in-process venue rebuilds its book here; a FIX gateway works out what
     * journal "out" holds that never reached the FIX session and sends it once logged on.
     *
     * @return the orders this gateway re-instated or will send now (reported by the recovery).
     */
    default int resume(final io.ringwall.engine.logic.BusinessLogic logic,
        final io.ringwall.journal.JournalDirectory journals)
    {
        return 0;
    }

    /** @return what {@link #resume} did, in words for the recovery report (null: the paper venue's words). */
    default String resumeDescription()
    {
        return null;
    }

    /**
     * @return whether orders this gateway sent are still open at the venue, answers not yet journaled (a graceful
     *         shutdown that cancels waits for them). Safe from any thread.
     */
    default boolean hasOpenOrders()
    {
        return false;
    }
}
