package io.ringwall.engine.checkpoint;

import java.util.function.Consumer;

import io.ringwall.journal.DiskFullException;
import io.ringwall.journal.DiskSpaceGuard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

import io.ringwall.journal.ChainPoint;

import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Takes snapshot files to disk off the logic thread. The logic thread borrows a preallocated slot
 * ({@link #claim}), encodes into it and hands it back ({@link #publish}); this writer's thread writes it
 * through the {@link SnapshotStore} (fsync, atomic rename, prune) and frees the slot. With every slot busy
 * the capture is skipped and counted: the logic never waits for the disk. A write that fails is counted and
 * its error kept for the report; the journals stay the source of truth, so trading goes on, except when the
 * disk is full: then the journals cannot go on either, and the writer halts trading ({@code onDiskFull}).
 */
public final class SnapshotWriter implements AutoCloseable
{
    /** One preallocated snapshot buffer and what it holds. */
    public static final class Slot
    {
        final UnsafeBuffer buffer;
        long inputSequence;
        long outputSequence;
        int length;

        Slot(final int capacity)
        {
            buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(capacity));
        }

        public UnsafeBuffer buffer()
        {
            return buffer;
        }
    }

    private static final long OUTPUTS_TIMEOUT_NS = 10_000_000_000L;

    private final SnapshotStore store;
    private final DiskSpaceGuard space;
    private final Consumer<DiskFullException> onDiskFull;
    private final Supplier<ChainPoint> inputsJournaled;
    private final Supplier<ChainPoint> outputsJournaled;
    private final OneToOneConcurrentArrayQueue<Slot> free;
    private final OneToOneConcurrentArrayQueue<Slot> full;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long written;
    private volatile long lastWrittenSequence;
    private volatile long failed;
    private volatile String lastError;
    private volatile long pending;
    private long skipped;

    /**
     * @param inputsJournaled  journal "in"'s last written record and its checksum (any thread), kept in each
     *                         snapshot so recovery can prove the journal is the one the snapshot was taken beside.
     * @param outputsJournaled journal "out"'s likewise: a snapshot goes to disk only once journal "out" holds
     *                         every output it covers, so that recovery can treat a journal "out" shorter than a
     *                         snapshot as lost records, never as a normal crash.
     */
    public SnapshotWriter(final SnapshotStore store, final int capacity, final int slots,
        final Supplier<ChainPoint> inputsJournaled, final Supplier<ChainPoint> outputsJournaled)
    {
        this(store, capacity, slots, inputsJournaled, outputsJournaled, DiskSpaceGuard.NONE, ex -> { });
    }

    /**
     * @param space      checked before each snapshot is written.
     * @param onDiskFull told (on the writer's thread) when a snapshot is refused for a full disk.
     */
    public SnapshotWriter(final SnapshotStore store, final int capacity, final int slots,
        final Supplier<ChainPoint> inputsJournaled, final Supplier<ChainPoint> outputsJournaled,
        final DiskSpaceGuard space, final Consumer<DiskFullException> onDiskFull)
    {
        this.inputsJournaled = inputsJournaled;
        this.space = space;
        this.onDiskFull = onDiskFull;
        this.store = store;
        this.outputsJournaled = outputsJournaled;
        this.free = new OneToOneConcurrentArrayQueue<>(slots);
        this.full = new OneToOneConcurrentArrayQueue<>(slots);
        for (int i = 0; i < slots; i++)
        {
            free.offer(new Slot(capacity));
        }
        this.thread = new Thread(this::run, "ringwall-snapshots");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Logic thread: a free slot to encode into, or null (counted as skipped) when the disk is behind.
     */
    public Slot claim()
    {
        final Slot slot = free.poll();
        if (slot == null)
        {
            skipped++;
        }
        return slot;
    }

    /** Logic thread: hands an encoded slot to the writer. */
    public void publish(final Slot slot, final long inputSequence, final long outputSequence, final int length)
    {
        slot.inputSequence = inputSequence;
        slot.outputSequence = outputSequence;
        slot.length = length;
        pending++;
        full.offer(slot);
    }

    /** Waits until every published snapshot is on disk (or failed). */
    public void flush()
    {
        while (pending != written + failed && thread.isAlive())
        {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    public long written()
    {
        return written;
    }

    public long lastWrittenSequence()
    {
        return lastWrittenSequence;
    }

    public long failed()
    {
        return failed;
    }

    public String lastError()
    {
        return lastError;
    }

    /** @return captures skipped because both slots were busy; read it after the logic thread stopped. */
    public long skipped()
    {
        return skipped;
    }

    @Override
    public void close()
    {
        flush();
        running = false;
        try
        {
            thread.join(10_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void run()
    {
        while (running || !full.isEmpty())
        {
            final Slot slot = full.poll();
            if (slot == null)
            {
                try
                {
                    Thread.sleep(1);
                }
                catch (final InterruptedException ex)
                {
                    return;
                }
                continue;
            }
            try
            {
                final ChainPoint outputChain = awaitOutputsJournaled(slot);
                space.checkNow();
                store.write(slot.inputSequence, inputsJournaled.get(), outputChain, slot.buffer, 0, slot.length);
                lastWrittenSequence = slot.inputSequence;
                written++;
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            catch (final IOException | RuntimeException ex)
            {
                lastError = "snapshot " + slot.inputSequence + ": " + ex;
                failed++;
                if (DiskFullException.isDiskFull(ex))
                {
                    onDiskFull.accept(ex instanceof DiskFullException full ? full : new DiskFullException(store.directory(), ex));
                }
            }
            free.offer(slot);
        }
    }

    /** @return journal "out"'s chain point once it holds the slot's outputs. */
    private ChainPoint awaitOutputsJournaled(final Slot slot) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + OUTPUTS_TIMEOUT_NS;
        ChainPoint journaled = outputsJournaled.get();
        while (journaled.sequence() < slot.outputSequence)
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new IllegalStateException("journal \"out\" did not reach output " + slot.outputSequence +
                    " within 10 s (it holds " + journaled.sequence() + "); snapshot not written");
            }
            Thread.sleep(1);
            journaled = outputsJournaled.get();
        }
        return journaled;
    }
}
