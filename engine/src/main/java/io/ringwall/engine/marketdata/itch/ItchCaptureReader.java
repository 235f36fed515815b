package io.ringwall.engine.marketdata.itch;

import java.nio.file.Path;

import org.agrona.DirectBuffer;

/**
 * Reads TotalView-ITCH 5.0 from a packet capture, parsed here without native libpcap: classic libpcap files (either
 * byte order, microsecond or nanosecond magic) and pcapng (section header, interface description, enhanced and
 * simple packet blocks; other blocks skipped). Each captured Ethernet frame goes through {@link UdpFrameDecoder}
 * (optional VLAN tags, IPv4, UDP) and {@link MoldUdp64Decoder} to {@link ItchDecoder}.
 *
 * <p>Frames that are not IPv4/UDP, or not to {@code udpPort} when one is set, are skipped and counted. Everything
 * else that does not add up (bad magic, a truncated record or packet, a packet captured short of its length,
 * inconsistent IPv4/UDP/MoldUDP64 lengths, a message ITCH does not define) stops the read with an
 * {@link ItchFeedException} naming the packet number and its file offset. A MoldUDP64 gap is counted
 * ({@link #mold()}); with {@link #failOnGap} it stops the read too.
 */
public final class ItchCaptureReader
{
    /** Link type of Ethernet frames (LINKTYPE_ETHERNET) in pcap and pcapng. */
    public static final int LINKTYPE_ETHERNET = 1;

    private static final int WINDOW_BYTES = 4 << 20;

    private final ItchDecoder itch;
    private final UdpFrameDecoder udp = new UdpFrameDecoder();
    private final MoldUdp64Decoder mold = new MoldUdp64Decoder();
    private final CaptureFrameHandler frameHandler = this::onFrame;
    private int udpPort;
    private boolean failOnGap;
    private boolean stopRequested;

    private Path file;
    private ItchListener listener;
    private long packetNumber;
    private long frames;
    private long skippedFrames;

    public ItchCaptureReader(final ItchDecoder itch)
    {
        this.itch = itch;
    }

    /** Reads only UDP datagrams to this destination port (0, the default, reads all). */
    public ItchCaptureReader udpPort(final int port)
    {
        this.udpPort = port;
        return this;
    }

    /** Whether a MoldUDP64 gap stops the read with an {@link ItchFeedException} (default: counted only). */
    public ItchCaptureReader failOnGap(final boolean failOnGap)
    {
        this.failOnGap = failOnGap;
        // Failing on a gap, the packet past it is not delivered either: a book stops at the last sound message.
        mold.holdOnGap(failOnGap);
        return this;
    }

    /** Makes {@link #read} return after the packet being read (its other messages are still delivered). */
    public void stop()
    {
        stopRequested = true;
    }

    /** Sequence tracking: packets, gaps, missing and duplicate messages, sessions. */
    public MoldUdp64Decoder mold()
    {
        return mold;
    }

    /** Frames read (packet records and packet blocks). */
    public long frames()
    {
        return frames;
    }

    /** Frames skipped: not IPv4/UDP, or to another port. */
    public long skippedFrames()
    {
        return skippedFrames;
    }

    /**
     * Delivers every ITCH message of the capture {@code file} to {@code listener}, in capture order. pcap or pcapng
     * is told by the file's first four bytes.
     */
    public void read(final Path file, final ItchListener listener)
    {
        this.file = file;
        stopRequested = false;
        frames = 0;
        skippedFrames = 0;
        try (FileWindow window = new FileWindow(file, WINDOW_BYTES))
        {
            if (!window.request(4))
            {
                throw new ItchFeedException(file + ": " + window.available() + " bytes: too short for a pcap or " +
                    "pcapng file; check the file and its --format", 0);
            }
            this.listener = listener;
            // The section header type reads the same in either byte order.
            if (window.buffer().getInt(0) == PcapngReader.SECTION_HEADER)
            {
                PcapngReader.read(file, window, frameHandler);
            }
            else
            {
                PcapReader.read(file, window, frameHandler);
            }
        }
    }

    private boolean onFrame(final DirectBuffer buffer, final int offset, final int length, final long packetNumber,
        final long fileOffset)
    {
        frames++;
        this.packetNumber = packetNumber;
        final int frame = udp.decode(buffer, offset, length);
        if (frame == UdpFrameDecoder.NOT_IPV4_UDP || (frame == UdpFrameDecoder.UDP && udpPort != 0 &&
            udp.destinationPort() != udpPort))
        {
            skippedFrames++;
            return !stopRequested;
        }
        if (frame != UdpFrameDecoder.UDP)
        {
            throw new ItchFeedException(where(fileOffset) + udp.describe(frame) + "; the capture is corrupt here",
                fileOffset);
        }
        final long gapsBefore = mold.gaps();
        final int status = mold.decode(buffer, udp.payloadOffset(), udp.payloadLength(), itch, listener);
        if (status != MoldUdp64Decoder.OK && status != MoldUdp64Decoder.GAP_HELD)
        {
            throw new ItchFeedException(where(fileOffset) + mold.describe(status, buffer, udp.payloadOffset()) +
                "; not a MoldUDP64 TotalView-ITCH 5.0 feed, or the capture is corrupt here (use --port to read only " +
                "the feed's port)", fileOffset);
        }
        if (failOnGap && mold.gaps() != gapsBefore)
        {
            throw new ItchFeedException(where(fileOffset) + "MoldUDP64 gap: " + mold.describeLastGap() +
                "; the book built from this feed would be wrong: request the missing messages or start over",
                fileOffset);
        }
        return !stopRequested;
    }

    private String where(final long fileOffset)
    {
        return CaptureFrameHandler.where(file, packetNumber, fileOffset);
    }
}
