package io.ringwall.engine.marketdata.itch;

import java.nio.ByteOrder;
import java.nio.file.Path;

import org.agrona.DirectBuffer;

/**
 * Classic libpcap files: a 24-byte global header (magic a1b2c3d4 for microsecond or a1b23c4d for nanosecond
 * timestamps, written in the capturing machine's byte order, which every later field follows), then per packet a
 * 16-byte record header and the captured bytes. Only Ethernet captures (link type 1) are read.
 */
final class PcapReader
{
    static final int MICROS_MAGIC = 0xA1B2C3D4;
    static final int NANOS_MAGIC = 0xA1B23C4D;

    private static final int GLOBAL_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int MAX_ETHERNET_SNAP = 65_535;

    private PcapReader()
    {
    }

    /** Whether {@code magic} (the file's first four bytes read big-endian) starts a classic pcap file. */
    static boolean isPcap(final int magic)
    {
        return magic == MICROS_MAGIC || magic == NANOS_MAGIC ||
            Integer.reverseBytes(magic) == MICROS_MAGIC || Integer.reverseBytes(magic) == NANOS_MAGIC;
    }

    static void read(final Path file, final FileWindow window, final CaptureFrameHandler handler)
    {
        if (!window.request(GLOBAL_HEADER))
        {
            throw new ItchFeedException(file + ": pcap global header cut short (" + window.available() +
                " of 24 bytes): the file is truncated", 0);
        }
        final DirectBuffer buffer = window.buffer();
        final int magicBig = buffer.getInt(0, ByteOrder.BIG_ENDIAN);
        if (!isPcap(magicBig))
        {
            throw new ItchFeedException(String.format("%s: bad magic 0x%08x at file offset 0: not a pcap " +
                "(a1b2c3d4 or a1b23c4d, either byte order) nor a pcapng file; check the file and its --format",
                file, magicBig), 0);
        }
        final ByteOrder order = magicBig == MICROS_MAGIC || magicBig == NANOS_MAGIC ?
            ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        final long snapLength = uint32(buffer, 16, order);
        final int linkType = (int)(uint32(buffer, 20, order) & 0xFFFF);
        if (linkType != ItchCaptureReader.LINKTYPE_ETHERNET)
        {
            throw new ItchFeedException(file + ": pcap link type " + linkType + " at file offset 20: only Ethernet " +
                "(1) captures are read; capture on an Ethernet interface", 20);
        }
        window.skip(GLOBAL_HEADER);
        long packetNumber = 0;
        boolean reading = true;
        while (reading && !window.atEnd())
        {
            final long recordOffset = window.fileOffset();
            packetNumber++;
            if (!window.request(RECORD_HEADER))
            {
                throw new ItchFeedException(CaptureFrameHandler.where(file, packetNumber, recordOffset) +
                    "record header cut short (" + window.available() + " of 16 bytes): the file is truncated",
                    recordOffset);
            }
            final long captured = uint32(buffer, window.index() + 8, order);
            final long original = uint32(buffer, window.index() + 12, order);
            if ((snapLength > 0 && captured > Math.max(snapLength, MAX_ETHERNET_SNAP)) ||
                captured > window.capacity() - RECORD_HEADER)
            {
                throw new ItchFeedException(CaptureFrameHandler.where(file, packetNumber, recordOffset) +
                    "captured length " + captured + " exceeds the snap length " + snapLength +
                    ": the record header is corrupt", recordOffset);
            }
            if (!window.request(RECORD_HEADER + (int)captured))
            {
                throw new ItchFeedException(CaptureFrameHandler.where(file, packetNumber, recordOffset) +
                    "the file ends inside a packet of " + captured + " bytes (" +
                    (window.available() - RECORD_HEADER) + " left): the file is truncated", recordOffset);
            }
            if (captured < original)
            {
                throw new ItchFeedException(CaptureFrameHandler.where(file, packetNumber, recordOffset) + "only " +
                    captured + " of the packet's " + original + " bytes were captured (snap length " + snapLength +
                    "): re-capture with a larger snap length", recordOffset);
            }
            reading = handler.onFrame(buffer, window.index() + RECORD_HEADER, (int)captured, packetNumber,
                recordOffset);
            window.skip(RECORD_HEADER + (int)captured);
        }
    }

    private static long uint32(final DirectBuffer buffer, final int index, final ByteOrder order)
    {
        return buffer.getInt(index, order) & 0xFFFF_FFFFL;
    }
}
