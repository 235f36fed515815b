package io.ringwall.tools;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ringwall.codecs.BarDecoder;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.CancelRejectedDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OperatorCommandDecoder;
import io.ringwall.codecs.OperatorCommandResultDecoder;
import io.ringwall.codecs.OrderAcceptedDecoder;
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.codecs.QuoteDecoder;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.TimerTickDecoder;
import io.ringwall.codecs.TradeDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;

/**
 * Every frame type of the wire schema, for the tools: names, one-line text, and which field a byte
 * offset falls in (read from the generated decoders' {@code *EncodingOffset/Length} methods).
 */
public final class FrameCatalog
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final Map<Integer, MessageDecoderFlyweight> decoders = new LinkedHashMap<>();
    private final Map<Integer, Shape> shapes = new java.util.HashMap<>();
    /** The frame alone, so that a decoder reading past its end fails instead of reading a neighbour's bytes. */
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);

    public FrameCatalog()
    {
        for (final MessageDecoderFlyweight decoder : List.of(new TradeDecoder(), new QuoteDecoder(), new BarDecoder(),
            new OrderAcceptedDecoder(), new OrderFilledDecoder(), new OrderRejectedDecoder(),
            new OrderCancelledDecoder(), new CancelRejectedDecoder(), new OperatorCommandDecoder(),
            new TimerTickDecoder(), new NewOrderDecoder(), new CancelOrderDecoder(), new RiskRejectDecoder(),
            new BreakerStateChangeDecoder(), new OperatorCommandResultDecoder(),
            new io.ringwall.codecs.VenuePositionDecoder(), new io.ringwall.codecs.VenueOpenOrderDecoder(),
            new io.ringwall.codecs.ReconciliationEndDecoder(), new io.ringwall.codecs.ReconciliationReportDecoder(),
            new io.ringwall.codecs.OrderExpiredDecoder(), new io.ringwall.codecs.InvalidTransitionDecoder(),
            new io.ringwall.codecs.VenueOrderStatusDecoder(), new io.ringwall.codecs.OrderStatusQueryDecoder(),
            new io.ringwall.codecs.OrderReplacedDecoder(), new io.ringwall.codecs.ReplaceRejectedDecoder(),
            new io.ringwall.codecs.ReplaceOrderDecoder(), new io.ringwall.codecs.ShadowDecisionDecoder(),
            new io.ringwall.codecs.ShadowExecutionDecoder(), new io.ringwall.codecs.FeedHealthDecoder(),
            new io.ringwall.codecs.TradingStatusDecoder()))
        {
            decoders.put(decoder.sbeTemplateId(), decoder);
            shapes.put(decoder.sbeTemplateId(), Shape.of(decoder.getClass()));
        }
    }

    /**
     * What the generated decoder trusts about a template's frames: the fields (offset, end, since which version)
     * and how many variable-length data fields follow the block.
     */
    private record Shape(int[] fieldEnds, int[] sinceVersions, int varData)
    {
        static Shape of(final Class<?> decoder)
        {
            final List<int[]> fields = new java.util.ArrayList<>();
            int varData = 0;
            try
            {
                for (final Method method : decoder.getMethods())
                {
                    final String name = method.getName();
                    if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0)
                    {
                        continue;
                    }
                    if (name.endsWith("EncodingOffset"))
                    {
                        final String field = name.substring(0, name.length() - "EncodingOffset".length());
                        fields.add(new int[] {(int)method.invoke(null) +
                            (int)decoder.getMethod(field + "EncodingLength").invoke(null),
                            (int)decoder.getMethod(field + "SinceVersion").invoke(null)});
                    }
                    else if (name.endsWith("HeaderLength"))
                    {
                        varData++;
                    }
                }
            }
            catch (final ReflectiveOperationException ex)
            {
                throw new IllegalStateException("generated decoder " + decoder + " lacks field metadata", ex);
            }
            return new Shape(fields.stream().mapToInt(f -> f[0]).toArray(), fields.stream().mapToInt(f -> f[1]).toArray(),
                varData);
        }

        /** @return the block length the fields of {@code version} need. */
        int blockLength(final int version)
        {
            int length = 0;
            for (int i = 0; i < fieldEnds.length; i++)
            {
                if (sinceVersions[i] <= version)
                {
                    length = Math.max(length, fieldEnds[i]);
                }
            }
            return length;
        }
    }

    /**
     * @return the frame type's name ("Trade", "NewOrder"), or "template N" when unknown.
     */
    public String name(final int templateId)
    {
        final MessageDecoderFlyweight decoder = decoders.get(templateId);
        return decoder == null ? "template " + templateId : decoder.getClass().getSimpleName().replace("Decoder", "");
    }

    /**
     * @return the template id of a frame type name (case-insensitive), or -1.
     */
    public int templateIdOf(final String name)
    {
        for (final Map.Entry<Integer, MessageDecoderFlyweight> entry : decoders.entrySet())
        {
            if (name(entry.getKey()).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
            {
                return entry.getKey();
            }
        }
        return -1;
    }

    public List<String> names()
    {
        return decoders.keySet().stream().map(this::name).toList();
    }

    public int templateId(final DirectBuffer frame, final int offset)
    {
        return header.wrap(frame, offset).templateId();
    }

    /**
     * @return "Name field=value field=value ..."; for a frame of another schema or an unknown template "unknown
     *         frame (...)", and for one that its header misdescribes (cut short, a block shorter than its fields or
     *         past the frame's end, data past the end, an enum value outside the schema) "malformed frame (...)"
     *         naming what is wrong. Never throws on a frame's bytes.
     */
    public String describe(final DirectBuffer frame, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return "malformed frame (" + length + " bytes, shorter than the " + MessageHeaderDecoder.ENCODED_LENGTH +
                "-byte header)";
        }
        view.wrap(frame, offset, length);
        header.wrap(view, 0);
        final int templateId = header.templateId();
        final MessageDecoderFlyweight decoder = decoders.get(templateId);
        if (decoder == null || header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return "unknown frame (schema " + header.schemaId() + ", template " + templateId + ", " + length +
                " bytes)";
        }
        final String problem = problem(shapes.get(templateId), length);
        if (problem != null)
        {
            return "malformed frame (" + name(templateId) + ", " + length + " bytes: " + problem + ")";
        }
        decoder.wrap(view, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final String text;
        try
        {
            text = decoder.appendTo(new StringBuilder()).toString();
        }
        catch (final IllegalArgumentException ex)
        {
            // The generated enum lookups: "Unknown value: 7".
            return "malformed frame (" + name(templateId) + ", " + length + " bytes: " + ex.getMessage() + ")";
        }
        final int body = text.indexOf("):");
        return name(templateId) + " " + (body < 0 ? text : text.substring(body + 2)).replace('|', ' ');
    }

    /**
     * @return null when the frame is one of this schema's known templates and its generated decoder can read it, else
     *         why not: "unknown" (another schema, or a template this build does not know) or "malformed: ..." (the
     *         same problems {@link #describe} names). Enum values are not checked here. Never throws.
     */
    public String undecodable(final DirectBuffer frame, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return "malformed: shorter than the header";
        }
        view.wrap(frame, offset, length);
        header.wrap(view, 0);
        final Shape shape = shapes.get(header.templateId());
        if (shape == null || header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return "unknown";
        }
        final String problem = problem(shape, length);
        return problem == null ? null : "malformed: " + problem;
    }

    /** @return what about the frame (its header in {@link #header}) the decoder could not read, or null. */
    private String problem(final Shape shape, final int length)
    {
        final int blockLength = header.blockLength();
        final int needed = shape.blockLength(header.version());
        if (blockLength < needed)
        {
            return "a block of " + blockLength + " bytes, its fields need " + needed;
        }
        long at = (long)MessageHeaderDecoder.ENCODED_LENGTH + blockLength;
        if (at > length)
        {
            return "its block of " + blockLength + " bytes runs past the frame";
        }
        for (int i = 0; i < shape.varData(); i++)
        {
            if (at + 4 > length)
            {
                return "variable-length field " + (i + 1) + " is cut short";
            }
            final long dataLength = view.getInt((int)at, java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
            at += 4 + dataLength;
            if (at > length)
            {
                return "variable-length field " + (i + 1) + " claims " + dataLength + " bytes, past the frame";
            }
        }
        return null;
    }

    /**
     * @return the name of the field holding byte {@code offsetInFrame} of a frame of {@code templateId}.
     */
    public String fieldAt(final int templateId, final int offsetInFrame)
    {
        if (offsetInFrame < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return "messageHeader";
        }
        final MessageDecoderFlyweight decoder = decoders.get(templateId);
        if (decoder == null)
        {
            return "byte " + offsetInFrame;
        }
        final int bodyOffset = offsetInFrame - MessageHeaderDecoder.ENCODED_LENGTH;
        try
        {
            for (final Method method : decoder.getClass().getMethods())
            {
                final String name = method.getName();
                if (Modifier.isStatic(method.getModifiers()) && name.endsWith("EncodingOffset") &&
                    method.getParameterCount() == 0)
                {
                    final String field = name.substring(0, name.length() - "EncodingOffset".length());
                    final int start = (int)method.invoke(null);
                    final int length = (int)decoder.getClass().getMethod(field + "EncodingLength").invoke(null);
                    if (bodyOffset >= start && bodyOffset < start + length)
                    {
                        return field;
                    }
                }
            }
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("generated decoder " + decoder.getClass() + " lacks field metadata", ex);
        }
        return "variable-length data";
    }
}
