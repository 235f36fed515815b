package io.ringwall.cluster;

import java.util.List;

/**
 * Where the members of a cluster listen: one host per member id (0, 1, 2, ...), and from a base port ten ports per
 * member, {@code portBase + 10 * memberId + offset}. The nodes and the gateway derive every endpoint from the
 * same host list and base port, so three machines need only agree on those two settings.
 *
 * @param hosts    host name or address of each member, by member id.
 * @param portBase first port; member N uses {@code portBase + 10N .. portBase + 10N + 4}.
 */
public record ClusterTopology(List<String> hosts, int portBase)
{
    public static final int PORTS_PER_MEMBER = 10;
    static final int ARCHIVE_CONTROL = 0;
    static final int INGRESS = 1;
    static final int CONSENSUS = 2;
    static final int LOG = 3;
    static final int CATCHUP = 4;

    public ClusterTopology
    {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty())
        {
            throw new IllegalArgumentException("a cluster needs at least one member host");
        }
        if (portBase < 1024 || portBase + PORTS_PER_MEMBER * hosts.size() > 65535)
        {
            throw new IllegalArgumentException("port base " + portBase + " leaves no room for " + hosts.size() +
                " members between 1024 and 65535");
        }
    }

    /** Parses a comma-separated host list, e.g. {@code "10.0.0.1,10.0.0.2,10.0.0.3"}. */
    public static ClusterTopology parse(final String hosts, final int portBase)
    {
        return new ClusterTopology(List.of(hosts.trim().split("\\s*,\\s*")), portBase);
    }

    public int size()
    {
        return hosts.size();
    }

    public String endpoint(final int memberId, final int offset)
    {
        return hosts.get(memberId) + ":" + (portBase + PORTS_PER_MEMBER * memberId + offset);
    }

    /** @return Aeron's member string: {@code id,ingress,consensus,log,catchup,archive|...}. */
    public String clusterMembers()
    {
        final StringBuilder members = new StringBuilder();
        for (int id = 0; id < hosts.size(); id++)
        {
            if (id > 0)
            {
                members.append('|');
            }
            members.append(id).append(',').append(endpoint(id, INGRESS)).append(',')
                .append(endpoint(id, CONSENSUS)).append(',').append(endpoint(id, LOG)).append(',')
                .append(endpoint(id, CATCHUP)).append(',').append(endpoint(id, ARCHIVE_CONTROL));
        }
        return members.toString();
    }

    /** @return the client's ingress endpoints: {@code 0=host:port,1=host:port,...}. */
    public String ingressEndpoints()
    {
        final StringBuilder endpoints = new StringBuilder();
        for (int id = 0; id < hosts.size(); id++)
        {
            if (id > 0)
            {
                endpoints.append(',');
            }
            endpoints.append(id).append('=').append(endpoint(id, INGRESS));
        }
        return endpoints.toString();
    }
}
