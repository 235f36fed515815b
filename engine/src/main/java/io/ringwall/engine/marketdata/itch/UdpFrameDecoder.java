package io.ringwall.engine.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Finds the UDP payload of a captured Ethernet frame: Ethernet II, up to two 802.1Q/802.1ad VLAN tags, IPv4 (its
 * header length taken from IHL, options skipped), UDP. Parses in place and allocates nothing: after
 * {@link #decode} returns {@link #UDP}, {@link #payloadOffset()} and {@link #payloadLength()} say where the
 * datagram's payload is.
 *
 * <p>Frames that are not IPv4/UDP (ARP, IPv6, TCP...) are {@link #NOT_IPV4_UDP}: a capture holds other traffic,
 * and skipping it is expected. A frame that claims to be IPv4/UDP but whose lengths do not add up, or that is cut
 * short, is an error (a negative status): its payload cannot be trusted.
 */
public final class UdpFrameDecoder
{
    /** An IPv4/UDP datagram: the payload is located. */
    public static final int UDP = 0;
    /** Not IPv4 or not UDP: skip the frame. */
    public static final int NOT_IPV4_UDP = 1;
    /** The frame ends before the Ethernet, IPv4 or UDP header does. */
    public static final int TRUNCATED = -1;
    /** IPv4 IHL below 5 words, or the version nibble is not 4. */
    public static final int BAD_IPV4_HEADER = -2;
    /** IPv4 total length below the header length or beyond the captured frame. */
    public static final int BAD_IPV4_LENGTH = -3;
    /** UDP length below 8 or beyond the IPv4 payload. */
    public static final int BAD_UDP_LENGTH = -4;
    /** An IPv4 fragment: reassembly is not done, so the payload is incomplete. */
    public static final int FRAGMENT = -5;

    private static final int ETHERNET_HEADER = 14;
    private static final int ETHER_TYPE_OFFSET = 12;
    private static final int VLAN_TAG = 4;
    private static final int ETHER_TYPE_IPV4 = 0x0800;
    private static final int ETHER_TYPE_VLAN = 0x8100;
    private static final int ETHER_TYPE_QINQ = 0x88A8;
    private static final int MAX_VLAN_TAGS = 2;
    private static final int IPV4_MIN_HEADER = 20;
    private static final int PROTOCOL_UDP = 17;
    private static final int UDP_HEADER = 8;
    private static final int MORE_FRAGMENTS_AND_OFFSET = 0x3FFF;

    private int payloadOffset;
    private int payloadLength;
    private int destinationPort;
    private int detail;

    /**
     * Locates the UDP payload of the frame of {@code length} bytes at {@code offset}.
     *
     * @return {@link #UDP}, {@link #NOT_IPV4_UDP} or a negative error status ({@link #describe} says which).
     */
    public int decode(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int etherTypeIndex = offset + ETHER_TYPE_OFFSET;
        if (length < ETHERNET_HEADER)
        {
            detail = length;
            return TRUNCATED;
        }
        int etherType = ItchFields.uint16(buffer, etherTypeIndex);
        for (int tags = 0; (etherType == ETHER_TYPE_VLAN || etherType == ETHER_TYPE_QINQ) && tags < MAX_VLAN_TAGS; tags++)
        {
            etherTypeIndex += VLAN_TAG;
            if (etherTypeIndex + 2 > end)
            {
                detail = length;
                return TRUNCATED;
            }
            etherType = ItchFields.uint16(buffer, etherTypeIndex);
        }
        if (etherType != ETHER_TYPE_IPV4)
        {
            return NOT_IPV4_UDP;
        }
        final int ip = etherTypeIndex + 2;
        if (ip + IPV4_MIN_HEADER > end)
        {
            detail = length;
            return TRUNCATED;
        }
        final int versionAndIhl = buffer.getByte(ip) & 0xFF;
        final int headerLength = (versionAndIhl & 0x0F) * 4;
        if ((versionAndIhl >>> 4) != 4 || headerLength < IPV4_MIN_HEADER)
        {
            detail = versionAndIhl;
            return BAD_IPV4_HEADER;
        }
        final int totalLength = ItchFields.uint16(buffer, ip + 2);
        if (totalLength < headerLength || ip + totalLength > end)
        {
            detail = totalLength;
            payloadLength = end - ip;
            return BAD_IPV4_LENGTH;
        }
        if ((buffer.getByte(ip + 9) & 0xFF) != PROTOCOL_UDP)
        {
            return NOT_IPV4_UDP;
        }
        if ((ItchFields.uint16(buffer, ip + 6) & MORE_FRAGMENTS_AND_OFFSET) != 0)
        {
            return FRAGMENT;
        }
        final int udp = ip + headerLength;
        if (totalLength - headerLength < UDP_HEADER)
        {
            detail = totalLength - headerLength;
            return TRUNCATED;
        }
        final int udpLength = ItchFields.uint16(buffer, udp + 4);
        if (udpLength < UDP_HEADER || udpLength > totalLength - headerLength)
        {
            detail = udpLength;
            payloadLength = totalLength - headerLength;
            return BAD_UDP_LENGTH;
        }
        destinationPort = ItchFields.uint16(buffer, udp + 2);
        payloadOffset = udp + UDP_HEADER;
        payloadLength = udpLength - UDP_HEADER;
        return UDP;
    }

    /** Index of the UDP payload after {@link #UDP}. */
    public int payloadOffset()
    {
        return payloadOffset;
    }

    /** Bytes of UDP payload after {@link #UDP}. */
    public int payloadLength()
    {
        return payloadLength;
    }

    /** The datagram's destination port after {@link #UDP}. */
    public int destinationPort()
    {
        return destinationPort;
    }

    /** Text of the last error status, for the error a reader raises (allocates; off the hot path). */
    public String describe(final int status)
    {
        switch (status)
        {
            case TRUNCATED:
                return "frame cut short (" + detail + " bytes) before the end of its Ethernet/IPv4/UDP headers";
            case BAD_IPV4_HEADER:
                return String.format("bad IPv4 header: version/IHL byte 0x%02x (version must be 4, IHL at least 5)",
                    detail);
            case BAD_IPV4_LENGTH:
                return "IPv4 total length " + detail + " is inconsistent with the header length and the " +
                    payloadLength + " bytes captured after the Ethernet header";
            case BAD_UDP_LENGTH:
                return "UDP length " + detail + " is inconsistent with the IPv4 payload of " + payloadLength +
                    " bytes (must be 8 to " + payloadLength + ")";
            case FRAGMENT:
                return "IPv4 fragment: fragments are not reassembled, so its MoldUDP64 packet is incomplete";
            default:
                return "UDP frame status " + status;
        }
    }
}
