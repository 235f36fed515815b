package io.ringwall.engine.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.ringwall.engine.logic.PreMarketCheck;

/**
 * The pre-market facts only the control thread can see: the journal directory takes a write (a probe file
 * written, forced and deleted) and has room, and the gateway reports its venue connected. They travel to the
 * logic as the bits of a journaled PRE_MARKET_CHECKS input, so the gate's decision stays replayable.
 */
public final class ExternalChecks
{
    /** Below this much free space the journal is not writable for long. */
    public static final long MIN_FREE_BYTES = 64L << 20;

    /** The facts of one run: failed bits and why. */
    public record Facts(long failedChecks, List<String> details)
    {
    }

    private final Path journalDir;
    private final VenueConnection venue;
    private final long minFreeBytes;

    public ExternalChecks(final Path journalDir, final VenueConnection venue, final long minFreeBytes)
    {
        this.journalDir = journalDir;
        this.venue = venue;
        this.minFreeBytes = minFreeBytes;
    }

    public Facts measure()
    {
        long failed = 0;
        final java.util.ArrayList<String> details = new java.util.ArrayList<>();
        final String journal = journalProblem();
        if (journal != null)
        {
            failed |= PreMarketCheck.JOURNAL_WRITABLE.bit();
            details.add(PreMarketCheck.JOURNAL_WRITABLE.label() + ": " + journal);
        }
        boolean connected;
        try
        {
            connected = venue.connected();
        }
        catch (final RuntimeException ex)
        {
            connected = false;
        }
        if (!connected)
        {
            failed |= PreMarketCheck.VENUE_CONNECTED.bit();
            details.add(PreMarketCheck.VENUE_CONNECTED.label() + ": the gateway reports no venue session");
        }
        return new Facts(failed, List.copyOf(details));
    }

    /** @return null when the journal directory takes a forced write and has room, else why not. */
    private String journalProblem()
    {
        final Path probe = journalDir.resolve(".pre-market-probe");
        try
        {
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING))
            {
                channel.write(ByteBuffer.wrap(new byte[] {'o', 'k'}));
                channel.force(true);
            }
            Files.delete(probe);
            final long free = Files.getFileStore(journalDir).getUsableSpace();
            if (free < minFreeBytes)
            {
                return journalDir + " has " + (free >> 20) + " MiB free, below " + (minFreeBytes >> 20) + " MiB";
            }
            return null;
        }
        catch (final IOException | SecurityException ex)
        {
            return "cannot write " + probe + ": " + ex;
        }
    }
}
