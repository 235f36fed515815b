package io.ringwall.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.checkpoint.CheckpointSettings;
import io.ringwall.engine.checkpoint.ShutdownSignals;
import io.ringwall.engine.config.ConfigLoader;
import io.ringwall.engine.control.AdminToken;
import io.ringwall.engine.control.ControlActions;
import io.ringwall.engine.control.ControlPlane;
import io.ringwall.engine.control.IntakeSwitch;
import io.ringwall.engine.control.PreMarketReport;
import io.ringwall.engine.control.PreMarketStatus;
import io.ringwall.engine.control.VenueConnection;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.config.LoadedConfig;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.market.CostModel;
import io.ringwall.engine.market.MarketModel;
import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.marketdata.BarCsvSource;
import io.ringwall.engine.marketdata.BarIntervalDetector;
import io.ringwall.engine.marketdata.BarJsonSource;
import io.ringwall.engine.marketdata.DataFiles;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;
import io.ringwall.engine.marketdata.SyntheticTradeSource;
import io.ringwall.engine.marketdata.TimeBarSource;
import io.ringwall.engine.marketdata.TradeCsvSource;
import io.ringwall.engine.marketdata.itch.ItchFeedException;
import io.ringwall.engine.marketdata.itch.ItchMarketDataSource;
import io.ringwall.engine.metrics.LatencyIntervalLogger;
import io.ringwall.engine.metrics.EngineMonitoring;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.RingConfig;
import io.ringwall.engine.ring.StageThreading;
import io.ringwall.engine.ring.WaitMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ringwall run}: the engine in paper mode on recorded or synthetic market data.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the engine in paper mode (simulated venue) on market data and print a summary.",
        "With no options: the bundled real Bitstamp BTC/USD trades of 2013, a moving-average crossover, " +
        "event time from the data, journals under var/sessions/ (var/latest points at the newest)."})
class RunCommand implements Callable<Integer>
{
    enum Format
    {
        trades("trades"), bars("bars"), itchFile("itch-file"), itchPcap("itch-pcap"), itchUdp("itch-udp");

        final String label;

        Format(final String label)
        {
            this.label = label;
        }

        boolean itch()
        {
            return this == itchFile || this == itchPcap || this == itchUdp;
        }

        @Override
        public String toString()
        {
            return label;
        }
    }

    /** Reads {@code --format} by its label (itch-file), which an enum constant cannot spell. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format>
    {
        @Override
        public Format convert(final String value)
        {
            for (final Format format : Format.values())
            {
                if (format.label.equals(value))
                {
                    return format;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("--format " + value + " is not one of " +
                java.util.Arrays.toString(Format.values()));
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "LOCATION",
        description = "Market data: a CSV file path or classpath:NAME (default: ${DEFAULT-VALUE}).")
    private String data = DataFiles.BITSTAMP_TRADES;

    @Option(names = "--format", converter = FormatConverter.class, description = "trades (timestamp,price,amount), " +
        "bars (date,open,high,low,close,volume, or ta4j's JSON bars for a .json file), or NASDAQ TotalView-ITCH 5.0: " +
        "itch-file (a BinaryFILE), itch-pcap (a pcap or pcapng capture of MoldUDP64), itch-udp (live MoldUDP64, " +
        "--data HOST:PORT or GROUP:PORT@INTERFACE); ITCH is built into order books for --symbols, which feed the " +
        "engine trades and top-of-book quotes. Default: ${DEFAULT-VALUE}.")
    private Format format = Format.trades;

    @Option(names = "--bars", paramLabel = "DURATION", description = "Feed the engine time bars of this duration " +
        "(60s, 5m, 1h; aligned to the clock) built from the data's trades, in place of the trades, for strategies " +
        "that want bars; any trade feed (trades, ITCH, --synthetic). An ITCH book's quotes still flow. The " +
        "stale-data breaker then counts in intervals of it.")
    private String bars;

    @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL", description = "ITCH formats: the symbols to " +
        "build books for, e.g. AAPL,MSFT (each in the reference data); default: --symbol.")
    private List<String> symbols = new ArrayList<>();

    @Option(names = "--session-date", paramLabel = "YYYY-MM-DD", description = "ITCH formats: the trading day the " +
        "feed's times of day belong to (New York time). Default: the MMDDYYYY in the file name, as Nasdaq names its " +
        "files (01302019.NASDAQ_ITCH50).")
    private String sessionDate;

    @Option(names = "--silence-timeout-ms", paramLabel = "MS", description = "itch-udp: a feed silent this long (no " +
        "datagram, not even a heartbeat) is refused and the session ends (default: ${DEFAULT-VALUE}).")
    private long silenceTimeoutMs = 5_000;

    @Option(names = "--rerequest", paramLabel = "HOST:PORT", description = "itch-udp: the feed's MoldUDP64 " +
        "re-request server; a gap is filled from it (packets past the gap wait) instead of ending the session. " +
        "Default: none, a gap ends the session (fail closed).")
    private String rerequest;

    @Option(names = "--rerequest-timeout-ms", paramLabel = "MS", description = "itch-udp with --rerequest: a gap " +
        "still open this long is refused as without a server (default: ${DEFAULT-VALUE}).")
    private long rerequestTimeoutMs = 1_000;

    @Option(names = "--bar-interval", paramLabel = "DURATION", description = "The bars' interval (5m, 1h, 24h), " +
        "which the stale-data breaker measures bar data against (breakers.stale-data.bar-intervals of them, in open " +
        "market time). Default: breakers.stale-data.bar-interval of the configuration, or when that is 0s the most " +
        "common gap between the file's bars.")
    private String barInterval;

    @Option(names = "--synthetic", paramLabel = "N", description = "Instead of --data, generate N random-walk trades " +
        "(N at least 1).")
    private Long synthetic;

    @Option(names = "--seed", description = "Seed of --synthetic (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--max-malformed-fraction", paramLabel = "FRACTION", description = "Refuse a --data file whose " +
        "malformed lines are more than this share of its data lines, before trading (default: " +
        "market-data.max-malformed-fraction of the configuration, 0.01; same as --set " +
        "market-data.max-malformed-fraction=F).")
    private String maxMalformedFraction;

    @Option(names = "--symbol", description = "Instrument the data is for, one of the reference data's " +
        "(default: BTCUSD for trades, AAPL for bars, SYN for --synthetic).")
    private String symbol;

    @Option(names = "--config", paramLabel = "LOCATION", description = "Directory with ringwall.yaml, " +
        "ringwall-<env>.yaml and instruments.yaml (default: the bundled ${DEFAULT-VALUE}).")
    private String config = ConfigLoader.DEFAULT_LOCATION;

    @Option(names = "--env", description = "development, staging or production: which overlay applies " +
        "(default: $RINGWALL_ENV, else development).")
    private String environment;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one limit, repeatable, e.g. " +
        "--set risk.max-order-notional=5000 --set breakers.stale-data.enabled=false (as the environment " +
        "variable RINGWALL_RISK_MAX_ORDER_NOTIONAL=5000 would).")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--strategy", paramLabel = "SPEC",
        description = {"Strategy, repeatable: NAME:key=value,... Built-ins: ma-crossover (symbol, fast, slow, qty), " +
            "mean-reversion (symbol, window, entry, exit, qty), or a class name.",
            "Default: ma-crossover on the symbol."})
    private List<String> strategies = new ArrayList<>();

    @Option(names = "--shadow", description = "Shadow trading: a twin of each strategy runs in the logic on the same " +
        "inputs against the paper model; decisions and executions are compared and journaled (ShadowDecision, " +
        "ShadowExecution), and the SHADOW breaker halts on shadow.max-misalignments in a row or an execution quality " +
        "under shadow.min-execution-quality. Off by default.")
    private boolean shadow;

    @Option(names = "--shadow-strategy", paramLabel = "SPEC", description = "With --shadow, the twin of each " +
        "--strategy in order, when it should differ from the live one (a rehearsal of a misaligned twin). Default: " +
        "the live strategies' specs.")
    private List<String> shadowStrategies = new ArrayList<>();

    @Option(names = "--journal", paramLabel = "DIR",
        description = "Journal directory (must not hold a session yet, unless --resume). Default: " +
            "var/sessions/<UTC time>.")
    private Path journal;

    @Option(names = "--clock", description = "data: event time from the data (reproducible); wall: system clock at " +
        "ingress. Default: ${DEFAULT-VALUE}.")
    private String clock = "data";

    @Option(names = "--lock-step", negatable = true, description = "Let the pipeline go quiet after each market-data " +
        "event so venue answers interleave identically every run. Default: on with --clock data.")
    private Boolean lockStep;

    @Option(names = "--wait", description = "busy-spin (pinned cores only), yielding, backoff, blocking. " +
        "Default: ${DEFAULT-VALUE}.")
    private String waitMode = "yielding";

    @Option(names = "--threads", description = "dedicated: a thread each for journal-in, the logic and the gateway " +
        "(a machine with a core per stage); shared: one thread runs the three in turn (fewer cores than that). " +
        "Default: ${DEFAULT-VALUE}.")
    private String threads = "dedicated";

    @Option(names = "--rate", paramLabel = "EVENTS_PER_S", description = "Pace market data; 0 = as fast as possible " +
        "(default).")
    private long rate;

    @Option(names = "--ring-size", description = "Slots per ring, a power of two (default: ${DEFAULT-VALUE}).")
    private int ringSize = RingConfig.DEFAULT_RING_SIZE;

    @Option(names = "--fee-bps", description = "Replaces the market model's commission rate (costs.commission-bps " +
        "of market.yaml), basis points of notional.")
    private Long feeBps;

    @Option(names = "--cash", description = "Starting cash (default: ${DEFAULT-VALUE}).")
    private String cash = "1000000";

    @Option(names = "--resume", description = "Continue the session in --journal DIR after a crash or a " +
        "shutdown: restore its newest valid snapshot, replay journal \"in\" after it (checked against journal " +
        "\"out\"), rebuild the paper venue's book, skip the market data already journaled, then go live " +
        "appending to the same journals. Without it a directory that holds a session is refused.")
    private boolean resume;

    @Option(names = "--checkpoint-every", paramLabel = "INPUTS", description = "Snapshot after this many inputs, " +
        "0 = not by count (default: checkpoint.every-inputs of the configuration, 100000; same as " +
        "--set checkpoint.every-inputs=N).")
    private Long checkpointEvery;

    @Option(names = "--admin-port", paramLabel = "PORT", description = "Open the admin endpoint on this port " +
        "(0: any free port); off by default. Needs the token in $RINGWALL_ADMIN_TOKEN; see ringwall ctl.")
    private Integer adminPort;

    @Option(names = "--admin-host", description = "Interface of the admin endpoint (default: ${DEFAULT-VALUE}). An " +
        "address other hosts can reach (anything but loopback, e.g. 0.0.0.0) is refused without --admin-allow-remote.")
    private String adminHost = "127.0.0.1";

    @Option(names = "--admin-allow-remote", description = "Let --admin-host be an address other hosts can reach " +
        "(a warning is printed): whoever reaches it with the token can halt, flatten or shut down the engine.")
    private boolean adminAllowRemote;

    @Option(names = "--pre-market-checks", negatable = true, description = "Run the pre-market checks at start " +
        "and hold trading back until they pass. Default: on with --clock wall or --admin-port.")
    private Boolean preMarketChecks;

    @Option(names = "--venue", description = "paper (the simulated venue in this process) or fix (a FIX 4.4 " +
        "session, e.g. to ringwall fix-venue). Default: ${DEFAULT-VALUE}.")
    private String venue = "paper";

    @Option(names = "--fix-host", description = "FIX counterparty host (default: ${DEFAULT-VALUE}).")
    private String fixHost = "127.0.0.1";

    @Option(names = "--fix-port", description = "FIX counterparty port (required with --venue fix).")
    private int fixPort;

    @Option(names = "--fix-sender", description = "SenderCompID (default: ${DEFAULT-VALUE}).")
    private String fixSender = "RINGWALL";

    @Option(names = "--fix-target", description = "TargetCompID (default: ${DEFAULT-VALUE}).")
    private String fixTarget = "VENUE";

    @Option(names = "--fix-rate", description = "The broker's message-rate limit, messages/s (default: ${DEFAULT-VALUE}).")
    private int fixRate = 500;

    @Option(names = "--fix-store", paramLabel = "DIR", description = "FIX sequence-number store; kept across " +
        "sessions so a restart resumes the sequence (default: ${DEFAULT-VALUE}).")
    private Path fixStore = Path.of("var", "fix-store");

    @Option(names = "--reconcile-s", description = "Seconds between reconciliations with the venue; one also " +
        "runs at every logon (default: ${DEFAULT-VALUE}).")
    private long reconcileSeconds = 30;

    @Option(names = "--reconcile-timeout-s", description = "An unanswered reconciliation halts trading after this; " +
        "seconds of event time with --clock data, as --reconcile-s (default: ${DEFAULT-VALUE}). What it asks: " +
        "reconciliation.mode of the configuration.")
    private long reconcileTimeoutSeconds = 10;

    @Option(names = "--reconcile-tolerance", description = "Largest position difference accepted, a fraction of " +
        "the position (default: ${DEFAULT-VALUE}).")
    private String reconcileTolerance = "0.05";

    @Option(names = "--latency-interval-ms", description = "How often per-stage latency histograms are written to " +
        "<journal>/latency.hlog (default: ${DEFAULT-VALUE}).")
    private long latencyIntervalMs = LatencyIntervalLogger.DEFAULT_INTERVAL_MS;

    @Option(names = "--timer-ms", description = "Timer tick period in engine time, 0 for none (default: ${DEFAULT-VALUE}).")
    private long timerMs = 60_000;

    /** The FIX session's settings; credentials come from the environment only. */
    private io.ringwall.engine.fix.FixGatewayConfig fixConfig()
    {
        if (fixPort <= 0)
        {
            throw new IllegalArgumentException("--venue fix needs --fix-port");
        }
        final long tolerancePpm = Fixed.parse(reconcileTolerance, 0, reconcileTolerance.length(), 6);
        if (tolerancePpm == Long.MIN_VALUE)
        {
            throw new IllegalArgumentException("--reconcile-tolerance " + reconcileTolerance + " is not a fraction");
        }
        return io.ringwall.engine.fix.FixGatewayConfig.local(fixHost, fixPort, fixStore)
            .withCompIds(fixSender, fixTarget).withRate(fixRate)
            .withReconciliation(reconcileSeconds * 1_000_000_000L, reconcileTimeoutSeconds * 1_000_000_000L, tolerancePpm);
    }

    private MarketModel market(final MarketModel configured)
    {
        if (feeBps == null)
        {
            return configured;
        }
        if (feeBps < 0 || feeBps > 10_000)
        {
            throw new IllegalArgumentException("--fee-bps " + feeBps + " is not in [0, 10000]");
        }
        final CostModel costs = configured.costs();
        return configured.withCosts(new CostModel(costs.commissionPerUnit(), feeBps * 100, costs.commissionMinimum(),
            costs.slippagePpm(), costs.chargeHalfSpread(), costs.impactCoefficientPpm()));
    }

    /**
     * A run's inputs, resolved from the options.
     *
     * @param malformed the trading read's malformed lines (null for --synthetic).
     * @param dataLines the data file's data lines, from the check before trading.
     */
    record Session(LoadedConfig limits, EngineConfig engine, MarketDataSource source, MalformedLineReporter malformed,
        long dataLines)
    {
        Path journalDir()
        {
            return engine.journalDir();
        }
    }

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve Prometheus metrics (/metrics) and " +
        "health (/health/live, /health/ready) on this port during the run; 0 = off (default).")
    private int metricsPort;

    @Option(names = "--metrics-host", paramLabel = "ADDRESS", description = "Address the metrics endpoint binds " +
        "(default: ${DEFAULT-VALUE}, this host only).")
    private String metricsHost = "127.0.0.1";

    @Option(names = "--pin-cpu", paramLabel = "CPU", description = "Pin the logic thread to this CPU (OpenHFT " +
        "affinity); when the CPU cannot be had, warn and run unpinned. Pair with --wait busy-spin on a machine " +
        "with a spare core per stage (scripts/ringwall-pinned does both). Default: no pinning.")
    private Integer pinCpu;

    /** {@code --bars} in nanoseconds, 0 without it. */
    private long barsNs;

    /** What {@link #prepare} resolved the bar interval to, for the summary; null for trade data. */
    private String barIntervalNote;

    /** The process environment (the admin token); tests replace it. */
    static Map<String, String> processEnvironment = System.getenv();

    @Override
    public Integer call() throws IOException
    {
        checkEndpointHosts(spec.commandLine().getErr());
        final Session session = prepare();
        final CheckpointSettings lifecycle = checkpointSettings(session.limits().lifecycle());
        final ControlPlane.Settings configured = controlSettings(session.engine(), processEnvironment);
        final ControlPlane.Settings control = configured == null ? null : new ControlPlane.Settings(
            configured.adminHost(), configured.adminPort(), configured.token(), configured.preMarketGate(),
            configured.timeoutMillis(), lifecycle.cancelOnShutdown());
        final RunSummary summary;
        final java.io.PrintWriter out = spec.commandLine().getOut();
        final io.ringwall.engine.fix.FixGateway[] gateway = new io.ringwall.engine.fix.FixGateway[1];
        try (Engine engine = new Engine(session.engine(), venue.equals("fix") ? "fix" : "paper",
                venue.equals("fix") ? publisher -> gateway[0] = new io.ringwall.engine.fix.FixGateway(
                    fixConfig().withMode(session.limits().reconciliationMode()),
                    session.engine().logic().instruments(), publisher, session.engine().clockMode(), line ->
                    {
                        synchronized (out)
                        {
                            out.println(line);
                            out.flush();
                        }
                    }) : null,
                latencyIntervalMs, lifecycle, resume);
             EngineMonitoring monitoring = metricsPort <= 0 ? null : EngineMonitoring.attach(engine,
                 EngineMonitoring.Settings.onPort(metricsHost, metricsPort).withLatencies(engine.latencyLog())))
        {
            if (engine.recoveryReport() != null)
            {
                out.print(engine.recoveryReport().format());
                out.flush();
            }
            if (engine.checkpointsOff() != null)
            {
                spec.commandLine().getErr().println("ringwall: no checkpoints this session: " + engine.checkpointsOff() +
                    "; a restart replays the whole journal");
            }
            if (monitoring != null)
            {
                spec.commandLine().getErr().println("metrics       http://" + metricsHost + ":" + monitoring.port() +
                    "/metrics  (health: /health/live, /health/ready)");
                spec.commandLine().getErr().flush();
            }
            if (pinCpu != null)
            {
                engine.pipeline().pinLogicTo(pinCpu);
            }
            try (ShutdownSignals signals = ShutdownSignals.install(engine, lifecycle.cancelOnShutdown(),
                spec.commandLine().getErr()))
            {
                if (control == null)
                {
                    summary = engine.run(session.source());
                }
                else
                {
                    final IntakeSwitch intake = new IntakeSwitch(session.source());
                    engine.start();
                    final VenueConnection connection = gateway[0] != null ? gateway[0]::isLoggedOn : VenueConnection.PAPER;
                    try (ControlPlane plane = ControlPlanes.start(engine, session.engine(), control, connection,
                        ControlPlanes.engineActions(engine, intake, lifecycle.cancelOnShutdown(),
                            spec.commandLine().getErr()), line ->
                        {
                            out.println(line);
                            out.flush();
                        }))
                    {
                        if (monitoring != null)
                        {
                            monitoring.health().readinessAlsoFrom(reasons -> preMarketReasons(plane, reasons));
                        }
                        summary = engine.run(intake);
                    }
                }
            }
            if (engine.finalSnapshot() != null)
            {
                out.println("snapshot      " + engine.finalSnapshot() + " (after input " +
                    engine.logic().lastInputSequence() + ")");
            }
            if (pinCpu != null)
            {
                spec.commandLine().getErr().println("pinning       logic thread " + engine.pipeline().logicPinning());
                spec.commandLine().getErr().flush();
            }
        }
        final int status = report(session, summary);
        if (gateway[0] != null)
        {
            final org.HdrHistogram.Histogram rtt = gateway[0].roundTripNs();
            spec.commandLine().getOut().printf("fix           %d orders sent, send->ack p50 %.1f us, p99 %.1f us (n=%d); " +
                "%d resent orders/cancels gap-filled (never resent), %d sent again after the venue's status%n",
                gateway[0].ordersSent(), rtt.getValueAtPercentile(50) / 1e3, rtt.getValueAtPercentile(99) / 1e3,
                rtt.getTotalCount(), gateway[0].suppressedResends(), gateway[0].sentAgain());
            spec.commandLine().getOut().flush();
        }
        return status;
    }

    /**
     * Before anything starts: an admin endpoint other hosts can reach (a non-loopback {@code --admin-host}) is
     * refused unless {@code --admin-allow-remote} says it is meant, and then warned about; a metrics endpoint
     * other hosts can reach is warned about only (it is read-only, and Prometheus usually scrapes from another
     * host, but positions, PnL and health are readable there without authentication).
     *
     * @throws IllegalArgumentException (exit 2, one line) for a remote admin host without the flag.
     */
    final void checkEndpointHosts(final java.io.PrintWriter err)
    {
        if (adminPort != null && !isLoopback("--admin-host", adminHost))
        {
            if (!adminAllowRemote)
            {
                throw new IllegalArgumentException("--admin-host " + adminHost + " can be reached from other hosts, " +
                    "and the admin endpoint can halt, flatten and shut down this engine: refused without " +
                    "--admin-allow-remote (or bind 127.0.0.1)");
            }
            err.println("ringwall: warning: the admin endpoint on " + adminHost + " is reachable from other hosts " +
                "(--admin-allow-remote): anyone there with the token can halt, flatten or shut down this engine");
        }
        if (metricsPort > 0 && !isLoopback("--metrics-host", metricsHost))
        {
            err.println("ringwall: warning: the metrics endpoint on " + metricsHost + " is reachable from other hosts: " +
                "positions, PnL and health are readable there without authentication");
        }
        err.flush();
    }

    /** @return whether the address a server would bind for {@code host} is a loopback one. */
    static boolean isLoopback(final String option, final String host)
    {
        try
        {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        }
        catch (final java.net.UnknownHostException ex)
        {
            throw new IllegalArgumentException(option + " " + host + " is not a known host or address");
        }
    }

    /** /health/ready is not ready while the pre-market gate holds trading back; each failing check says why. */
    static void preMarketReasons(final PreMarketStatus status, final List<String> reasons)
    {
        if (status.gateOpen())
        {
            return;
        }
        final PreMarketReport report = status.latest();
        if (report == PreMarketReport.NONE)
        {
            reasons.add("pre-market checks have not run yet");
            return;
        }
        for (final String line : report.lines())
        {
            if (line.startsWith("FAIL "))
            {
                reasons.add("pre-market check " + line.substring(5));
            }
        }
        if (report.passed())
        {
            reasons.add("pre-market gate still closed (checks passed at input " + report.inputSequence() + ")");
        }
    }

    /**
     * @return the control plane's settings, or null when the run has neither the endpoint nor the checks.
     * @throws IllegalStateException when the endpoint is asked for without a usable token.
     */
    final ControlPlane.Settings controlSettings(final EngineConfig engine, final Map<String, String> environment)
    {
        final boolean checks = preMarketChecks != null ? preMarketChecks :
            engine.clockMode() == ClockMode.WALL || adminPort != null;
        if (adminPort == null && !checks)
        {
            return null;
        }
        if (adminPort != null && (adminPort < 0 || adminPort > 65_535))
        {
            throw new IllegalArgumentException("--admin-port " + adminPort + " is not a port (0-65535)");
        }
        return new ControlPlane.Settings(adminHost, adminPort == null ? -1 : adminPort,
            adminPort == null ? null : AdminToken.fromEnvironment(environment), checks, 5_000);
    }

    private CheckpointSettings checkpointSettings(final CheckpointSettings configured)
    {
        return checkpointEvery == null ? configured : new CheckpointSettings(checkpointEvery,
            configured.everyEventTimeNs(), configured.retain(), configured.cancelOnShutdown(),
            configured.shutdownTimeoutNs(), configured.minFreeBytes());
    }

    /** Prints the summary. @return the exit code. */
    final int report(final Session session, final RunSummary summary)
    {
        final java.io.PrintWriter out = spec.commandLine().getOut();
        // Why the session did not trade as expected goes first, in plain words, from the journals.
        for (final String line : SessionDiagnosis.orNone(session.journalDir()))
        {
            out.println("ATTENTION     " + line);
        }
        out.println("config        " + session.limits().environment() + ": " + String.join(", ", session.limits().sources()));
        out.print(summary.format());
        if (barIntervalNote != null)
        {
            out.println("bar interval  " + barIntervalNote + "; stale after breakers.stale-data.bar-intervals = " +
                session.engine().logic().breakers().staleBarIntervals() + " of them in open market time");
        }
        final String malformed = session.malformed() == null ? null : session.malformed().summary(session.dataLines());
        if (malformed != null)
        {
            out.println("malformed     " + malformed);
        }
        out.println("journal       " + session.journalDir() + "  (verify: ringwall replay --journal " +
            session.journalDir() + " --verify)");
        final Path latencyLog = session.journalDir().resolve(LatencyIntervalLogger.FILE_NAME);
        if (Files.exists(latencyLog))
        {
            out.println("latency       " + latencyLog + "  (ringwall latency-report --journal " + session.journalDir() + ")");
        }
        out.flush();
        if (summary.failure() == null)
        {
            return 0;
        }
        return summary.diskFull() ? RingwallCli.EXIT_DISK_FULL : RingwallCli.EXIT_FAILURE;
    }

    final CommandSpec spec()
    {
        return spec;
    }

    final Session prepare() throws IOException
    {
        requirePositive("--synthetic", synthetic);
        LogEnvironment.apply(environment());
        final List<String> followed = itchSymbols();
        final String instrument = !followed.isEmpty() ? followed.get(0) : symbol != null ? symbol :
            synthetic != null ? "SYN" : format == Format.bars ? "AAPL" : "BTCUSD";
        final LoadedConfig limits = loadConfig();
        final int instrumentId = limits.instruments().stream().map(InstrumentSpec::symbol).toList().indexOf(instrument);
        if (instrumentId < 0)
        {
            throw new IllegalArgumentException("--symbol " + instrument + " is not in the reference data (" +
                limits.instruments().stream().map(InstrumentSpec::symbol).toList() + ")");
        }
        final List<String> specs = strategies.isEmpty() ?
            List.of("ma-crossover:symbol=" + instrument + (format == Format.bars ? ",fast=5,slow=20,qty=15" : "")) :
            strategies;
        final long cashUnits = Fixed.parse(cash, 0, cash.length(), Fixed.PRICE_DECIMALS);
        if (cashUnits == Long.MIN_VALUE || cashUnits < 0)
        {
            throw new IllegalArgumentException("--cash " + cash + " is not a non-negative amount");
        }
        if (!venue.equals("paper") && !venue.equals("fix"))
        {
            throw new IllegalArgumentException("--venue " + venue + " is not paper or fix");
        }
        final ClockMode clockMode = switch (clock)
        {
            case "data" -> ClockMode.DATA;
            case "wall" -> ClockMode.WALL;
            default -> throw new IllegalArgumentException("--clock " + clock + " is not data or wall");
        };
        barsNs = bars == null ? 0 : ConfigLoader.barIntervalOption("--bars", bars);
        if (barsNs > 0 && format == Format.bars && synthetic == null)
        {
            throw new IllegalArgumentException("--bars builds bars from trades; --format bars has bars already");
        }
        final long givenBarIntervalNs = barsNs > 0 ? barsNs : barInterval == null ? 0 :
            ConfigLoader.barIntervalOption("--bar-interval", barInterval);
        MalformedLineReporter malformed = null;
        long dataLines = 0;
        final BarIntervalDetector bars = new BarIntervalDetector();
        ItchMarketDataSource itchSource = null;
        if (format.itch() && synthetic == null)
        {
            itchSource = itchSource(limits, followed);
            if (format != Format.itchUdp)
            {
                // The whole capture once, publishing nothing, before any session exists: a corrupt file or a gap
                // is refused having traded nothing.
                try
                {
                    dataLines = itchSource.check();
                }
                catch (final ItchFeedException ex)
                {
                    throw new IllegalArgumentException(ex.getMessage());
                }
            }
        }
        else if (synthetic == null)
        {
            // The whole file once, delivering nothing, before any session exists: a file over the limit is
            // refused having traded nothing (see MalformedLineReporter for the rule). Bars' interval is found
            // on the way, before the session, so it reaches the logic through the manifest like any limit.
            final MalformedLineReporter check = new MalformedLineReporter();
            final SourceStats checked = csvSource(instrumentId, check).run(bars);
            dataLines = checked.events() + checked.malformed();
            final String refusal = check.overLimit(data, dataLines, limits.maxMalformedPpm());
            if (refusal != null)
            {
                throw new IllegalArgumentException(refusal);
            }
            malformed = new MalformedLineReporter(MalformedLineReporter.budget(dataLines, limits.maxMalformedPpm()));
        }
        final BreakerLimits breakers = limits.breakers().withBarInterval(isBarData() ?
            barIntervalNs(givenBarIntervalNs, limits.breakers().barIntervalNs(), bars.intervalNs()) : 0);
        final Path journalDir = sessionDir();
        final EngineConfig config = new EngineConfig(journalDir,
            new LogicConfig(limits.instruments(), specs, cashUnits, LogicConfig.DEFAULT_MAX_WORKING_ORDERS,
                limits.risk(), breakers, market(limits.market())).withStatusTimeouts(statusTimeouts(limits))
                .withShadow(shadowSettings(limits)),
            RingConfig.ofSize(ringSize, WaitMode.parse(waitMode)).withThreading(StageThreading.parse(threads))
                .withBatching(limits.journalBatching()),
            clockMode, lockStep != null ? lockStep : clockMode == ClockMode.DATA, timerMs * 1_000_000L, rate);
        final MarketDataSource read = synthetic != null ? syntheticSource(instrumentId, synthetic, seed) :
            itchSource != null ? itchSource : csvSource(instrumentId, malformed);
        final MarketDataSource source = barsNs > 0 ? new TimeBarSource(read, barsNs) : read;
        return new Session(limits, config, source, malformed, dataLines);
    }

    /** ITCH formats: {@code --symbols}, else {@code --symbol}; empty for the other formats. */
    private List<String> itchSymbols()
    {
        if (!format.itch())
        {
            if (!symbols.isEmpty())
            {
                throw new IllegalArgumentException("--symbols is for the ITCH formats (itch-file, itch-pcap, " +
                    "itch-udp); use --symbol for --format " + format);
            }
            return List.of();
        }
        if (!symbols.isEmpty())
        {
            return List.copyOf(new java.util.LinkedHashSet<>(symbols));
        }
        if (symbol != null)
        {
            return List.of(symbol);
        }
        throw new IllegalArgumentException("--format " + format + " needs --symbols (the symbols to build books " +
            "for, e.g. --symbols AAPL)");
    }

    /** HOST:PORT, port 1-65535 (the host is resolved now, so a typo is refused before the session). */
    private static java.net.InetSocketAddress hostAndPort(final String option, final String value)
    {
        final int colon = value.lastIndexOf(':');
        final String problem = option + " " + value + " is not HOST:PORT";
        if (colon <= 0)
        {
            throw new IllegalArgumentException(problem);
        }
        final int port;
        try
        {
            port = Integer.parseInt(value.substring(colon + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(problem);
        }
        if (port < 1 || port > 65_535)
        {
            throw new IllegalArgumentException(problem + " (port 1-65535)");
        }
        final java.net.InetSocketAddress address = new java.net.InetSocketAddress(value.substring(0, colon), port);
        if (address.isUnresolved())
        {
            throw new IllegalArgumentException(option + " " + value + ": unknown host");
        }
        return address;
    }

    private ItchMarketDataSource itchSource(final LoadedConfig limits, final List<String> followed)
    {
        final List<String> known = limits.instruments().stream().map(InstrumentSpec::symbol).toList();
        final int[] ids = new int[followed.size()];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = known.indexOf(followed.get(i));
            if (ids[i] < 0)
            {
                throw new IllegalArgumentException("--symbols " + followed.get(i) + " is not in the reference data (" +
                    known + ")");
            }
        }
        if (data.equals(DataFiles.BITSTAMP_TRADES))
        {
            throw new IllegalArgumentException("--format " + format + " needs --data (" + (format == Format.itchUdp ?
                "HOST:PORT or GROUP:PORT@INTERFACE" : "the ITCH file") + ")");
        }
        final java.time.LocalDate date;
        if (sessionDate != null)
        {
            try
            {
                date = java.time.LocalDate.parse(sessionDate);
            }
            catch (final java.time.format.DateTimeParseException ex)
            {
                throw new IllegalArgumentException("--session-date " + sessionDate + " is not YYYY-MM-DD");
            }
        }
        else
        {
            date = format == Format.itchUdp ? null : ItchMarketDataSource.dateInFileName(data);
            if (date == null)
            {
                throw new IllegalArgumentException("--format " + format + " needs --session-date YYYY-MM-DD (the " +
                    "trading day of the feed's times of day" + (format == Format.itchUdp ? ")" :
                    "; the file name " + data + " holds no MMDDYYYY date)"));
            }
        }
        if (silenceTimeoutMs <= 0)
        {
            throw new IllegalArgumentException("--silence-timeout-ms " + silenceTimeoutMs + " is not positive");
        }
        final ItchMarketDataSource.Transport transport = switch (format)
        {
            case itchFile -> ItchMarketDataSource.Transport.FILE;
            case itchPcap -> ItchMarketDataSource.Transport.PCAP;
            default -> ItchMarketDataSource.Transport.UDP;
        };
        final ItchMarketDataSource source = new ItchMarketDataSource(transport, data, followed.toArray(String[]::new),
            ids, date, silenceTimeoutMs * 1_000_000L);
        if (rerequest != null)
        {
            if (transport != ItchMarketDataSource.Transport.UDP)
            {
                throw new IllegalArgumentException("--rerequest is for --format itch-udp: a file or capture has no " +
                    "server to ask");
            }
            if (rerequestTimeoutMs <= 0)
            {
                throw new IllegalArgumentException("--rerequest-timeout-ms " + rerequestTimeoutMs + " is not positive");
            }
            source.rerequestFrom(hostAndPort("--rerequest", rerequest), rerequestTimeoutMs * 1_000_000L);
        }
        return source;
    }

    private MarketDataSource csvSource(final int instrumentId, final MalformedLineReporter reporter)
    {
        if (format == Format.bars)
        {
            return data.endsWith(BarJsonSource.EXTENSION) ? new BarJsonSource(data, instrumentId, reporter) :
                new BarCsvSource(data, instrumentId, reporter);
        }
        return new TradeCsvSource(data, instrumentId, reporter);
    }

    /**
     * The bar interval, in this order: {@code --bar-interval}, a configured one, the one found in the file (0 when
     * it holds fewer than two bars: the stale-data ages then apply as to trades). Says which in the summary.
     */
    private long barIntervalNs(final long givenNs, final long configuredNs, final long detectedNs)
    {
        final long intervalNs = givenNs > 0 ? givenNs : configuredNs > 0 ? configuredNs : detectedNs;
        final String from = barsNs > 0 ? "--bars" : givenNs > 0 ? "--bar-interval" : configuredNs > 0 ? "breakers.stale-data.bar-interval" :
            "detected from the data";
        barIntervalNote = intervalNs == 0 ? "no interval (fewer than two bars): stale-data ages as for trades" :
            HumanDuration.format(intervalNs) + " (" + from + ")";
        return intervalNs;
    }

    /** Bar data from a file, or bars built from trades: staleness is measured in bar intervals. */
    private boolean isBarData()
    {
        return format == Format.bars && synthetic == null || barsNs > 0;
    }

    /**
     * {@code --synthetic 0} or a negative count used to fall through to the bundled data file: refused instead.
     *
     * @throws IllegalArgumentException (exit 2, one line) for a count given and below 1.
     */
    static void requirePositive(final String option, final Long count)
    {
        if (count != null && count < 1)
        {
            throw new IllegalArgumentException(option + " " + count + " is not a number of trades: give at least 1 " +
                "(or leave " + option + " out to trade --data)");
        }
    }

    /** {@code --synthetic N}: N random-walk trades, one per millisecond of event time (fix-venue plays the same). */
    static MarketDataSource syntheticSource(final int instrumentId, final long count, final long seed)
    {
        return new SyntheticTradeSource(instrumentId, count, seed, 1_700_000_000_000_000_000L, 1_000_000L);
    }

    /**
     * Lost answers are a FIX session's: the simulated venue in this process answers every order and cancel, and would
     * not answer a status question, so a paper or backtest session asks none (and its manifest says so).
     */
    private io.ringwall.engine.config.ShadowSettings shadowSettings(final LoadedConfig limits)
    {
        if (!shadow)
        {
            if (!shadowStrategies.isEmpty())
            {
                throw new IllegalArgumentException("--shadow-strategy needs --shadow");
            }
            return io.ringwall.engine.config.ShadowSettings.OFF;
        }
        return limits.shadow().on(shadowStrategies);
    }

    private io.ringwall.engine.logic.StatusTimeouts statusTimeouts(final LoadedConfig limits)
    {
        return venue.equals("fix") && limits.statusTimeoutNs() > 0 ?
            new io.ringwall.engine.logic.StatusTimeouts(limits.statusTimeoutNs(), limits.statusTries()) :
            io.ringwall.engine.logic.StatusTimeouts.OFF;
    }

    /**
     * The limits: base file, the environment's overlay, then overrides from the environment and --set.
     */
    private LoadedConfig loadConfig()
    {
        final String env = environment();
        final Map<String, String> variables = new HashMap<>(System.getenv());
        for (final String override : overrides)
        {
            final int equals = override.indexOf('=');
            if (equals <= 0)
            {
                throw new IllegalArgumentException("--set " + override + " is not KEY=VALUE");
            }
            variables.put(ConfigLoader.variableName(override.substring(0, equals)), override.substring(equals + 1));
        }
        if (maxMalformedFraction != null)
        {
            variables.put(ConfigLoader.variableName("market-data.max-malformed-fraction"), maxMalformedFraction);
        }
        return ConfigLoader.load(config, env, variables);
    }

    private String environment()
    {
        return environment != null ? environment : System.getenv().getOrDefault("RINGWALL_ENV", "development");
    }

    /**
     * Where the session's journals go: {@code --journal}, else a new directory under var/sessions. A command that
     * journals nothing (the validation runs) overrides this so that no directory is made.
     */
    Path sessionDir() throws IOException
    {
        return journal != null ? journal : newSessionDir();
    }

    private static Path newSessionDir() throws IOException
    {
        final String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        final Path dir = Path.of("var", "sessions", stamp);
        Files.createDirectories(dir);
        final Path latest = Path.of("var", "latest");
        Files.deleteIfExists(latest);
        try
        {
            Files.createSymbolicLink(latest, Path.of("sessions", stamp));
        }
        catch (final UnsupportedOperationException | IOException ignore)
        {
            // a convenience only: the summary prints the directory anyway
        }
        return dir;
    }
}
