package io.ringwall.cluster;

import java.util.List;

import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's timer bookkeeping on a stub cluster: where it arms the cluster timer, what a timer event does, and
 * what a snapshot restores (the armed deadline in format 2; none armed from a format 1 snapshot, which predates
 * timers, so the next message arms one).
 */
class ClusteredLogicServiceTimerTest
{
    private static final LogicConfig LOGIC = LogicConfig.unrestricted(List.of("BTCUSD"), List.of(EngineFixtures.MA),
        LogicConfig.DEFAULT_INITIAL_CASH, 1024);
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;

    private final StubCluster cluster = new StubCluster();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);

    @Test
    void armsTheNextBoundaryAtTheFirstLogMessageAndTicksOnlyOnItsOwnTimer()
    {
        final ClusteredLogicService service = started(SECOND);
        service.onSessionOpen(null, T0 + 300_000_000L);
        assertThat(cluster.timerDeadlineNs).isEqualTo(T0 + SECOND);
        assertThat(cluster.timerCorrelationId).isEqualTo(T0 + SECOND);
        outputsDone(service, T0 + 600_000_000L);
        assertThat(cluster.timersScheduled).as("armed once").isEqualTo(1);

        service.onTimerEvent(42, T0 + SECOND);
        assertThat(service.unknownTimers()).isEqualTo(1);
        assertThat(service.logic().counters().timerInputs).isZero();

        // the event comes late (an election, a busy leader): one tick, the next boundary after its time
        cluster.logPosition = 4096;
        service.onTimerEvent(T0 + SECOND, T0 + 3 * SECOND + 5);
        assertThat(service.timerTicks()).isEqualTo(1);
        assertThat(service.logic().counters().timerInputs).isEqualTo(1);
        assertThat(cluster.timerDeadlineNs).isEqualTo(T0 + 4 * SECOND);
        assertThat(cluster.timersScheduled).isEqualTo(2);

        service.onTimerEvent(T0 + SECOND, T0 + 4 * SECOND);
        assertThat(service.unknownTimers()).as("an event of the old timer again has no effect").isEqualTo(2);
        assertThat(service.timerTicks()).isEqualTo(1);
    }

    @Test
    void noIntervalNoTimer()
    {
        final ClusteredLogicService service = started(0);
        service.onSessionOpen(null, T0);
        outputsDone(service, T0 + SECOND);
        assertThat(cluster.timersScheduled).isZero();
    }

    @Test
    void aSnapshotKeepsTheArmedDeadlineAndAFormatOneSnapshotHasNone()
    {
        final ClusteredLogicService armed = started(SECOND);
        armed.onSessionOpen(null, T0);
        final BusinessLogic logic = armed.logic();

        final ClusteredLogicService fromFormat2 = started(SECOND);
        fromFormat2.restore(image(logic, ClusteredLogicService.SNAPSHOT_FORMAT, T0 + SECOND),
            ClusteredLogicService.SNAPSHOT_HEADER);
        cluster.timersScheduled = 0;
        outputsDone(fromFormat2, T0 + 500_000_000L);
        assertThat(cluster.timersScheduled).as("the consensus module's snapshot holds that timer").isZero();
        fromFormat2.onTimerEvent(T0 + SECOND, T0 + SECOND);
        assertThat(fromFormat2.timerTicks()).isEqualTo(1);

        final ClusteredLogicService fromFormat1 = started(SECOND);
        fromFormat1.restore(image(logic, ClusteredLogicService.SNAPSHOT_FORMAT_WITHOUT_TIMER, 0),
            ClusteredLogicService.SNAPSHOT_HEADER_WITHOUT_TIMER);
        cluster.timersScheduled = 0;
        outputsDone(fromFormat1, T0 + 500_000_000L);
        assertThat(cluster.timersScheduled).isEqualTo(1);
        assertThat(cluster.timerDeadlineNs).isEqualTo(T0 + SECOND);
    }

    private ClusteredLogicService started(final long intervalNs)
    {
        final ClusteredLogicService service = new ClusteredLogicService(LOGIC, ServiceObserver.NONE, intervalNs);
        service.onStart(cluster, null);
        return service;
    }

    /** A log message that does not reach the logic (the gateway's confirmation). */
    private void outputsDone(final ClusteredLogicService service, final long timestamp)
    {
        ClusterEnvelope.write(message, 0, ClusterEnvelope.OUTPUTS_DONE, 0);
        service.onSessionMessage(null, timestamp, message, 0, ClusterEnvelope.HEADER_LENGTH, null);
    }

    /** A snapshot image as onTakeSnapshot writes it, of the given format, with no retained outputs. */
    private static UnsafeBuffer image(final BusinessLogic logic, final int format, final long timerDeadlineNs)
    {
        final int header = ClusteredLogicService.headerLength(format);
        final ExpandableArrayBuffer bytes = new ExpandableArrayBuffer(header + logic.maxSnapshotLength());
        final int logicLength = logic.captureState(bytes, header);
        bytes.putInt(0, ClusteredLogicService.SNAPSHOT_MAGIC);
        bytes.putInt(4, format);
        bytes.putLong(32, logic.configDigest());
        bytes.putInt(40, logicLength);
        bytes.putInt(44, 0);
        if (format != ClusteredLogicService.SNAPSHOT_FORMAT_WITHOUT_TIMER)
        {
            bytes.putLong(56, timerDeadlineNs);
        }
        return new UnsafeBuffer(bytes.byteArray(), 0, header + logicLength);
    }
}
