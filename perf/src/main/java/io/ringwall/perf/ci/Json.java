package io.ringwall.perf.ci;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Just enough JSON for the perf verdict, on jackson-core's streaming API: a document read into plain
 * values (objects as insertion-ordered {@link Map}s, arrays as {@link List}s, numbers as {@link Double}),
 * a few typed lookups that say which path was missing, and a writer of the same shapes.
 */
public final class Json
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json()
    {
    }

    /**
     * @throws IllegalArgumentException naming {@code what} when the text is not JSON.
     */
    public static Object parse(final String text, final String what)
    {
        try (JsonParser parser = FACTORY.createParser(text))
        {
            final JsonToken first = parser.nextToken();
            if (first == null)
            {
                throw new IllegalArgumentException(what + " is empty");
            }
            final Object value = value(parser, first);
            if (parser.nextToken() != null)
            {
                throw new IllegalArgumentException(what + ": text after the JSON value");
            }
            return value;
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException(what + " is not valid JSON: " + ex.getMessage(), ex);
        }
    }

    /**
     * @throws IllegalArgumentException when the file is missing or not JSON.
     */
    public static Object read(final Path file)
    {
        try
        {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }
        catch (final NoSuchFileException ex)
        {
            throw new IllegalArgumentException(file + " does not exist");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    private static Object value(final JsonParser parser, final JsonToken token) throws IOException
    {
        return switch (token)
        {
            case START_OBJECT ->
            {
                final Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT)
                {
                    final String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY ->
            {
                final List<Object> array = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY)
                {
                    array.add(value(parser, next));
                }
                yield array;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            // JMH writes "NaN" as a string for an undefined error; keep it as text.
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + token);
        };
    }

    /**
     * @return the object at {@code path} (keys separated by '.') under {@code root}.
     * @throws IllegalArgumentException naming the path when it is missing or not an object.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(final Object root, final String path, final String what)
    {
        final Object value = at(root, path, what);
        if (!(value instanceof Map))
        {
            throw new IllegalArgumentException(what + ": '" + path + "' is not an object");
        }
        return (Map<String, Object>)value;
    }

    /**
     * @throws IllegalArgumentException naming the path when it is missing or not a number.
     */
    public static double number(final Object root, final String path, final String what)
    {
        final Object value = at(root, path, what);
        if (!(value instanceof Double number))
        {
            throw new IllegalArgumentException(what + ": '" + path + "' is not a number");
        }
        return number;
    }

    /**
     * @throws IllegalArgumentException naming the path when it is missing or not text.
     */
    public static String text(final Object root, final String path, final String what)
    {
        final Object value = at(root, path, what);
        if (!(value instanceof String text))
        {
            throw new IllegalArgumentException(what + ": '" + path + "' is not text");
        }
        return text;
    }

    private static Object at(final Object root, final String path, final String what)
    {
        Object value = root;
        if (!path.isEmpty())
        {
            for (final String key : path.split("\\."))
            {
                if (!(value instanceof Map<?, ?> map) || !map.containsKey(key))
                {
                    throw new IllegalArgumentException(what + ": '" + path + "' is missing");
                }
                value = map.get(key);
            }
        }
        return value;
    }

    /**
     * @return {@code value} (maps, lists, numbers, strings, booleans, null) as indented JSON text.
     */
    public static String write(final Object value)
    {
        final StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text))
        {
            generator.useDefaultPrettyPrinter();
            write(generator, value);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return text + "\n";
    }

    private static void write(final JsonGenerator generator, final Object value) throws IOException
    {
        if (value instanceof Map<?, ?> map)
        {
            generator.writeStartObject();
            for (final Map.Entry<?, ?> entry : map.entrySet())
            {
                generator.writeFieldName(entry.getKey().toString());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        }
        else if (value instanceof List<?> list)
        {
            generator.writeStartArray();
            for (final Object element : list)
            {
                write(generator, element);
            }
            generator.writeEndArray();
        }
        else if (value instanceof Number number)
        {
            generator.writeNumber(number.doubleValue());
        }
        else if (value instanceof Boolean flag)
        {
            generator.writeBoolean(flag);
        }
        else if (value == null)
        {
            generator.writeNull();
        }
        else
        {
            generator.writeString(value.toString());
        }
    }
}
