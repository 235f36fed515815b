package io.ringwall.engine.fix;

/**
 * The broker's message-rate limit on the sending thread: a token per message, refilled at {@code perSecond},
 * holding at most one second's worth. A message without a token waits in the caller's queue; none is dropped.
 * Single-threaded; time is passed in (nanoTime), so tests drive it.
 */
final class TokenBucket
{
    private final long perSecond;
    private final long capacity;
    private long tokens;
    private long lastNs;
    private long remainderNs;

    TokenBucket(final int perSecond, final long nowNs)
    {
        this.perSecond = perSecond;
        this.capacity = perSecond;
        this.tokens = perSecond;
        this.lastNs = nowNs;
    }

    /** @return true, taking a token, when one message may go now. */
    boolean tryAcquire(final long nowNs)
    {
        refill(nowNs);
        if (tokens > 0)
        {
            tokens--;
            return true;
        }
        return false;
    }

    private void refill(final long nowNs)
    {
        final long elapsed = nowNs - lastNs + remainderNs;
        lastNs = nowNs;
        if (elapsed <= 0)
        {
            remainderNs = Math.max(elapsed, 0);
            return;
        }
        final long nsPerToken = 1_000_000_000L / perSecond;
        final long earned = elapsed / nsPerToken;
        remainderNs = elapsed - earned * nsPerToken;
        tokens = Math.min(capacity, tokens + earned);
        if (tokens == capacity)
        {
            remainderNs = 0;
        }
    }
}
