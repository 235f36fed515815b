package io.ringwall.engine.control;

/**
 * The pre-market checks as a health endpoint reads them: safe to call from any thread.
 */
public interface PreMarketStatus
{
    /** @return the last check run's report, {@link PreMarketReport#NONE} before the first. */
    PreMarketReport latest();

    /** @return true once the gate lets trading through (or when no gating check was made). */
    boolean gateOpen();
}
