package io.ringwall.engine.ring;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pinning is best effort: a CPU that cannot be had leaves the stage running unpinned and says why.
 */
class LogicAffinityTest
{
    @Test
    void aCpuThatDoesNotExistLeavesTheStageRunningUnpinnedWithTheReason()
    {
        final AtomicBoolean ran = new AtomicBoolean();
        final LogicAffinity affinity = new LogicAffinity(100_000, () -> ran.set(true));
        assertThat(affinity.outcome()).isEqualTo("not started");

        affinity.run();

        assertThat(ran).isTrue();
        assertThat(affinity.outcome()).startsWith("not pinned").contains("100000");
    }

    @Test
    void theStageRunsAndItsFailurePropagatesWhateverThePinning()
    {
        final LogicAffinity affinity = new LogicAffinity(100_000, () ->
        {
            throw new IllegalStateException("stage failed");
        });
        assertThatThrownBy(affinity::run).hasMessage("stage failed");
    }
}
