package io.ringwall.tools.readiness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A report file read into plain maps, lists, strings, numbers (as {@code Double}), booleans and nulls with
 * Jackson's streaming parser (the tools have no data binding), and looked up by dotted paths.
 */
public final class JsonTree
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, Object> root;
    private final Path file;

    private JsonTree(final Path file, final Map<String, Object> root)
    {
        this.file = file;
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    public static JsonTree read(final Path file)
    {
        try (JsonParser parser = FACTORY.createParser(Files.readAllBytes(file)))
        {
            final Object value = value(parser, parser.nextToken());
            if (!(value instanceof Map))
            {
                throw new IllegalArgumentException(file + " is not a JSON object");
            }
            return new JsonTree(file, (Map<String, Object>)value);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
    }

    Path file()
    {
        return file;
    }

    /** @return the value at a dotted path ("returns.sharpe"), or null when absent. */
    @SuppressWarnings("unchecked")
    public Object at(final String path)
    {
        Object node = root;
        for (final String key : path.split("\\."))
        {
            if (!(node instanceof Map))
            {
                return null;
            }
            node = ((Map<String, Object>)node).get(key);
        }
        return node;
    }

    /** @return the number at the path, or null when absent, null or not a number. */
    Double number(final String path)
    {
        return at(path) instanceof Double d ? d : null;
    }

    String text(final String path)
    {
        return at(path) instanceof String s ? s : null;
    }

    private static Object value(final JsonParser parser, final JsonToken token) throws IOException
    {
        if (token == null)
        {
            throw new IOException("unexpected end");
        }
        switch (token)
        {
            case START_OBJECT:
                final Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken())
                {
                    final String name = parser.currentName();
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            case START_ARRAY:
                final List<Object> list = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken())
                {
                    list.add(value(parser, next));
                }
                return list;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getValueAsDouble();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                return parser.getValueAsString();
        }
    }
}
