package io.ringwall.cluster;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetainedOutputsTest
{
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[100]);

    @Test
    void keepsOutputsUntilConfirmedAndResendsFromAnyIndex()
    {
        final RetainedOutputs retained = new RetainedOutputs(1 << 20);
        for (int i = 1; i <= 5; i++)
        {
            frame.putInt(0, i * 10);
            retained.add(i, frame, 0, 4 + i);
        }
        retained.confirm(2);
        assertThat(indexesAfter(retained, 0)).containsExactly(3L, 4L, 5L);
        assertThat(indexesAfter(retained, 3)).containsExactly(4L, 5L);
        final int at = retained.after(3);
        assertThat(retained.buffer().getInt(retained.frameOffset(at))).isEqualTo(40);
        assertThat(retained.frameLength(at)).isEqualTo(8);
        retained.confirm(5);
        assertThat(retained.length()).isZero();
    }

    @Test
    void aSnapshotCopyRestoresTheSameRecords()
    {
        final RetainedOutputs retained = new RetainedOutputs(1 << 20);
        for (int i = 1; i <= 3; i++)
        {
            retained.add(i, frame, 0, 20);
        }
        retained.confirm(1);
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[retained.length()]);
        retained.copyTo(copy, 0);
        final RetainedOutputs restored = new RetainedOutputs(1 << 20);
        restored.restore(copy, 0, copy.capacity());
        assertThat(indexesAfter(restored, 0)).containsExactly(2L, 3L);
    }

    @Test
    void compactsInsteadOfGrowingWhenTheGatewayKeepsUp()
    {
        final RetainedOutputs retained = new RetainedOutputs(1 << 20);
        for (int i = 1; i <= 100_000; i++)
        {
            retained.add(i, frame, 0, 100);
            retained.confirm(i - 1);
        }
        assertThat(retained.buffer().capacity()).isLessThan(1 << 20);
        assertThat(indexesAfter(retained, 0)).containsExactly(100_000L);
    }

    @Test
    void failsClosedWhenTheGatewayConfirmsNothingForTooLong()
    {
        final RetainedOutputs retained = new RetainedOutputs(1_000);
        for (int i = 1; i <= 8; i++)
        {
            retained.add(i, frame, 0, 100);
        }
        assertThatThrownBy(() -> retained.add(9, frame, 0, 100)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("not confirmed by the gateway");
    }

    private static List<Long> indexesAfter(final RetainedOutputs retained, final long index)
    {
        final List<Long> indexes = new ArrayList<>();
        for (int at = retained.after(index); at < retained.end(); at = retained.next(at))
        {
            indexes.add(retained.index(at));
        }
        return indexes;
    }
}
