package io.ringwall.tools.backtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.ringwall.engine.Fixed;

/**
 * The report as JSON, byte-identical for identical reports: fields in a fixed order (written one by one
 * with Jackson's streaming generator, no reflection), "\n" line ends on every OS, money and quantities as
 * exact decimals of their fixed-point mantissas, ratios rounded half-even to {@value #RATIO_DECIMALS}
 * decimals, undefined figures as null, and nothing about the run itself (no run time, no paths).
 */
public final class BacktestReportJson
{
    static final int RATIO_DECIMALS = 10;
    private static final JsonFactory FACTORY = new JsonFactory();

    private BacktestReportJson()
    {
    }

    public static byte[] toBytes(final BacktestReport report)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(report, bytes);
        return bytes.toByteArray();
    }

    /** Writes the JSON to {@code file}, replacing it. */
    public static void write(final BacktestReport report, final Path file)
    {
        try
        {
            Files.write(file, toBytes(report));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    /** Writes the JSON to {@code out}; the stream is left open. */
    public static void write(final BacktestReport report, final OutputStream out)
    {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8))
        {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            final DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
            writeReport(report, json);
            json.writeRaw('\n');
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the backtest report", ex);
        }
    }

    private static void writeReport(final BacktestReport r, final JsonGenerator json) throws IOException
    {
        json.writeStartObject();
        // First, so a reader of the file sees why a session did not trade before any figure.
        json.writeArrayFieldStart("attention");
        for (final String line : r.attention())
        {
            json.writeString(line);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("strategies");
        for (final String strategy : r.strategies())
        {
            json.writeString(strategy);
        }
        json.writeEndArray();

        json.writeObjectFieldStart("period");
        text(json, "start", r.start());
        text(json, "end", r.end());
        json.writeNumberField("inputs", r.inputs());
        ratio(json, "elapsedDays", r.elapsedDays());
        json.writeEndObject();

        json.writeObjectFieldStart("returns");
        money(json, "initialEquity", r.initialEquityMoney());
        money(json, "finalEquity", r.finalEquityMoney());
        ratio(json, "totalReturn", r.totalReturn());
        ratio(json, "annualisedReturn", r.annualisedReturn());
        json.writeNumberField("periodsPerYear", r.periodsPerYear());
        json.writeNumberField("dailyPeriods", r.dailyPeriods());
        ratio(json, "sharpe", r.sharpe());
        ratio(json, "sortino", r.sortino());
        // Last of its object: a long array would bury the figures above it.
        json.writeArrayFieldStart("periodReturns");
        for (final double periodReturn : r.periodReturns())
        {
            json.writeNumber(decimal(periodReturn));
        }
        json.writeEndArray();
        json.writeEndObject();

        json.writeObjectFieldStart("drawdown");
        ratio(json, "maxFraction", r.maxDrawdownFraction());
        money(json, "maxMoney", r.maxDrawdownMoney());
        json.writeEndObject();

        json.writeObjectFieldStart("trading");
        json.writeNumberField("fills", r.fills());
        json.writeNumberField("closingFills", r.closingFills());
        json.writeNumberField("winningClosingFills", r.winningClosingFills());
        ratio(json, "winRate", r.winRate());
        money(json, "tradedNotional", r.tradedNotionalMoney());
        ratio(json, "turnover", r.turnover());
        money(json, "fees", r.feesMoney());
        ratio(json, "costBps", r.costBps());
        money(json, "realizedPnl", r.realizedPnlMoney());
        json.writeEndObject();

        json.writeObjectFieldStart("orders");
        json.writeNumberField("sent", r.ordersSent());
        quantity(json, "orderedQuantity", r.orderedQuantity());
        quantity(json, "filledQuantity", r.filledQuantity());
        ratio(json, "fillRate", r.fillRate());
        json.writeNumberField("venueRejects", r.venueRejects());
        json.writeNumberField("cancels", r.cancels());
        json.writeEndObject();

        json.writeEndObject();
    }

    private static void text(final JsonGenerator json, final String name, final String value) throws IOException
    {
        if (value == null)
        {
            json.writeNullField(name);
        }
        else
        {
            json.writeStringField(name, value);
        }
    }

    private static void money(final JsonGenerator json, final String name, final long mantissa) throws IOException
    {
        json.writeFieldName(name);
        json.writeNumber(Fixed.format(mantissa, Fixed.PRICE_DECIMALS));
    }

    private static void quantity(final JsonGenerator json, final String name, final long mantissa) throws IOException
    {
        json.writeFieldName(name);
        json.writeNumber(Fixed.format(mantissa, Fixed.QUANTITY_DECIMALS));
    }

    private static void ratio(final JsonGenerator json, final String name, final Double value) throws IOException
    {
        json.writeFieldName(name);
        if (value == null)
        {
            json.writeNull();
        }
        else
        {
            json.writeNumber(decimal(value));
        }
    }

    /** Exact binary value of the double, rounded half-even: the same text on every JVM and locale. */
    public static String decimal(final double value)
    {
        final BigDecimal rounded = new BigDecimal(value).setScale(RATIO_DECIMALS, RoundingMode.HALF_EVEN);
        return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
    }
}
