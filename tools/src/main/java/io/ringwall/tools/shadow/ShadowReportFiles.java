package io.ringwall.tools.shadow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.ringwall.tools.SessionSymbols;
import io.ringwall.tools.validation.ValidationHtml;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The shadow report's files: {@code shadow-report.json} (what {@code ringwall readiness --shadow SESSION} reads:
 * {@code alignment} and {@code executionQuality} as fractions) and {@code shadow-report.html} with the text and two
 * plots (the slippage of each order against the model, and the alignment rate over the decisions).
 */
public final class ShadowReportFiles
{
    public static final String JSON = "shadow-report.json";
    public static final String HTML = "shadow-report.html";
    private static final JsonFactory FACTORY = new JsonFactory();

    private ShadowReportFiles()
    {
    }

    public static byte[] json(final ShadowReport r, final BacktestComparison comparison)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8))
        {
            final DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
            json.writeStartObject();
            number(json, "alignment", r.alignment());
            number(json, "executionQuality", r.executionQuality());
            json.writeNumberField("decisions", r.decisions());
            json.writeNumberField("aligned", r.aligned());
            json.writeNumberField("misaligned", r.misalignments().size());
            json.writeNumberField("executions", r.executions());
            json.writeNumberField("filled", r.filled());
            json.writeNumberField("partial", r.partial());
            json.writeNumberField("notFilled", r.notFilled());
            json.writeFieldName("slippageBps");
            distribution(json, r.slippageBps(), r.averageSlippageBps());
            json.writeFieldName("ackLatencyMs");
            distribution(json, r.ackLatencyMs(), Double.NaN);
            json.writeFieldName("fillLatencyMs");
            distribution(json, r.fillLatencyMs(), Double.NaN);
            json.writeArrayFieldStart("misalignments");
            for (final ShadowReport.Misalignment m : r.misalignments())
            {
                json.writeStartObject();
                json.writeNumberField("decision", m.decision());
                json.writeNumberField("timeNs", m.timeNs());
                json.writeNumberField("outputSequence", m.outputSequence());
                json.writeNumberField("causeSequence", m.causeSequence());
                json.writeNumberField("strategyId", m.strategyId());
                json.writeNumberField("instrumentId", m.instrumentId());
                json.writeNumberField("liveTarget", m.liveTarget());
                json.writeNumberField("twinTarget", m.twinTarget());
                json.writeStringField("reason", m.verdict().name());
                json.writeNumberField("differencePpm", m.differencePpm());
                json.writeNumberField("misalignmentsInRow", m.misalignmentsInRow());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (comparison != null)
            {
                json.writeObjectFieldStart("againstBacktest");
                json.writeNumberField("periods", comparison.periods());
                number(json, "dailyReturnCorrelation", comparison.correlation());
                number(json, "equityDtwDistance", comparison.dtwDistance());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the shadow report", ex);
        }
        return bytes.toByteArray();
    }

    public static void write(final ShadowReport r, final BacktestComparison comparison, final List<String> text,
        final SessionSymbols symbols, final Path dir)
    {
        try
        {
            Files.write(dir.resolve(JSON), json(r, comparison));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + dir.resolve(JSON), ex);
        }
        final ValidationHtml html = new ValidationHtml("Shadow report");
        html.preformatted(String.join("\n", text));
        final XYSeries slippage = new XYSeries("slippage vs model, bps");
        for (int i = 0; i < r.slippageBps().length; i++)
        {
            slippage.add(i + 1, r.slippageBps()[i]);
        }
        html.chart(chart("Slippage of each live order against the paper model", "order", "bps", slippage));
        html.chart(chart("Alignment over the decisions", "decision", "aligned share", alignmentCurve(r)));
        html.write(dir.resolve(HTML));
    }

    /** The running share of aligned decisions: a point at each misalignment and at the last decision. */
    private static XYSeries alignmentCurve(final ShadowReport r)
    {
        final XYSeries curve = new XYSeries("alignment");
        long misaligned = 0;
        for (final ShadowReport.Misalignment m : r.misalignments())
        {
            if (m.decision() > 1)
            {
                curve.add(m.decision() - 1, 1.0 - (double)misaligned / (m.decision() - 1));
            }
            misaligned++;
            curve.add(m.decision(), 1.0 - (double)misaligned / m.decision());
        }
        if (r.decisions() > 0)
        {
            curve.add(r.decisions(), r.alignment());
        }
        return curve;
    }

    private static JFreeChart chart(final String title, final String x, final String y, final XYSeries series)
    {
        return ChartFactory.createXYLineChart(title, x, y, new XYSeriesCollection(series), PlotOrientation.VERTICAL,
            true, false, false);
    }

    private static void distribution(final JsonGenerator json, final double[] values, final double average)
        throws IOException
    {
        json.writeStartObject();
        json.writeNumberField("count", values.length);
        if (!Double.isNaN(average))
        {
            number(json, "average", average);
        }
        for (final double p : ShadowReport.PERCENTILES)
        {
            number(json, p == 100 ? "max" : "p" + (int)p, ShadowReport.percentile(values, p));
        }
        json.writeEndObject();
    }

    private static void number(final JsonGenerator json, final String name, final double value) throws IOException
    {
        if (Double.isNaN(value))
        {
            json.writeNullField(name);
        }
        else
        {
            json.writeNumberField(name, value);
        }
    }
}
