package io.ringwall.engine.config;

/**
 * Reference data of one instrument, loaded at start-up (see {@code instruments.yaml}) and published to a
 * Chronicle Map for other processes. Fixed-point units as on the wire.
 *
 * @param symbol             unique name; its position in the instrument list is the instrument id.
 * @param sector             sector for the sector-exposure limit.
 * @param lotSize            quantity units (8 implied decimals); every order quantity is a multiple of it.
 * @param tickSize           price units (4 implied decimals); every limit price is a multiple of it.
 * @param averageDailyVolume quantity units; 0 means unknown, and then the participation check refuses orders.
 * @param priceBandPpm       price collar for this instrument, parts per million of the reference price; 0 =
 *                           use the configured default collar.
 */
public record InstrumentSpec(String symbol, String sector, long lotSize, long tickSize, long averageDailyVolume,
    long priceBandPpm)
{
    public InstrumentSpec
    {
        if (symbol == null || symbol.isBlank() || symbol.contains(",") || symbol.contains("="))
        {
            throw new IllegalArgumentException("instrument symbol '" + symbol + "' is not a symbol");
        }
        if (sector == null || sector.isBlank())
        {
            throw new IllegalArgumentException("instrument " + symbol + ": sector is missing");
        }
        if (lotSize <= 0 || tickSize <= 0 || averageDailyVolume < 0 || priceBandPpm < 0)
        {
            throw new IllegalArgumentException("instrument " + symbol + ": lot " + lotSize + ", tick " + tickSize +
                ", ADV " + averageDailyVolume + ", band " + priceBandPpm + " (lot and tick > 0, ADV and band >= 0)");
        }
    }

    /**
     * An instrument with the finest lot and tick, unknown ADV and the default collar: for tests and tools
     * that trade a symbol without reference data.
     */
    public static InstrumentSpec unrestricted(final String symbol)
    {
        return new InstrumentSpec(symbol, "default", 1, 1, Long.MAX_VALUE, 0);
    }
}
