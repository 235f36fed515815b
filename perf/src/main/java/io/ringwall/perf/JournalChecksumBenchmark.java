package io.ringwall.perf;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;

/**
 * What the chained CRC32C costs a journal writer per record: {@link JournalBenchmark}'s appends with checksums
 * (record layout version 2) and without (version 1, the layout before them), in three forks each. The
 * pipeline's harness ({@code ringwall throughput --checksums compare}) asks the same question end to end, but
 * on a shared 2-core machine its run-to-run spread (about 30 %) hides a cost of a few percent; JMH's
 * single-threaded figures with their error bars resolve it. Not part of perf CI (a figure of its own, not a
 * regression guard): {@code scripts/ringwall bench JournalChecksumBenchmark}.
 */
@Fork(3)
public class JournalChecksumBenchmark extends JournalBenchmark
{
    @Param({ "true", "false" })
    public boolean checksums;

    @Override
    protected boolean checksums()
    {
        return checksums;
    }
}
