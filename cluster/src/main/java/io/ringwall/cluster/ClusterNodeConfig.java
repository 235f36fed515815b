package io.ringwall.cluster;

import java.nio.file.Path;

import io.ringwall.engine.logic.LogicConfig;

/**
 * One cluster node's settings.
 *
 * @param memberId                 this node's id in the topology.
 * @param topology                 every member's host and the base port.
 * @param dir                      this node's persistent directory (archive: the replicated log and snapshots;
 *                                 cluster: the recording log and mark files). Keep it across restarts.
 * @param aeronDir                 the media driver's directory (memory-mapped; /dev/shm is the fast choice).
 * @param termLength               term buffer length of the log, ingress, egress and IPC streams, bytes (power of
 *                                 two, 64 KiB .. 1 GiB); small keeps three nodes within a small machine's memory.
 * @param leaderHeartbeatTimeoutNs a follower that hears nothing from the leader this long starts an election.
 * @param logic                    the business logic's configuration: identical on every node.
 * @param timerIntervalNs          timer tick period in the cluster's time (TimerTick inputs to the logic at each
 *                                 boundary crossed, from the cluster's timers); 0 for none. Identical on every node.
 */
public record ClusterNodeConfig(int memberId, ClusterTopology topology, Path dir, Path aeronDir, int termLength,
    long leaderHeartbeatTimeoutNs, LogicConfig logic, long timerIntervalNs)
{
    public static final int DEFAULT_TERM_LENGTH = 64 * 1024;
    public static final long DEFAULT_LEADER_HEARTBEAT_TIMEOUT_NS = 2_000_000_000L;

    public ClusterNodeConfig
    {
        if (memberId < 0 || memberId >= topology.size())
        {
            throw new IllegalArgumentException("member id " + memberId + " is not in the topology of " +
                topology.size() + " members (0.." + (topology.size() - 1) + ")");
        }
        if (Integer.bitCount(termLength) != 1 || termLength < 64 * 1024)
        {
            throw new IllegalArgumentException("term length " + termLength + " is not a power of two >= 64 KiB");
        }
        if (timerIntervalNs < 0)
        {
            throw new IllegalArgumentException("timer interval " + timerIntervalNs + " ns is negative");
        }
    }
}
