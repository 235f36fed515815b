package io.ringwall.tools.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ringwall.tools.backtest.BacktestReport;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** A sensitivity run's text, JSON and HTML report; the surface is a table of Sharpe ratios. */
public final class SensitivityOutputs
{
    private SensitivityOutputs()
    {
    }

    public static String text(final Sensitivity.Result result)
    {
        final StrategyGrid grid = result.grid();
        final StringBuilder out = new StringBuilder();
        if (grid.axes().size() == 2)
        {
            final StrategyGrid.Axis rows = grid.axes().get(0);
            final StrategyGrid.Axis columns = grid.axes().get(1);
            out.append("Sharpe by ").append(rows.parameter()).append(" (rows) and ").append(columns.parameter())
                .append(" (columns)\n");
            out.append(String.format(Locale.ROOT, "%12s", ""));
            for (final String column : columns.values())
            {
                out.append(String.format(Locale.ROOT, " %10s", column));
            }
            out.append('\n');
            for (int r = 0; r < rows.values().size(); r++)
            {
                out.append(String.format(Locale.ROOT, "%12s", rows.values().get(r)));
                for (int c = 0; c < columns.values().size(); c++)
                {
                    out.append(String.format(Locale.ROOT, " %10s",
                        Figures.number(result.sharpe(grid.point(new int[] {r, c})), 3)));
                }
                out.append('\n');
            }
        }
        out.append(String.format(Locale.ROOT, "%n%-30s %10s %10s %10s %7s%n", "point", "Sharpe", "return", "max dd",
            "fills"));
        for (int g = 0; g < grid.size(); g++)
        {
            final BacktestReport report = result.reports().get(g);
            out.append(String.format(Locale.ROOT, "%-30s %10s %10s %10s %7d%n", grid.describe(g),
                Figures.number(result.sharpe(g), 3), Figures.percent(report.totalReturn()),
                Figures.percent(report.maxDrawdownFraction()), report.fills()));
        }
        out.append(String.format(Locale.ROOT, "%ncliffs (a neighbour's Sharpe lower by more than %s): %d%n",
            Figures.percent(result.cliffShare()), result.cliffs().size()));
        for (final Sensitivity.Cliff cliff : result.cliffs())
        {
            out.append(String.format(Locale.ROOT, "  CLIFF %s (%s) -> %s (%s): drop %s%n", grid.describe(cliff.fromPoint()),
                Figures.number(cliff.fromSharpe(), 3), grid.describe(cliff.toPoint()), Figures.number(cliff.toSharpe(), 3),
                Figures.percent(cliff.drop())));
        }
        return out.toString();
    }

    public static byte[] json(final Sensitivity.Result result, final String strategy, final String data)
    {
        return ValidationJson.toBytes(json ->
        {
            json.startObject(null);
            json.text("kind", "sensitivity");
            json.text("strategy", strategy);
            json.text("data", data);
            json.ratio("cliffShare", result.cliffShare());
            json.startArray("points");
            for (int g = 0; g < result.grid().size(); g++)
            {
                final BacktestReport report = result.reports().get(g);
                json.startObject(null);
                json.text("parameters", result.grid().describe(g));
                json.ratio("sharpe", report.sharpe());
                json.ratio("totalReturn", report.totalReturn());
                json.ratio("maxDrawdown", report.maxDrawdownFraction());
                json.integer("fills", report.fills());
                json.endObject();
            }
            json.endArray();
            json.startArray("cliffs");
            for (final Sensitivity.Cliff cliff : result.cliffs())
            {
                json.startObject(null);
                json.text("from", result.grid().describe(cliff.fromPoint()));
                json.text("to", result.grid().describe(cliff.toPoint()));
                json.ratio("drop", cliff.drop());
                json.endObject();
            }
            json.endArray();
            json.endObject();
        });
    }

    /** The surface as lines: Sharpe along the last axis, one line per value of the other axes. */
    public static void html(final Sensitivity.Result result, final String strategy, final String data, final Path file)
    {
        final StrategyGrid grid = result.grid();
        final DefaultCategoryDataset surface = new DefaultCategoryDataset();
        final int last = grid.axes().size() - 1;
        for (int g = 0; g < grid.size(); g++)
        {
            final int[] coordinates = grid.coordinates(g);
            final String x = last < 0 ? "(base)" : grid.axes().get(last).values().get(coordinates[last]);
            final StringBuilder line = new StringBuilder();
            for (int a = 0; a < last; a++)
            {
                line.append(line.length() == 0 ? "" : " ").append(grid.axes().get(a).parameter()).append('=')
                    .append(grid.axes().get(a).values().get(coordinates[a]));
            }
            surface.addValue(result.sharpe(g), line.length() == 0 ? "Sharpe" : line.toString(), x);
        }
        final JFreeChart chart = ChartFactory.createLineChart("Sharpe across the grid",
            last < 0 ? "" : grid.axes().get(last).parameter(), "Sharpe (annualised)", surface,
            PlotOrientation.VERTICAL, true, false, false);
        final List<List<String>> cliffs = new ArrayList<>();
        for (final Sensitivity.Cliff cliff : result.cliffs())
        {
            cliffs.add(List.of(grid.describe(cliff.fromPoint()), Figures.number(cliff.fromSharpe(), 3),
                grid.describe(cliff.toPoint()), Figures.number(cliff.toSharpe(), 3), Figures.percent(cliff.drop())));
        }
        new ValidationHtml("Parameter sensitivity: " + strategy)
            .paragraph("data: " + data)
            .chart(chart)
            .heading("Cliffs")
            .table(List.of("from", "Sharpe", "to", "Sharpe", "drop"), cliffs)
            .heading("Surface")
            .preformatted(text(result))
            .write(file);
    }
}
