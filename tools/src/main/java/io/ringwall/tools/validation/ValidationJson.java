package io.ringwall.tools.validation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.ringwall.tools.backtest.BacktestReportJson;

/**
 * The validation reports' JSON, made as the backtest report's is (see {@link BacktestReportJson}): fields in a
 * fixed order, "\n" line ends, ratios as exact decimals rounded half-even, undefined figures (NaN, null) as
 * null, and nothing about the run itself (no time taken, no thread count), so equal results give equal bytes.
 */
final class ValidationJson
{
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes one document with the generator it is given. */
    @FunctionalInterface
    interface Body
    {
        void write(ValidationJson json) throws IOException;
    }

    private final JsonGenerator json;

    private ValidationJson(final JsonGenerator json)
    {
        this.json = json;
    }

    static byte[] toBytes(final Body body)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(bytes, JsonEncoding.UTF8))
        {
            final DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            generator.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter)
                .withArrayIndenter(indenter));
            body.write(new ValidationJson(generator));
            generator.writeRaw('\n');
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write a validation report", ex);
        }
        return bytes.toByteArray();
    }

    JsonGenerator generator()
    {
        return json;
    }

    void startObject(final String name) throws IOException
    {
        if (name == null)
        {
            json.writeStartObject();
        }
        else
        {
            json.writeObjectFieldStart(name);
        }
    }

    void endObject() throws IOException
    {
        json.writeEndObject();
    }

    void startArray(final String name) throws IOException
    {
        json.writeArrayFieldStart(name);
    }

    void endArray() throws IOException
    {
        json.writeEndArray();
    }

    void text(final String name, final String value) throws IOException
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

    void integer(final String name, final long value) throws IOException
    {
        json.writeNumberField(name, value);
    }

    void ratio(final String name, final Double value) throws IOException
    {
        json.writeFieldName(name);
        ratioValue(value);
    }

    void ratioValue(final Double value) throws IOException
    {
        if (value == null || !Double.isFinite(value))
        {
            json.writeNull();
        }
        else
        {
            json.writeNumber(BacktestReportJson.decimal(value));
        }
    }

    void bool(final String name, final boolean value) throws IOException
    {
        json.writeBooleanField(name, value);
    }
}
