package io.ringwall.engine.config;

/** What the participation check does with an order above its share of average daily volume. */
public enum ParticipationMode
{
    /** Refuse the whole order. */
    REJECT,
    /**
     * Send the part within the cap now and refuse the remainder (journaled as a PARTICIPATION risk reject of
     * the remainder), so a target-position strategy sends the rest in later slices, each within the cap.
     */
    SPLIT
}
