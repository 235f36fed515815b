package io.ringwall.engine.fix;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.config.ReconciliationMode;
import io.ringwall.engine.logic.StatusTimeouts;
import io.ringwall.engine.market.MarketModel;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.InboundPublisher;

/**
 * An engine whose gateway is a FIX session to the venue simulator, both on 127.0.0.1 in this JVM (the simulator is
 * an independent QuickFIX/J acceptor: the engine only sees FIX). Market data for the engine's strategy is
 * published by the test; prints for the venue are handed to the simulator.
 */
final class FixHarness implements AutoCloseable
{
    static final String SYMBOL = "BTCUSD";
    static final long TIMEOUT_MS = 30_000;

    final Path dir;
    final int port;
    final EngineConfig engineConfig;
    FixVenue venue;
    Engine engine;
    FixGateway gateway;
    InboundPublisher feed;
    private final FixGatewayConfig fixConfig;
    private long tradeTimeNs;

    /** What the gateway printed on its console, one line each. */
    final List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * How a test departs from the defaults (wall clock, full reconciliation, a 20 s timeout, a well-behaved venue).
     *
     * @param venueSetup applied to the venue before the engine connects (its misbehaviours).
     */
    record Options(ClockMode clock, long reconcileTimeoutNs, ReconciliationMode mode,
        java.util.function.Consumer<FixVenue> venueSetup, StatusTimeouts statusTimeouts)
    {
        static final Options DEFAULT = new Options(ClockMode.WALL, 20_000_000_000L, ReconciliationMode.FULL,
            venue -> { }, StatusTimeouts.OFF);

        Options withClock(final ClockMode newClock)
        {
            return new Options(newClock, reconcileTimeoutNs, mode, venueSetup, statusTimeouts);
        }

        Options withTimeout(final long timeoutNs)
        {
            return new Options(clock, timeoutNs, mode, venueSetup, statusTimeouts);
        }

        Options withMode(final ReconciliationMode newMode)
        {
            return new Options(clock, reconcileTimeoutNs, newMode, venueSetup, statusTimeouts);
        }

        Options withVenue(final java.util.function.Consumer<FixVenue> setup)
        {
            return new Options(clock, reconcileTimeoutNs, mode, setup, statusTimeouts);
        }

        Options withStatusTimeouts(final StatusTimeouts timeouts)
        {
            return new Options(clock, reconcileTimeoutNs, mode, venueSetup, timeouts);
        }
    }

    FixHarness(final Path dir, final long reconcileIntervalMs) throws IOException
    {
        this(dir, reconcileIntervalMs, Options.DEFAULT);
    }

    FixHarness(final Path dir, final long reconcileIntervalMs, final Options options) throws IOException
    {
        this.dir = dir;
        this.port = freePort();
        // The default market: 10 bps commission and fills capped at 2.5 % of a print, so orders fill partially.
        final EngineConfig base = EngineFixtures.freeRunning(dir.resolve("journal"), FixScript.class.getName());
        this.engineConfig = new EngineConfig(base.journalDir(), base.logic().withMarket(MarketModel.defaults())
            .withStatusTimeouts(options.statusTimeouts()), base.ring(), options.clock(), base.lockStep(), base.timerIntervalNs(), base.ratePerSecond());
        startVenue();
        options.venueSetup().accept(venue);
        fixConfig = FixGatewayConfig.local("127.0.0.1", port, dir.resolve("engine-fix-store"))
            .withReconciliation(reconcileIntervalMs * 1_000_000L, options.reconcileTimeoutNs(),
                FixGatewayConfig.DEFAULT_TOLERANCE_PPM)
            .withCredentials("ringwall", "s3cret").withMode(options.mode());
        startEngine(false);
    }

    private void startEngine(final boolean resume)
    {
        engine = new Engine(engineConfig, "fix", publisher ->
        {
            gateway = new FixGateway(fixConfig, engineConfig.logic().instruments(), publisher,
                engineConfig.clockMode(), console::add);
            return gateway;
        }, io.ringwall.engine.metrics.LatencyIntervalLogger.DEFAULT_INTERVAL_MS,
            io.ringwall.engine.checkpoint.CheckpointSettings.DEFAULTS, resume);
        engine.start();
        feed = engine.newPublisher();
    }

    /**
     * A new engine process on the same journals and FIX store after {@link #stopEngine} (as {@code run --resume}):
     * recovered from the journals, its gateway queues what the last life journaled and never handed to FIX.
     */
    void resumeEngine()
    {
        startEngine(true);
    }

    void startVenue()
    {
        venue = new FixVenue(new FixVenue.Config("127.0.0.1", port, "VENUE", "RINGWALL", dir.resolve("venue-fix-store"),
            engineConfig.logic().market(), engineConfig.logic().instruments(), engineConfig.logic().initialCash(), null,
            "ringwall", "s3cret"));
    }

    /** A trade on the engine's feed: the strategy acts on its id (see {@link FixScript}). */
    void signal(final long code, final String price)
    {
        tradeTimeNs = Math.max(tradeTimeNs + 1, System.currentTimeMillis() * 1_000_000L);
        feed.trade(tradeTimeNs, 0, code, FixScript.price(price), FixScript.quantity("1"), tradeTimeNs);
    }

    /** A print on the engine's feed at {@code timeNs} of event time that no strategy acts on. */
    void tickAt(final long timeNs)
    {
        feed.trade(timeNs, 0, 0, FixScript.price("100"), FixScript.quantity("1"), timeNs);
    }

    /** Prints at the venue until {@code done}: each print lets live orders fill up to the volume limit. */
    void printUntil(final String price, final String quantity, final BooleanSupplier done, final String what)
    {
        await(() ->
        {
            if (done.getAsBoolean())
            {
                return true;
            }
            venue.trade(SYMBOL, FixScript.price(price), FixScript.quantity(quantity));
            return done.getAsBoolean();
        }, what);
    }

    List<JournalDump.Entry> inputs()
    {
        return JournalDump.inputs(dir.resolve("journal"));
    }

    List<JournalDump.Entry> outputs()
    {
        return JournalDump.outputs(dir.resolve("journal"));
    }

    /**
     * Waits for the logic thread to have applied every input journaled so far. Inputs are journaled before the
     * logic reads them, so a test that saw a frame in the journal must wait here before it reads the logic's state.
     */
    void awaitApplied()
    {
        final long journaled = engine.pipeline().inboundJournaled();
        await(() -> engine.pipeline().inboundProcessed() >= journaled, "the logic to apply ring slot " + journaled);
    }

    long count(final List<JournalDump.Entry> entries, final int templateId)
    {
        return entries.stream().filter(e -> e.templateId() == templateId).count();
    }

    static void await(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            try
            {
                Thread.sleep(10);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    /** Stops the engine (draining its rings) and reads nothing more from FIX. */
    void stopEngine()
    {
        engine.close();
    }

    @Override
    public void close()
    {
        try
        {
            engine.close();
        }
        finally
        {
            venue.close();
        }
    }
}
