package io.ringwall.engine.marketdata;

/**
 * What an adapter read: lines (or events generated), events delivered, lines refused as malformed.
 */
public record SourceStats(long lines, long events, long malformed)
{
}
