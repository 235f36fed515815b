package io.ringwall.engine.marketdata.itch;

import org.agrona.DirectBuffer;

/**
 * Receives the captured frames of a pcap or pcapng file, in file order.
 */
interface CaptureFrameHandler
{
    /**
     * One captured frame (link type Ethernet), valid only during the call.
     *
     * @param packetNumber the frame's number in the file, from 1.
     * @param fileOffset the file offset of the frame's record or block, for errors.
     * @return false to end the read after this frame.
     */
    boolean onFrame(DirectBuffer buffer, int offset, int length, long packetNumber, long fileOffset);

    /** The start of an error message naming the packet: file, packet number, file offset. */
    static String where(final java.nio.file.Path file, final long packetNumber, final long fileOffset)
    {
        return file + ": packet " + packetNumber + " at file offset " + fileOffset + ": ";
    }
}
