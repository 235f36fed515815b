package io.ringwall.engine.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The admin endpoint's audit trail: one JSON line per request, accepted or refused, appended to
 * {@code admin-audit.jsonl} in the journal directory and forced to disk, with counters of both. A line has
 * the wall time, the remote address, the method and path, the command, the outcome, the HTTP status, the
 * operator and reason given, and the input sequence and logic result of an accepted command. Never the
 * token: a value that contains it is recorded as "[redacted]". Written from the control thread, and from the
 * endpoint's I/O thread for a request refused before it was whole (one line at a time).
 */
public final class AdminAudit implements AutoCloseable
{
    public static final String FILE = "admin-audit.jsonl";

    private final FileChannel file;
    private final AdminToken token;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public AdminAudit(final Path journalDir, final AdminToken token)
    {
        this.token = token;
        try
        {
            this.file = FileChannel.open(journalDir.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the admin audit log in " + journalDir, ex);
        }
    }

    /**
     * Appends one line.
     *
     * @param accepted true for a command that was journaled.
     */
    public synchronized void record(final boolean accepted, final Map<String, ?> fields)
    {
        (accepted ? this.accepted : this.refused).incrementAndGet();
        final Map<String, Object> safe = new LinkedHashMap<>();
        fields.forEach((key, value) -> safe.put(key,
            value instanceof String text && token.containedIn(text) ? "[redacted]" : value));
        final byte[] line = (Json.write(safe) + "\n").getBytes(StandardCharsets.UTF_8);
        try
        {
            final ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining())
            {
                file.write(buffer);
            }
            file.force(false);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot append to the admin audit log", ex);
        }
    }

    /** @return requests that became journaled commands. */
    public long acceptedCount()
    {
        return accepted.get();
    }

    /** @return requests refused (token, command, arguments, engine unavailable). */
    public long refusedCount()
    {
        return refused.get();
    }

    @Override
    public void close()
    {
        try
        {
            file.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
