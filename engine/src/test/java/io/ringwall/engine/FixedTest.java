package io.ringwall.engine;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedTest
{
    @Test
    void mulDivMatchesBigIntegerAcrossTheRangeIncluding128BitProducts()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++)
        {
            final long a = random.nextLong() >> random.nextInt(40);
            final long b = random.nextLong() >> random.nextInt(40);
            final long c = (random.nextLong() >> random.nextInt(63)) | 1;
            final BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c));
            if (exact.bitLength() < 64)
            {
                assertThat(Fixed.mulDiv(a, b, c)).as("%d * %d / %d", a, b, c).isEqualTo(exact.longValueExact());
            }
            else
            {
                assertThatThrownBy(() -> Fixed.mulDiv(a, b, c)).isInstanceOf(ArithmeticException.class);
            }
        }
    }

    @Test
    void notionalOfALargeBitcoinPositionDoesNotOverflow()
    {
        // 20,000 BTC at 60,000.1234 USD: the raw product of mantissas is ~1.2e24.
        final long price = Fixed.parse("60000.1234", 0, 10, Fixed.PRICE_DECIMALS);
        final long quantity = 20_000 * Fixed.QUANTITY_SCALE;
        // 60,000.1234 * 20,000 = 1,200,002,468.0000 USD, in units of 1e-4.
        assertThat(Fixed.notional(price, quantity)).isEqualTo(12_000_024_680_000L);
    }

    @Test
    void parseAcceptsPlainDecimalsAndRefusesRoundingOrJunk()
    {
        assertThat(parse("826.5", 4)).isEqualTo(8_265_000L);
        assertThat(parse("0.278380490000", 8)).isEqualTo(27_838_049L);
        assertThat(parse("-12", 2)).isEqualTo(-1200L);
        assertThat(parse("7.", 1)).isEqualTo(70L);
        assertThat(parse("0.123456789", 8)).isEqualTo(Long.MIN_VALUE);
        assertThat(parse("1e5", 4)).isEqualTo(Long.MIN_VALUE);
        assertThat(parse("", 4)).isEqualTo(Long.MIN_VALUE);
        assertThat(parse(".", 4)).isEqualTo(Long.MIN_VALUE);
        assertThat(parse("1.2.3", 4)).isEqualTo(Long.MIN_VALUE);
        assertThat(parse("99999999999999999999", 0)).isEqualTo(Long.MIN_VALUE);
    }

    private static long parse(final String text, final int decimals)
    {
        return Fixed.parse(text, 0, text.length(), decimals);
    }

    @Test
    void productComparisonIsExactBeyondSixtyFourBits()
    {
        final long big = 3_000_000_000_000_000_000L;
        assertThat(Fixed.productAtLeast(big, 10, big, 10)).isTrue();
        assertThat(Fixed.productAtLeast(big, 10, big + 1, 10)).isFalse();
        assertThat(Fixed.productAtLeast(big + 1, 10, big, 10)).isTrue();
        assertThat(Fixed.productAtLeast(-big, 10, 1, 1)).isFalse();
        assertThat(Fixed.productAtLeast(0, 1, -big, 10)).isTrue();
        assertThat(Fixed.productAtLeast(99_999, 1_000_000, 100_000, 1_000_000)).isFalse();
    }
}
