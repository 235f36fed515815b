package io.ringwall.engine.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * A slot holds small frames inline and takes a larger array for a long frame, keeping every byte of
 * each frame whatever came before it in the slot.
 */
class FrameEventTest
{
    private final FrameEvent slot = new FrameEvent();

    @Test
    void framesUpToTheSlotCapacityArriveWholeWhateverTheSlotHeldBefore()
    {
        copyAndCheck(FrameEvent.INLINE_CAPACITY, 1);
        copyAndCheck(FrameEvent.INLINE_CAPACITY + 1, 2); // an operator command with long text
        copyAndCheck(44, 3); // a trade after it
        copyAndCheck(FrameEvent.CAPACITY, 4);
        copyAndCheck(FrameEvent.INLINE_CAPACITY, 5);
    }

    @Test
    void aFrameLargerThanTheSlotCapacityIsRefused()
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameEvent.CAPACITY + 1]);
        assertThatThrownBy(() -> slot.copyFrame(frame, 0, FrameEvent.CAPACITY + 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
    }

    private void copyAndCheck(final int length, final int seed)
    {
        final byte[] bytes = new byte[length + 3];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)(i * 31 + seed);
        }
        slot.copyFrame(new UnsafeBuffer(bytes), 3, length);

        assertThat(slot.length).isEqualTo(length);
        final byte[] copied = new byte[length];
        slot.buffer.getBytes(0, copied);
        for (int i = 0; i < length; i++)
        {
            assertThat(copied[i]).as("byte %d of a %d-byte frame", i, length).isEqualTo(bytes[i + 3]);
        }
    }
}
