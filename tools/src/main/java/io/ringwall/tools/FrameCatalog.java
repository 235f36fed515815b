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
import org.agrona.sbe.MessageDecoderFlyweight;

/**
 * Every frame type of the wire schema, for the tools: names, one-line text, and which field a byte
 * offset falls in (read from the generated decoders' {@code *EncodingOffset/Length} methods).
 */
public final class FrameCatalog
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final Map<Integer, MessageDecoderFlyweight> decoders = new LinkedHashMap<>();

    public FrameCatalog()
    {
        for (final MessageDecoderFlyweight decoder : List.of(new TradeDecoder(), new QuoteDecoder(), new BarDecoder(),
            new OrderAcceptedDecoder(), new OrderFilledDecoder(), new OrderRejectedDecoder(),
            new OrderCancelledDecoder(), new CancelRejectedDecoder(), new OperatorCommandDecoder(),
            new TimerTickDecoder(), new NewOrderDecoder(), new CancelOrderDecoder(), new RiskRejectDecoder(),
            new BreakerStateChangeDecoder(), new OperatorCommandResultDecoder(),
            new io.ringwall.codecs.VenuePositionDecoder(), new io.ringwall.codecs.VenueOpenOrderDecoder(),
            new io.ringwall.codecs.ReconciliationEndDecoder(), new io.ringwall.codecs.ReconciliationReportDecoder()))
        {
            decoders.put(decoder.sbeTemplateId(), decoder);
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
     * @return "Name field=value field=value ...".
     */
    public String describe(final DirectBuffer frame, final int offset, final int length)
    {
        header.wrap(frame, offset);
        final MessageDecoderFlyweight decoder = decoders.get(header.templateId());
        if (decoder == null || header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return "unknown frame (schema " + header.schemaId() + ", template " + header.templateId() + ", " + length +
                " bytes)";
        }
        decoder.wrap(frame, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final String text = decoder.appendTo(new StringBuilder()).toString();
        final int body = text.indexOf("):");
        return name(header.templateId()) + " " + (body < 0 ? text : text.substring(body + 2)).replace('|', ' ');
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
