package io.ringwall.engine.config;

import io.ringwall.engine.Fixed;

/**
 * The pre-trade limits every order passes on the logic thread. Fractions are parts per million
 * ({@link #PPM}); money in price units (4 implied decimals); quantities in quantity units (8 implied
 * decimals); durations in nanoseconds. A limit is a maximum: an order whose figure would equal the limit
 * passes, one that would exceed it by a single unit is refused.
 *
 * @param capitalScalePpm          scale applied to every strategy target before risk (staged roll-out:
 *                                 0.10, 0.35, 0.65, 1.0); changed at run time only by an operator command.
 * @param maxPositionEquityPpm     per instrument, |position| x price as a fraction of equity (default 0.10).
 * @param maxPositionQuantity      per instrument, |position| in quantity units.
 * @param maxSectorEquityPpm       per sector, sum of |position| x price as a fraction of equity (default 0.40).
 * @param maxOrderNotional         per order, quantity x price in money (default 10,000).
 * @param minOrderQuantity         per order, quantity units.
 * @param maxOrderQuantity         per order, quantity units.
 * @param maxGrossLeveragePpm      sum over instruments of |position| x price as a fraction of equity (default 1.0).
 * @param maxNetExposurePpm        |sum of signed position x price| as a fraction of equity.
 * @param maxOrdersPerDay          orders sent per UTC day of event time (default 100).
 * @param maxOrdersPerSecond       orders sent in any rolling second of event time; 0 switches the check off.
 * @param defaultPriceCollarPpm    a limit price further than this from the reference price is refused, unless the
 *                                 instrument has its own price band.
 * @param duplicateWindowNs        an order with the same instrument, side, quantity and price as one sent within
 *                                 this window is refused; 0 switches the check off.
 * @param maxParticipationPpm      order quantity as a fraction of the instrument's ADV (default 0.05).
 * @param participationMode        refuse or split an order above the participation cap.
 * @param checkBuyingPower         refuse a buy whose notional plus estimated fee exceeds the cash not already
 *                                 committed to open buys.
 * @param feeEstimateBps           fee assumed by the buying-power check, basis points of notional.
 */
public record RiskLimits(
    long capitalScalePpm,
    long maxPositionEquityPpm,
    long maxPositionQuantity,
    long maxSectorEquityPpm,
    long maxOrderNotional,
    long minOrderQuantity,
    long maxOrderQuantity,
    long maxGrossLeveragePpm,
    long maxNetExposurePpm,
    int maxOrdersPerDay,
    int maxOrdersPerSecond,
    long defaultPriceCollarPpm,
    long duplicateWindowNs,
    long maxParticipationPpm,
    ParticipationMode participationMode,
    boolean checkBuyingPower,
    long feeEstimateBps)
{
    public static final long PPM = 1_000_000L;
    /** Most orders one rolling second may hold; bounds the rate check's ring of send times. */
    public static final int MAX_ORDERS_PER_SECOND_LIMIT = 65_536;

    public RiskLimits
    {
        requireRange("capitalScalePpm", capitalScalePpm, 1, PPM);
        requireRange("maxPositionEquityPpm", maxPositionEquityPpm, 0, 100 * PPM);
        requireRange("maxPositionQuantity", maxPositionQuantity, 0, Long.MAX_VALUE);
        requireRange("maxSectorEquityPpm", maxSectorEquityPpm, 0, 100 * PPM);
        requireRange("maxOrderNotional", maxOrderNotional, 0, Long.MAX_VALUE);
        requireRange("minOrderQuantity", minOrderQuantity, 0, Long.MAX_VALUE);
        requireRange("maxOrderQuantity", maxOrderQuantity, minOrderQuantity, Long.MAX_VALUE);
        requireRange("maxGrossLeveragePpm", maxGrossLeveragePpm, 0, 100 * PPM);
        requireRange("maxNetExposurePpm", maxNetExposurePpm, 0, 100 * PPM);
        requireRange("maxOrdersPerDay", maxOrdersPerDay, 0, Integer.MAX_VALUE);
        requireRange("maxOrdersPerSecond", maxOrdersPerSecond, 0, MAX_ORDERS_PER_SECOND_LIMIT);
        requireRange("defaultPriceCollarPpm", defaultPriceCollarPpm, 0, 100 * PPM);
        requireRange("duplicateWindowNs", duplicateWindowNs, 0, 86_400_000_000_000L);
        requireRange("maxParticipationPpm", maxParticipationPpm, 0, PPM);
        requireRange("feeEstimateBps", feeEstimateBps, 0, 10_000);
        if (participationMode == null)
        {
            throw new IllegalArgumentException("participationMode is missing");
        }
    }

    /** The defaults: what {@code ringwall.yaml} ships with. */
    public static RiskLimits defaults()
    {
        return new RiskLimits(PPM, 100_000, 1_000_000 * Fixed.QUANTITY_SCALE, 400_000, 10_000 * Fixed.PRICE_SCALE,
            1, 1_000_000 * Fixed.QUANTITY_SCALE, PPM, PPM, 100, 10, 100_000, 1_000_000_000L, 50_000,
            ParticipationMode.REJECT, true, 10);
    }

    /**
     * Limits wide enough never to refuse an order of a sane test: for tests about something other than risk.
     */
    public static RiskLimits permissive()
    {
        return new RiskLimits(PPM, 100 * PPM, Long.MAX_VALUE, 100 * PPM, Long.MAX_VALUE, 0, Long.MAX_VALUE,
            100 * PPM, 100 * PPM, Integer.MAX_VALUE, 0, 100 * PPM, 0, PPM,
            ParticipationMode.REJECT, false, 0);
    }

    public RiskLimits withCapitalScalePpm(final long scalePpm)
    {
        return new RiskLimits(scalePpm, maxPositionEquityPpm, maxPositionQuantity, maxSectorEquityPpm,
            maxOrderNotional, minOrderQuantity, maxOrderQuantity, maxGrossLeveragePpm, maxNetExposurePpm,
            maxOrdersPerDay, maxOrdersPerSecond, defaultPriceCollarPpm, duplicateWindowNs, maxParticipationPpm,
            participationMode, checkBuyingPower, feeEstimateBps);
    }

    static void requireRange(final String name, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(name + " = " + value + " is outside [" + min + ", " + max + "]");
        }
    }
}
