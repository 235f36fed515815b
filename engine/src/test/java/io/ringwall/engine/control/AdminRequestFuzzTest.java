package io.ringwall.engine.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
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
 * The admin endpoint as a client reaches it: arbitrary bytes sent over a real socket to the real endpoint of a real
 * engine session (the project's own HTTP parsing in {@code BoundedHttpServer}: request line, headers,
 * Content-Length, Expect; then the bearer check, routing, query and JSON body parsing, field validation, the
 * answer), so an accepted command is journaled and answered by the logic. {@code $TOKEN} in the input stands for
 * the real token, so the fuzzer gets past the bearer check. The client half-closes after its bytes, as
 * {@code nc -N} does, so an incomplete request ends instead of waiting for the read timeout.
 *
 * <p>What is correct: the endpoint answers at most once, with a well-formed HTTP/1.1 status line carrying one of
 * the documented statuses (200, 202; 400, 401, 404, 405, 411, 413, 431, 503, 504, 505), never the catch-all 500;
 * an incomplete request may get no answer; a JSON answer's status is "accepted" (with the command's journal
 * sequence) or "refused" (with an error); the token is in no answer; and the endpoint keeps serving (the next
 * input connects). Seeds: {@code AdminRequestFuzzTestInputs/handle/}.
 */
class AdminRequestFuzzTest
{
    private static final String TOKEN = "fuzz-admin-token-3c9d2e7f1a4b5c6d";
    private static final Set<Integer> STATUSES = Set.of(200, 202, 400, 401, 404, 405, 411, 413, 431, 503, 504, 505);
    private static final int ANSWER_TIMEOUT_MS = 10_000;

    private static Path dir;
    private static Engine engine;
    private static ControlPlane control;

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
        control = ControlPlane.start(new ControlPlane.Settings("127.0.0.1", 0, token, false, 5_000, false, 2_000),
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
    }

    @AfterAll
    static void stopEngine() throws IOException
    {
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
        // Jazzer's SSRF detector refuses connections by default: this one, to the endpoint under test, is the point.
        BugDetectors.allowNetworkConnections((host, port) -> port == control.adminPort());
        final byte[] request = new String(data.consumeRemainingAsBytes(), StandardCharsets.ISO_8859_1)
            .replace("$TOKEN", TOKEN).getBytes(StandardCharsets.ISO_8859_1);
        final String answer = exchange(request);
        if (answer.isEmpty())
        {
            return; // an incomplete request, ended by the client
        }
        assertThat(answer).as("the answer").doesNotContain(TOKEN).startsWith("HTTP/1.1 ");
        final int status = Integer.parseInt(answer.substring(9, 12));
        assertThat(status).as("status of %s", answer).isIn(STATUSES);
        final int headEnd = answer.indexOf("\r\n\r\n");
        assertThat(headEnd).as("end of the answer's head in %s", answer).isPositive();
        final String head = answer.substring(0, headEnd);
        final String body = answer.substring(headEnd + 4);
        assertThat(head).as("one answer only").doesNotContain("\r\nHTTP/1.1 ");
        if (body.isEmpty())
        {
            assertThat(request).as("only HEAD has no body").startsWith("HEAD ".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        assertThat(head).contains("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
        assertThat(head).contains("Content-Type: application/json");
        final Map<String, Object> json = Json.read(body);
        if (status < 300)
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

    /** @return everything the endpoint sent back until it closed, as UTF-8 (a "100 Continue" line dropped). */
    private static String exchange(final byte[] request) throws IOException
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress("127.0.0.1", control.adminPort()), ANSWER_TIMEOUT_MS);
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            try
            {
                socket.getOutputStream().write(request);
                socket.shutdownOutput();
            }
            catch (final IOException ex)
            {
                // The endpoint refused early (e.g. 431) and stopped reading: its answer is still there to read.
            }
            final ByteArrayOutputStream answer = new ByteArrayOutputStream();
            final InputStream in = socket.getInputStream();
            final byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) >= 0)
            {
                answer.write(buffer, 0, read);
            }
            final String text = answer.toString(StandardCharsets.UTF_8);
            final String interim = "HTTP/1.1 100 Continue\r\n\r\n";
            return text.startsWith(interim) ? text.substring(interim.length()) : text;
        }
    }
}
