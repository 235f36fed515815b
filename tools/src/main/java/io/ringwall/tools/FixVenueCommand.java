package io.ringwall.tools;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.ConfigLoader;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.config.LoadedConfig;
import io.ringwall.engine.fix.FixVenue;
import io.ringwall.engine.marketdata.BarCsvSource;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.TradeCsvSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringwall fix-venue}: the paper venue's rules behind a FIX 4.4 acceptor on 127.0.0.1, until stopped.
 */
@Command(name = "fix-venue", mixinStandardHelpOptions = true,
    description = {"Run the venue simulator over FIX 4.4: a QuickFIX/J acceptor on 127.0.0.1 that fills with the " +
        "paper venue's rules and cost models (market.yaml of --config), answers RequestForPositions and " +
        "OrderMassStatusRequest, and keeps its orders, positions and cash while engines connect and reconnect.",
        "With --data it plays that file's prints in event time, moved by each message's TransactTime (run the " +
        "engine on the same file with --clock data). Credentials, if wanted: RINGWALL_FIX_USERNAME and " +
        "RINGWALL_FIX_PASSWORD. Stop with Ctrl-C."})
final class FixVenueCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", required = true, description = "Port to accept on (127.0.0.1).")
    private int port;

    @Option(names = "--config", paramLabel = "LOCATION", description = "Directory with ringwall.yaml, instruments.yaml " +
        "and market.yaml (default: the bundled ${DEFAULT-VALUE}).")
    private String config = ConfigLoader.DEFAULT_LOCATION;

    @Option(names = "--env", description = "Configuration overlay (default: ${DEFAULT-VALUE}).")
    private String environment = "development";

    @Option(names = "--data", paramLabel = "LOCATION", description = "Prints to fill against (CSV path or classpath:NAME).")
    private String data;

    @Option(names = "--synthetic", paramLabel = "N", description = "Instead of --data, the N random-walk trades " +
        "'ringwall run --synthetic N' generates (same --seed), in event time (run the engine with --clock data); N at " +
        "least 1.")
    private Long synthetic;

    @Option(names = "--seed", description = "Seed of --synthetic (default: ${DEFAULT-VALUE}).")
    private long seed = 42;

    @Option(names = "--events", paramLabel = "FILE", description = "Append every order received, fill made and " +
        "answer sent to FILE, one line each (order ID QTY, duplicate ID, fill EXECID ID INSTRUMENT QTY up|down, " +
        "answer TYPE up|down, wipe N), for an audit from another process (the FIX torture).")
    private Path events;

    @Option(names = "--idle-advance-ms", paramLabel = "MS", description = "With --data or --synthetic: when no " +
        "message came for MS, the venue's event time follows the wall clock and its prints play on, so resting " +
        "orders fill while the engine is away (0, the default: event time moves only with the engine's messages).")
    private long idleAdvanceMs;

    @Option(names = "--wipe-store-on-restart", arity = "0..1", fallbackValue = "1", paramLabel = "N",
        description = "Every Nth restart of the FIX session (a logon after the first; N 1 when omitted) finds the " +
            "venue's store wiped, as a counterparty that lost its message store: it expects the engine's messages " +
            "from 1 again, so it asks for all of them (ResendRequest 1 to infinity), and it has forgotten the " +
            "ClOrdIDs it took, so an order resent to it is filled again. Its book, positions and its own sent " +
            "messages survive. Logged as 'wipe N' in --events.")
    private int wipeStoreEvery;

    @Option(names = "--format", converter = RunCommand.FormatConverter.class,
        description = "trades or bars (default: ${DEFAULT-VALUE}).")
    private RunCommand.Format format = RunCommand.Format.trades;

    @Option(names = "--symbol", description = "Instrument of --data (default: BTCUSD for trades, AAPL for bars).")
    private String symbol;

    @Option(names = "--cash", description = "The account's starting cash (default: ${DEFAULT-VALUE}).")
    private String cash = "1000000";

    @Option(names = "--sender", description = "The venue's CompID (default: ${DEFAULT-VALUE}).")
    private String sender = "VENUE";

    @Option(names = "--target", description = "The engine's CompID (default: ${DEFAULT-VALUE}).")
    private String target = "RINGWALL";

    @Option(names = "--store", paramLabel = "DIR", description = "FIX sequence-number store (default: ${DEFAULT-VALUE}).")
    private Path store = Path.of("var", "fix-venue-store");

    @Option(names = "--no-new-ack", description = "Misbehave: work orders without ever acknowledging them with " +
        "ExecType=NEW, so an order's first report is its fill (as some venues do).")
    private boolean noNewAck;

    @Option(names = "--session-reject-every", paramLabel = "N", description = "Misbehave: refuse every Nth new " +
        "NewOrderSingle with a session-level Reject (35=3) naming its MsgSeqNum, and never work it (default: 0, none).")
    private int sessionRejectEvery;

    @Option(names = "--reject-types", split = ",", paramLabel = "TYPE", description = "Misbehave: answer these " +
        "FIX message types with a BusinessMessageReject (35=j, BusinessRejectReason 3, unsupported message type), " +
        "as a broker that does not support them: AN (RequestForPositions), AF (OrderMassStatusRequest), H " +
        "(OrderStatusRequest); comma-separated.")
    private java.util.List<String> rejectTypes = java.util.List.of();

    @Option(names = "--no-mass-status", description = "Misbehave: never answer an OrderMassStatusRequest (35=AF), " +
        "as a broker that silently ignores it.")
    private boolean noMassStatus;

    @Option(names = "--reject-amends", description = "Misbehave: refuse every OrderCancelReplaceRequest (35=G) with " +
        "an OrderCancelReject (35=9, CxlRejResponseTo 2), as a broker that does not take amends; the order works on.")
    private boolean rejectAmends;

    @Override
    public Integer call() throws InterruptedException
    {
        RunCommand.requirePositive("--synthetic", synthetic);
        if (sessionRejectEvery < 0)
        {
            throw new IllegalArgumentException("--session-reject-every " + sessionRejectEvery + " is negative");
        }
        if (!FixVenue.REJECTABLE_TYPES.containsAll(rejectTypes))
        {
            throw new IllegalArgumentException("--reject-types " + String.join(",", rejectTypes) + ": each must be " +
                "one of " + String.join(", ", FixVenue.REJECTABLE_TYPES));
        }
        final LoadedConfig limits = ConfigLoader.load(config, environment, new HashMap<>(System.getenv()));
        final long cashUnits = Fixed.parse(cash, 0, cash.length(), Fixed.PRICE_DECIMALS);
        if (cashUnits == Long.MIN_VALUE || cashUnits < 0)
        {
            throw new IllegalArgumentException("--cash " + cash + " is not a non-negative amount");
        }
        final MarketDataSource prints = synthetic != null ? synthetic(limits) : data == null ? null : source(limits);
        final FixVenue venue = new FixVenue(new FixVenue.Config("127.0.0.1", port, sender, target, store,
            limits.market(), limits.instruments(), cashUnits, prints,
            System.getenv("RINGWALL_FIX_USERNAME"), System.getenv("RINGWALL_FIX_PASSWORD")));
        if (events != null)
        {
            venue.recordEventsTo(events);
        }
        venue.noNewAck(noNewAck);
        venue.sessionRejectEvery(sessionRejectEvery);
        venue.rejectTypes(rejectTypes);
        venue.noMassStatus(noMassStatus);
        venue.rejectAmends(rejectAmends);
        venue.advanceWhileIdle(idleAdvanceMs);
        venue.wipeStoreOnRestart(wipeStoreEvery);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            venue.close();
            stopped.countDown();
        }, "fix-venue-shutdown"));
        spec.commandLine().getOut().println("fix-venue accepting FIX 4.4 " + target + "->" + sender + " on 127.0.0.1:" +
            port + (synthetic != null ? " with " + synthetic + " synthetic prints (seed " + seed + ")" : data == null ?
            " (wall clock, no prints: market orders are rejected NO_MARKET)" : " with prints of " + data));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** The same prints as {@code ringwall run --synthetic N --seed S} feeds the engine. */
    private MarketDataSource synthetic(final LoadedConfig limits)
    {
        final String instrument = symbol != null ? symbol : "SYN";
        final int instrumentId = limits.instruments().stream().map(InstrumentSpec::symbol).toList().indexOf(instrument);
        if (instrumentId < 0)
        {
            throw new IllegalArgumentException("--symbol " + instrument + " is not in the reference data");
        }
        return RunCommand.syntheticSource(instrumentId, synthetic, seed);
    }

    private MarketDataSource source(final LoadedConfig limits)
    {
        if (format.itch())
        {
            throw new IllegalArgumentException("fix-venue --format " + format + ": the FIX venue plays trades or bars " +
                "only");
        }
        final String instrument = symbol != null ? symbol : format == RunCommand.Format.bars ? "AAPL" : "BTCUSD";
        final int instrumentId = limits.instruments().stream().map(InstrumentSpec::symbol).toList().indexOf(instrument);
        if (instrumentId < 0)
        {
            throw new IllegalArgumentException("--symbol " + instrument + " is not in the reference data");
        }
        final MalformedLineReporter reporter = new MalformedLineReporter();
        return format == RunCommand.Format.bars ? new BarCsvSource(data, instrumentId, reporter) :
            new TradeCsvSource(data, instrumentId, reporter);
    }
}
