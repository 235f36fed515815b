package io.ringwall.tools.validation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ringwall.tools.backtest.BacktestReport;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** A walk-forward's text table, JSON and HTML report. */
public final class WalkForwardOutputs
{
    private WalkForwardOutputs()
    {
    }

    /** The per-window table and the summary, as printed. */
    public static String text(final WalkForwardResult result)
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-6s %-20s %-20s %8s %8s %9s %9s %8s %8s %7s %7s  %s%n", "window",
            "train from", "test from", "IS SR", "OOS SR", "IS ret", "OOS ret", "IS dd", "OOS dd", "IS tr", "OOS tr",
            "chosen"));
        for (final WalkForwardResult.WindowResult w : result.windows())
        {
            out.append(String.format(Locale.ROOT, "%-6d %-20s %-20s %8s %8s %9s %9s %8s %8s %7d %7d  %s%n",
                w.window().index(), iso(w.window().trainFromNs()), iso(w.window().testFromNs()),
                Figures.number(w.inSampleSharpe(), 3), Figures.number(w.outOfSampleSharpe(), 3),
                Figures.percent(w.inSample().totalReturn()), Figures.percent(w.outOfSample().totalReturn()),
                Figures.percent(w.inSample().maxDrawdownFraction()), Figures.percent(w.outOfSample().maxDrawdownFraction()),
                w.inSample().fills(), w.outOfSample().fills(), w.parameters()));
        }
        out.append(String.format(Locale.ROOT, "%nwindows                 %d (grid of %d points each)%n",
            result.windows().size(), result.gridSize()));
        out.append("average IS Sharpe       ").append(Figures.number(result.averageInSampleSharpe(), 3)).append('\n');
        out.append("average OOS Sharpe      ").append(Figures.number(result.averageOutOfSampleSharpe(), 3)).append('\n');
        out.append("degradation             ").append(Figures.percent(result.degradation()))
            .append("  (1 - OOS / IS)\n");
        out.append("deflated Sharpe (OOS)   ").append(Figures.number(result.outOfSampleDsr(), 3))
            .append("  (probability that the stitched OOS Sharpe is skill, not the luck of the best of ").append(result.gridSize())
            .append(" trials)\n");
        out.append("PBO                     ").append(Figures.number(result.overfitProbability(), 3))
            .append("  (probability of backtest overfitting, CSCV over the grid's per-window test returns)\n");
        return out.toString();
    }

    public static byte[] json(final WalkForwardResult result, final String strategy, final String data,
        final boolean anchored)
    {
        return ValidationJson.toBytes(json ->
        {
            json.startObject(null);
            json.text("kind", "walk-forward");
            json.text("strategy", strategy);
            json.text("data", data);
            json.bool("anchored", anchored);
            json.integer("gridSize", result.gridSize());
            json.integer("windowCount", result.windows().size());
            json.ratio("averageInSampleSharpe", result.averageInSampleSharpe());
            json.ratio("averageOutOfSampleSharpe", result.averageOutOfSampleSharpe());
            json.ratio("degradation", result.degradation());
            json.ratio("outOfSampleDeflatedSharpe", result.outOfSampleDsr());
            json.ratio("probabilityOfOverfitting", result.overfitProbability());
            json.startArray("windows");
            for (final WalkForwardResult.WindowResult w : result.windows())
            {
                json.startObject(null);
                json.integer("index", w.window().index());
                json.text("trainFrom", iso(w.window().trainFromNs()));
                json.text("testFrom", iso(w.window().testFromNs()));
                json.text("testTo", iso(w.window().testToNs()));
                json.text("chosen", w.parameters());
                json.integer("chosenGridPoint", w.chosenPoint());
                json.ratio("inSampleDeflatedSharpe", w.inSampleDsr());
                json.ratio("degradation", w.degradation());
                run(json, "inSample", w.inSample());
                run(json, "outOfSample", w.outOfSample());
                json.endObject();
            }
            json.endArray();
            json.endObject();
        });
    }

    private static void run(final ValidationJson json, final String name, final BacktestReport report)
        throws java.io.IOException
    {
        json.startObject(name);
        json.ratio("sharpe", report.sharpe());
        json.ratio("totalReturn", report.totalReturn());
        json.ratio("maxDrawdown", report.maxDrawdownFraction());
        json.integer("fills", report.fills());
        json.integer("ordersSent", report.ordersSent());
        json.integer("returnPeriods", report.dailyPeriods());
        json.endObject();
    }

    public static void html(final WalkForwardResult result, final String strategy, final String data,
        final Path file)
    {
        final DefaultCategoryDataset sharpes = new DefaultCategoryDataset();
        final List<List<String>> rows = new ArrayList<>();
        for (final WalkForwardResult.WindowResult w : result.windows())
        {
            final String window = Integer.toString(w.window().index());
            sharpes.addValue(w.inSampleSharpe(), "in-sample Sharpe", window);
            sharpes.addValue(w.outOfSampleSharpe(), "out-of-sample Sharpe", window);
            rows.add(List.of(window, iso(w.window().testFromNs()), Figures.number(w.inSampleSharpe(), 3),
                Figures.number(w.outOfSampleSharpe(), 3), Figures.percent(w.inSample().totalReturn()),
                Figures.percent(w.outOfSample().totalReturn()), Figures.percent(w.outOfSample().maxDrawdownFraction()),
                Long.toString(w.outOfSample().fills()), w.parameters()));
        }
        final JFreeChart chart = ChartFactory.createLineChart("Sharpe per window: in-sample vs out-of-sample",
            "window", "Sharpe (annualised)", sharpes, PlotOrientation.VERTICAL, true, false, false);
        new ValidationHtml("Walk-forward: " + strategy)
            .paragraph("data: " + data)
            .chart(chart)
            .table(List.of("window", "test from", "IS Sharpe", "OOS Sharpe", "IS return", "OOS return", "OOS max dd",
                "OOS fills", "chosen"), rows)
            .heading("Summary")
            .preformatted(text(result))
            .write(file);
    }

    static String iso(final long timeNs)
    {
        return Instant.ofEpochSecond(Math.floorDiv(timeNs, 1_000_000_000L), Math.floorMod(timeNs, 1_000_000_000L))
            .toString();
    }
}
