package io.ringwall.engine.ring;

import net.openhft.affinity.AffinityLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the logic stage pinned to one CPU with OpenHFT Java-Thread-Affinity, when it can: the lock is taken
 * on the logic thread itself before its first event and released when the stage ends. When the CPU cannot
 * be had (it does not exist, is reserved for the OS, is taken, or the platform has no affinity support) the
 * stage runs unpinned and says so once: pinning is a latency optimisation, never a reason not to trade.
 */
final class LogicAffinity implements Runnable
{
    /** No pinning requested. */
    static final int NONE = -1;

    private static final Logger LOG = LoggerFactory.getLogger(LogicAffinity.class);

    private final int cpu;
    private final Runnable stage;
    private volatile String outcome = "not started";

    LogicAffinity(final int cpu, final Runnable stage)
    {
        this.cpu = cpu;
        this.stage = stage;
    }

    @Override
    public void run()
    {
        final AffinityLock lock = acquire();
        try
        {
            stage.run();
        }
        finally
        {
            if (lock != null)
            {
                lock.release();
            }
        }
    }

    /** @return what happened: "pinned to CPU n" or why not. */
    String outcome()
    {
        return outcome;
    }

    private AffinityLock acquire()
    {
        try
        {
            final AffinityLock lock = AffinityLock.acquireLock(cpu);
            if (lock.isBound() && lock.cpuId() == cpu)
            {
                outcome = "pinned to CPU " + cpu;
                LOG.info("logic thread pinned to CPU {}", cpu);
                return lock;
            }
            lock.release();
            outcome = "not pinned: CPU " + cpu + " is not available (" + AffinityLock.PROCESSORS + " CPUs, reserved " +
                AffinityLock.RESERVED_AFFINITY + ")";
        }
        catch (final RuntimeException | LinkageError ex)
        {
            outcome = "not pinned: " + ex;
        }
        LOG.warn("logic thread {}; running unpinned", outcome);
        return null;
    }
}
