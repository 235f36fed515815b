package io.ringwall.engine.control;

/**
 * A gateway's session state as the pre-market "venue connected" check sees it. The FIX gateway implements it
 * from its session; the in-process paper venue is always connected. Read from the control thread.
 */
@FunctionalInterface
public interface VenueConnection
{
    /** The in-process simulated venue. */
    VenueConnection PAPER = () -> true;

    /** @return true while orders can reach the venue. */
    boolean connected();
}
