package io.ringwall.engine.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CommandResult;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.engine.http.BoundedHttpServer;
import io.ringwall.engine.logic.PreMarketCheck;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.EngineHaltedException;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.journal.JournalReader;

/**
 * The operator control plane of one engine run: the pre-market checks (at start, and on command) and the
 * optional admin endpoint. Everything runs on one "ringwall-control" thread: complete HTTP requests (the
 * endpoint's own I/O thread reads them, so a slow client holds up nothing), the start-up check and the watch on
 * the pre-market gate, so commands reach the ring one at a time. Commands enter as
 * journaled OperatorCommand inputs like any other; nothing here touches business state.
 *
 * <p>Build it after {@code Engine.start()} and before market data flows, so the start-up check is the
 * session's first input; close it after the run, before the engine.
 */
public final class ControlPlane implements PreMarketStatus, AutoCloseable
{
    /** Operator name the engine's own start-up checks carry. */
    public static final String ENGINE_OPERATOR = "engine";

    /**
     * @param adminHost     interface to bind (127.0.0.1 unless the operator says otherwise).
     * @param adminPort     port of the admin endpoint; 0 for any free one, -1 for no endpoint.
     * @param token         the bearer token (required with an endpoint).
     * @param preMarketGate run the gating pre-market checks at start.
     * @param timeoutMillis how long to wait for a command to be journaled, and again for its result.
     * @param cancelOnShutdown an operator's SHUTDOWN is journaled with value 1: the logic cancels every working
     *                      order at that input (shutdown.cancel-open-orders).
     * @param readTimeoutMillis an admin connection's time to send its whole request (and again to take the
     *                      answer); one that does not is closed, without holding up any other.
     */
    public record Settings(String adminHost, int adminPort, AdminToken token, boolean preMarketGate,
        long timeoutMillis, boolean cancelOnShutdown, long readTimeoutMillis)
    {
        /** Settings with the default read timeout. */
        public Settings(final String adminHost, final int adminPort, final AdminToken token,
            final boolean preMarketGate, final long timeoutMillis, final boolean cancelOnShutdown)
        {
            this(adminHost, adminPort, token, preMarketGate, timeoutMillis, cancelOnShutdown,
                BoundedHttpServer.Limits.DEFAULT_READ_TIMEOUT_MS);
        }

        /** Settings whose SHUTDOWN leaves working orders alone. */
        public Settings(final String adminHost, final int adminPort, final AdminToken token,
            final boolean preMarketGate, final long timeoutMillis)
        {
            this(adminHost, adminPort, token, preMarketGate, timeoutMillis, false);
        }

        public Settings
        {
            if (adminPort >= 0 && token == null)
            {
                throw new IllegalArgumentException("the admin endpoint needs a token (" +
                    AdminToken.ENVIRONMENT_VARIABLE + ")");
            }
            if (adminPort > 65_535 || timeoutMillis <= 0 || readTimeoutMillis <= 0)
            {
                throw new IllegalArgumentException("admin port " + adminPort + ", timeout " + timeoutMillis +
                    " ms or read timeout " + readTimeoutMillis + " ms out of range");
            }
        }
    }

    /** The engine pieces the control plane works with. */
    public interface EngineAccess
    {
        InboundPublisher newPublisher();

        JournalReader openInputReader();

        JournalReader openOutputReader();
    }

    /** An accepted command: where it went and what the process did about it (snapshot, shutdown). */
    public record CommandAnswer(CommandChannel.Outcome outcome, String action)
    {
    }

    private static final long RECHECK_NS = TimeUnit.SECONDS.toNanos(1);

    private final Settings settings;
    private final ScheduledExecutorService thread;
    private final CommandChannel channel;
    private final ExternalChecks external;
    private final ControlActions actions;
    private final Consumer<String> out;
    private final AdminServer server;
    private volatile PreMarketReport latest = PreMarketReport.NONE;
    private volatile boolean gateOpen = true;
    private long lastGatingCheckNs;

    private ControlPlane(final Settings settings, final EngineAccess engine, final ClockMode clock,
        final Path journalDir, final VenueConnection venue, final ControlActions actions,
        final Consumer<String> out) throws IOException
    {
        this.settings = settings;
        this.actions = actions;
        this.out = out;
        this.external = new ExternalChecks(journalDir, venue, ExternalChecks.MIN_FREE_BYTES);
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread control = new Thread(runnable, "ringwall-control");
            control.setDaemon(true);
            return control;
        });
        this.channel = new CommandChannel(engine.newPublisher(), clock, engine.openInputReader(),
            engine.openOutputReader(), this::onGate);
        if (settings.preMarketGate())
        {
            onControlThread(() -> startUpCheck());
            thread.scheduleWithFixedDelay(this::watchGate, 200, 200, TimeUnit.MILLISECONDS);
        }
        this.server = settings.adminPort() < 0 ? null : new AdminServer(settings.adminHost(), settings.adminPort(),
            settings.token(), new AdminAudit(journalDir, settings.token()), this, thread, settings.readTimeoutMillis());
        if (server != null)
        {
            out.accept("admin endpoint  http://" + settings.adminHost() + ":" + server.port() +
                " (token from $" + AdminToken.ENVIRONMENT_VARIABLE + "; audit in " + journalDir.resolve(AdminAudit.FILE) + ")");
        }
    }

    /**
     * Starts the control plane on a started engine: runs the start-up checks (when gating) and opens the
     * admin endpoint (when a port is set).
     *
     * @param out where the check results and the endpoint's address are printed.
     * @throws UncheckedIOException when the endpoint cannot bind.
     */
    public static ControlPlane start(final Settings settings, final EngineAccess engine, final ClockMode clock,
        final Path journalDir, final VenueConnection venue, final ControlActions actions, final Consumer<String> out)
    {
        try
        {
            return new ControlPlane(settings, engine, clock, journalDir, venue, actions, out);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the admin endpoint on " + settings.adminHost() + ":" +
                settings.adminPort() + ": " + ex.getMessage(), ex);
        }
    }

    /** @return the admin endpoint's port, -1 when there is none. */
    public int adminPort()
    {
        return server == null ? -1 : server.port();
    }

    /** @return the endpoint's audit log, null when there is no endpoint. */
    public AdminAudit audit()
    {
        return server == null ? null : server.audit();
    }

    @Override
    public PreMarketReport latest()
    {
        return latest;
    }

    @Override
    public boolean gateOpen()
    {
        return gateOpen;
    }

    long timeoutMillis()
    {
        return settings.timeoutMillis();
    }

    /**
     * An operator command, on the control thread: journaled, answered, then acted on by the process when
     * it is a snapshot or shutdown the logic applied.
     */
    CommandAnswer command(final AdminCommand command, final BreakerType breaker, final long value,
        final String operator, final String reason)
    {
        final long journaledValue = command.type() == OperatorCommandType.SHUTDOWN ?
            (settings.cancelOnShutdown() ? 1 : 0) : value;
        final CommandChannel.Outcome outcome = channel.submit(command.type(), breaker, journaledValue, operator,
            reason, TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis()));
        String action = null;
        if (outcome.result() == CommandResult.APPLIED)
        {
            if (command.type() == OperatorCommandType.SNAPSHOT_NOW)
            {
                action = actions.requestSnapshot(outcome.sequence());
            }
            else if (command.type() == OperatorCommandType.SHUTDOWN)
            {
                action = actions.requestShutdown(outcome.sequence());
            }
        }
        return new CommandAnswer(outcome, action);
    }

    /** An operator's pre-market check, on the control thread: journaled, report only. */
    PreMarketReport runChecks(final String operator)
    {
        return check(false, operator, "pre-market checks on request");
    }

    @Override
    public void close()
    {
        if (server != null)
        {
            server.close();
        }
        try
        {
            onControlThread(() ->
            {
                channel.close();
                if (server != null)
                {
                    server.audit().close();
                }
                return null;
            });
        }
        finally
        {
            thread.shutdownNow();
        }
    }

    private Void startUpCheck()
    {
        final PreMarketReport report = check(true, ENGINE_OPERATOR, "start-up pre-market checks");
        out.accept("pre-market checks at input " + report.inputSequence() + ": " + (report.passed() ? "passed" :
            "FAILED (" + PreMarketCheck.labels(report.failedChecks()) + "); trading waits until they pass"));
        report.lines().forEach(line -> out.accept("  " + line));
        return null;
    }

    private PreMarketReport check(final boolean gating, final String operator, final String reason)
    {
        final ExternalChecks.Facts facts = external.measure();
        final long value = facts.failedChecks() | (gating ? PreMarketCheck.GATING : 0);
        if (gating)
        {
            lastGatingCheckNs = System.nanoTime();
        }
        final CommandChannel.Outcome outcome = channel.submit(OperatorCommandType.PRE_MARKET_CHECKS, null, value,
            operator, reason, TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis()));
        final long failed = outcome.answered() ? outcome.resultValue() : -1;
        if (gating && failed != 0)
        {
            gateOpen = false;
        }
        if (failed == 0)
        {
            gateOpen = true;
        }
        final PreMarketReport report = new PreMarketReport(outcome.sequence(), failed, facts.details(), gateOpen,
            Instant.now());
        latest = report;
        return report;
    }

    /** Every 200 ms while gating: follow journal "out"; re-measure external facts that keep the gate shut. */
    private void watchGate()
    {
        try
        {
            if (gateOpen)
            {
                return;
            }
            channel.poll();
            final long failed = latest.failedChecks();
            if (!gateOpen && failed != -1 && (failed & PreMarketCheck.EXTERNAL) != 0 &&
                System.nanoTime() - lastGatingCheckNs >= RECHECK_NS)
            {
                check(true, ENGINE_OPERATOR, "pre-market re-check: " + PreMarketCheck.labels(failed & PreMarketCheck.EXTERNAL));
            }
        }
        catch (final EngineHaltedException ex)
        {
            // The run reports the failure; the gate stays shut (trading is halted anyway).
        }
    }

    private void onGate(final boolean open, final long failedChecks, final long causeSequence)
    {
        if (open && !gateOpen)
        {
            gateOpen = true;
            latest = new PreMarketReport(causeSequence, 0, List.of(), true, Instant.now());
            out.accept("pre-market checks passed at input " + causeSequence + ": trading open");
        }
        else if (!open)
        {
            gateOpen = false;
        }
    }

    private <T> T onControlThread(final Callable<T> task)
    {
        try
        {
            return thread.submit(task).get(settings.timeoutMillis() * 3, TimeUnit.MILLISECONDS);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof RuntimeException runtime)
            {
                throw runtime;
            }
            throw new IllegalStateException(ex.getCause());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the control thread", ex);
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException("the control thread did not answer within " +
                settings.timeoutMillis() * 3 + " ms", ex);
        }
    }
}
