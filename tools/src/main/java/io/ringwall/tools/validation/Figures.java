package io.ringwall.tools.validation;

import java.util.Locale;

/** How the validation reports print figures: fixed decimals, a dot, "n/a" for an undefined figure. */
final class Figures
{
    private Figures()
    {
    }

    static String number(final Double value, final int decimals)
    {
        return value == null || !Double.isFinite(value) ? "n/a" :
            String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String percent(final Double fraction)
    {
        return fraction == null || !Double.isFinite(fraction) ? "n/a" :
            String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }
}
