package io.ringwall.engine.control;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The control plane's JSON: flat objects in, objects of strings, numbers, booleans, lists and nested objects
 * out, through jackson-core's streaming API. Off the logic thread only.
 */
public final class Json
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json()
    {
    }

    /** @return the object as one line of JSON, fields in the map's order. */
    public static String write(final Map<String, ?> object)
    {
        final StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text))
        {
            value(json, object);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }

    /**
     * Reads a JSON object whose values are scalars (strings, numbers, booleans, null) or nested objects/lists
     * (read as maps/lists).
     *
     * @throws IllegalArgumentException when the text is not such an object.
     */
    public static Map<String, Object> read(final String text)
    {
        try (JsonParser parser = FACTORY.createParser(text))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IllegalArgumentException("the body is not a JSON object");
            }
            final Map<String, Object> object = readObject(parser);
            if (parser.nextToken() != null)
            {
                throw new IllegalArgumentException("the body has text after its JSON object");
            }
            return object;
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("the body is not valid JSON: " + (ex instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage() : ex.getMessage()), ex);
        }
    }

    private static Map<String, Object> readObject(final JsonParser parser) throws IOException
    {
        final Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            object.put(name, readValue(parser, parser.nextToken()));
        }
        return object;
    }

    private static Object readValue(final JsonParser parser, final JsonToken token) throws IOException
    {
        return switch (token)
        {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY ->
            {
                final List<Object> list = new java.util.ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY)
                {
                    list.add(readValue(parser, next));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalArgumentException("unexpected JSON token " + token);
        };
    }

    private static void value(final JsonGenerator json, final Object value) throws IOException
    {
        if (value == null)
        {
            json.writeNull();
        }
        else if (value instanceof Map<?, ?> map)
        {
            json.writeStartObject();
            for (final Map.Entry<?, ?> entry : map.entrySet())
            {
                json.writeFieldName(String.valueOf(entry.getKey()));
                value(json, entry.getValue());
            }
            json.writeEndObject();
        }
        else if (value instanceof List<?> list)
        {
            json.writeStartArray();
            for (final Object item : list)
            {
                value(json, item);
            }
            json.writeEndArray();
        }
        else if (value instanceof Boolean bool)
        {
            json.writeBoolean(bool);
        }
        else if (value instanceof Long || value instanceof Integer)
        {
            json.writeNumber(((Number)value).longValue());
        }
        else
        {
            json.writeString(value.toString());
        }
    }
}
