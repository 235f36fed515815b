package io.ringwall.engine;

/**
 * Fixed-point arithmetic of the wire's scaled integers (see ringwall-messages.xml): prices carry 4
 * implied decimals, quantities 8, money is in price units. Exact, deterministic and allocation-free:
 * products go through 128 bits so a 10 M USD position in satoshi-scaled BTC does not overflow.
 */
public final class Fixed
{
    public static final int PRICE_DECIMALS = 4;
    public static final int QUANTITY_DECIMALS = 8;
    public static final long PRICE_SCALE = 10_000L;
    public static final long QUANTITY_SCALE = 100_000_000L;

    private Fixed()
    {
    }

    /**
     * @return price * quantity in money units (price units), truncated toward zero.
     */
    public static long notional(final long price, final long quantity)
    {
        return mulDiv(price, quantity, QUANTITY_SCALE);
    }

    /**
     * @return whether a * b >= c * d, exactly (128-bit products): a threshold test without a division.
     */
    public static boolean productAtLeast(final long a, final long b, final long c, final long d)
    {
        final long leftHigh = Math.multiplyHigh(a, b);
        final long rightHigh = Math.multiplyHigh(c, d);
        if (leftHigh != rightHigh)
        {
            return leftHigh > rightHigh;
        }
        return Long.compareUnsigned(a * b, c * d) >= 0;
    }

    /**
     * @return a * b / c with a 128-bit intermediate, truncated toward zero.
     * @throws ArithmeticException if c is 0 or the quotient does not fit in a long (fail closed).
     */
    public static long mulDiv(final long a, final long b, final long c)
    {
        if (c == 0)
        {
            throw new ArithmeticException("mulDiv by zero");
        }
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))
        {
            return lo / c;
        }

        final boolean negative = (hi < 0) != (c < 0);
        if (hi < 0)
        {
            lo = -lo;
            hi = ~hi + (lo == 0 ? 1 : 0);
        }
        final long divisor = Math.abs(c);
        if (Long.compareUnsigned(hi, divisor) >= 0)
        {
            throw new ArithmeticException("mulDiv overflow: " + a + " * " + b + " / " + c);
        }

        // Shift-subtract division of the unsigned 128-bit (hi, lo) by divisor; hi < divisor, so the
        // quotient fits in 64 bits and only the 64 low bits need to be produced.
        long remainder = hi;
        long quotient = 0;
        for (int bit = 63; bit >= 0; bit--)
        {
            final boolean carry = remainder < 0;
            remainder = (remainder << 1) | ((lo >>> bit) & 1L);
            quotient <<= 1;
            if (carry || Long.compareUnsigned(remainder, divisor) >= 0)
            {
                remainder -= divisor;
                quotient |= 1L;
            }
        }
        if (quotient < 0)
        {
            throw new ArithmeticException("mulDiv overflow: " + a + " * " + b + " / " + c);
        }
        return negative ? -quotient : quotient;
    }

    /**
     * Parses a plain decimal ("826.5", "-0.01", "12") into a mantissa with {@code decimals} implied
     * decimals. Digits beyond {@code decimals} must be zeros, so no value is silently rounded.
     *
     * @return the mantissa, or {@link Long#MIN_VALUE} when the text is not such a number.
     */
    public static long parse(final CharSequence text, final int start, final int end, final int decimals)
    {
        if (start >= end)
        {
            return Long.MIN_VALUE;
        }
        int i = start;
        final boolean negative = text.charAt(i) == '-';
        if (negative || text.charAt(i) == '+')
        {
            i++;
        }
        long value = 0;
        int fractionDigits = -1;
        boolean anyDigit = false;
        for (; i < end; i++)
        {
            final char c = text.charAt(i);
            if (c == '.' && fractionDigits < 0)
            {
                fractionDigits = 0;
                continue;
            }
            if (c < '0' || c > '9')
            {
                return Long.MIN_VALUE;
            }
            anyDigit = true;
            if (fractionDigits >= decimals)
            {
                if (c != '0')
                {
                    return Long.MIN_VALUE;
                }
                continue;
            }
            if (value > (Long.MAX_VALUE - 9) / 10)
            {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
            if (fractionDigits >= 0)
            {
                fractionDigits++;
            }
        }
        if (!anyDigit)
        {
            return Long.MIN_VALUE;
        }
        for (int d = Math.max(fractionDigits, 0); d < decimals; d++)
        {
            if (value > Long.MAX_VALUE / 10)
            {
                return Long.MIN_VALUE;
            }
            value *= 10;
        }
        return negative ? -value : value;
    }

    /**
     * Text of a mantissa with {@code decimals} implied decimals, for tools and reports (allocates).
     */
    public static String format(final long mantissa, final int decimals)
    {
        final java.math.BigDecimal value = java.math.BigDecimal.valueOf(mantissa, decimals).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
