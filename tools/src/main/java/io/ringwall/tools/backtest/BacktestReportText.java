package io.ringwall.tools.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ringwall.engine.Fixed;

/**
 * The report as an aligned terminal table: label, value (right-aligned), unit. Money is shown in the
 * quote currency to the cent, quantities in base units, fractions in percent. Undefined figures read
 * "n/a". Formatting uses Locale.ROOT so the text does not change with the user's locale.
 */
public final class BacktestReportText
{
    private static final String MONEY = "quote ccy";
    private static final String NOT_AVAILABLE = "n/a";

    private final List<String[]> rows = new ArrayList<>();

    private BacktestReportText()
    {
    }

    public static String render(final BacktestReport r)
    {
        final BacktestReportText table = new BacktestReportText();
        // Rows of two cells are plain lines: why the session did not trade as expected, before any figure.
        for (final String line : r.attention())
        {
            table.rows.add(new String[] {"ATTENTION  " + line, null});
        }
        table.section("Backtest report: " + (r.strategies().isEmpty() ? "(no strategy)" : String.join(", ", r.strategies())));
        table.row("Start", r.start() == null ? NOT_AVAILABLE : r.start(), "UTC");
        table.row("End", r.end() == null ? NOT_AVAILABLE : r.end(), "UTC");
        table.row("Elapsed", format("%.2f", r.elapsedDays()), "days");
        table.row("Inputs", count(r.inputs()), "");
        table.section("Returns");
        table.row("Initial equity", money(r.initialEquityMoney()), MONEY);
        table.row("Final equity", money(r.finalEquityMoney()), MONEY);
        table.row("Total return", percent(r.totalReturn()), "%");
        table.row("Annualised return", percent(r.annualisedReturn()), "%");
        table.row("Sharpe (daily, annualised)", number(r.sharpe()), "sqrt(" + r.periodsPerYear() + ")");
        table.row("Sortino (daily, annualised)", number(r.sortino()), "sqrt(" + r.periodsPerYear() + ")");
        table.row("Daily periods", count(r.dailyPeriods()), "days");
        table.row("Max drawdown", percent(r.maxDrawdownFraction()), "%");
        table.row("Max drawdown", money(r.maxDrawdownMoney()), MONEY);
        table.section("Trading");
        table.row("Fills (trades)", count(r.fills()), "");
        table.row("Closing fills", count(r.closingFills()), "");
        table.row("Win rate", percent(r.winRate()), "%");
        table.row("Traded notional", money(r.tradedNotionalMoney()), MONEY);
        table.row("Turnover", number(r.turnover()), "x avg equity");
        table.row("Fees", money(r.feesMoney()), MONEY);
        table.row("Costs", r.costBps() == null ? NOT_AVAILABLE : format("%.2f", r.costBps()), "bps");
        table.row("Realised PnL (gross)", money(r.realizedPnlMoney()), MONEY);
        table.section("Orders");
        table.row("Orders sent", count(r.ordersSent()), "");
        table.row("Ordered quantity", Fixed.format(r.orderedQuantity(), Fixed.QUANTITY_DECIMALS), "base units");
        table.row("Filled quantity", Fixed.format(r.filledQuantity(), Fixed.QUANTITY_DECIMALS), "base units");
        table.row("Fill rate", percent(r.fillRate()), "%");
        table.row("Venue rejects", count(r.venueRejects()), "");
        table.row("Cancels", count(r.cancels()), "");
        return table.layout();
    }

    private void section(final String title)
    {
        rows.add(new String[] {title});
    }

    private void row(final String label, final String value, final String unit)
    {
        rows.add(new String[] {label, value, unit});
    }

    private String layout()
    {
        int labelWidth = 0;
        int valueWidth = 0;
        for (final String[] row : rows)
        {
            if (row.length == 3)
            {
                labelWidth = Math.max(labelWidth, row[0].length());
                valueWidth = Math.max(valueWidth, row[1].length());
            }
        }
        final StringBuilder text = new StringBuilder();
        for (final String[] row : rows)
        {
            if (row.length == 2)
            {
                text.append(row[0]).append('\n');
                continue;
            }
            if (row.length == 1)
            {
                text.append(text.length() == 0 ? "" : "\n").append(row[0]).append('\n');
                continue;
            }
            final String line = "  " + pad(row[0], labelWidth, false) + "  " + pad(row[1], valueWidth, true) + "  " +
                row[2];
            text.append(line.stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String pad(final String text, final int width, final boolean right)
    {
        final String fill = " ".repeat(width - text.length());
        return right ? fill + text : text + fill;
    }

    private static String money(final long mantissa)
    {
        return format("%,.2f", BigDecimal.valueOf(mantissa, Fixed.PRICE_DECIMALS).setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String percent(final Double fraction)
    {
        return fraction == null ? NOT_AVAILABLE : format("%.2f", fraction * 100);
    }

    private static String number(final Double value)
    {
        return value == null ? NOT_AVAILABLE : format("%.3f", value);
    }

    private static String count(final long value)
    {
        return format("%,d", value);
    }

    private static String format(final String pattern, final Object value)
    {
        return String.format(Locale.ROOT, pattern, value);
    }
}
