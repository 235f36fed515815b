package io.ringwall.perf;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Bytes allocated so far by named threads, from HotSpot's per-thread allocation counter (a TLAB
 * bookkeeping read, cheap enough to take around the timed part).
 */
final class ThreadAllocation
{
    private final com.sun.management.ThreadMXBean bean;
    private final long[] threadIds;

    private ThreadAllocation(final com.sun.management.ThreadMXBean bean, final long[] threadIds)
    {
        this.bean = bean;
        this.threadIds = threadIds;
    }

    /**
     * @return the counters of the live threads with these names; a thread not found (or a JVM
     * without the counter) reads as -1.
     */
    static ThreadAllocation of(final String... names)
    {
        final long[] ids = new long[names.length];
        Arrays.fill(ids, -1);
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean) ||
            !bean.isThreadAllocatedMemorySupported())
        {
            return new ThreadAllocation(null, ids);
        }
        bean.setThreadAllocatedMemoryEnabled(true);
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            for (int i = 0; i < names.length; i++)
            {
                if (thread.isAlive() && names[i].equals(thread.getName()))
                {
                    ids[i] = thread.getId();
                }
            }
        }
        return new ThreadAllocation(bean, ids);
    }

    long[] sample()
    {
        final long[] bytes = new long[threadIds.length];
        for (int i = 0; i < threadIds.length; i++)
        {
            bytes[i] = bean == null || threadIds[i] < 0 ? -1 : bean.getThreadAllocatedBytes(threadIds[i]);
        }
        return bytes;
    }

    /**
     * @return CPU nanoseconds each thread has used so far (user + system); -1 when unknown.
     */
    long[] sampleCpu()
    {
        final long[] nanos = new long[threadIds.length];
        for (int i = 0; i < threadIds.length; i++)
        {
            nanos[i] = bean == null || threadIds[i] < 0 ? -1 : bean.getThreadCpuTime(threadIds[i]);
        }
        return nanos;
    }

    static double[] perEvent(final long[] before, final long[] after, final long events)
    {
        final double[] perEvent = new double[before.length];
        for (int i = 0; i < before.length; i++)
        {
            perEvent[i] = before[i] < 0 || after[i] < 0 ? -1 : (after[i] - before[i]) / (double)events;
        }
        return perEvent;
    }
}
