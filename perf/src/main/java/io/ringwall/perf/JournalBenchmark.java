package io.ringwall.perf;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.ringwall.engine.Fixed;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per record of {@link JournalWriter#append} with a {@link JournalWriter#commit()} every
 * {@code batch} records: {@code batch=1} is one Chronicle document per frame (the ceiling the stack notes
 * measured near 4-5 M/s), larger batches are what the journal stages do with a Disruptor batch.
 * A record is 64 bytes: 20 of record header and a 44-byte Trade frame.
 *
 * <p>It is also the suite's check that a forked JMH JVM can write a Chronicle Queue: the forks inherit
 * the launcher's JVM flags (scripts/jvm-flags.properties), without which a queue opens read-only.
 *
 * <p>Each iteration writes a fresh journal directory under {@code perf/target/scratch} and deletes it
 * afterwards, so the disk holds at most one iteration's records (a few hundred MB).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JournalBenchmark
{
    /** Records per Chronicle document. */
    @Param({ "1", "64" })
    public int batch;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[128]);
    private int frameLength;
    private Path directory;
    private JournalDirectory journals;
    private JournalWriter writer;
    private long sequence;

    @Setup(Level.Trial)
    public void encodeFrame()
    {
        frameLength = new InputEncoder().trade(frame, 0, 0, 1, 1000 * Fixed.PRICE_SCALE, Fixed.QUANTITY_SCALE, 1L);
    }

    @Setup(Level.Iteration)
    public void openJournal()
    {
        directory = ScratchDirectories.create(ScratchDirectories.defaultRoot(), "journal-bench-");
        journals = JournalDirectory.open(directory);
        if (!checksums())
        {
            journals.writeWithoutChecksums();
        }
        writer = journals.inputWriter();
        sequence = writer.lastSequence();
    }

    @TearDown(Level.Iteration)
    public void deleteJournal()
    {
        writer.close();
        journals.close();
        ScratchDirectories.delete(directory);
    }

    /** @return whether records carry their chained CRC32C (always here; {@link JournalChecksumBenchmark} varies it). */
    protected boolean checksums()
    {
        return true;
    }

    @Benchmark
    public long append()
    {
        final long next = ++sequence;
        writer.append(next, next, frame, 0, frameLength);
        if (next % batch == 0)
        {
            writer.commit();
        }
        return next;
    }
}
