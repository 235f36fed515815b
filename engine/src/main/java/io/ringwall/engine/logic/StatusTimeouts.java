package io.ringwall.engine.logic;

/**
 * How long the logic waits for the venue's answer to an order or a cancel before asking about it, and how many
 * unanswered questions trip the VENUE breaker ({@code orders.status-timeout}, {@code orders.status-tries}).
 *
 * @param timeoutNs the wait, in the logic's clock (event time); 0: never ask (a session built before issue 18).
 * @param tries     questions asked, each unanswered within the wait, before the venue counts as silent.
 */
public record StatusTimeouts(long timeoutNs, int tries)
{
    /** No questions: what a session manifest without the entries means. */
    public static final StatusTimeouts OFF = new StatusTimeouts(0, 1);
    public static final int MAX_TRIES = 1_000;

    public StatusTimeouts
    {
        if (timeoutNs < 0 || tries < 1 || tries > MAX_TRIES)
        {
            throw new IllegalArgumentException("order status timeout " + timeoutNs + " ns and tries " + tries +
                ": the timeout must be >= 0 and the tries in [1, " + MAX_TRIES + "]");
        }
    }

    public boolean enabled()
    {
        return timeoutNs > 0;
    }
}
