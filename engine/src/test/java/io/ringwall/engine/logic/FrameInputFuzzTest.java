package io.ringwall.engine.logic;

import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.engine.frames.FrameShapes;
import org.agrona.concurrent.UnsafeBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logic's frame decoding and dispatch ({@link BusinessLogic#onInput}) on arbitrary frames. The fuzzer's bytes
 * are a run of frames, each a little-endian uint16 length and that many bytes, handed one by one to a fresh logic
 * (two instruments, a strategy that rests a buy on every trade, so venue answers can meet working orders) in a
 * buffer exactly as long as the frame, so any read past a frame fails.
 *
 * <p>What is correct: {@code onInput} returns for every frame. A malformed frame (see {@link FrameShapes}: cut
 * short, of another schema or template, a block shorter than its fields, an enum value outside the schema, data
 * beyond the frame; and a fill without a side, which cannot be booked) is counted in
 * {@link EngineCounters#unknownFrames} and has no effect on the outputs. The one exception allowed is the
 * documented fail-closed {@code ArithmeticException} of {@code Fixed} on amounts beyond 64 bits (the engine then
 * halts). Seeds: {@code FrameInputFuzzTestInputs/onInput/}.
 */
class FrameInputFuzzTest
{
    private static final LogicConfig CONFIG = LogicConfig.unrestricted(List.of("BTCUSD", "ETHUSD"),
        List.of("io.ringwall.engine.checkpoint.RestingBuyer:every=1"), LogicConfig.DEFAULT_INITIAL_CASH, 64);
    private static final Set<Integer> INPUTS = FrameShapes.inputTemplates();
    private static final int SIDE_OFFSET = FrameShapes.fieldOffset(OrderFilledDecoder.TEMPLATE_ID, "side");

    private long outputs;

    @FuzzTest
    void onInput(final FuzzedDataProvider data)
    {
        final byte[] bytes = data.consumeRemainingAsBytes();
        final BusinessLogic logic = BusinessLogic.create(CONFIG, (sequence, timeNs, frame, offset, length, ingress) ->
            outputs++);
        long sequence = 0;
        int at = 0;
        while (at + 2 <= bytes.length)
        {
            final int declared = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
            at += 2;
            final int length = Math.min(declared, bytes.length - at);
            final byte[] frame = new byte[length];
            System.arraycopy(bytes, at, frame, 0, length);
            at += length;
            sequence++;

            final String problem = problem(frame);
            final long unknownBefore = logic.counters().unknownFrames;
            final long outputsBefore = outputs;
            try
            {
                logic.onInput(sequence, 1_000_000_000L * sequence, new UnsafeBuffer(frame), 0, length, 0);
            }
            catch (final ArithmeticException ex)
            {
                assertThat(problem).as("a malformed frame reached the arithmetic").isNull();
                assertThat(ex.getMessage()).startsWith("mulDiv");
                return; // fail closed: the engine halts here, so the input ends
            }
            if (problem != null)
            {
                assertThat(logic.counters().unknownFrames).as("malformed (%s) but not counted", problem)
                    .isEqualTo(unknownBefore + 1);
                assertThat(outputs).as("malformed (%s) but produced outputs", problem).isEqualTo(outputsBefore);
            }
        }
    }

    private static String problem(final byte[] frame)
    {
        final String problem = FrameShapes.problem(frame, INPUTS);
        if (problem == null && OrderFilledDecoder.TEMPLATE_ID == ((frame[2] & 0xFF) | (frame[3] & 0xFF) << 8))
        {
            final int side = frame[SIDE_OFFSET] & 0xFF;
            return side == 1 || side == 2 ? null : "a fill without a side";
        }
        return problem;
    }
}
