package io.ringwall.tools.backtest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;

import io.ringwall.engine.Fixed;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the equity curve (top) and the drawdown below the running peak (bottom) on one UTC time axis and
 * writes it as a PNG. Renders into an image in memory, so it works with {@code -Djava.awt.headless=true}
 * (it needs fontconfig and one TrueType font on Linux, as any Java text rendering does). The series is
 * downsampled to at most {@value #MAX_POINTS} points, keeping each bucket's peak and trough.
 */
public final class EquityChart
{
    static final int MAX_POINTS = 2_000;
    public static final int DEFAULT_WIDTH = 1200;
    public static final int DEFAULT_HEIGHT = 700;
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private EquityChart()
    {
    }

    /**
     * Writes the picture of {@code analysis} to {@code png}, replacing the file.
     */
    public static void writePng(final BacktestAnalysis analysis, final Path png)
    {
        try (OutputStream out = Files.newOutputStream(png))
        {
            ChartUtils.writeChartAsPNG(out, chart(analysis), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + png, ex);
        }
    }

    static JFreeChart chart(final BacktestAnalysis analysis)
    {
        final BacktestReport report = analysis.report();
        final EquitySeries equity = analysis.equity();
        final double[] drawdown = equity.drawdownFractions(report.initialEquityMoney());
        final XYSeries equitySeries = new XYSeries("Equity", false, true);
        final XYSeries drawdownSeries = new XYSeries("Drawdown", false, true);
        for (final int i : equity.downsampleIndices(MAX_POINTS))
        {
            final double millis = equity.timeNs(i) / NANOS_PER_MILLI;
            equitySeries.add(millis, (double)equity.equity(i) / Fixed.PRICE_SCALE);
            drawdownSeries.add(millis, -100 * drawdown[i]);
        }

        final DateAxis time = new DateAxis("Time (UTC)", TimeZone.getTimeZone("UTC"), Locale.ROOT);
        final CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(8);
        plot.add(subplot(equitySeries, "Equity (quote ccy)", new XYLineAndShapeRenderer(true, false),
            new Color(0x1f, 0x77, 0xb4)), 3);
        plot.add(subplot(drawdownSeries, "Drawdown (%)", new XYAreaRenderer(), new Color(0xd6, 0x27, 0x28)), 1);

        final JFreeChart chart = new JFreeChart("Equity curve: " + String.join(", ", report.strategies()),
            JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle(report.start() + " to " + report.end()));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYPlot subplot(final XYSeries series, final String label,
        final org.jfree.chart.renderer.xy.XYItemRenderer renderer, final Color color)
    {
        final NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(1.2f));
        final XYPlot plot = new XYPlot(new XYSeriesCollection(series), null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
