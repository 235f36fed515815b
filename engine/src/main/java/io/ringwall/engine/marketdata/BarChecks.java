package io.ringwall.engine.marketdata;

import io.ringwall.engine.Fixed;

/**
 * What every bar adapter refuses, once: prices that are not positive decimals, a low or high that does not bound
 * open and close, a volume that is not a non-negative decimal. Each check returns null when the bar passes, else
 * why not (quoting the field at fault) for the {@link MalformedLineReporter}.
 */
final class BarChecks
{
    private BarChecks()
    {
    }

    /**
     * Parses one price into {@code prices[index]} (open, high, low, close).
     *
     * @return null when it is a positive decimal of at most {@link Fixed#PRICE_DECIMALS} places, else why not.
     */
    static String price(final CharSequence text, final int start, final int end, final long[] prices, final int index)
    {
        prices[index] = Fixed.parse(text, start, end, Fixed.PRICE_DECIMALS);
        if (prices[index] == Long.MIN_VALUE || prices[index] <= 0)
        {
            return "price '" + text.subSequence(start, end) + "' is not a positive decimal of at most " +
                Fixed.PRICE_DECIMALS + " places";
        }
        return null;
    }

    /** @return null when low and high bound open and close ({@code prices} as {@link #price} fills them). */
    static String bounds(final long[] prices)
    {
        final long open = prices[0];
        final long close = prices[3];
        return prices[2] > Math.min(open, close) || prices[1] < Math.max(open, close) ?
            "low/high do not bound open and close" : null;
    }

    /** @return the volume in quantity units, or {@link Long#MIN_VALUE} when it is not a non-negative decimal. */
    static long volume(final CharSequence text, final int start, final int end)
    {
        final long volume = Fixed.parse(text, start, end, Fixed.QUANTITY_DECIMALS);
        return volume < 0 ? Long.MIN_VALUE : volume;
    }
}
