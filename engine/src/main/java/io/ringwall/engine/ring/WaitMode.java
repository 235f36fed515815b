package io.ringwall.engine.ring;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * How threads wait for work: the ring consumers (a Disruptor {@link WaitStrategy}) and the producers
 * waiting for ring capacity (an Agrona {@link IdleStrategy}). Busy-spin only where a core is pinned;
 * on a shared or 2-core machine use yielding or back-off.
 */
public enum WaitMode
{
    /** Lowest latency; burns a core per waiting thread. Only with pinned cores. */
    BUSY_SPIN,
    /** Spins briefly then yields the CPU: good latency, tolerable on shared machines. */
    YIELDING,
    /** Spins, yields, then parks with back-off: kind to a shared machine, slower to wake. */
    BACKOFF,
    /** Locks and conditions: lowest CPU, highest latency. */
    BLOCKING;

    public WaitStrategy waitStrategy()
    {
        return switch (this)
        {
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BACKOFF -> new SleepingWaitStrategy();
            case BLOCKING -> new BlockingWaitStrategy();
        };
    }

    public IdleStrategy idleStrategy()
    {
        return switch (this)
        {
            case BUSY_SPIN -> new BusySpinIdleStrategy();
            case YIELDING -> new YieldingIdleStrategy();
            // Producers never park on a lock: a blocked consumer wakes by signal, a producer by polling.
            // Parks are capped at 50 us (Agrona's default is 1 ms): a producer waiting for ring room
            // must not sleep long after the consumers drained it, or the cores sit idle (vmstat showed
            // ~30 % idle in `ringwall throughput --wait backoff` with the 1 ms cap).
            case BACKOFF, BLOCKING -> new BackoffIdleStrategy(10, 20, 1_000, 50_000);
        };
    }

    /**
     * @return the mode named like {@code busy-spin}, {@code yielding}, {@code backoff}, {@code blocking}.
     */
    public static WaitMode parse(final String name)
    {
        for (final WaitMode mode : values())
        {
            if (mode.cliName().equals(name))
            {
                return mode;
            }
        }
        throw new IllegalArgumentException("wait mode '" + name + "' is not one of busy-spin, yielding, backoff, blocking");
    }

    public String cliName()
    {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
