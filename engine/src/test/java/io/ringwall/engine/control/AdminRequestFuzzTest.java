package io.ringwall.engine.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.engine.ring.RingConfig;
import io.ringwall.engine.ring.WaitMode;
import io.ringwall.journal.JournalReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin endpoint's request handling (what the project wrote on top of the JDK's HTTP server: bearer check,
 * routing, query and JSON body parsing, field validation, the answer) on arbitrary requests, against a real engine
 * session so an accepted command is journaled and answered by the logic. The JDK server's own request-line and
 * header parsing is not ours: the fuzzer's text is already split into a request as it would hand one over.
 *
 * <p>Input: a first line {@code METHOD TARGET} (a target the JDK's URI parser refuses never reaches the handler:
 * skipped), header lines {@code Name: value} up to a blank line ({@code $TOKEN} in a value stands for the real
 * token, so the fuzzer gets past the bearer check), then the body. The handler is the server's registered one,
 * called through reflection so that AdminServer itself is unchanged.
 *
 * <p>What is correct: every request is answered with one of the documented statuses (200, 202; 400, 401, 404,
 * 405, 413; 503, 504), never the catch-all 500; the answer is a JSON object whose status is "accepted" (with the
 * command's journal sequence) or "refused" (with an error); the token is in no answer. Seeds:
 * {@code AdminRequestFuzzTestInputs/handle/}.
 */
class AdminRequestFuzzTest
{
    private static final String TOKEN = "fuzz-admin-token-3c9d2e7f1a4b5c6d";
    private static final Set<Integer> STATUSES = Set.of(200, 202, 400, 401, 404, 405, 413, 503, 504);

    private static Path dir;
    private static Engine engine;
    private static ControlPlane control;
    private static AdminServer server;
    private static Method handle;

    @BeforeAll
    static void startEngine() throws Exception
    {
        // tmpfs: the audit log forces every line to disk.
        dir = Files.createTempDirectory(Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") :
            Path.of(System.getProperty("java.io.tmpdir")), "admin-fuzz");
        final EngineConfig config = new EngineConfig(dir.resolve("session"),
            LogicConfig.unrestricted(List.of("BTCUSD"), List.of(), LogicConfig.DEFAULT_INITIAL_CASH, 64),
            RingConfig.ofSize(1 << 12, WaitMode.BACKOFF), ClockMode.WALL, false, 0, 0);
        engine = new Engine(config);
        engine.start();
        final AdminToken token = AdminToken.fromEnvironment(Map.of(AdminToken.ENVIRONMENT_VARIABLE, TOKEN));
        control = ControlPlane.start(new ControlPlane.Settings("127.0.0.1", -1, token, false, 5_000),
            new ControlPlane.EngineAccess()
            {
                @Override
                public InboundPublisher newPublisher()
                {
                    return engine.newPublisher();
                }

                @Override
                public JournalReader openInputReader()
                {
                    return engine.openInputReader();
                }

                @Override
                public JournalReader openOutputReader()
                {
                    return engine.openOutputReader();
                }
            }, ClockMode.WALL, config.journalDir(), VenueConnection.PAPER, new ControlActions()
            {
                @Override
                public String requestSnapshot(final long inputSequence)
                {
                    return "fuzz: no snapshot";
                }

                @Override
                public String requestShutdown(final long inputSequence)
                {
                    return "fuzz: the session goes on";
                }
            }, line -> { });
        // Its own control thread would serialise requests; the fuzzer's one thread does the same.
        server = new AdminServer("127.0.0.1", 0, token, new AdminAudit(config.journalDir(), token), control,
            Runnable::run);
        handle = AdminServer.class.getDeclaredMethod("handle", HttpExchange.class);
        handle.setAccessible(true);
    }

    @AfterAll
    static void stopEngine() throws IOException
    {
        server.close();
        server.audit().close();
        control.close();
        engine.stop();
        engine.close();
        try (var files = Files.walk(dir))
        {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @FuzzTest
    void handle(final FuzzedDataProvider data) throws Exception
    {
        final byte[] bytes = data.consumeRemainingAsBytes();
        final FakeExchange exchange = FakeExchange.parse(bytes);
        if (exchange == null)
        {
            return;
        }
        try
        {
            handle.invoke(server, exchange);
        }
        catch (final InvocationTargetException ex)
        {
            if (ex.getCause() instanceof Exception cause)
            {
                throw cause;
            }
            throw (Error)ex.getCause();
        }

        final String answer = exchange.response.toString(StandardCharsets.UTF_8);
        assertThat(exchange.status).as("status of %s", answer).isIn(STATUSES);
        assertThat(answer).doesNotContain(TOKEN);
        final Map<String, Object> json = Json.read(answer);
        if (exchange.status < 300)
        {
            assertThat(json.get("status")).isEqualTo("accepted");
            assertThat(((Number)json.get("sequence")).longValue()).isPositive();
        }
        else
        {
            assertThat(json.get("status")).isEqualTo("refused");
            assertThat(json.get("error")).isInstanceOf(String.class);
        }
    }

    /** A request as the JDK server hands it to a handler, and what the handler answered. */
    static final class FakeExchange extends HttpExchange
    {
        private final String method;
        private final URI uri;
        private final Headers requestHeaders = new Headers();
        private final Headers responseHeaders = new Headers();
        private final InputStream body;
        final ByteArrayOutputStream response = new ByteArrayOutputStream();
        int status = -1;

        private FakeExchange(final String method, final URI uri, final byte[] body)
        {
            this.method = method;
            this.uri = uri;
            this.body = new ByteArrayInputStream(body);
        }

        /** @return the request, or null when the JDK server would not hand it to a handler. */
        static FakeExchange parse(final byte[] bytes)
        {
            final String text = new String(bytes, StandardCharsets.ISO_8859_1);
            final int lineEnd = text.indexOf('\n');
            final String requestLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
            final int space = requestLine.indexOf(' ');
            if (space <= 0)
            {
                return null;
            }
            final String method = requestLine.substring(0, space);
            final URI uri;
            try
            {
                uri = new URI(requestLine.substring(space + 1));
            }
            catch (final URISyntaxException ex)
            {
                return null;
            }
            if (method.chars().anyMatch(c -> c <= ' ' || c >= 0x7F) || uri.getPath() == null)
            {
                return null;
            }
            int at = lineEnd < 0 ? text.length() : lineEnd + 1;
            final java.util.List<String[]> headers = new java.util.ArrayList<>();
            while (at < text.length())
            {
                final int end = text.indexOf('\n', at);
                final String line = text.substring(at, end < 0 ? text.length() : end);
                at = end < 0 ? text.length() : end + 1;
                if (line.isEmpty())
                {
                    break;
                }
                final int colon = line.indexOf(':');
                if (colon > 0)
                {
                    headers.add(new String[] {line.substring(0, colon).trim(),
                        line.substring(colon + 1).trim().replace("$TOKEN", TOKEN)});
                }
            }
            final FakeExchange exchange = new FakeExchange(method, uri, Arrays.copyOfRange(bytes, at, bytes.length));
            try
            {
                headers.forEach(header -> exchange.requestHeaders.add(header[0], header[1]));
            }
            catch (final IllegalArgumentException ex)
            {
                return null; // a header the JDK's parser refuses (CR, LF, bad name)
            }
            return exchange;
        }

        @Override
        public Headers getRequestHeaders()
        {
            return requestHeaders;
        }

        @Override
        public Headers getResponseHeaders()
        {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI()
        {
            return uri;
        }

        @Override
        public String getRequestMethod()
        {
            return method;
        }

        @Override
        public HttpContext getHttpContext()
        {
            return null;
        }

        @Override
        public void close()
        {
        }

        @Override
        public InputStream getRequestBody()
        {
            return body;
        }

        @Override
        public OutputStream getResponseBody()
        {
            return response;
        }

        @Override
        public void sendResponseHeaders(final int code, final long length)
        {
            assertThat(status).as("answered twice").isEqualTo(-1);
            status = code;
        }

        @Override
        public InetSocketAddress getRemoteAddress()
        {
            return new InetSocketAddress("127.0.0.1", 40000);
        }

        @Override
        public int getResponseCode()
        {
            return status;
        }

        @Override
        public InetSocketAddress getLocalAddress()
        {
            return new InetSocketAddress("127.0.0.1", 7420);
        }

        @Override
        public String getProtocol()
        {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(final String name)
        {
            return null;
        }

        @Override
        public void setAttribute(final String name, final Object value)
        {
        }

        @Override
        public void setStreams(final InputStream in, final OutputStream out)
        {
        }

        @Override
        public HttpPrincipal getPrincipal()
        {
            return null;
        }
    }
}
