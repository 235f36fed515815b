package io.ringwall.engine.metrics;

/**
 * The measured legs of an input's way through the engine. Each stage is recorded on exactly one
 * thread (its single writer) into its own recorder of {@link StageLatencies}; its {@link #tag()} names
 * its interval histograms in {@code latency.hlog}.
 */
public enum LatencyStage
{
    /** Ingress stamp to the journal-in commit of the batch holding the input (journal-in thread). */
    INGRESS_TO_JOURNALED("ingress-journaled", "ingress -> journaled"),
    /** Journal-in commit to the logic starting on the input (logic thread). */
    JOURNALED_TO_LOGIC("journaled-logic", "journaled -> logic start"),
    /** Strategy + risk + OMS for one input, start to end, the checkpoint and metrics hooks included (logic thread). */
    LOGIC("logic", "logic (per input)"),
    /** Logic start on the causing input to its output being published on the outbound ring (logic thread). */
    LOGIC_TO_OUTBOUND("logic-outbound", "logic -> outbound publish"),
    /** Outbound publish to the gateway handing the frame to the venue, journal-out included (gateway thread). */
    OUTBOUND_TO_GATEWAY("outbound-gateway", "outbound -> gateway send"),
    /** Venue round trip: order sent to its ack received (the venue gateway's thread). */
    VENUE_ACK("venue-ack", "venue send -> ack"),
    /** Venue round trip: order sent to a fill received (the venue gateway's thread). */
    VENUE_FILL("venue-fill", "venue send -> fill"),
    /** End to end: ingress of the causing input to a new order reaching the gateway (gateway thread). */
    TICK_TO_ORDER("tick-to-order", "tick-to-order");

    private static final LatencyStage[] STAGES = values();

    private final String tag;
    private final String label;

    LatencyStage(final String tag, final String label)
    {
        this.tag = tag;
        this.label = label;
    }

    /**
     * @return the histogram tag in the log: no spaces or commas.
     */
    public String tag()
    {
        return tag;
    }

    /**
     * @return what the stage measures, for reports.
     */
    public String label()
    {
        return label;
    }

    /**
     * @return the stage with this tag, or null for a tag this version does not know.
     */
    public static LatencyStage ofTag(final String tag)
    {
        for (final LatencyStage stage : STAGES)
        {
            if (stage.tag.equals(tag))
            {
                return stage;
            }
        }
        return null;
    }

    static int count()
    {
        return STAGES.length;
    }

    static LatencyStage at(final int ordinal)
    {
        return STAGES[ordinal];
    }
}
