package io.ringwall.engine.marketdata.itch;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Test side: lays out the transports around ITCH messages byte by byte, independently of the readers:
 * BinaryFILE, MoldUDP64 packets, Ethernet (optionally VLAN-tagged) / IPv4 / UDP frames, classic pcap (either
 * byte order, micro- or nanosecond magic) and pcapng (section header, interface description, enhanced and simple
 * packet blocks).
 */
public final class ItchCaptureWriter
{
    /** UDP destination port the frames are sent to. */
    public static final int FEED_PORT = 26477;

    private ItchCaptureWriter()
    {
    }

    /** A BinaryFILE: each message behind its 2-byte big-endian length. */
    public static byte[] binaryFile(final List<byte[]> messages)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] message : messages)
        {
            out.write(message.length >>> 8);
            out.write(message.length & 0xFF);
            out.writeBytes(message);
        }
        return out.toByteArray();
    }

    /** A MoldUDP64 packet of {@code messages} starting at {@code sequence}. */
    public static byte[] moldPacket(final String session, final long sequence, final List<byte[]> messages)
    {
        return moldPacket(session, sequence, messages.size(), messages);
    }

    /** A MoldUDP64 packet whose count field says {@code count} (0 heartbeat, 0xFFFF end of session). */
    public static byte[] moldPacket(final String session, final long sequence, final int count,
        final List<byte[]> messages)
    {
        final ByteBuffer out = ByteBuffer.allocate(20 + messages.stream().mapToInt(m -> m.length + 2).sum());
        final byte[] name = Arrays.copyOf(session.getBytes(StandardCharsets.US_ASCII), 10);
        for (int i = session.length(); i < 10; i++)
        {
            name[i] = ' ';
        }
        out.put(name).putLong(sequence).putShort((short)count);
        for (final byte[] message : messages)
        {
            out.putShort((short)message.length).put(message);
        }
        return out.array();
    }

    /** An Ethernet II frame carrying {@code payload} in UDP over IPv4 (20-byte header), with no VLAN tag. */
    public static byte[] udpFrame(final byte[] payload)
    {
        return udpFrame(payload, -1, 0);
    }

    /**
     * An Ethernet frame carrying {@code payload} in UDP over IPv4.
     *
     * @param vlanId an 802.1Q tag with this id, or -1 for none.
     * @param ipOptionWords IPv4 option words (IHL = 5 + this).
     */
    public static byte[] udpFrame(final byte[] payload, final int vlanId, final int ipOptionWords)
    {
        final int ipHeader = 20 + 4 * ipOptionWords;
        final int udpLength = 8 + payload.length;
        final ByteBuffer out = ByteBuffer.allocate(14 + (vlanId >= 0 ? 4 : 0) + ipHeader + udpLength);
        out.put(new byte[] {1, 0, 0x5e, 0, 0, 1}).put(new byte[] {2, 0, 0, 0, 0, 2});
        if (vlanId >= 0)
        {
            out.putShort((short)0x8100).putShort((short)vlanId);
        }
        out.putShort((short)0x0800);
        out.put((byte)(0x40 | (ipHeader / 4))).put((byte)0).putShort((short)(ipHeader + udpLength));
        out.putShort((short)1).putShort((short)0x4000); // identification; flags: don't fragment
        out.put((byte)64).put((byte)17).putShort((short)0); // TTL, UDP, checksum (not checked)
        out.put(new byte[] {10, 0, 0, 1}).put(new byte[] {(byte)233, 54, 12, 111});
        for (int i = 0; i < ipOptionWords; i++)
        {
            out.putInt(0x01010101); // NOP options
        }
        out.putShort((short)40000).putShort((short)FEED_PORT).putShort((short)udpLength).putShort((short)0);
        out.put(payload);
        return out.array();
    }

    /** A frame that is not IPv4: an ARP request. */
    public static byte[] arpFrame()
    {
        final ByteBuffer out = ByteBuffer.allocate(42);
        out.put(new byte[] {-1, -1, -1, -1, -1, -1}).put(new byte[] {2, 0, 0, 0, 0, 2}).putShort((short)0x0806);
        out.put(new byte[28]);
        return out.array();
    }

    /** A classic pcap file of Ethernet frames. */
    public static byte[] pcap(final List<byte[]> frames, final ByteOrder order, final boolean nanoseconds)
    {
        final ByteBuffer out = ByteBuffer.allocate(24 + frames.stream().mapToInt(f -> f.length + 16).sum()).order(order);
        out.putInt(nanoseconds ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short)2).putShort((short)4);
        out.putInt(0).putInt(0).putInt(262_144).putInt(1);
        int second = 1_700_000_000;
        for (final byte[] frame : frames)
        {
            out.putInt(second++).putInt(123).putInt(frame.length).putInt(frame.length).put(frame);
        }
        return out.array();
    }

    /**
     * A pcapng file, one section, one Ethernet interface: the first frame in a simple packet block when
     * {@code firstAsSimple}, the others in enhanced packet blocks, with a name resolution block in between (skipped).
     */
    public static byte[] pcapng(final List<byte[]> frames, final ByteOrder order, final boolean firstAsSimple)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(block(order, 0x0A0D0D0A, body(order, 16, b -> b.putInt(0x1A2B3C4D).putShort((short)1)
            .putShort((short)0).putLong(-1))));
        out.writeBytes(block(order, 1, body(order, 8, b -> b.putShort((short)1).putShort((short)0).putInt(0))));
        out.writeBytes(block(order, 4, body(order, 4, b -> b.putShort((short)0).putShort((short)0))));
        for (int n = 0; n < frames.size(); n++)
        {
            final int i = n;
            final byte[] frame = frames.get(i);
            final int padded = (frame.length + 3) & ~3;
            if (i == 0 && firstAsSimple)
            {
                out.writeBytes(block(order, 3, body(order, 4 + padded, b -> b.putInt(frame.length).put(frame))));
            }
            else
            {
                out.writeBytes(block(order, 6, body(order, 20 + padded, b -> b.putInt(0).putInt(0).putInt(i)
                    .putInt(frame.length).putInt(frame.length).put(frame))));
            }
        }
        return out.toByteArray();
    }

    private static byte[] body(final ByteOrder order, final int length, final java.util.function.Consumer<ByteBuffer> fill)
    {
        final ByteBuffer body = ByteBuffer.allocate(length).order(order);
        fill.accept(body);
        return body.array();
    }

    private static byte[] block(final ByteOrder order, final int type, final byte[] body)
    {
        final int total = 12 + body.length;
        return ByteBuffer.allocate(total).order(order).putInt(type).putInt(total).put(body).putInt(total).array();
    }
}
