package io.ringwall.cluster;

import io.aeron.Image;
import io.aeron.cluster.service.Cluster;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;

/**
 * Reads a snapshot {@link ClusteredLogicService#onTakeSnapshot} wrote: the fixed header first, then the body in
 * chunks, until the length the header gives; checks magic, format and checksum before anything is restored.
 */
final class SnapshotLoader implements FragmentHandler
{
    private final Image image;
    private final Cluster cluster;
    private final ExpandableDirectByteBuffer bytes = new ExpandableDirectByteBuffer(64 * 1024);
    private int received;

    SnapshotLoader(final Image image, final Cluster cluster)
    {
        this.image = image;
        this.cluster = cluster;
    }

    void load(final ClusteredLogicService service)
    {
        while (!complete())
        {
            final int fragments = image.poll(this, 16);
            if (fragments == 0)
            {
                if (image.isClosed() || image.isEndOfStream())
                {
                    throw new IllegalStateException("the cluster snapshot ended after " + received + " bytes: " +
                        "it is torn; remove the node's cluster directory so it catches up from the others");
                }
                cluster.idleStrategy().idle();
            }
        }
        final int total = headerLength() + bodyLength();
        if (bytes.getInt(0) != ClusteredLogicService.SNAPSHOT_MAGIC ||
            (bytes.getInt(4) != ClusteredLogicService.SNAPSHOT_FORMAT &&
            bytes.getInt(4) != ClusteredLogicService.SNAPSHOT_FORMAT_WITHOUT_TIMER))
        {
            throw new IllegalStateException("not a Ringwall cluster snapshot (magic/format " +
                Integer.toHexString(bytes.getInt(0)) + "/" + bytes.getInt(4) + ")");
        }
        if (service.checksum(bytes, headerLength(), bodyLength()) != bytes.getInt(48))
        {
            throw new IllegalStateException("the cluster snapshot's checksum does not match: it is corrupt; " +
                "remove the node's cluster directory so it catches up from the others");
        }
        service.restore(bytes, total);
    }

    private int bodyLength()
    {
        return bytes.getInt(40) + bytes.getInt(44);
    }

    /** The format, in the first 8 bytes, says how long the header is (format 1 had no timer field). */
    private int headerLength()
    {
        return ClusteredLogicService.headerLength(bytes.getInt(4));
    }

    private boolean complete()
    {
        return received >= ClusteredLogicService.SNAPSHOT_HEADER_WITHOUT_TIMER &&
            received >= headerLength() + bodyLength();
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        bytes.putBytes(received, buffer, offset, length);
        received += length;
    }
}
