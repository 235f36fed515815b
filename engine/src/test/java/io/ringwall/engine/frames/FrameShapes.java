package io.ringwall.engine.frames;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ringwall.codecs.MessageHeaderDecoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The fuzz tests' oracle of a well-formed frame, read off the generated decoders (not off the code under test):
 * a frame is well-formed when it holds the 8-byte header, is of this schema and a known template, its block is at
 * least as long as the fields its version has and fits in the frame, every enum field holds a value of its enum
 * (or the enum's null value) and its variable-length data fits in the frame.
 */
public final class FrameShapes
{
    /** One fixed field of a template. {@code codes} is null for a number. */
    private record Field(String name, int offset, int length, int sinceVersion, Set<Integer> codes)
    {
    }

    private record Shape(String name, List<Field> fields, int varDataCount)
    {
    }

    private static final String SCHEMA = "sbe/ringwall-messages.xml";
    private static final Pattern MESSAGE = Pattern.compile("<sbe:message\\s+name=\"(\\w+)\"");
    private static final Map<Integer, Shape> SHAPES = new HashMap<>();

    static
    {
        try
        {
            for (final String name : messageNames())
            {
                final Class<?> decoder = Class.forName("io.ringwall.codecs." + name + "Decoder");
                SHAPES.put((Integer)decoder.getField("TEMPLATE_ID").get(null), shape(name, decoder));
            }
        }
        catch (final ReflectiveOperationException | IOException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private FrameShapes()
    {
    }

    /**
     * @return the names of every message of the schema, read off the schema file itself so that a template added to
     *         the schema is in the oracle the day it is added (a hand-kept list missed the three amend frames).
     */
    private static List<String> messageNames() throws IOException
    {
        try (InputStream in = FrameShapes.class.getClassLoader().getResourceAsStream(SCHEMA))
        {
            if (in == null)
            {
                throw new IOException(SCHEMA + " is not on the classpath");
            }
            final Matcher message = MESSAGE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            final List<String> names = new ArrayList<>();
            while (message.find())
            {
                names.add(message.group(1));
            }
            return names;
        }
    }

    /** @return the template ids of every frame of the schema. */
    public static Set<Integer> allTemplates()
    {
        return new HashSet<>(SHAPES.keySet());
    }

    /** @return the template ids of the input frames (journal "in"). */
    public static Set<Integer> inputTemplates()
    {
        final Set<Integer> inputs = new HashSet<>();
        for (final int id : SHAPES.keySet())
        {
            if (id < 20)
            {
                inputs.add(id);
            }
        }
        return inputs;
    }

    /**
     * @return null for a well-formed frame of one of {@code templates}, else what is wrong with it.
     */
    public static String problem(final byte[] frame, final Set<Integer> templates)
    {
        if (frame.length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return "shorter than the header";
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        final int blockLength = buffer.getShort(0, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int templateId = buffer.getShort(2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int schemaId = buffer.getShort(4, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int version = buffer.getShort(6, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final Shape shape = SHAPES.get(templateId);
        if (schemaId != MessageHeaderDecoder.SCHEMA_ID || shape == null || !templates.contains(templateId))
        {
            return "not a frame of this schema";
        }
        final int body = MessageHeaderDecoder.ENCODED_LENGTH;
        if ((long)body + blockLength > frame.length)
        {
            return "block beyond the frame";
        }
        for (final Field field : shape.fields())
        {
            if (field.sinceVersion() > version)
            {
                continue;
            }
            if (field.offset() + field.length() > blockLength)
            {
                return field.name() + " beyond the block";
            }
            if (field.codes() != null)
            {
                final int raw = field.length() == 1 ? buffer.getByte(body + field.offset()) & 0xFF :
                    buffer.getShort(body + field.offset(), ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
                if (!field.codes().contains(raw))
                {
                    return field.name() + " " + raw + " is not a value of its enum";
                }
            }
        }
        long at = (long)body + blockLength;
        for (int i = 0; i < shape.varDataCount(); i++)
        {
            if (at + 4 > frame.length)
            {
                return "variable-length data header beyond the frame";
            }
            at += 4 + (buffer.getInt((int)at, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL);
            if (at > frame.length)
            {
                return "variable-length data beyond the frame";
            }
        }
        return null;
    }

    /** @return where the field {@code field} of a {@code templateId} frame starts, from the frame's first byte. */
    public static int fieldOffset(final int templateId, final String field)
    {
        for (final Field f : SHAPES.get(templateId).fields())
        {
            if (f.name().equals(field))
            {
                return MessageHeaderDecoder.ENCODED_LENGTH + f.offset();
            }
        }
        throw new IllegalArgumentException(field);
    }

    private static Shape shape(final String name, final Class<?> decoder) throws ReflectiveOperationException
    {
        final List<Field> fields = new ArrayList<>();
        int varData = 0;
        for (final Method method : decoder.getMethods())
        {
            final String methodName = method.getName();
            if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0)
            {
                continue;
            }
            if (methodName.endsWith("EncodingOffset"))
            {
                final String field = methodName.substring(0, methodName.length() - "EncodingOffset".length());
                final int offset = (int)method.invoke(null);
                final int length = (int)decoder.getMethod(field + "EncodingLength").invoke(null);
                final int since = (int)decoder.getMethod(field + "SinceVersion").invoke(null);
                final Class<?> type = decoder.getMethod(field).getReturnType();
                fields.add(new Field(field, offset, length, since, type.isEnum() ? codes(type) : null));
            }
            else if (methodName.endsWith("HeaderLength") && !methodName.equals("sbeHeaderLength"))
            {
                varData++;
            }
        }
        return new Shape(name, fields, varData);
    }

    private static Set<Integer> codes(final Class<?> enumType) throws ReflectiveOperationException
    {
        final Set<Integer> codes = new HashSet<>();
        final Method value = enumType.getMethod("value");
        for (final Object constant : enumType.getEnumConstants())
        {
            codes.add(((Number)value.invoke(constant)).intValue());
        }
        return codes;
    }
}
