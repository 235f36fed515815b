package io.ringwall.engine.marketdata;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds a bar file's interval while the CLI checks the file before trading: the most common gap between the close
 * times of consecutive bars (ties go to the shorter). Daily bars have gaps of 1, 3 and 4 days (weekends, holidays)
 * and are 1 day apart most often; intraday bars skip nights and are their interval apart most often. It runs
 * before the session starts, and its answer goes into the session manifest, so the logic never depends on it
 * being run again.
 */
public final class BarIntervalDetector extends MarketDataSink.Ignoring
{
    private final Map<Long, Integer> gapCounts = new HashMap<>();
    private long lastCloseNs = Long.MIN_VALUE;

    @Override
    public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
        final long volume, final long startTimeNs, final long durationNs)
    {
        final long closeNs = startTimeNs + durationNs;
        if (lastCloseNs != Long.MIN_VALUE && closeNs > lastCloseNs)
        {
            gapCounts.merge(closeNs - lastCloseNs, 1, Integer::sum);
        }
        lastCloseNs = closeNs;
    }

    /** @return the interval, nanoseconds; 0 when fewer than two bars were seen. */
    public long intervalNs()
    {
        long best = 0;
        int bestCount = 0;
        for (final Map.Entry<Long, Integer> gap : gapCounts.entrySet())
        {
            final int count = gap.getValue();
            if (count > bestCount || (count == bestCount && gap.getKey() < best))
            {
                best = gap.getKey();
                bestCount = count;
            }
        }
        return best;
    }
}
