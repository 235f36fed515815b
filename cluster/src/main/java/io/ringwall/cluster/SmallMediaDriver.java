package io.ringwall.cluster;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;

/**
 * The media driver every process of this project's cluster runs (members, gateway, drill, benchmark, tests): one
 * SHARED thread, sparse term files and small terms so three members and a gateway fit a small machine, and a
 * directory of its own that is cleared at start and removed at shutdown.
 */
public final class SmallMediaDriver
{
    private SmallMediaDriver()
    {
    }

    /** @param termLength bytes of each publication and IPC term (a power of two, 64 KiB and up). */
    public static MediaDriver.Context context(final String aeronDir, final int termLength)
    {
        return new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .termBufferSparseFile(true)
            .publicationTermBufferLength(termLength)
            .ipcTermBufferLength(termLength)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
    }
}
