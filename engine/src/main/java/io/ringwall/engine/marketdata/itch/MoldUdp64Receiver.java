package io.ringwall.engine.marketdata.itch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Live MoldUDP64 over UDP: a non-blocking datagram channel, unicast or joined to a multicast group, polled by its
 * owner's duty cycle. {@link #poll} reads the datagrams waiting, up to a limit, and hands each to
 * {@link MoldUdp64Decoder} and {@link ItchDecoder}; it returns the packets read (0 when idle, for the idle
 * strategy). One receive buffer, allocated here; polling allocates nothing.
 *
 * <p>A packet MoldUDP64 or ITCH refuses is counted ({@link #refusedPackets()}) and skipped, since a datagram stands
 * alone and the next may be sound; the caller fails closed on the counts, as on {@link MoldUdp64Decoder#gaps()}.
 * Set-up failures (bind, join) throw.
 */
public final class MoldUdp64Receiver implements AutoCloseable
{
    private static final int MAX_DATAGRAM = 65_536;

    private final DatagramChannel channel;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private final UnsafeBuffer buffer = new UnsafeBuffer(receiveBuffer);
    private final ByteBuffer requestBuffer = ByteBuffer.allocateDirect(MoldUdp64Decoder.HEADER_LENGTH);
    private final UnsafeBuffer request = new UnsafeBuffer(requestBuffer);
    private long requestsSent;
    private final MoldUdp64Decoder mold = new MoldUdp64Decoder();
    private final ItchDecoder itch;
    private long refusedPackets;
    private int lastRefusal = MoldUdp64Decoder.OK;

    private MoldUdp64Receiver(final DatagramChannel channel, final ItchDecoder itch)
    {
        this.channel = channel;
        this.itch = itch;
    }

    /** Receives datagrams sent to {@code bindAddress}:{@code port} (port 0: any free port, see {@link #localPort()}). */
    public static MoldUdp64Receiver unicast(final String bindAddress, final int port, final ItchDecoder itch)
    {
        try
        {
            final DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.bind(new InetSocketAddress(bindAddress, port));
            channel.configureBlocking(false);
            return new MoldUdp64Receiver(channel, itch);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot bind UDP " + bindAddress + ":" + port + ": " + ex.getMessage(), ex);
        }
    }

    /** Joins {@code group}:{@code port} on the network interface {@code interfaceName}. */
    public static MoldUdp64Receiver multicast(final String group, final int port, final String interfaceName,
        final ItchDecoder itch)
    {
        try
        {
            final NetworkInterface networkInterface = NetworkInterface.getByName(interfaceName);
            if (networkInterface == null)
            {
                throw new IllegalArgumentException("no network interface " + interfaceName);
            }
            final DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(port));
            channel.join(InetAddress.getByName(group), networkInterface);
            channel.configureBlocking(false);
            return new MoldUdp64Receiver(channel, itch);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot join " + group + ":" + port + " on " + interfaceName + ": " +
                ex.getMessage(), ex);
        }
    }

    /**
     * Reads up to {@code maxPackets} waiting datagrams and delivers their new messages to {@code listener}.
     *
     * @return the datagrams read; 0 when none was waiting.
     */
    public int poll(final ItchListener listener, final int maxPackets)
    {
        int packets = 0;
        try
        {
            while (packets < maxPackets)
            {
                receiveBuffer.clear();
                if (channel.receive(receiveBuffer) == null)
                {
                    break;
                }
                packets++;
                final int status = mold.decode(buffer, 0, receiveBuffer.position(), itch, listener);
                // a packet held past a gap is sound: the gap counts say so, and a re-request may fill it
                if (status != MoldUdp64Decoder.OK && status != MoldUdp64Decoder.GAP_HELD)
                {
                    refusedPackets++;
                    lastRefusal = status;
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("UDP receive failed: " + ex.getMessage(), ex);
        }
        return packets;
    }

    /**
     * Asks {@code server} (the feed's re-request server) for the messages {@link MoldUdp64Decoder#missing}; its answer
     * arrives on this channel as ordinary packets, which {@link #poll} delivers in sequence.
     *
     * @return whether a request was sent (false when nothing is missing).
     */
    public boolean requestMissing(final InetSocketAddress server)
    {
        final int length = mold.encodeRequest(request, 0);
        if (length == 0)
        {
            return false;
        }
        requestBuffer.clear().limit(length);
        try
        {
            channel.send(requestBuffer, server);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot send a MoldUDP64 request to " + server + ": " + ex.getMessage(), ex);
        }
        requestsSent++;
        return true;
    }

    /** Re-requests sent. */
    public long requestsSent()
    {
        return requestsSent;
    }

    /** Sequence tracking of the packets received: gaps, missing and duplicate messages, sessions. */
    public MoldUdp64Decoder mold()
    {
        return mold;
    }

    /** Datagrams MoldUDP64 or ITCH refused (skipped). */
    public long refusedPackets()
    {
        return refusedPackets;
    }

    /** The {@link MoldUdp64Decoder} status of the last refused datagram ({@link MoldUdp64Decoder#OK} if none). */
    public int lastRefusal()
    {
        return lastRefusal;
    }

    /** The local port the channel is bound to. */
    public int localPort()
    {
        try
        {
            return ((InetSocketAddress)channel.getLocalAddress()).getPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close()
    {
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
