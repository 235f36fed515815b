package io.ringwall.engine.fix;

import java.io.Closeable;
import java.io.IOException;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.function.IntSupplier;

import quickfix.MessageStore;
import quickfix.MessageStoreFactory;
import quickfix.SessionID;

/**
 * QuickFIX/J's message store with one change: the next expected incoming sequence number it writes to disk never
 * passes the oldest execution answer that is not yet in journal "in". In memory the session counts as usual; on
 * disk the count lags until the answers are journaled. A process killed at any instant therefore restarts expecting
 * the first answer it had not journaled, and the venue resends from there: nothing it sent is lost between the
 * socket and the journal. Answers journaled after the last write come back too, and the gateway drops them as
 * already journaled. Everything else (sent messages, the outgoing count, resets) is the wrapped store's.
 */
final class JournalGatedStore implements MessageStore, Closeable
{
    private final MessageStore store;
    private final IntSupplier oldestUnjournaled;
    private int nextTarget;
    private int written;

    /**
     * @param oldestUnjournaled the incoming sequence number of the oldest execution answer not journaled yet, or
     *                          {@link Integer#MAX_VALUE} when every one is.
     */
    JournalGatedStore(final MessageStore store, final IntSupplier oldestUnjournaled) throws IOException
    {
        this.store = store;
        this.oldestUnjournaled = oldestUnjournaled;
        this.nextTarget = store.getNextTargetMsgSeqNum();
        this.written = nextTarget;
    }

    static MessageStoreFactory factory(final MessageStoreFactory files, final IntSupplier oldestUnjournaled,
        final java.util.function.Consumer<JournalGatedStore> created)
    {
        return sessionId ->
        {
            try
            {
                final JournalGatedStore store = new JournalGatedStore(files.create(sessionId), oldestUnjournaled);
                created.accept(store);
                return store;
            }
            catch (final IOException ex)
            {
                throw new quickfix.RuntimeError("FIX store for " + sessionId + ": " + ex.getMessage(), ex);
            }
        };
    }

    /** Writes the durable count again: call after answers were journaled (any thread). */
    synchronized void journaled() throws IOException
    {
        persist();
    }

    private void persist() throws IOException
    {
        final int durable = Math.min(nextTarget, oldestUnjournaled.getAsInt());
        if (durable != written)
        {
            store.setNextTargetMsgSeqNum(durable);
            written = durable;
        }
    }

    @Override
    public synchronized int getNextTargetMsgSeqNum()
    {
        return nextTarget;
    }

    @Override
    public synchronized void setNextTargetMsgSeqNum(final int next) throws IOException
    {
        nextTarget = next;
        persist();
    }

    @Override
    public synchronized void incrNextTargetMsgSeqNum() throws IOException
    {
        nextTarget++;
        persist();
    }

    @Override
    public synchronized boolean set(final int sequence, final String message) throws IOException
    {
        return store.set(sequence, message);
    }

    @Override
    public synchronized void get(final int from, final int to, final Collection<String> messages) throws IOException
    {
        store.get(from, to, messages);
    }

    @Override
    public synchronized int getNextSenderMsgSeqNum() throws IOException
    {
        return store.getNextSenderMsgSeqNum();
    }

    @Override
    public synchronized void setNextSenderMsgSeqNum(final int next) throws IOException
    {
        store.setNextSenderMsgSeqNum(next);
    }

    @Override
    public synchronized void incrNextSenderMsgSeqNum() throws IOException
    {
        store.incrNextSenderMsgSeqNum();
    }

    @Override
    public synchronized Date getCreationTime() throws IOException
    {
        return store.getCreationTime();
    }

    @Override
    public synchronized Calendar getCreationTimeCalendar() throws IOException
    {
        return store.getCreationTimeCalendar();
    }

    @Override
    public synchronized void reset() throws IOException
    {
        store.reset();
        nextTarget = store.getNextTargetMsgSeqNum();
        written = nextTarget;
    }

    @Override
    public synchronized void refresh() throws IOException
    {
        store.refresh();
        nextTarget = store.getNextTargetMsgSeqNum();
        written = nextTarget;
    }

    @Override
    public synchronized void close() throws IOException
    {
        if (store instanceof Closeable closeable)
        {
            closeable.close();
        }
    }
}
