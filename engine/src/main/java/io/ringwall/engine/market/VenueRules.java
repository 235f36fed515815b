package io.ringwall.engine.market;

/**
 * How the simulated venue behaves beyond costs.
 *
 * @param ackLatencyNs   order arrival to acknowledgement (event time).
 * @param fillLatencyNs  acknowledgement to the first moment the order can fill.
 * @param volumeLimitPpm share of each print's (or bar's) traded volume the venue's fills may take, ppm.
 * @param outsideHours   what an order arriving while its market is closed gets.
 */
public record VenueRules(long ackLatencyNs, long fillLatencyNs, long volumeLimitPpm, OutsideHours outsideHours)
{
    /** Default share of traded volume a simulated fill may take: 2.5 %. */
    public static final long DEFAULT_VOLUME_LIMIT_PPM = 25_000;

    /** What the venue does with an order that arrives while the market is closed. */
    public enum OutsideHours
    {
        /** Accept it and let it work from the next open (IOC orders are still rejected: they cannot wait). */
        QUEUE,
        /** Reject it: OUTSIDE_TRADING_HOURS. */
        REJECT
    }

    public VenueRules
    {
        if (ackLatencyNs < 0 || fillLatencyNs < 0 || volumeLimitPpm <= 0 || volumeLimitPpm > CostModel.PPM ||
            outsideHours == null)
        {
            throw new IllegalArgumentException("venue rules: latencies >= 0, volume limit in (0, 1], outside-hours " +
                "policy required");
        }
    }
}
