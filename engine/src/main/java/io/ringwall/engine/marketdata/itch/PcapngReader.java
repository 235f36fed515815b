package io.ringwall.engine.marketdata.itch;

import java.nio.ByteOrder;
import java.nio.file.Path;

import org.agrona.DirectBuffer;

/**
 * pcapng files: blocks of type (4 bytes), total length (4), body, total length again. A section header block sets
 * the byte order of its section (byte-order magic 1a2b3c4d) and forgets the interfaces before it; interface
 * description blocks give each interface's link type and snap length; enhanced and simple packet blocks carry the
 * frames. Other blocks (name resolution, statistics, custom) are skipped. Only Ethernet interfaces are read.
 */
final class PcapngReader
{
    static final int SECTION_HEADER = 0x0A0D0D0A;

    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int SIMPLE_PACKET = 3;
    private static final int ENHANCED_PACKET = 6;
    private static final int BLOCK_MIN = 12;
    private static final int INTERFACE_DESCRIPTION_MIN = 20;
    private static final int ENHANCED_PACKET_OVERHEAD = 32;
    private static final int SIMPLE_PACKET_OVERHEAD = 16;
    private static final int MAX_INTERFACES = 64;

    private final Path file;
    private final CaptureFrameHandler handler;
    private final int[] interfaceLinkType = new int[MAX_INTERFACES];
    private final long[] interfaceSnapLength = new long[MAX_INTERFACES];
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private int interfaces;
    private long packetNumber;

    private PcapngReader(final Path file, final CaptureFrameHandler handler)
    {
        this.file = file;
        this.handler = handler;
    }

    static void read(final Path file, final FileWindow window, final CaptureFrameHandler handler)
    {
        new PcapngReader(file, handler).readBlocks(window);
    }

    private void readBlocks(final FileWindow window)
    {
        final DirectBuffer buffer = window.buffer();
        boolean reading = true;
        while (reading && !window.atEnd())
        {
            final long blockOffset = window.fileOffset();
            if (!window.request(BLOCK_MIN))
            {
                throw new ItchFeedException(file + ": pcapng block at file offset " + blockOffset + " cut short (" +
                    window.available() + " bytes): the file is truncated", blockOffset);
            }
            final int index = window.index();
            final int type = buffer.getInt(index, ByteOrder.LITTLE_ENDIAN); // the section header's reads the same both ways
            if (type == SECTION_HEADER)
            {
                readSectionOrder(buffer, index, blockOffset);
            }
            else if (blockOffset == 0)
            {
                throw new ItchFeedException(String.format("%s: bad magic 0x%08x at file offset 0: a pcapng file " +
                    "starts with a section header block", file, type), 0);
            }
            final long total = uint32(buffer, index + 4);
            if (total < BLOCK_MIN || (total & 3) != 0 || total > window.capacity())
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
            final long trailing = uint32(buffer, index + (int)total - 4);
            if (trailing != total)
            {
                throw new ItchFeedException(file + ": pcapng block at file offset " + blockOffset + ": its trailing " +
                    "length " + trailing + " differs from its leading length " + total + ": the file is corrupt",
                    blockOffset);
            }
            reading = readBlock(buffer, index, (int)total, uint32(buffer, index), blockOffset);
            window.skip((int)total);
        }
    }

    private void readSectionOrder(final DirectBuffer buffer, final int index, final long blockOffset)
    {
        final int magic = buffer.getInt(index + 8, ByteOrder.LITTLE_ENDIAN);
        if (magic == BYTE_ORDER_MAGIC)
        {
            order = ByteOrder.LITTLE_ENDIAN;
        }
        else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC))
        {
            order = ByteOrder.BIG_ENDIAN;
        }
        else
        {
            throw new ItchFeedException(String.format("%s: pcapng section header at file offset %d: bad byte-order " +
                "magic 0x%08x (must be 1a2b3c4d): the file is corrupt", file, blockOffset, magic), blockOffset);
        }
        interfaces = 0;
    }

    /** @return false when the handler ended the read. */
    private boolean readBlock(final DirectBuffer buffer, final int index, final int total, final long type,
        final long blockOffset)
    {
        if (type == INTERFACE_DESCRIPTION)
        {
            if (interfaces == MAX_INTERFACES || total < INTERFACE_DESCRIPTION_MIN)
            {
                throw new ItchFeedException(file + ": pcapng interface description at file offset " + blockOffset +
                    (total < INTERFACE_DESCRIPTION_MIN ? " is shorter than 20 bytes" :
                    ": more than " + MAX_INTERFACES + " interfaces") + ": the file is corrupt", blockOffset);
            }
            interfaceLinkType[interfaces] = buffer.getShort(index + 8, order) & 0xFFFF;
            interfaceSnapLength[interfaces] = uint32(buffer, index + 12);
            interfaces++;
            return true;
        }
        if (type == ENHANCED_PACKET)
        {
            packetNumber++;
            final long interfaceId = uint32(buffer, index + 8);
            final long captured = uint32(buffer, index + 20);
            final long original = uint32(buffer, index + 24);
            if (captured > total - ENHANCED_PACKET_OVERHEAD)
            {
                throw new ItchFeedException(where(blockOffset) + "captured length " + captured + " exceeds its " +
                    "enhanced packet block of " + total + " bytes: the file is corrupt", blockOffset);
            }
            checkInterface(interfaceId, blockOffset);
            checkComplete(captured, original, blockOffset);
            return handler.onFrame(buffer, index + 28, (int)captured, packetNumber, blockOffset);
        }
        if (type == SIMPLE_PACKET)
        {
            packetNumber++;
            checkInterface(0, blockOffset);
            final long original = uint32(buffer, index + 8);
            final long snap = interfaceSnapLength[0];
            final long captured = snap == 0 ? original : Math.min(original, snap);
            if (captured > total - SIMPLE_PACKET_OVERHEAD)
            {
                throw new ItchFeedException(where(blockOffset) + "packet length " + captured + " exceeds its simple " +
                    "packet block of " + total + " bytes: the file is corrupt", blockOffset);
            }
            checkComplete(captured, original, blockOffset);
            return handler.onFrame(buffer, index + 12, (int)captured, packetNumber, blockOffset);
        }
        return true;
    }

    private void checkInterface(final long interfaceId, final long blockOffset)
    {
        if (interfaceId >= interfaces)
        {
            throw new ItchFeedException(where(blockOffset) + "interface " + interfaceId + " was not described " +
                "(" + interfaces + " interface description blocks before it): the file is corrupt", blockOffset);
        }
        if (interfaceLinkType[(int)interfaceId] != ItchCaptureReader.LINKTYPE_ETHERNET)
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

    private String where(final long blockOffset)
    {
        return CaptureFrameHandler.where(file, packetNumber, blockOffset);
    }

    private long uint32(final DirectBuffer buffer, final int index)
    {
        return buffer.getInt(index, order) & 0xFFFF_FFFFL;
    }
}
