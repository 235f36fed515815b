package io.ringwall.tools.ctl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.CommandResult;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OperatorCommandDecoder;
import io.ringwall.codecs.OperatorCommandResultDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.control.AdminAudit;
import io.ringwall.engine.control.AdminToken;
import io.ringwall.engine.control.ControlPlane;
import io.ringwall.engine.control.IntakeSwitch;
import io.ringwall.engine.control.Json;
import io.ringwall.engine.control.VenueConnection;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.logic.PreMarketCheck;
import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.RingConfig;
import io.ringwall.engine.ring.WaitMode;
import io.ringwall.tools.ControlPlanes;
import io.ringwall.tools.RingwallCli;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control plane on a real engine session (wall clock, paper venue, trades flowing): every command sent
 * with {@code ringwall ctl} to the admin endpoint becomes a journaled OperatorCommand with its operator and
 * reason, the logic's OperatorCommandResult answers it in journal "out", and its effect shows (the pre-market
 * gate holds the first order back, cancel-all cancels the resting bids, halt refuses the flatten with
 * TRADING_HALTED, resume lets the next flatten take the position to zero through risk, shutdown ends the
 * run). Refused requests (wrong or missing token, missing reason, bad breaker) get their 4xx and are in the
 * audit log; the token is in no file of the session and in no output; the session replays identically.
 */
class ControlPlaneEndToEndTest
{
    private static final String TOKEN = "ctl-test-token-5f1c9a7e3b2d4c6a";
    private static final long QTY = Fixed.QUANTITY_SCALE / 2;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int port;

    @AfterEach
    void restoreEnvironment()
    {
        CtlCommand.Base.environment = System.getenv();
    }

    /** Trades once a millisecond at a steady price until intake stops (or ten minutes pass). */
    static final class SteadyTrades implements MarketDataSource
    {
        @Override
        public SourceStats run(final MarketDataSink sink)
        {
            final long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            long n = 0;
            while (System.nanoTime() < end)
            {
                sink.trade(0, ++n, 100 * Fixed.PRICE_SCALE, Fixed.QUANTITY_SCALE, 0);
                LockSupport.parkNanos(1_000_000);
            }
            return null;
        }

        @Override
        public String describe()
        {
            return "steady trades";
        }
    }

    @Test
    void everyCommandEndToEndThroughCtl() throws Exception
    {
        final Path journal = dir.resolve("session");
        final EngineConfig config = new EngineConfig(journal,
            LogicConfig.unrestricted(List.of("BTCUSD"), List.of(ControlProbe.class.getName() + ":warm=5,bids=3,qty=0.5"),
                LogicConfig.DEFAULT_INITIAL_CASH, 1024),
            RingConfig.ofSize(1 << 12, WaitMode.BACKOFF), ClockMode.WALL, false,
            0, 0);
        CtlCommand.Base.environment = Map.of(AdminToken.ENVIRONMENT_VARIABLE, TOKEN);
        final AdminToken token = AdminToken.fromEnvironment(Map.of(AdminToken.ENVIRONMENT_VARIABLE, TOKEN));
        final RunSummary summary;
        final long[] seq = new long[16];
        try (Engine engine = new Engine(config))
        {
            engine.start();
            final IntakeSwitch intake = new IntakeSwitch(new SteadyTrades());
            final CompletableFuture<RunSummary> run;
            try (ControlPlane control = ControlPlanes.start(engine, config,
                new ControlPlane.Settings("127.0.0.1", 0, token, true, 5_000), VenueConnection.PAPER,
                ControlPlanes.engineActions(engine, intake, false, new java.io.PrintWriter(System.err, true)),
                printed::add))
            {
                port = control.adminPort();
                assertThat(control.gateOpen()).isFalse();
                run = CompletableFuture.supplyAsync(() -> engine.run(intake));

                // The probe buys once and rests 3 bids once warm; the gate opened first.
                awaitOutputs(journal, NewOrderDecoder.TEMPLATE_ID, 4);
                // the control thread follows journal "out" and sees the gate open (what a health check reads)
                awaitCondition(control::gateOpen, "the control plane to see the gate open");
                assertThat(control.latest().passed()).isTrue();

                assertThat(ctl("checks")).isZero();
                assertThat(text(outBytes)).contains("pre-market checks at input", "PASSED, trading gate open",
                    "ok   warm-up-complete");
                seq[0] = sequenceOf("checks");

                assertThat(ctl("scale", "0.5", "--reason", "stage two of the roll-out")).isZero();
                seq[1] = sequenceOf("set-capital-scale");
                assertThat(ctl("cancel-all", "--reason", "clear the book")).isZero();
                seq[2] = sequenceOf("cancel-all");
                assertThat(ctl("halt", "--reason", "news pending")).isZero();
                seq[3] = sequenceOf("halt");
                assertThat(ctl("flatten", "--reason", "flatten while halted")).isZero();
                seq[4] = sequenceOf("flatten");
                assertThat(ctl("resume", "--reason", "news out, all clear")).isZero();
                seq[5] = sequenceOf("resume");
                assertThat(ctl("flatten", "--reason", "end of day")).isZero();
                seq[6] = sequenceOf("flatten");
                assertThat(ctl("reset-breaker", "DRAWDOWN", "--reason", "nothing tripped")).isZero();
                assertThat(text(outBytes)).contains("reset-breaker accepted at input").contains("NO_CHANGE");
                seq[7] = sequenceOf("reset-breaker");

                // Refusals: each a clear 4xx, none journaled, all in the audit log.
                assertThat(ctl("reset-breaker", "WEATHER", "--reason", "typo")).isEqualTo(CtlCommand.EXIT_BAD_REQUEST);
                assertThat(text(errBytes)).contains("refused (400): breaker \"WEATHER\" is not one of");
                assertThat(ctl("scale", "1.5", "--reason", "too much")).isEqualTo(CtlCommand.EXIT_BAD_REQUEST);
                assertThat(ctl("halt")).isEqualTo(2);
                assertThat(text(errBytes)).contains("Missing required option: '--reason");
                assertThat(http("POST", "/commands/halt", "{\"operator\":\"mallory\",\"reason\":\"x\"}", "Bearer wrong-token-0000000000"))
                    .isEqualTo(401);
                assertThat(http("POST", "/commands/halt", "{\"operator\":\"mallory\",\"reason\":\"x\"}", null)).isEqualTo(401);
                assertThat(http("POST", "/commands/halt", "{\"operator\":\"bob\"}", "Bearer " + TOKEN)).isEqualTo(400);
                assertThat(http("POST", "/commands/self-destruct", "{}", "Bearer " + TOKEN)).isEqualTo(404);
                assertThat(http("GET", "/commands/halt", null, "Bearer " + TOKEN)).isEqualTo(405);
                assertThat(http("POST", "/commands/halt",
                    "{\"operator\":\"bob\",\"reason\":\"my token is " + TOKEN + "\"}", "Bearer " + TOKEN)).isEqualTo(400);
                CtlCommand.Base.environment = Map.of(AdminToken.ENVIRONMENT_VARIABLE, "not-the-token-at-all-1234");
                assertThat(ctl("halt", "--reason", "who am I")).isEqualTo(CtlCommand.EXIT_UNAUTHORIZED);
                assertThat(text(errBytes)).contains("unauthorized (401)");
                CtlCommand.Base.environment = Map.of(AdminToken.ENVIRONMENT_VARIABLE, TOKEN);

                // The flatten after resume sold the position at the venue.
                awaitInput(journal, entry -> entry.templateId() == OrderFilledDecoder.TEMPLATE_ID &&
                    filled(entry).side() == Side.SELL);

                assertThat(ctl("snapshot", "--reason", "before the shutdown")).isZero();
                // ControlProbe keeps no checkpoint state, so this session takes no snapshots, and says so.
                assertThat(text(outBytes)).contains("no snapshot taken: checkpoints are off this session");
                seq[8] = sequenceOf("snapshot-now");
                assertThat(ctl("shutdown", "--reason", "end of the test")).isZero();
                seq[9] = sequenceOf("shutdown");
                summary = run.get(30, TimeUnit.SECONDS);

                assertThat(control.audit().acceptedCount()).isEqualTo(10);
                assertThat(control.audit().refusedCount()).isEqualTo(9);
            }
            assertThat(summary.failure()).isNull();
            assertThat(engine.logic().portfolio().position(0)).isZero();
            assertThat(engine.logic().capitalScalePpm()).isEqualTo(500_000);
            assertThat(engine.logic().workingOrders()).isZero();
        }

        final List<JournalDump.Entry> inputs = JournalDump.inputs(journal);
        final List<JournalDump.Entry> outputs = JournalDump.outputs(journal);
        // The start-up check is the session's first input; it failed and closed the gate; trading started later.
        assertThat(command(inputs, 1)).isEqualTo(new Command(OperatorCommandType.PRE_MARKET_CHECKS, "engine",
            "start-up pre-market checks"));
        assertThat(result(outputs, 1).result()).isEqualTo(CommandResult.CHECKS_FAILED);
        final List<RiskRejectDecoder> rejects = decodeAll(outputs, RiskRejectDecoder.TEMPLATE_ID, RiskRejectDecoder::new);
        assertThat(rejects.get(0).reason()).isEqualTo(RiskRejectReason.TRADING_HALTED);
        assertThat(rejects.get(0).limitValue()).isEqualTo(BreakerType.PRE_MARKET.value());
        final long gateOpened = decodeAll(outputs, BreakerStateChangeDecoder.TEMPLATE_ID, BreakerStateChangeDecoder::new)
            .stream().filter(c -> c.breakerType() == BreakerType.PRE_MARKET && c.toState() == BreakerState.ACTIVE)
            .findFirst().orElseThrow().causeSequence();
        assertThat(decodeAll(outputs, NewOrderDecoder.TEMPLATE_ID, NewOrderDecoder::new))
            .allMatch(order -> order.clOrdId() >> 16 > gateOpened);

        // Each command: journal-in with who/why at the sequence the answer gave, journal-out result for it.
        assertThat(command(inputs, seq[0])).isEqualTo(new Command(OperatorCommandType.PRE_MARKET_CHECKS, "alice",
            "pre-market checks on request"));
        assertThat(result(outputs, seq[0]).result()).isEqualTo(CommandResult.APPLIED);
        assertThat(command(inputs, seq[1])).isEqualTo(new Command(OperatorCommandType.SET_CAPITAL_SCALE, "alice",
            "stage two of the roll-out"));
        assertThat(result(outputs, seq[1]).value()).isEqualTo(5_000);
        final Object[][] expected = {
            {2, OperatorCommandType.CANCEL_ALL, "clear the book"},
            {3, OperatorCommandType.HALT, "news pending"},
            {4, OperatorCommandType.FLATTEN, "flatten while halted"},
            {5, OperatorCommandType.RESUME, "news out, all clear"},
            {6, OperatorCommandType.FLATTEN, "end of day"},
            {8, OperatorCommandType.SNAPSHOT_NOW, "before the shutdown"},
            {9, OperatorCommandType.SHUTDOWN, "end of the test"}};
        for (final Object[] row : expected)
        {
            final long sequence = seq[(int)row[0]];
            assertThat(command(inputs, sequence)).isEqualTo(new Command((OperatorCommandType)row[1], "alice", (String)row[2]));
            assertThat(result(outputs, sequence).result()).isEqualTo(CommandResult.APPLIED);
        }
        assertThat(command(inputs, seq[7]).type()).isEqualTo(OperatorCommandType.RESET_BREAKER);
        assertThat(result(outputs, seq[7]).result()).isEqualTo(CommandResult.NO_CHANGE);
        assertThat(decodeAll(inputs, OperatorCommandDecoder.TEMPLATE_ID, OperatorCommandDecoder::new)).hasSize(11);

        // Effects: cancel-all cancelled the three resting bids; the flatten under halt was refused; the one
        // after resume sold the position (an engine order, strategy -1) and the fill took it to zero.
        assertThat(decodeAll(outputs, CancelOrderDecoder.TEMPLATE_ID, CancelOrderDecoder::new))
            .hasSize(3).allMatch(cancel -> cancel.clOrdId() >> 16 == seq[2]);
        assertThat(rejects).filteredOn(reject -> reject.clOrdId() >> 16 == seq[4]).singleElement()
            .satisfies(reject ->
            {
                assertThat(reject.reason()).isEqualTo(RiskRejectReason.TRADING_HALTED);
                assertThat(reject.limitValue()).isEqualTo(BreakerType.KILL_SWITCH.value());
            });
        assertThat(decodeAll(outputs, NewOrderDecoder.TEMPLATE_ID, NewOrderDecoder::new))
            .filteredOn(order -> order.clOrdId() >> 16 == seq[6]).singleElement()
            .satisfies(order ->
            {
                assertThat(order.side()).isEqualTo(Side.SELL);
                assertThat(order.quantity()).isEqualTo(QTY);
                assertThat(order.strategyId()).isEqualTo(-1);
            });

        // The audit log: every request, accepted or refused, with who/why/outcome and never the token.
        final List<Map<String, Object>> audit = Files.readAllLines(journal.resolve(AdminAudit.FILE)).stream()
            .map(Json::read).toList();
        assertThat(audit).hasSize(19);
        assertThat(audit).filteredOn(line -> "refused".equals(line.get("outcome")) &&
            "401".equals(String.valueOf(line.get("status")))).hasSize(3);
        assertThat(audit).filteredOn(line -> "halt".equals(line.get("command")) && "accepted".equals(line.get("outcome")))
            .singleElement().satisfies(line ->
            {
                assertThat(line.get("operator")).isEqualTo("alice");
                assertThat(line.get("reason")).isEqualTo("news pending");
                assertThat(String.valueOf(line.get("sequence"))).isEqualTo(String.valueOf(seq[3]));
                assertThat(line.get("result")).isEqualTo("APPLIED");
                assertThat(line.get("remote").toString()).contains("127.0.0.1");
            });

        // The token is nowhere: no session file (journals, audit, manifest), no output of the run or of ctl.
        try (Stream<Path> files = Files.walk(journal))
        {
            for (final Path file : files.filter(Files::isRegularFile).toList())
            {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                    .doesNotContain(TOKEN);
            }
        }
        assertThat(text(outBytes) + text(errBytes) + String.join("\n", printed)).doesNotContain(TOKEN);
        assertThat(printed).anyMatch(line -> line.startsWith("pre-market checks at input 1: FAILED (feed-live, warm-up-complete)"));

        // The session, operator commands and gate included, replays byte for byte.
        assertThat(RingwallCli.execute(out, err, "replay", "--journal", journal.toString(), "--verify")).isZero();
    }

    private int ctl(final String... args)
    {
        final List<String> line = new ArrayList<>(List.of("ctl"));
        line.addAll(List.of(args));
        line.addAll(List.of("--port", Integer.toString(port), "--operator", "alice"));
        return RingwallCli.execute(out, err, line.toArray(new String[0]));
    }

    /** @return the input sequence the last answer for {@code command} printed. */
    private long sequenceOf(final String command)
    {
        final String text = text(outBytes);
        final String marker = command.equals("checks") ? "pre-market checks at input " : command + " accepted at input ";
        final int at = text.lastIndexOf(marker) + marker.length();
        assertThat(at).as("answer for " + command).isGreaterThanOrEqualTo(marker.length());
        return Long.parseLong(text.substring(at, text.indexOf(':', at)));
    }

    private int http(final String method, final String path, final String body, final String authorization)
        throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null)
        {
            request.header("Authorization", authorization);
        }
        final HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(Json.read(response.body())).containsKey("error");
        return response.statusCode();
    }

    private static String text(final ByteArrayOutputStream bytes)
    {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    record Command(OperatorCommandType type, String operator, String reason)
    {
    }

    private static Command command(final List<JournalDump.Entry> inputs, final long sequence)
    {
        final JournalDump.Entry entry = inputs.get((int)sequence - 1);
        assertThat(entry.sequence()).isEqualTo(sequence);
        assertThat(entry.templateId()).isEqualTo(OperatorCommandDecoder.TEMPLATE_ID);
        final OperatorCommandDecoder decoder = wrap(entry, new OperatorCommandDecoder());
        final OperatorCommandType type = decoder.commandType();
        return new Command(type, decoder.operatorName(), decoder.reason());
    }

    private static OperatorCommandResultDecoder result(final List<JournalDump.Entry> outputs, final long cause)
    {
        return decodeAll(outputs, OperatorCommandResultDecoder.TEMPLATE_ID, OperatorCommandResultDecoder::new).stream()
            .filter(result -> result.causeSequence() == cause).reduce((a, b) -> b).orElseThrow();
    }

    private static OrderFilledDecoder filled(final JournalDump.Entry entry)
    {
        return wrap(entry, new OrderFilledDecoder());
    }

    private static <D> List<D> decodeAll(final List<JournalDump.Entry> entries, final int templateId,
        final java.util.function.Supplier<D> decoder)
    {
        return entries.stream().filter(entry -> entry.templateId() == templateId).map(entry -> wrap(entry, decoder.get()))
            .toList();
    }

    @SuppressWarnings("unchecked")
    private static <D> D wrap(final JournalDump.Entry entry, final D decoder)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(entry.frame());
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, 0);
        try
        {
            decoder.getClass().getMethod("wrap", org.agrona.DirectBuffer.class, int.class, int.class, int.class)
                .invoke(decoder, buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
        return decoder;
    }

    /** Waits (bounded) until journal "out" holds {@code count} frames of a type. */
    private static void awaitOutputs(final Path journal, final int templateId, final int count)
    {
        awaitCondition(() -> JournalDump.outputs(journal).stream().filter(e -> e.templateId() == templateId).count() >= count,
            count + " outputs of template " + templateId);
    }

    private static void awaitInput(final Path journal, final Predicate<JournalDump.Entry> match)
    {
        awaitCondition(() -> JournalDump.inputs(journal).stream().anyMatch(match), "a matching input");
    }

    private static void awaitCondition(final java.util.function.BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        final AtomicBoolean met = new AtomicBoolean();
        while (System.nanoTime() < deadline && !met.get())
        {
            met.set(condition.getAsBoolean());
            if (!met.get())
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        assertThat(met.get()).as("waited 60 s for " + what).isTrue();
    }
}
