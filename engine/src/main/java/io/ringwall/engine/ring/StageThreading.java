package io.ringwall.engine.ring;

import java.util.Locale;

/**
 * How the pipeline's stages (journal "in", the business logic, journal "out" with the gateway) map onto
 * threads, after Aeron's media-driver threading modes. The stages, their order and the journaling gate
 * are the same in both; only who runs them differs.
 */
public enum StageThreading
{
    /**
     * A thread per stage. For a machine with a core for each stage thread and each producer
     * ({@code scripts/ringwall-pinned}): every stage gets a whole core and they overlap.
     */
    DEDICATED,
    /**
     * One thread runs journal "in" on a batch of inputs, then the logic on exactly that batch, then journal
     * "out" and the gateway, in turn. For a machine with fewer cores than stage threads plus producers
     * (a 2-core VM, a laptop, CI), where dedicated stage threads would take turns on the cores anyway and
     * each hand-over between them waits for a wake-up: on 2 cores it cut tick-to-order at 100 k trades/s
     * from a median of 4.4-4.9 us to 1.7-1.9 us, and the 90th percentile from 6-24 us to 2.4-7 us
     * ({@code ringwall latency --threads}). The price is peak throughput: one thread does all the stages'
     * work, about 10-20 % fewer trades per second than dedicated threads on the same 2 cores
     * ({@code ringwall throughput --threads}). The logic still sees only committed inputs: it runs after
     * the batch's commit, on the same thread.
     */
    SHARED;

    /**
     * @return the mode named {@code dedicated} or {@code shared}.
     */
    public static StageThreading parse(final String name)
    {
        for (final StageThreading mode : values())
        {
            if (mode.cliName().equals(name))
            {
                return mode;
            }
        }
        throw new IllegalArgumentException("stage threading '" + name + "' is not one of dedicated, shared");
    }

    public String cliName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
