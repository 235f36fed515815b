package io.ringwall.engine.market;

import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;

/**
 * What trading costs, composed of independent parts, each off when zero:
 * <ul>
 *   <li>commission per unit of quantity plus a rate on notional, with a minimum per execution;</li>
 *   <li>fixed slippage, a rate the price moves against the order;</li>
 *   <li>half the spread (the instrument's {@link InstrumentMarket#halfSpreadPpm()}) when enabled;</li>
 *   <li>square-root market impact: {@code coefficient x daily volatility x sqrt(quantity / ADV)}.</li>
 * </ul>
 * The price parts apply to orders that take liquidity (market orders and triggered stops): they move the
 * execution price against the order, rounded to the tick against it. A resting limit order fills at its
 * own price and pays commission only. The venue prices fills with it; the logic estimates an order's cost
 * with the same figures, so realised cost can be compared with the estimate.
 *
 * <p>Rates are in parts per million (1 basis point = 100 ppm); money in price units; quantity 1e-8.
 *
 * @param commissionPerUnit money per whole unit of quantity (per share, per coin).
 * @param commissionPpm     commission as a rate of the execution's notional.
 * @param commissionMinimum smallest commission of one execution, money.
 * @param slippagePpm       fixed slippage.
 * @param chargeHalfSpread  whether takers pay the instrument's half spread.
 * @param impactCoefficientPpm the square-root impact's coefficient, millionths (1.0 = 1_000_000).
 */
public record CostModel(long commissionPerUnit, long commissionPpm, long commissionMinimum, long slippagePpm,
    boolean chargeHalfSpread, long impactCoefficientPpm)
{
    public static final long PPM = 1_000_000L;

    public CostModel
    {
        if (commissionPerUnit < 0 || commissionPpm < 0 || commissionMinimum < 0 || slippagePpm < 0 ||
            impactCoefficientPpm < 0 || commissionPpm > PPM || slippagePpm > PPM)
        {
            throw new IllegalArgumentException("cost model: every part must be >= 0 and rates at most 100%");
        }
    }

    /** No costs at all. */
    public static CostModel free()
    {
        return new CostModel(0, 0, 0, 0, false, 0);
    }

    /** Commission only, {@code bps} basis points of notional. */
    public static CostModel commissionBps(final long bps)
    {
        return new CostModel(0, bps * 100, 0, 0, false, 0);
    }

    /** @return the commission of one execution. */
    public long commission(final long quantity, final long price)
    {
        final long perUnit = commissionPerUnit == 0 ? 0 : Fixed.mulDiv(commissionPerUnit, quantity, Fixed.QUANTITY_SCALE);
        final long onNotional = commissionPpm == 0 ? 0 : Fixed.mulDiv(Fixed.notional(price, quantity), commissionPpm, PPM);
        return Math.max(commissionMinimum, perUnit + onNotional);
    }

    /**
     * @return the rate a taker's price moves against it, ppm: slippage + half spread + impact.
     */
    public long adverseRatePpm(final InstrumentMarket market, final long quantity, final long averageDailyVolume)
    {
        long rate = slippagePpm;
        if (chargeHalfSpread)
        {
            rate += market.halfSpreadPpm();
        }
        if (impactCoefficientPpm > 0 && averageDailyVolume > 0 && market.volatilityPpm() > 0)
        {
            // Java 17 floating point is strict (JEP 306): the same inputs give the same bits everywhere.
            final double participation = (double)quantity / (double)averageDailyVolume;
            rate += Math.round(impactCoefficientPpm / (double)PPM * market.volatilityPpm() * Math.sqrt(participation));
        }
        return Math.min(rate, PPM);
    }

    /**
     * @return the price a taker gets when the market is at {@code marketPrice}: moved against it by
     * {@link #adverseRatePpm}, rounded to a whole tick against it.
     */
    public long takerPrice(final Side side, final long marketPrice, final long quantity, final InstrumentMarket market,
        final long averageDailyVolume, final long tickSize)
    {
        final long rate = adverseRatePpm(market, quantity, averageDailyVolume);
        if (rate == 0)
        {
            return marketPrice;
        }
        final long move = Fixed.mulDiv(marketPrice, rate, PPM);
        final long ticks = (move + tickSize - 1) / tickSize;
        final long adjustment = ticks * tickSize;
        return side == Side.BUY ? marketPrice + adjustment : Math.max(tickSize, marketPrice - adjustment);
    }

    /**
     * @return the cost a market order is expected to bear against {@code referencePrice}: the price move
     * times quantity plus the commission, money.
     */
    public long estimateTaker(final Side side, final long quantity, final long referencePrice,
        final InstrumentMarket market, final long averageDailyVolume, final long tickSize)
    {
        final long price = takerPrice(side, referencePrice, quantity, market, averageDailyVolume, tickSize);
        return Fixed.notional(Math.abs(price - referencePrice), quantity) + commission(quantity, price);
    }
}
