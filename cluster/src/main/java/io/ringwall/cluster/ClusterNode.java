package io.ringwall.cluster;

import java.io.File;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.NanosecondClusterClock;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.NoOpLock;

/**
 * One cluster member in this process: a media driver, an archive and a consensus module
 * ({@link ClusteredMediaDriver}) and the container running the {@link ClusteredLogicService}. Built from the public
 * API the way Aeron's own samples configure a member: everything on SHARED threading, the log and the streams on
 * small terms, the cluster clock in nanoseconds (the logic's clock unit).
 */
public final class ClusterNode implements AutoCloseable
{
    /** Archive segment files: a few terms each (the default, 128 MiB, is meant for large terms). */
    private static final int SEGMENT_TERMS = 4;
    static final long ELECTION_STATUS_INTERVAL_NS = 20_000_000L;

    private final ClusterNodeConfig config;
    private final ClusteredLogicService service;
    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;

    private ClusterNode(final ClusterNodeConfig config, final ClusteredLogicService service,
        final ClusteredMediaDriver driver, final ClusteredServiceContainer container)
    {
        this.config = config;
        this.service = service;
        this.driver = driver;
        this.container = container;
    }

    /**
     * Starts the member; it joins the election at once (a quorum of members elects a leader).
     *
     * @param errorHandler gets every error of the driver, archive, consensus module and service container.
     */
    public static ClusterNode launch(final ClusterNodeConfig config, final ServiceObserver observer,
        final ErrorHandler errorHandler)
    {
        final ClusterTopology topology = config.topology();
        final int id = config.memberId();
        final String host = topology.hosts().get(id);
        final String aeronDir = config.aeronDir().toAbsolutePath().toString();
        final File base = config.dir().toAbsolutePath().toFile();
        final File clusterDir = new File(base, "cluster");
        final String terms = "term-length=" + config.termLength();

        final MediaDriver.Context driverContext = SmallMediaDriver.context(aeronDir, config.termLength())
            .errorHandler(errorHandler);

        final Archive.Context archiveContext = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(new File(base, "archive"))
            .controlChannel("aeron:udp?endpoint=" + topology.endpoint(id, ClusterTopology.ARCHIVE_CONTROL))
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel("aeron:udp?endpoint=" + host + ":0"))
            .localControlChannel("aeron:ipc?" + terms)
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .recordingEventsEnabled(false)
            .segmentFileLength(config.termLength() * SEGMENT_TERMS)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .errorHandler(errorHandler);

        final AeronArchive.Context localArchive = new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel(archiveContext.localControlChannel())
            .controlRequestStreamId(archiveContext.localControlStreamId())
            .controlResponseChannel(archiveContext.localControlChannel())
            .aeronDirectoryName(aeronDir);

        final ConsensusModule.Context consensusContext = new ConsensusModule.Context()
            .clusterMemberId(id)
            .clusterMembers(topology.clusterMembers())
            .clusterDir(clusterDir)
            .archiveContext(localArchive.clone())
            .serviceCount(1)
            .logChannel("aeron:udp?" + terms)
            .ingressChannel("aeron:udp?" + terms)
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .leaderHeartbeatTimeoutNs(config.leaderHeartbeatTimeoutNs())
            // What a failover costs beyond the heartbeat timeout is mostly this (Aeron's default 1 s): a candidate
            // waits a random part of half of it before it nominates itself, then, unless every member voted (the
            // dead one cannot), the whole of it before it counts a majority and leads. Timeouts only pace the
            // election: a leader still needs a majority's votes for a log at least as long as theirs, so a short
            // one costs at worst a retried ballot (a vote slower than this), never a second leader. A tenth of the
            // heartbeat timeout (200 ms for 2 s) is still a hundred LAN round trips.
            .electionTimeoutNs(electionTimeoutNs(config.leaderHeartbeatTimeoutNs()))
            // Election messages (canvass positions, new-term notices) go again this often until answered:
            // Aeron's 100 ms default would let one lost or early message cost a tenth of a second.
            .electionStatusIntervalNs(ELECTION_STATUS_INTERVAL_NS)
            .clusterClock(new NanosecondClusterClock())
            .aeronDirectoryName(aeronDir)
            .errorHandler(errorHandler);

        final ClusteredLogicService service = new ClusteredLogicService(config.logic(), observer, config.timerIntervalNs());
        final ClusteredServiceContainer.Context serviceContext = new ClusteredServiceContainer.Context()
            .aeronDirectoryName(aeronDir)
            .archiveContext(localArchive.clone())
            .clusterDir(clusterDir)
            .clusteredService(service)
            .serviceId(0)
            .errorHandler(errorHandler);

        ClusteredMediaDriver driver = null;
        try
        {
            driver = ClusteredMediaDriver.launch(driverContext, archiveContext, consensusContext);
            final ClusteredServiceContainer container = ClusteredServiceContainer.launch(serviceContext);
            return new ClusterNode(config, service, driver, container);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            throw ex;
        }
    }

    /** @return the election timeout for a leader heartbeat timeout: a tenth of it, within 100 ms .. 1 s. */
    static long electionTimeoutNs(final long leaderHeartbeatTimeoutNs)
    {
        return Math.max(100_000_000L, Math.min(1_000_000_000L, leaderHeartbeatTimeoutNs / 10));
    }

    public int memberId()
    {
        return config.memberId();
    }

    public ClusteredLogicService service()
    {
        return service;
    }

    /**
     * Asks the cluster for a snapshot through this member's control toggle (the leader coordinates it; every member
     * takes one at the same log position).
     *
     * @return false when a previous toggle is still pending.
     */
    public boolean requestSnapshot()
    {
        return ClusterControl.ToggleState.SNAPSHOT.toggle(driver.consensusModule().context().controlToggleCounter());
    }

    /** @return snapshots this member has taken since it started. */
    public long snapshots()
    {
        return driver.consensusModule().context().snapshotCounter().get();
    }

    /** Stops the member at once, like a crash as far as the other members can tell (no goodbye). */
    @Override
    public void close()
    {
        CloseHelper.closeAll(container, driver);
    }
}
