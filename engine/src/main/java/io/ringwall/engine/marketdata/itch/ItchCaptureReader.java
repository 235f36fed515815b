package io.ringwall.engine.marketdata.itch;

import java.nio.file.Path;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

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
    private static final int PCAP_GLOBAL_HEADER = 24;
    private static final int PCAP_RECORD_HEADER = 16;
    private static final int PCAP_MICROS_MAGIC = 0xA1B2C3D4;
    private static final int PCAP_NANOS_MAGIC = 0xA1B23C4D;
    private static final int PCAPNG_SECTION_HEADER = 0x0A0D0D0A;
    private static final int PCAPNG_BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int PCAPNG_INTERFACE_DESCRIPTION = 1;
    private static final int PCAPNG_SIMPLE_PACKET = 3;
    private static final int PCAPNG_ENHANCED_PACKET = 6;
    private static final int PCAPNG_BLOCK_MIN = 12;
    private static final int MAX_INTERFACES = 64;

    private final ItchDecoder itch;
    private final UdpFrameDecoder udp = new UdpFrameDecoder();
    private final MoldUdp64Decoder mold = new MoldUdp64Decoder();
    private final int[] interfaceLinkType = new int[MAX_INTERFACES];
    private final long[] interfaceSnapLength = new long[MAX_INTERFACES];
    private int udpPort;
    private boolean failOnGap;
    private boolean stopRequested;

    private Path file;
    private boolean bigEndian;
    private int interfaces;
    private long packetNumber;
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
        return packetNumber;
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
        try (FileWindow window = new FileWindow(file, WINDOW_BYTES))
        {
            if (!window.request(4))
            {
                throw new ItchFeedException(file + ": " + window.available() + " bytes: too short for a pcap or " +
                    "pcapng file; check the file and its --format", 0);
            }
            final int magic = window.buffer().getInt(0, java.nio.ByteOrder.LITTLE_ENDIAN);
            if (magic == PCAPNG_SECTION_HEADER)
            {
                readPcapng(window, listener);
            }
            else
            {
                readPcap(window, listener);
            }
        }
    }

    private void readPcap(final FileWindow window, final ItchListener listener)
    {
        if (!window.request(PCAP_GLOBAL_HEADER))
        {
            throw new ItchFeedException(file + ": pcap global header cut short (" + window.available() +
                " of 24 bytes): the file is truncated", 0);
        }
        final UnsafeBuffer buffer = window.buffer();
        final int magicLittle = buffer.getInt(0, java.nio.ByteOrder.LITTLE_ENDIAN);
        final int magicBig = buffer.getInt(0, java.nio.ByteOrder.BIG_ENDIAN);
        if (magicLittle == PCAP_MICROS_MAGIC || magicLittle == PCAP_NANOS_MAGIC)
        {
            bigEndian = false;
        }
        else if (magicBig == PCAP_MICROS_MAGIC || magicBig == PCAP_NANOS_MAGIC)
        {
            bigEndian = true;
        }
        else
        {
            throw new ItchFeedException(String.format("%s: bad magic 0x%08x at file offset 0: not a pcap " +
                "(a1b2c3d4 or a1b23c4d, either byte order) nor a pcapng file; check the file and its --format",
                file, magicBig), 0);
        }
        final long snapLength = uint32(buffer, 16);
        final int linkType = (int)(uint32(buffer, 20) & 0xFFFF);
        if (linkType != LINKTYPE_ETHERNET)
        {
            throw new ItchFeedException(file + ": pcap link type " + linkType + " at file offset 20: only Ethernet " +
                "(1) captures are read; capture on an Ethernet interface", 20);
        }
        window.skip(PCAP_GLOBAL_HEADER);
        while (!stopRequested && !window.atEnd())
        {
            final long recordOffset = window.fileOffset();
            packetNumber++;
            if (!window.request(PCAP_RECORD_HEADER))
            {
                throw new ItchFeedException(where(recordOffset) + "record header cut short (" + window.available() +
                    " of 16 bytes): the file is truncated", recordOffset);
            }
            final long captured = uint32(buffer, window.index() + 8);
            final long original = uint32(buffer, window.index() + 12);
            if ((snapLength > 0 && captured > Math.max(snapLength, 65_535)) ||
                captured > window.capacity() - PCAP_RECORD_HEADER)
            {
                throw new ItchFeedException(where(recordOffset) + "captured length " + captured +
                    " exceeds the snap length " + snapLength + ": the record header is corrupt", recordOffset);
            }
            if (!window.request(PCAP_RECORD_HEADER + (int)captured))
            {
                throw new ItchFeedException(where(recordOffset) + "the file ends inside a packet of " + captured +
                    " bytes (" + (window.available() - PCAP_RECORD_HEADER) + " left): the file is truncated",
                    recordOffset);
            }
            if (captured < original)
            {
                throw new ItchFeedException(where(recordOffset) + "only " + captured + " of the packet's " + original +
                    " bytes were captured (snap length " + snapLength + "): re-capture with a larger snap length",
                    recordOffset);
            }
            onFrame(buffer, window.index() + PCAP_RECORD_HEADER, (int)captured, recordOffset, listener);
            window.skip(PCAP_RECORD_HEADER + (int)captured);
        }
    }

    private void readPcapng(final FileWindow window, final ItchListener listener)
    {
        final UnsafeBuffer buffer = window.buffer();
        while (!stopRequested && !window.atEnd())
        {
            final long blockOffset = window.fileOffset();
            if (!window.request(PCAPNG_BLOCK_MIN))
            {
                throw new ItchFeedException(file + ": pcapng block at file offset " + blockOffset + " cut short (" +
                    window.available() + " bytes): the file is truncated", blockOffset);
            }
            final int index = window.index();
            final int type = buffer.getInt(index, java.nio.ByteOrder.LITTLE_ENDIAN);
            if (type == PCAPNG_SECTION_HEADER)
            {
                readSectionOrder(buffer, index, blockOffset);
            }
            else if (blockOffset == 0)
            {
                throw new ItchFeedException(String.format("%s: bad magic 0x%08x at file offset 0: a pcapng file " +
                    "starts with a section header block", file, type), 0);
            }
            final long total = uint32(buffer, index + 4);
            if (total < PCAPNG_BLOCK_MIN || (total & 3) != 0 || total > window.capacity())
            {
                throw new ItchFeedException(file + ": pcapng block at file offset " + blockOffset + " has length " +
                    total + " (must be a multiple of 4, 12 to " + window.capacity() + "): the file is corrupt",
                    blockOffset);
            }
            if (!window.request((int)total))
            {
                throw new ItchFeedException(file + ": the file ends inside a pcapng block of " + total +
                    " bytes at file offset " + blockOffset + ": the file is truncated", blockOffset);
            }
            if (uint32(buffer, index + (int)total - 4) != total)
            {
                throw new ItchFeedException(file + ": pcapng block at file offset " + blockOffset + ": its trailing " +
                    "length " + uint32(buffer, index + (int)total - 4) + " differs from its leading length " + total +
                    ": the file is corrupt", blockOffset);
            }
            readBlock(buffer, index, (int)total, uint32(buffer, index), blockOffset, listener);
            window.skip((int)total);
        }
    }

    private void readSectionOrder(final UnsafeBuffer buffer, final int index, final long blockOffset)
    {
        final int order = buffer.getInt(index + 8, java.nio.ByteOrder.LITTLE_ENDIAN);
        if (order == PCAPNG_BYTE_ORDER_MAGIC)
        {
            bigEndian = false;
        }
        else if (order == Integer.reverseBytes(PCAPNG_BYTE_ORDER_MAGIC))
        {
            bigEndian = true;
        }
        else
        {
            throw new ItchFeedException(String.format("%s: pcapng section header at file offset %d: bad byte-order " +
                "magic 0x%08x (must be 1a2b3c4d): the file is corrupt", file, blockOffset, order), blockOffset);
        }
        interfaces = 0;
    }

    private void readBlock(final UnsafeBuffer buffer, final int index, final int total, final long type,
        final long blockOffset, final ItchListener listener)
    {
        if (type == PCAPNG_INTERFACE_DESCRIPTION)
        {
            if (interfaces == MAX_INTERFACES || total < 20)
            {
                throw new ItchFeedException(file + ": pcapng interface description at file offset " + blockOffset +
                    (total < 20 ? " is shorter than 20 bytes" : ": more than " + MAX_INTERFACES + " interfaces") +
                    ": the file is corrupt", blockOffset);
            }
            interfaceLinkType[interfaces] = uint16(buffer, index + 8);
            interfaceSnapLength[interfaces] = uint32(buffer, index + 12);
            interfaces++;
        }
        else if (type == PCAPNG_ENHANCED_PACKET)
        {
            packetNumber++;
            final long interfaceId = uint32(buffer, index + 8);
            final long captured = uint32(buffer, index + 20);
            final long original = uint32(buffer, index + 24);
            if (captured > total - 32)
            {
                throw new ItchFeedException(where(blockOffset) + "captured length " + captured + " exceeds its " +
                    "enhanced packet block of " + total + " bytes: the file is corrupt", blockOffset);
            }
            checkInterface(interfaceId, blockOffset);
            checkComplete(captured, original, blockOffset);
            onFrame(buffer, index + 28, (int)captured, blockOffset, listener);
        }
        else if (type == PCAPNG_SIMPLE_PACKET)
        {
            packetNumber++;
            checkInterface(0, blockOffset);
            final long original = uint32(buffer, index + 8);
            final long snap = interfaceSnapLength[0];
            final long captured = snap == 0 ? original : Math.min(original, snap);
            if (captured > total - 16)
            {
                throw new ItchFeedException(where(blockOffset) + "packet length " + captured + " exceeds its simple " +
                    "packet block of " + total + " bytes: the file is corrupt", blockOffset);
            }
            checkComplete(captured, original, blockOffset);
            onFrame(buffer, index + 12, (int)captured, blockOffset, listener);
        }
    }

    private void checkInterface(final long interfaceId, final long blockOffset)
    {
        if (interfaceId >= interfaces)
        {
            throw new ItchFeedException(where(blockOffset) + "interface " + interfaceId + " was not described " +
                "(" + interfaces + " interface description blocks before it): the file is corrupt", blockOffset);
        }
        if (interfaceLinkType[(int)interfaceId] != LINKTYPE_ETHERNET)
        {
            throw new ItchFeedException(where(blockOffset) + "interface " + interfaceId + " has link type " +
                interfaceLinkType[(int)interfaceId] + ": only Ethernet (1) is read", blockOffset);
        }
    }

    private void checkComplete(final long captured, final long original, final long blockOffset)
    {
        if (captured < original)
        {
            throw new ItchFeedException(where(blockOffset) + "only " + captured + " of the packet's " + original +
                " bytes were captured: re-capture with a larger snap length", blockOffset);
        }
    }

    private void onFrame(final DirectBuffer buffer, final int offset, final int length, final long fileOffset,
        final ItchListener listener)
    {
        final int frame = udp.decode(buffer, offset, length);
        if (frame == UdpFrameDecoder.NOT_IPV4_UDP || (frame == UdpFrameDecoder.UDP && udpPort != 0 &&
            udp.destinationPort() != udpPort))
        {
            skippedFrames++;
            return;
        }
        if (frame != UdpFrameDecoder.UDP)
        {
            throw new ItchFeedException(where(fileOffset) + udp.describe(frame) + "; the capture is corrupt here",
                fileOffset);
        }
        final long gapsBefore = mold.gaps();
        final int status = mold.decode(buffer, udp.payloadOffset(), udp.payloadLength(), itch, listener);
        if (status != MoldUdp64Decoder.OK)
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
    }

    private String where(final long fileOffset)
    {
        return file + ": packet " + packetNumber + " at file offset " + fileOffset + ": ";
    }

    private long uint32(final DirectBuffer buffer, final int index)
    {
        return buffer.getInt(index, bigEndian ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN) &
            0xFFFF_FFFFL;
    }

    private int uint16(final DirectBuffer buffer, final int index)
    {
        return buffer.getShort(index, bigEndian ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN) &
            0xFFFF;
    }
}
