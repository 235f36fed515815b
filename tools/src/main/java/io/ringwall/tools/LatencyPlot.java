package io.ringwall.tools;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * The percentile-distribution plot as HdrHistogram's plotter draws it: one line per stage, latency on
 * the y axis, and on a log-scaled x axis 1/(1-percentile), so that 90%, 99%, 99.9%... are evenly spaced.
 */
final class LatencyPlot
{
    static final int WIDTH = 1200;
    static final int HEIGHT = 700;
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private LatencyPlot()
    {
    }

    /**
     * Writes the plot as SVG or PNG, chosen by the file name's ending.
     *
     * @throws IllegalArgumentException for another ending.
     */
    static void write(final List<LatencyLog.Stage> stages, final String title, final Path file) throws IOException
    {
        final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".svg") && !name.endsWith(".png"))
        {
            throw new IllegalArgumentException("--plot " + file + " must end in .svg or .png");
        }
        final JFreeChart chart = chart(stages, title);
        if (file.getParent() != null)
        {
            Files.createDirectories(file.getParent());
        }
        if (name.endsWith(".png"))
        {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
            return;
        }
        final SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        // Text as <text> elements (searchable, smaller), not glyph outlines: JFreeChart's workaround for
        // rotated text in old JDKs draws it through TextLayout, which SVG receives as shapes.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
        svg.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        chart.draw(svg, new java.awt.Rectangle(0, 0, WIDTH, HEIGHT));
        Files.writeString(file, svg.getSVGDocument());
    }

    static JFreeChart chart(final List<LatencyLog.Stage> stages, final String title)
    {
        final XYSeriesCollection dataset = new XYSeriesCollection();
        for (final LatencyLog.Stage stage : stages)
        {
            dataset.addSeries(series(stage.tag(), stage.histogram()));
        }
        final LogAxis percentileAxis = new LogAxis("percentile");
        percentileAxis.setBase(10);
        percentileAxis.setSmallestValue(1);
        percentileAxis.setNumberFormatOverride(new PercentileFormat());
        // One tick per decade of 1/(1-p): 0%, 90%, 99%, 99.9%...
        percentileAxis.setAutoTickUnitSelection(false);
        percentileAxis.setTickUnit(new NumberTickUnit(1.0));
        final NumberAxis latencyAxis = new NumberAxis("latency (us)");
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < stages.size(); i++)
        {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        final XYPlot plot = new XYPlot(dataset, percentileAxis, latencyAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        final JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * @return the stage's percentile distribution: x = 1/(1-percentile), y = latency in us. The 100%
     *         point (x infinite) is drawn at the last finite x, so the line ends at the maximum.
     */
    static XYSeries series(final String name, final Histogram histogram)
    {
        final XYSeries series = new XYSeries(name, false, true);
        double lastX = 1;
        for (final HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF_DISTANCE))
        {
            final double fraction = value.getPercentileLevelIteratedTo() / 100.0;
            final double micros = histogram.highestEquivalentValue(value.getValueIteratedTo()) / 1e3;
            if (fraction < 1.0)
            {
                lastX = 1.0 / (1.0 - fraction);
                series.add(lastX, micros);
            }
            else
            {
                series.add(Math.max(lastX, histogram.getTotalCount()), micros);
            }
        }
        return series;
    }

    /**
     * Labels the x axis in percentiles: 1 -> 0%, 10 -> 90%, 100 -> 99%, 1000 -> 99.9%.
     */
    static final class PercentileFormat extends NumberFormat
    {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(final double x, final StringBuffer toAppendTo, final FieldPosition pos)
        {
            final double percent = 100.0 * (1.0 - 1.0 / x);
            final String text = new java.math.BigDecimal(percent).round(new java.math.MathContext(8))
                .stripTrailingZeros().toPlainString();
            return toAppendTo.append(text).append('%');
        }

        @Override
        public StringBuffer format(final long x, final StringBuffer toAppendTo, final FieldPosition pos)
        {
            return format((double)x, toAppendTo, pos);
        }

        @Override
        public Number parse(final String source, final ParsePosition parsePosition)
        {
            throw new UnsupportedOperationException("labels only");
        }
    }
}
