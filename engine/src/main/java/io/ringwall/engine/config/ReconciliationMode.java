package io.ringwall.engine.config;

/**
 * What the FIX gateway asks the venue at every logon and every reconciliation interval ({@code reconciliation.mode}).
 */
public enum ReconciliationMode
{
    /** Positions and cash (RequestForPositions, AN) and open orders (OrderMassStatusRequest, AF). */
    FULL,
    /**
     * Open orders only (AF), for a broker without position reports; a venue that does not support even that is
     * reported (UNSUPPORTED) without halting.
     */
    ORDERS_ONLY,
    /** Nothing. Refused when the environment is production. */
    OFF;

    /** @return the configuration's spelling: {@code full}, {@code orders-only}, {@code off}. */
    public String text()
    {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
