package io.ringwall.tools.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A Monte Carlo's text, JSON and HTML report. */
public final class MonteCarloOutputs
{
    static final double[] PERCENTILES = {5, 50, 95};

    private MonteCarloOutputs()
    {
    }

    public static String text(final MonteCarloResult result)
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %-14s %10s %10s %10s%n", "method", "figure", "p5", "p50", "p95"));
        section(out, "trade bootstrap", result.bootstrap());
        section(out, "trade shuffle", result.shuffle());
        if (result.costs() != null)
        {
            section(out, "costs/slippage/latency", result.costs());
        }
        out.append(String.format(Locale.ROOT, "%nprobability of ruin (max drawdown >= %s)%n",
            Figures.percent(result.ruinDrawdown())));
        out.append("  trade bootstrap       ").append(Figures.percent(
            MonteCarloResult.ruinProbability(result.bootstrap(), result.ruinDrawdown()))).append('\n');
        out.append("  trade shuffle         ").append(Figures.percent(
            MonteCarloResult.ruinProbability(result.shuffle(), result.ruinDrawdown()))).append('\n');
        if (result.costs() != null)
        {
            out.append("  costs/slippage/latency ").append(Figures.percent(
                MonteCarloResult.ruinProbability(result.costs(), result.ruinDrawdown()))).append('\n');
        }
        return out.toString();
    }

    private static void section(final StringBuilder out, final String method, final TradeResampling.Outcomes o)
    {
        row(out, method, "final return", o.finalReturn(), true);
        row(out, "", "Sharpe", o.sharpe(), false);
        row(out, "", "max drawdown", o.maxDrawdown(), true);
    }

    private static void row(final StringBuilder out, final String method, final String figure, final double[] values,
        final boolean percent)
    {
        out.append(String.format(Locale.ROOT, "%-22s %-14s", method, figure));
        for (final double p : PERCENTILES)
        {
            final double value = Percentiles.of(values, p);
            out.append(String.format(Locale.ROOT, " %10s", percent ? Figures.percent(value) : Figures.number(value, 3)));
        }
        out.append('\n');
    }

    public static byte[] json(final MonteCarloResult result, final String strategy, final String data)
    {
        return ValidationJson.toBytes(json ->
        {
            json.startObject(null);
            json.text("kind", "monte-carlo");
            json.text("strategy", strategy);
            json.text("data", data);
            json.integer("runs", result.runs());
            json.integer("seed", result.seed());
            json.integer("trades", result.trades());
            json.ratio("ruinDrawdown", result.ruinDrawdown());
            method(json, "bootstrap", result.bootstrap(), result.ruinDrawdown());
            method(json, "shuffle", result.shuffle(), result.ruinDrawdown());
            if (result.costs() != null)
            {
                method(json, "costs", result.costs(), result.ruinDrawdown());
            }
            json.endObject();
        });
    }

    private static void method(final ValidationJson json, final String name, final TradeResampling.Outcomes o,
        final double ruinDrawdown) throws IOException
    {
        json.startObject(name);
        json.integer("runs", o.finalReturn().length);
        percentiles(json, "finalReturn", o.finalReturn());
        percentiles(json, "sharpe", o.sharpe());
        percentiles(json, "maxDrawdown", o.maxDrawdown());
        json.ratio("ruinProbability", MonteCarloResult.ruinProbability(o, ruinDrawdown));
        json.endObject();
    }

    private static void percentiles(final ValidationJson json, final String name, final double[] values)
        throws IOException
    {
        json.startObject(name);
        for (final double p : PERCENTILES)
        {
            json.ratio("p" + (int)p, Percentiles.of(values, p));
        }
        json.endObject();
    }

    public static void html(final MonteCarloResult result, final String strategy, final String data, final Path file)
    {
        final XYSeriesCollection curves = new XYSeriesCollection();
        curves.addSeries(sortedPercent("trade bootstrap", result.bootstrap().finalReturn()));
        curves.addSeries(sortedPercent("trade shuffle", result.shuffle().finalReturn()));
        if (result.costs() != null)
        {
            curves.addSeries(sortedPercent("costs/slippage/latency", result.costs().finalReturn()));
        }
        final JFreeChart returns = ChartFactory.createXYLineChart("Final return by percentile of runs",
            "percentile of runs", "final return (%)", curves, PlotOrientation.VERTICAL, true, false, false);
        final XYSeriesCollection drawdowns = new XYSeriesCollection();
        drawdowns.addSeries(sortedPercent("trade bootstrap", result.bootstrap().maxDrawdown()));
        drawdowns.addSeries(sortedPercent("trade shuffle", result.shuffle().maxDrawdown()));
        if (result.costs() != null)
        {
            drawdowns.addSeries(sortedPercent("costs/slippage/latency", result.costs().maxDrawdown()));
        }
        final JFreeChart drawdown = ChartFactory.createXYLineChart("Max drawdown by percentile of runs",
            "percentile of runs", "max drawdown (%)", drawdowns, PlotOrientation.VERTICAL, true, false, false);
        new ValidationHtml("Monte Carlo: " + strategy)
            .paragraph("data: " + data + "; " + result.runs() + " runs per method, seed " + result.seed())
            .preformatted(text(result))
            .chart(returns)
            .chart(drawdown)
            .write(file);
    }

    private static XYSeries sortedPercent(final String name, final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final XYSeries series = new XYSeries(name);
        for (int i = 0; i < sorted.length; i++)
        {
            if (Double.isFinite(sorted[i]))
            {
                series.add(100.0 * (i + 1) / sorted.length, sorted[i] * 100);
            }
        }
        return series;
    }
}
