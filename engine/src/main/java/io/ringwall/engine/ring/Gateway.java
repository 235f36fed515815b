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
}
