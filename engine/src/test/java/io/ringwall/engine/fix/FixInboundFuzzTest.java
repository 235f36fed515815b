package io.ringwall.engine.fix;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ringwall.codecs.Side;
import io.ringwall.engine.fix.FixGateway.Answer;
import io.ringwall.engine.frames.FrameShapes;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import org.agrona.collections.Object2IntHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.FieldException;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.ValidationSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FIX inbound path on arbitrary messages from the venue: QuickFIX/J parses the raw text with the FIX 4.4
 * dictionary (as the gateway's session does, which does not validate incoming messages), {@link FixMessages#decode}
 * turns it into an answer, and the answer is encoded into its journal "in" frame as the gateway publishes it and
 * handed to a business logic. The fuzzer's first byte picks the MsgType (ExecutionReport, OrderCancelReject,
 * BusinessMessageReject, PositionReport, RequestForPositionsAck); the rest are the message's fields after the
 * header, '|' standing for SOH so that seeds read as FIX.
 *
 * <p>What is correct: a message QuickFIX/J cannot parse never reaches the gateway (skipped). Otherwise decode
 * returns an answer or null, or throws {@link FieldNotFound} or {@link FieldException}, which QuickFIX/J answers
 * with a session-level Reject naming the tag; any other exception is a finding (QuickFIX/J would drop the message
 * with no Reject). Every frame an answer becomes is well-formed ({@link FrameShapes}, a fill with a side) and the
 * logic takes it. Seeds: {@code FixInboundFuzzTestInputs/decode/}.
 */
class FixInboundFuzzTest
{
    private static final String[] TYPES = {"8", "9", "j", "AP", "AO"};
    private static final LogicConfig CONFIG = LogicConfig.unrestricted(List.of("BTCUSD", "ETHUSD"), List.of(),
        LogicConfig.DEFAULT_INITIAL_CASH, 64);
    private static final Set<Integer> INPUTS = FrameShapes.inputTemplates();
    private static final DataDictionary DICTIONARY = dictionary();

    private final Object2IntHashMap<String> instruments = new Object2IntHashMap<>(-1);
    private final InputEncoder encoder = new InputEncoder();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[1024]);

    FixInboundFuzzTest()
    {
        instruments.put("BTCUSD", 0);
        instruments.put("ETHUSD", 1);
    }

    @FuzzTest
    void decode(final FuzzedDataProvider data) throws Exception
    {
        final byte[] bytes = data.consumeRemainingAsBytes();
        if (bytes.length == 0)
        {
            return;
        }
        final String fields = new String(bytes, 1, bytes.length - 1, StandardCharsets.ISO_8859_1).replace('|', '\u0001');
        final String body = "35=" + TYPES[(bytes[0] & 0xFF) % TYPES.length] +
            "\u000149=VENUE\u000156=RINGWALL\u000134=2\u000152=20260101-00:00:00.000\u0001" + fields +
            (fields.endsWith("\u0001") || fields.isEmpty() ? "" : "\u0001");
        final String raw = "8=FIX.4.4\u00019=" + body.length() + "\u0001" + body + "10=000\u0001";
        final Message message = new Message();
        try
        {
            message.fromString(raw, DICTIONARY, new ValidationSettings(), false);
        }
        catch (final Exception ex)
        {
            return; // QuickFIX/J's parser refused it: the gateway never sees it
        }

        final Answer answer;
        try
        {
            answer = FixMessages.decode(message, instruments, 1);
        }
        catch (final FieldNotFound | FieldException ex)
        {
            return; // QuickFIX/J rejects the message, naming the tag
        }
        if (answer == null)
        {
            return;
        }
        final int length = frame(answer);
        if (length == 0)
        {
            return;
        }
        final byte[] frame = new byte[length];
        scratch.getBytes(0, frame);
        assertThat(FrameShapes.problem(frame, INPUTS)).as("%s became a malformed frame", answer.kind).isNull();
        if (answer.kind == Answer.Kind.FILLED)
        {
            assertThat(answer.side).as("a fill's side").isIn(Side.BUY, Side.SELL);
        }
        final BusinessLogic logic = BusinessLogic.create(CONFIG, (sequence, timeNs, out, offset, outLength, ingress) ->
        {
        });
        try
        {
            logic.onInput(1, 1_000_000_000L, new UnsafeBuffer(frame), 0, length, 0);
        }
        catch (final ArithmeticException ex)
        {
            assertThat(ex.getMessage()).startsWith("mulDiv"); // Fixed's documented fail-closed overflow
        }
        assertThat(logic.counters().unknownFrames).as("the logic could not read %s", answer.kind).isZero();
    }

    /** The gateway's publish: the frame an answer becomes (0 for one that becomes none by itself). */
    private int frame(final Answer a)
    {
        return switch (a.kind)
        {
            case ACCEPTED -> encoder.orderAccepted(scratch, 0, a.clOrdId, a.venueOrderId, a.instrumentId, 1);
            case FILLED -> encoder.orderFilled(scratch, 0, a.clOrdId, a.venueOrderId, a.execId, a.instrumentId, a.side,
                a.price, a.quantity, a.leaves, a.cumulative, a.fee, 1);
            case REJECTED, MESSAGE_REJECT -> encoder.orderRejected(scratch, 0, a.clOrdId, a.instrumentId, a.reason, 1);
            case CANCELLED -> encoder.orderCancelled(scratch, 0, a.clOrdId, a.venueOrderId, a.instrumentId, a.quantity, 1);
            case EXPIRED -> encoder.orderExpired(scratch, 0, a.clOrdId, a.venueOrderId, a.instrumentId, a.quantity, 1);
            case CANCEL_REJECTED -> encoder.cancelRejected(scratch, 0, a.clOrdId, a.origClOrdId, a.reason, 1);
            case POSITION -> a.instrumentId >= 0 ?
                encoder.venuePosition(scratch, 0, 1, a.instrumentId, a.quantity, a.fee, 1) : 0;
            case OPEN_ORDER -> a.clOrdId > 0 ?
                encoder.venueOpenOrder(scratch, 0, 1, a.clOrdId, a.instrumentId, a.side, a.leaves, 1) : 0;
            default -> 0;
        };
    }

    private static DataDictionary dictionary()
    {
        try
        {
            return new DataDictionary("FIX44.xml");
        }
        catch (final ConfigError ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
