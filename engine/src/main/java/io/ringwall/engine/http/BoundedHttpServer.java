package io.ringwall.engine.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 server for the operator endpoints (admin, metrics), built so that no client can hold up
 * another:
 *
 * <ul>
 *   <li>one I/O thread accepts, reads and writes every connection without blocking (a selector), so a client
 *       that connects and sends nothing, or half a request, costs a buffer, never a thread;</li>
 *   <li>a connection must deliver its whole request (line, headers, body) within the read timeout of its
 *       accept, and take its answer within the same time again, or it is closed;</li>
 *   <li>at most {@code maxConnections} are open: one more evicts the oldest connection still reading (a client
 *       that means to be answered sends its request at once, so that is the stalest), or is closed when
 *       none is reading;</li>
 *   <li>only a complete request reaches the {@link Handler}, on the executor the caller gives, and at most
 *       {@code maxPending} at a time: more are answered 503 at once.</li>
 * </ul>
 *
 * One request per connection ({@code Connection: close}); a body needs {@code Content-Length} (chunked bodies
 * are refused with 411) and is limited, as are the request line and headers. The JDK's {@code HttpServer} was
 * not enough: it reads the request line and headers with blocking reads on the handler's thread, so a few
 * clients that stall mid-request take every handler thread until its (JVM-wide, system-property) timeouts.
 */
public final class BoundedHttpServer implements AutoCloseable
{
    /**
     * @param readTimeoutMs   a connection's time from accept to a complete request, and again for its answer.
     * @param maxConnections  open connections at most.
     * @param maxPending      complete requests at the handler (queued or running) at most.
     * @param maxHeaderBytes  request line and headers at most.
     * @param maxBodyBytes    body at most.
     */
    public record Limits(long readTimeoutMs, int maxConnections, int maxPending, int maxHeaderBytes, int maxBodyBytes)
    {
        /** Five seconds to send a request: a person's tool or a scraper sends it in milliseconds. */
        public static final long DEFAULT_READ_TIMEOUT_MS = 5_000;

        public Limits
        {
            if (readTimeoutMs <= 0 || maxConnections < 1 || maxPending < 1 || maxHeaderBytes < 64 || maxBodyBytes < 0)
            {
                throw new IllegalArgumentException("HTTP limits out of range: read timeout " + readTimeoutMs +
                    " ms, " + maxConnections + " connections, " + maxPending + " pending, " + maxHeaderBytes +
                    " header bytes, " + maxBodyBytes + " body bytes");
            }
        }

        /** Limits for an endpoint of small requests. */
        public static Limits of(final long readTimeoutMs, final int maxBodyBytes)
        {
            return new Limits(readTimeoutMs, 64, 8, 8 * 1024, maxBodyBytes);
        }
    }

    /**
     * A complete request, or (for {@link Handler#refused}) as much of one as was read: then any field may be null.
     *
     * @param headers by lower-case name.
     */
    public record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body,
        InetSocketAddress remote)
    {
        /** @return the first value of the header, or null. */
        public String header(final String name)
        {
            final List<String> values = headers == null ? null : headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * An answer; {@code headers} may add e.g. Content-Encoding (Content-Length and Connection are the server's).
     */
    public record Response(int status, String contentType, byte[] body, Map<String, String> headers)
    {
        public static Response of(final int status, final String contentType, final String body)
        {
            return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    /** What the endpoint does with requests. */
    public interface Handler
    {
        /** A complete request, on the server's executor. An exception is answered 500 through {@link #refused}. */
        Response handle(Request request) throws Exception;

        /**
         * A request refused before the handler saw it (malformed, too large, too many pending: 400, 411, 413, 431,
         * 503, 505), or one the handler threw on (500). On the I/O thread, except for 500: keep it short.
         *
         * @param partial what was read: every field may be null but {@code remote}.
         */
        Response refused(Request partial, int status, String message);
    }

    private static final long LINGER_MS = 1_000;
    private static final int INITIAL_BUFFER = 2_048;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private enum State
    {
        READING, HANDLING, WRITING, LINGERING
    }

    private final class Connection
    {
        final SocketChannel channel;
        final InetSocketAddress remote;
        SelectionKey key;
        State state = State.READING;
        long deadlineNs;
        ByteBuffer in = ByteBuffer.allocate(INITIAL_BUFFER);
        ByteBuffer out;
        int headerEnd = -1;
        long contentLength;
        Request partial;

        Connection(final SocketChannel channel, final long deadlineNs) throws IOException
        {
            this.channel = channel;
            this.remote = (InetSocketAddress)channel.getRemoteAddress();
            this.deadlineNs = deadlineNs;
            this.partial = new Request(null, null, null, null, remote);
        }
    }

    private record Done(Connection connection, Response response)
    {
    }

    private final String name;
    private final Limits limits;
    private final Handler handler;
    private final Executor executor;
    private final Selector selector;
    private final ServerSocketChannel server;
    private final InetSocketAddress address;
    private final Thread thread;
    private final LinkedHashSet<Connection> connections = new LinkedHashSet<>();
    private final Queue<Done> done = new ConcurrentLinkedQueue<>();
    private final long readTimeoutNs;
    private volatile boolean closed;
    private int pending;
    private volatile long closedByTimeout;
    private volatile long evicted;
    private volatile long failed;

    private BoundedHttpServer(final String name, final InetSocketAddress bind, final Limits limits,
        final Handler handler, final Executor executor) throws IOException
    {
        this.name = name;
        this.limits = limits;
        this.handler = handler;
        this.executor = executor;
        this.readTimeoutNs = TimeUnit.MILLISECONDS.toNanos(limits.readTimeoutMs());
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try
        {
            server.bind(bind, 64);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        }
        catch (final IOException ex)
        {
            server.close();
            selector.close();
            throw ex;
        }
        this.address = (InetSocketAddress)server.getLocalAddress();
        this.thread = new Thread(this::loop, "ringwall-" + name + "-http");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Binds and starts serving.
     *
     * @param name     names the I/O thread ({@code ringwall-NAME-http}).
     * @param executor runs the handler; the server never gives it more than {@code maxPending} requests.
     * @throws IOException when the address cannot be bound.
     */
    public static BoundedHttpServer start(final String name, final InetSocketAddress bind, final Limits limits,
        final Handler handler, final Executor executor) throws IOException
    {
        return new BoundedHttpServer(name, bind, limits, handler, executor);
    }

    /** @return the address listened on (the bound port when 0 was asked for). */
    public InetSocketAddress address()
    {
        return address;
    }

    public int port()
    {
        return address.getPort();
    }

    /** Stops accepting, closes every connection and waits (briefly) for the I/O thread; idempotent. */
    @Override
    public void close()
    {
        closed = true;
        selector.wakeup();
        if (Thread.currentThread() != thread)
        {
            try
            {
                thread.join(5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop()
    {
        try
        {
            while (!closed)
            {
                selector.select(this::ready, selectTimeoutMs());
                Done next;
                while ((next = done.poll()) != null)
                {
                    answered(next);
                }
                expire(System.nanoTime());
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // The endpoint is an operator's convenience: it must never take the process down.
            System.err.println("ringwall: the " + name + " endpoint stopped: " + ex);
        }
        finally
        {
            for (final Connection connection : new ArrayList<>(connections))
            {
                close(connection);
            }
            closeQuietly(server);
            closeQuietly(selector);
        }
    }

    /** @return how long select may block: until the nearest deadline, or for ever with no connection. */
    private long selectTimeoutMs()
    {
        final long now = System.nanoTime();
        long nearest = Long.MAX_VALUE;
        for (final Connection connection : connections)
        {
            if (connection.state != State.HANDLING)
            {
                nearest = Math.min(nearest, connection.deadlineNs - now);
            }
        }
        return nearest == Long.MAX_VALUE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(nearest) + 1);
    }

    private void ready(final SelectionKey key)
    {
        if (!key.isValid())
        {
            return;
        }
        if (key.isAcceptable())
        {
            accept();
            return;
        }
        final Connection connection = (Connection)key.attachment();
        try
        {
            if (key.isReadable())
            {
                read(connection);
            }
            else if (key.isWritable())
            {
                write(connection);
            }
        }
        catch (final IOException ex)
        {
            close(connection);
        }
        catch (final RuntimeException ex)
        {
            // A bug met by one client's bytes costs that client its connection, never the endpoint for everyone.
            failed++;
            close(connection);
        }
    }

    private void accept()
    {
        try
        {
            SocketChannel channel;
            while ((channel = server.accept()) != null)
            {
                if (connections.size() >= limits.maxConnections() && !evictOldestReading())
                {
                    closeQuietly(channel);
                    continue;
                }
                try
                {
                    channel.configureBlocking(false);
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    final Connection connection = new Connection(channel, System.nanoTime() + readTimeoutNs);
                    connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
                    connections.add(connection);
                }
                catch (final IOException ex)
                {
                    closeQuietly(channel);
                }
            }
        }
        catch (final IOException ex)
        {
            // a failed accept (e.g. out of file descriptors) refuses that client only
        }
    }

    private boolean evictOldestReading()
    {
        for (final Connection connection : connections)
        {
            if (connection.state == State.READING)
            {
                evicted++;
                close(connection);
                return true;
            }
        }
        return false;
    }

    private void read(final Connection connection) throws IOException
    {
        if (connection.state == State.LINGERING)
        {
            connection.in.clear();
            if (connection.channel.read(connection.in) < 0)
            {
                close(connection);
            }
            return;
        }
        final int capacity = limits.maxHeaderBytes() + limits.maxBodyBytes();
        if (!connection.in.hasRemaining())
        {
            final ByteBuffer larger = ByteBuffer.allocate(Math.min(capacity, connection.in.capacity() * 2));
            connection.in.flip();
            larger.put(connection.in);
            connection.in = larger;
        }
        if (connection.channel.read(connection.in) < 0)
        {
            close(connection);
            return;
        }
        parse(connection);
    }

    private void parse(final Connection connection) throws IOException
    {
        final ByteBuffer in = connection.in;
        if (connection.headerEnd < 0)
        {
            final int end = headerEnd(in.array(), Math.min(in.position(), limits.maxHeaderBytes()));
            if (end < 0)
            {
                if (in.position() >= limits.maxHeaderBytes())
                {
                    refuse(connection, 431, "the request line and headers are larger than " +
                        limits.maxHeaderBytes() + " bytes");
                }
                return;
            }
            connection.headerEnd = end;
            final String problem = head(connection, new String(in.array(), 0, end, StandardCharsets.ISO_8859_1));
            if (problem != null)
            {
                return;
            }
            if (connection.contentLength > 0 && in.position() < end + connection.contentLength &&
                "100-continue".equalsIgnoreCase(connection.partial.header("Expect")))
            {
                connection.channel.write(ByteBuffer.wrap(CONTINUE));
            }
        }
        if (in.position() >= connection.headerEnd + connection.contentLength)
        {
            final byte[] body = new byte[(int)connection.contentLength];
            System.arraycopy(in.array(), connection.headerEnd, body, 0, body.length);
            final Request partial = connection.partial;
            dispatch(connection, new Request(partial.method(), partial.uri(), partial.headers(), body, connection.remote));
        }
    }

    /** Parses the request line and headers into {@code connection.partial}; @return null, or why it refused. */
    private String head(final Connection connection, final String text) throws IOException
    {
        // "\r\n\r\n" alone splits to no line at all.
        final String[] lines = text.split("\r\n");
        final String[] requestLine = lines.length == 0 ? new String[0] : lines[0].split(" ", -1);
        if (requestLine.length != 3 || requestLine[0].isEmpty() || !requestLine[0].chars().allMatch(c -> c >= 'A' && c <= 'Z'))
        {
            return refuse(connection, 400, "malformed request line (METHOD TARGET HTTP/1.1)");
        }
        connection.partial = new Request(requestLine[0], null, null, null, connection.remote);
        if (!requestLine[2].startsWith("HTTP/1."))
        {
            return refuse(connection, 505, "only HTTP/1.x is served");
        }
        final URI uri;
        try
        {
            uri = new URI(requestLine[1]);
        }
        catch (final URISyntaxException ex)
        {
            return refuse(connection, 400, "malformed request target");
        }
        if (uri.getRawPath() == null || !uri.getRawPath().startsWith("/"))
        {
            return refuse(connection, 400, "the request target must be a path (/...)");
        }
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++)
        {
            final int colon = lines[i].indexOf(':');
            if (colon <= 0)
            {
                connection.partial = new Request(requestLine[0], uri, null, null, connection.remote);
                return refuse(connection, 400, "malformed header line");
            }
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                .add(lines[i].substring(colon + 1).trim());
        }
        connection.partial = new Request(requestLine[0], uri, Collections.unmodifiableMap(headers), null,
            connection.remote);
        if (headers.containsKey("transfer-encoding"))
        {
            return refuse(connection, 411, "send the body with Content-Length (chunked bodies are not accepted)");
        }
        final List<String> lengths = headers.getOrDefault("content-length", List.of());
        long length = 0;
        try
        {
            for (final String value : lengths)
            {
                final long parsed = Long.parseLong(value);
                if (parsed < 0 || (length != 0 && parsed != length))
                {
                    throw new NumberFormatException(value);
                }
                length = parsed;
            }
        }
        catch (final NumberFormatException ex)
        {
            return refuse(connection, 400, "malformed Content-Length");
        }
        if (length > limits.maxBodyBytes())
        {
            return refuse(connection, 413, "the body is larger than " + limits.maxBodyBytes() + " bytes");
        }
        connection.contentLength = length;
        return null;
    }

    private void dispatch(final Connection connection, final Request request) throws IOException
    {
        if (pending >= limits.maxPending())
        {
            refuse(connection, 503, "busy: " + pending + " requests are being handled; try again");
            return;
        }
        connection.state = State.HANDLING;
        connection.key.interestOps(0);
        pending++;
        try
        {
            executor.execute(() -> handle(connection, request));
        }
        catch (final RejectedExecutionException ex)
        {
            pending--;
            connection.state = State.READING;
            refuse(connection, 503, "the endpoint is shutting down");
        }
    }

    /** On the executor. */
    private void handle(final Connection connection, final Request request)
    {
        Response response;
        try
        {
            response = handler.handle(request);
        }
        catch (final Exception ex)
        {
            response = refusal(request, 500, "the endpoint failed: " + ex);
        }
        done.add(new Done(connection, response));
        selector.wakeup();
    }

    private void answered(final Done answer) throws IOException
    {
        final Connection connection = answer.connection();
        pending--;
        if (connection.state != State.HANDLING || !connection.channel.isOpen())
        {
            return;
        }
        startWriting(connection, answer.response());
    }

    /** @return the message, for {@link #head}'s callers. */
    private String refuse(final Connection connection, final int status, final String message) throws IOException
    {
        startWriting(connection, refusal(connection.partial, status, message));
        return message;
    }

    private Response refusal(final Request partial, final int status, final String message)
    {
        try
        {
            return handler.refused(partial, status, message);
        }
        catch (final RuntimeException ex)
        {
            return Response.of(status, "text/plain; charset=utf-8", message + "\n");
        }
    }

    private void startWriting(final Connection connection, final Response response) throws IOException
    {
        connection.state = State.WRITING;
        connection.deadlineNs = System.nanoTime() + readTimeoutNs;
        connection.out = encode(response, "HEAD".equals(connection.partial.method()));
        connection.key.interestOps(SelectionKey.OP_WRITE);
        write(connection);
    }

    private void write(final Connection connection) throws IOException
    {
        connection.channel.write(connection.out);
        if (connection.out.hasRemaining())
        {
            return;
        }
        // Half-close, then read to the client's end: closing with its unread bytes would reset the connection
        // and could destroy the answer before the client reads it (an early 413 leaves the body unread).
        connection.channel.shutdownOutput();
        connection.state = State.LINGERING;
        connection.deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(LINGER_MS,
            limits.readTimeoutMs()));
        connection.in = ByteBuffer.allocate(512);
        connection.key.interestOps(SelectionKey.OP_READ);
    }

    private void expire(final long now)
    {
        final Iterator<Connection> each = connections.iterator();
        while (each.hasNext())
        {
            final Connection connection = each.next();
            if (connection.state != State.HANDLING && now - connection.deadlineNs >= 0)
            {
                if (connection.state == State.READING)
                {
                    closedByTimeout++;
                }
                each.remove();
                connection.key.cancel();
                closeQuietly(connection.channel);
            }
        }
    }

    private void close(final Connection connection)
    {
        connections.remove(connection);
        if (connection.key != null)
        {
            connection.key.cancel();
        }
        closeQuietly(connection.channel);
    }

    private static ByteBuffer encode(final Response response, final boolean head)
    {
        final StringBuilder text = new StringBuilder(160).append("HTTP/1.1 ").append(response.status()).append(' ')
            .append(reason(response.status())).append("\r\n");
        if (response.contentType() != null)
        {
            text.append("Content-Type: ").append(response.contentType()).append("\r\n");
        }
        response.headers().forEach((key, value) ->
        {
            final String lower = key.toLowerCase(Locale.ROOT);
            if (!lower.equals("content-length") && !lower.equals("connection") && !lower.equals("content-type") &&
                !lower.equals("transfer-encoding"))
            {
                text.append(key).append(": ").append(value).append("\r\n");
            }
        });
        text.append("Content-Length: ").append(response.body().length).append("\r\nConnection: close\r\n\r\n");
        final byte[] headBytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        final ByteBuffer bytes = ByteBuffer.allocate(headBytes.length + (head ? 0 : response.body().length));
        bytes.put(headBytes);
        if (!head)
        {
            bytes.put(response.body());
        }
        return bytes.flip();
    }

    private static String reason(final int status)
    {
        return switch (status)
        {
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 411 -> "Length Required";
            case 413 -> "Payload Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status";
        };
    }

    /** @return the index after the blank line that ends the headers, or -1. */
    private static int headerEnd(final byte[] bytes, final int length)
    {
        for (int i = 3; i < length; i++)
        {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r')
            {
                return i + 1;
            }
        }
        return -1;
    }

    private static void closeQuietly(final java.io.Closeable closeable)
    {
        try
        {
            closeable.close();
        }
        catch (final IOException ex)
        {
            // closing: nothing left to do
        }
    }

    /** @return connections closed because their request did not arrive within the read timeout (I/O thread's count). */
    long closedByTimeout()
    {
        return closedByTimeout;
    }

    /** @return connections closed to make room for a new one. */
    long evicted()
    {
        return evicted;
    }

    /** @return connections closed because handling their bytes threw (a bug; each is a finding to fix). */
    long failed()
    {
        return failed;
    }

    @Override
    public String toString()
    {
        return "BoundedHttpServer[" + name + " " + address + "]";
    }
}
