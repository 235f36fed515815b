package io.ringwall.engine.logic;

import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.frames.InputEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A frame its header misdescribes is counted in unknownFrames and has no effect: it is never read past its end,
 * an enum value outside the schema does not throw, and a fill without a side is not booked.
 */
class MalformedInputTest
{
    private final InputEncoder encoder = new InputEncoder();
    private final List<Integer> outputs = new ArrayList<>();
    private final BusinessLogic logic = BusinessLogic.create(LogicHarness.config(),
        (sequence, timeNs, frame, offset, length, ingress) -> outputs.add(length));

    private void feed(final long sequence, final byte[] frame, final int length)
    {
        logic.onInput(sequence, sequence * 1_000_000_000L, new UnsafeBuffer(frame, 0, length), 0, length, 0);
    }

    @Test
    void aFrameCutShortIsCountedNotReadPastItsEnd()
    {
        final byte[] frame = new byte[256];
        final int length = encoder.trade(new UnsafeBuffer(frame), 0, 0, 1, 100 * Fixed.PRICE_SCALE, Fixed.QUANTITY_SCALE, 0);

        feed(1, frame, length - 1);
        feed(2, frame, 5);

        assertThat(logic.counters().unknownFrames).isEqualTo(2);
        assertThat(logic.counters().marketDataInputs).isZero();
        assertThat(outputs).isEmpty();
    }

    @Test
    void aFillWithAnUnknownSideIsCountedAndNotBooked()
    {
        final byte[] frame = new byte[256];
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        final int length = encoder.orderFilled(buffer, 0, 1, 1, 1, 0, Side.BUY, 100 * Fixed.PRICE_SCALE,
            Fixed.QUANTITY_SCALE, 0, Fixed.QUANTITY_SCALE, 0, 0);
        final int side = 8 + OrderFilledDecoder.sideEncodingOffset();

        for (final int raw : new int[] {0, 7, 255})
        {
            frame[side] = (byte)raw;
            feed(raw + 1, frame, length);
        }

        assertThat(logic.counters().unknownFrames).isEqualTo(3);
        assertThat(logic.counters().fills).isZero();
        assertThat(logic.portfolio().position(0)).isZero();
    }
}
