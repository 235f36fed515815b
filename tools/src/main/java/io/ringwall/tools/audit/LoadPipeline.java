package io.ringwall.tools.audit;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.ringwall.journal.RecordHandler;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Two threads for a load: the caller reads and verifies the journal (Chronicle, checksums) and copies records into
 * batches; one worker decodes them and appends them to DuckDB ({@link JournalLoader}), then closes the loader. The two
 * costs overlap instead of adding up. A failure on either side stops both and is thrown to the caller.
 */
final class LoadPipeline implements AutoCloseable
{
    private static final int BATCH_RECORDS = 16_384;
    private static final int BATCH_BYTES = BATCH_RECORDS * 128;
    private static final Batch END = new Batch();

    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(6);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "audit-load");
        thread.setDaemon(true);
        return thread;
    });
    private final Future<?> done;
    private Batch current;

    /** Records of one journal, copied out of the reader's reused buffer. */
    private static final class Batch
    {
        final UnsafeBuffer data = new UnsafeBuffer(new byte[BATCH_BYTES]);
        final long[] sequence = new long[BATCH_RECORDS];
        final long[] timeNs = new long[BATCH_RECORDS];
        final int[] offset = new int[BATCH_RECORDS];
        final int[] length = new int[BATCH_RECORDS];
        String journal;
        int records;
        int bytes;

        boolean fits(final int frameLength)
        {
            return records < BATCH_RECORDS && bytes + frameLength <= BATCH_BYTES;
        }
    }

    LoadPipeline(final JournalLoader loader)
    {
        for (int i = 0; i < 6; i++)
        {
            free.add(new Batch());
        }
        // The appenders are flushed (closed) on the thread that filled them: DuckDB 2.0.0.1 silently drops the rows
        // an appender still buffers when another thread closes it.
        done = worker.submit(() ->
        {
            try (loader)
            {
                for (Batch batch = full.take(); batch != END; batch = full.take())
                {
                    for (int i = 0; i < batch.records; i++)
                    {
                        loader.load(batch.journal, batch.sequence[i], batch.timeNs[i], batch.data, batch.offset[i],
                            batch.length[i]);
                    }
                    batch.records = 0;
                    batch.bytes = 0;
                    free.put(batch);
                }
            }
            return null;
        });
    }

    /** @return a handler that queues each record of {@code journal} for the worker. */
    RecordHandler handler(final String journal)
    {
        return (sequence, timeNs, frame, offset, length) -> add(journal, sequence, timeNs, frame, offset, length);
    }

    private void add(final String journal, final long sequence, final long timeNs, final DirectBuffer frame,
        final int offset, final int length)
    {
        if (current != null && (!current.fits(length) || !current.journal.equals(journal)))
        {
            hand(current);
            current = null;
        }
        if (current == null)
        {
            current = take();
            current.journal = journal;
        }
        if (!current.fits(length))
        {
            throw new IllegalStateException("journal \"" + journal + "\" record " + sequence + " holds a frame of " +
                length + " bytes, more than a load batch holds");
        }
        current.data.putBytes(current.bytes, frame, offset, length);
        final int i = current.records++;
        current.sequence[i] = sequence;
        current.timeNs[i] = timeNs;
        current.offset[i] = current.bytes;
        current.length[i] = length;
        current.bytes += length;
    }

    /**
     * Hands the last batch over and waits until the worker has appended everything.
     *
     * @throws SQLException or a runtime exception, as the worker failed.
     */
    void finish() throws SQLException
    {
        if (current != null)
        {
            hand(current);
            current = null;
        }
        hand(END);
        try
        {
            done.get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the audit cache", ex);
        }
        catch (final ExecutionException ex)
        {
            throw rethrow(ex.getCause());
        }
    }

    private Batch take()
    {
        try
        {
            for (Batch batch = free.poll(100, TimeUnit.MILLISECONDS); ; batch = free.poll(100, TimeUnit.MILLISECONDS))
            {
                if (batch != null)
                {
                    return batch;
                }
                failIfWorkerFailed();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the audit cache", ex);
        }
    }

    private void hand(final Batch batch)
    {
        try
        {
            while (!full.offer(batch, 100, TimeUnit.MILLISECONDS))
            {
                failIfWorkerFailed();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the audit cache", ex);
        }
    }

    private void failIfWorkerFailed()
    {
        if (done.isDone())
        {
            try
            {
                done.get();
                throw new IllegalStateException("the audit load worker stopped early");
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading the audit cache", ex);
            }
            catch (final ExecutionException ex)
            {
                throw unchecked(ex.getCause());
            }
        }
    }

    private static SQLException rethrow(final Throwable cause)
    {
        if (cause instanceof SQLException sql)
        {
            return sql;
        }
        throw unchecked(cause);
    }

    private static RuntimeException unchecked(final Throwable cause)
    {
        if (cause instanceof RuntimeException runtime)
        {
            return runtime;
        }
        if (cause instanceof Error error)
        {
            throw error;
        }
        return new IllegalStateException("cannot load the audit cache: " + cause.getMessage(), cause);
    }

    /** Stops the worker (after {@link #finish}, or on a failure of the reading side). */
    @Override
    public void close()
    {
        worker.shutdownNow();
        try
        {
            worker.awaitTermination(1, TimeUnit.MINUTES);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
