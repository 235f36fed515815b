package io.ringwall.tools.cluster;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.Locale;

import io.aeron.AeronCounters;
import io.aeron.CncFileDescriptor;
import io.aeron.cluster.ElectionState;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.status.CountersReader;

/**
 * The drill's view of where a failover's time goes: reads each surviving member's election state (the consensus
 * module's counter, from its media driver's CnC file, as AeronStat does) every time the drill polls, and records
 * each change with its time since the kill. Diagnostics only: mapped once per failover, read without locks.
 */
final class ElectionWatch implements AutoCloseable
{
    private final MappedByteBuffer[] mapped = new MappedByteBuffer[3];
    private final CountersReader[] readers = new CountersReader[3];
    private final int[] counterIds = {-1, -1, -1};
    private final long[] lastState = {-1, -1, -1};
    private final StringBuilder timeline = new StringBuilder();
    private final long killNs;

    /** @param aeronDirs each member's media driver directory; {@code victim} is not watched. */
    ElectionWatch(final Path[] aeronDirs, final int victim, final long killNs)
    {
        this.killNs = killNs;
        for (int id = 0; id < 3; id++)
        {
            if (id == victim)
            {
                continue;
            }
            final File cnc = aeronDirs[id].resolve(CncFileDescriptor.CNC_FILE).toFile();
            if (!cnc.exists())
            {
                continue;
            }
            mapped[id] = IoUtil.mapExistingFile(cnc, "cnc");
            final DirectBuffer meta = CncFileDescriptor.createMetaDataBuffer(mapped[id]);
            readers[id] = new CountersReader(CncFileDescriptor.createCountersMetaDataBuffer(mapped[id], meta),
                CncFileDescriptor.createCountersValuesBuffer(mapped[id], meta));
            final int member = id;
            readers[id].forEach((counterId, typeId, key, label) ->
            {
                if (typeId == AeronCounters.CLUSTER_ELECTION_STATE_TYPE_ID)
                {
                    counterIds[member] = counterId;
                }
            });
        }
    }

    void poll(final long nowNs)
    {
        for (int id = 0; id < 3; id++)
        {
            if (counterIds[id] < 0)
            {
                continue;
            }
            final long state = readers[id].getCounterValue(counterIds[id]);
            if (state != lastState[id])
            {
                if (lastState[id] >= 0)
                {
                    timeline.append(String.format(Locale.ROOT, " %d:%s@%.3f", id, name(state),
                        (nowNs - killNs) / 1e9));
                }
                lastState[id] = state;
            }
        }
    }

    /** @return each member's election state changes since the kill, "member:STATE@seconds". */
    String timeline()
    {
        return timeline.length() == 0 ? " (none seen)" : timeline.toString();
    }

    private static String name(final long code)
    {
        try
        {
            return ElectionState.get(code).name();
        }
        catch (final RuntimeException ex)
        {
            return "?" + code;
        }
    }

    @Override
    public void close()
    {
        for (final MappedByteBuffer buffer : mapped)
        {
            if (buffer != null)
            {
                IoUtil.unmap(buffer);
            }
        }
    }
}
