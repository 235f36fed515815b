package io.ringwall.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.codecs.ReconciliationReportDecoder;
import io.ringwall.codecs.ReconciliationVerdict;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.checkpoint.Recovery;
import io.ringwall.engine.checkpoint.RecoveryException;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;

/**
 * {@code ringwall torture --venue fix}: the crash-recovery torture against the FIX venue simulator. {@code ringwall
 * fix-venue} runs as its own process for the whole torture (its orders, positions and FIX store survive every
 * engine crash); {@code ringwall run --venue fix --resume} runs as another, on the same synthetic prints in event
 * time, and is SIGKILLed at random instants and restarted. After each restart the recovered state must equal the
 * journal replayed from scratch, and the engine must log on again and reconcile with every row MATCHED and no
 * RECONCILIATION trip. At the end the engine stops gracefully (cancelling its orders and waiting for the venue's
 * answers) and the journals are audited against what the venue recorded: every order journal "out" holds reached the
 * venue exactly once and no ClOrdID was sent twice; no order was filled beyond its quantity at the venue (filled
 * twice, an amended order's fills under its amends' ids counted against it); every execution the venue made is in
 * journal "in" exactly once (lost and duplicated count the rest); every amend journal "out" holds reached the venue
 * (one strategy amends its resting orders); the engine's positions equal the venue's. With {@code wipeVenueStoreEvery} N, every Nth restart of the session finds
 * the venue's store wiped ({@code fix-venue --wipe-store-on-restart N}): it asks for every message from 1 and
 * would fill a resent order again.
 */
final class FixTorture
{
    private static final String SYMBOL = "SYN";

    private final PrintWriter out;
    private final Path work;
    private final Path journal;
    private final Path events;
    private final int kills;
    private final long rate;
    private final long minMs;
    private final long maxMs;
    private final long seed;
    private final double earlyKillShare;
    private final long prints;
    private final int port;
    private final int wipeVenueStoreEvery;
    private final Tally tally = new Tally();
    private Process venue;
    private Process engine;

    /** What the FIX torture counted. */
    static final class Tally
    {
        int kills;
        int recoveries;
        int checkedRecoveries;
        int reconciliationsMatched;
        int reconciliationsChecked;
        int divergences;
        long lost;
        long duplicated;
        long filledTwice;
        long venueStoreWipes;
        long rejects;
        long journaledFills;
        String positions = "";
        long ordersSent;
        long ordersAtVenue;
        long amendsSent;
        long amendsAtVenue;
        long replacesAtVenue;
        long venueFills;
        long fillsWhileDown;
        long resentAfterRestart;
        long snapshotsUsed;
        long maxRecoveryMs;
        final List<String> problems = new ArrayList<>();

        boolean failed()
        {
            return lost > 0 || duplicated > 0 || filledTwice > 0 || divergences > 0 ||
                reconciliationsMatched < reconciliationsChecked || !problems.isEmpty();
        }
    }

    FixTorture(final PrintWriter out, final Path work, final int kills, final long rate, final long minMs,
        final long maxMs, final long seed, final double earlyKillShare, final int wipeVenueStoreEvery) throws IOException
    {
        this.wipeVenueStoreEvery = wipeVenueStoreEvery;
        this.out = out;
        this.work = work;
        this.journal = work.resolve("session");
        this.events = work.resolve("venue-events.log");
        this.kills = kills;
        this.rate = rate;
        this.minMs = minMs;
        this.maxMs = maxMs;
        this.seed = seed;
        this.earlyKillShare = earlyKillShare;
        // Enough prints for every life (event time only moves while the engine runs), with room to spare.
        // The venue's event time also runs on while the engine is down (--idle-advance-ms).
        this.prints = rate * ((kills + 2L) * (maxMs + 8_000) / 1_000 + 300);
        try (ServerSocket probe = new ServerSocket(0))
        {
            this.port = probe.getLocalPort();
        }
    }

    Tally tally()
    {
        return tally;
    }

    /** @return true when nothing was lost, duplicated or mismatched. */
    boolean run() throws Exception
    {
        Files.createDirectories(work.resolve("logs"));
        out.printf("torture: %d kills of 'ringwall run --venue fix --resume' against 'ringwall fix-venue' on port %d " +
            "in %s (rate %d/s, life %d-%d ms%s)%n", kills, port, work, rate, minMs, maxMs, wipeVenueStoreEvery == 0 ? "" :
            ", the venue's store wiped at " + (wipeVenueStoreEvery == 1 ? "every restart" : "one restart in " +
            wipeVenueStoreEvery) + " of the session");
        out.flush();
        try
        {
            if (startVenue())
            {
                torture();
            }
        }
        finally
        {
            if (engine != null && engine.isAlive())
            {
                engine.destroyForcibly().waitFor();
            }
            if (venue != null)
            {
                venue.destroy();
                if (!venue.waitFor(30, TimeUnit.SECONDS))
                {
                    venue.destroyForcibly().waitFor();
                }
            }
        }
        report();
        return !tally.failed();
    }

    private void torture() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(seed);
        int run = 0;
        while (tally.kills < kills && tally.problems.isEmpty())
        {
            final long outputsBefore = lastOutput();
            final int linesBefore = TortureCommand.recoveryLines(journal).size();
            final boolean resumes = TortureCommand.hasInputs(journal);
            final long startMillis = System.currentTimeMillis();
            final Process engine = startEngine(run++);
            final boolean early = random.nextDouble() < earlyKillShare;
            if (early)
            {
                TimeUnit.MILLISECONDS.sleep(random.nextLong(0, 1_500));
            }
            else
            {
                if (!awaitRecovery(engine, resumes, linesBefore, run) ||
                    !awaitReconciliation(engine, outputsBefore, startMillis, run))
                {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(random.nextLong(minMs, maxMs + 1));
            }
            if (!engine.isAlive())
            {
                tally.problems.add("run " + run + " ended by itself (exit " + engine.exitValue() + "); see " +
                    TortureCommand.logOf(work, run - 1));
                break;
            }
            engine.destroyForcibly().waitFor();
            tally.kills++;
            if (!venue.isAlive())
            {
                tally.problems.add("the FIX venue process died (exit " + venue.exitValue() + "); see " + venueLog());
                break;
            }
            if (tally.kills % 10 == 0)
            {
                out.printf("  %d kills, %d recoveries checked, %d reconciliations matched%n", tally.kills,
                    tally.checkedRecoveries, tally.reconciliationsMatched);
                out.flush();
            }
        }
        if (tally.problems.isEmpty())
        {
            finish(run);
        }
    }

    /** One more restart that must recover and reconcile, a graceful stop, then the audit against the venue. */
    private void finish(final int run) throws Exception
    {
        final long outputsBefore = lastOutput();
        final int lines = TortureCommand.recoveryLines(journal).size();
        final boolean resumes = TortureCommand.hasInputs(journal);
        final long startMillis = System.currentTimeMillis();
        final Process last = startEngine(run);
        if (!awaitRecovery(last, resumes, lines, run + 1) ||
            !awaitReconciliation(last, outputsBefore, startMillis, run + 1))
        {
            return;
        }
        TimeUnit.MILLISECONDS.sleep(maxMs);
        last.destroy();
        if (!last.waitFor(90, TimeUnit.SECONDS) || last.exitValue() != 0)
        {
            last.destroyForcibly().waitFor();
            tally.problems.add("graceful shutdown (SIGTERM) did not exit 0; see " + TortureCommand.logOf(work, run));
            return;
        }
        audit();
    }

    private boolean startVenue() throws Exception
    {
        final List<String> command = java();
        command.addAll(List.of("fix-venue", "--port", Integer.toString(port), "--synthetic", Long.toString(prints),
            "--seed", "42", "--store", work.resolve("venue-store").toString(), "--events", events.toString(),
            "--idle-advance-ms", "300"));
        if (wipeVenueStoreEvery > 0)
        {
            command.add("--wipe-store-on-restart=" + wipeVenueStoreEvery);
        }
        venue = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(venueLog().toFile()).start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && venue.isAlive())
        {
            if (Files.exists(venueLog()) && Files.readString(venueLog()).contains("fix-venue accepting"))
            {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        tally.problems.add("the FIX venue did not start: " + TortureCommand.tail(venueLog()));
        return false;
    }

    private Path venueLog()
    {
        return work.resolve("logs").resolve("venue.log");
    }

    private Process startEngine(final int run) throws IOException
    {
        final List<String> command = java();
        command.addAll(List.of("run", "--venue", "fix", "--fix-port", Integer.toString(port),
            "--fix-store", work.resolve("fix-store").toString(), "--reconcile-s", "1", "--reconcile-timeout-s", "20",
            "--journal", journal.toString(), "--resume", "--synthetic", Long.toString(prints), "--seed", "42",
            "--clock", "data", "--no-lock-step", "--wait", "backoff", "--rate", Long.toString(rate),
            "--checkpoint-every", "5000",
            "--strategy", "ma-crossover:symbol=" + SYMBOL + ",fast=10,slow=40,qty=0.05",
            "--strategy", "mean-reversion:symbol=" + SYMBOL + ",window=30,entry=1.0,exit=0.2,qty=0.03",
            // rests limit orders and amends them, so amends meet the kills and the wiped stores too
            "--strategy", io.ringwall.engine.strategy.examples.AmendingStrategy.class.getName(),
            "--set", "risk.max-orders-per-day=100000000", "--set", "risk.max-orders-per-second=0",
            "--set", "breakers.order-rate.enabled=false", "--set", "breakers.market-move.enabled=false",
            "--set", "breakers.drawdown.enabled=false", "--set", "breakers.daily-loss.enabled=false",
            "--set", "breakers.stale-data.enabled=false", "--set", "risk.duplicate-window=0s"));
        engine = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(TortureCommand.logOf(work, run).toFile()).start();
        return engine;
    }

    private List<String> java() throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(TortureCommand.jvmFlags());
        command.add("-Djna.tmpdir=" + work.resolve("jna").toAbsolutePath());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RingwallCli.class.getName());
        return command;
    }

    /** @return journal "out"'s last sequence (call while no engine runs), 0 when there is none yet. */
    private long lastOutput()
    {
        if (!Files.exists(journal.resolve(JournalDirectory.MANIFEST_FILE)))
        {
            return 0;
        }
        try (JournalDirectory journals = JournalDirectory.openExisting(journal);
            io.ringwall.journal.JournalWriter outputs = journals.outputWriter())
        {
            return outputs.lastSequence();
        }
    }

    private boolean awaitRecovery(final Process engine, final boolean resumes, final int linesBefore, final int run)
        throws Exception
    {
        if (!resumes)
        {
            return true;
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<Map<String, String>> lines = TortureCommand.recoveryLines(journal);
        while (lines.size() <= linesBefore)
        {
            if (!engine.isAlive() || System.nanoTime() > deadline)
            {
                engine.destroyForcibly().waitFor();
                tally.problems.add("run " + run + " did not recover (exit " + (engine.isAlive() ? "none" :
                    engine.exitValue()) + "): " + TortureCommand.tail(TortureCommand.logOf(work, run - 1)));
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
            lines = TortureCommand.recoveryLines(journal);
        }
        tally.recoveries++;
        checkRecovery(lines.get(linesBefore));
        return tally.problems.isEmpty();
    }

    /** The recovered engine's state must equal the journal replayed from scratch up to the same input. */
    private void checkRecovery(final Map<String, String> recovery)
    {
        final long lastInput = Long.parseLong(recovery.get("lastInputSequence"));
        tally.snapshotsUsed += Long.parseLong(recovery.get("snapshotSequence")) > 0 ? 1 : 0;
        tally.maxRecoveryMs = Math.max(tally.maxRecoveryMs, Long.parseLong(recovery.get("elapsedMs")));
        tally.resentAfterRestart += Long.parseLong(recovery.get("venueReinstated"));
        try (JournalDirectory journals = JournalDirectory.openExisting(journal))
        {
            final LogicConfig config = LogicConfig.fromManifest(journals.readManifest());
            final Recovery.Result scratch = Recovery.replayFromScratch(journals,
                sink -> BusinessLogic.create(config, sink), lastInput);
            if (!scratch.report().stateDigest().equals(recovery.get("stateDigest")))
            {
                tally.divergences++;
                tally.problems.add("recovered state " + recovery.get("stateDigest") + " after input " + lastInput +
                    " differs from the replay from scratch " + scratch.report().stateDigest());
            }
            tally.checkedRecoveries++;
        }
        catch (final RecoveryException ex)
        {
            tally.divergences++;
            tally.problems.add(ex.getMessage());
        }
    }

    /**
     * Waits for the first reconciliation this start asked for to end: every row (each instrument, the cash) must be
     * MATCHED, and no RECONCILIATION breaker may trip. The gateway numbers reconciliations from its start's wall clock
     * (milliseconds x 1000), which tells them from one a recovery completes from the journals.
     */
    private boolean awaitReconciliation(final Process engine, final long outputsBefore, final long startMillis,
        final int run) throws Exception
    {
        tally.reconciliationsChecked++;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (engine.isAlive() && System.nanoTime() < deadline)
        {
            final Reconciled reconciled = firstReconciliation(outputsBefore, startMillis * 1_000L);
            if (reconciled.tripped)
            {
                tally.problems.add("run " + run + ": the RECONCILIATION breaker tripped after the restart: " +
                    reconciled.rows);
                return false;
            }
            if (reconciled.complete)
            {
                if (!reconciled.matched)
                {
                    tally.problems.add("run " + run + ": the reconciliation after the restart did not match: " +
                        reconciled.rows);
                    return false;
                }
                tally.reconciliationsMatched++;
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        tally.problems.add("run " + run + " journaled no complete reconciliation within 60 s of its start" +
            (engine.isAlive() ? "" : " (exit " + engine.exitValue() + ")") + ": " +
            TortureCommand.tail(TortureCommand.logOf(work, run - 1)));
        engine.destroyForcibly().waitFor();
        return false;
    }

    private static final class Reconciled
    {
        boolean complete;
        boolean matched = true;
        boolean tripped;
        long id;
        final List<String> rows = new ArrayList<>();
    }

    private Reconciled firstReconciliation(final long outputsBefore, final long firstId)
    {
        final Reconciled result = new Reconciled();
        if (!Files.exists(journal.resolve(JournalDirectory.MANIFEST_FILE)) ||
            !Files.exists(journal.resolve("reference-data.cm3")))
        {
            return result;
        }
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final ReconciliationReportDecoder report = new ReconciliationReportDecoder();
        final BreakerStateChangeDecoder breaker = new BreakerStateChangeDecoder();
        try (JournalDirectory journals = JournalDirectory.openExisting(journal);
            JournalReader outputs = journals.outputReader().from(outputsBefore + 1))
        {
            outputs.readAll((sequence, timeNs, frame, offset, length) ->
            {
                if (sequence <= outputsBefore)
                {
                    return;
                }
                header.wrap(frame, offset);
                if (header.templateId() == BreakerStateChangeDecoder.TEMPLATE_ID)
                {
                    breaker.wrapAndApplyHeader(frame, offset, header);
                    result.tripped |= breaker.breakerType() == BreakerType.RECONCILIATION &&
                        breaker.toState() != BreakerState.ACTIVE;
                }
                else if (header.templateId() == ReconciliationReportDecoder.TEMPLATE_ID && !result.complete)
                {
                    report.wrapAndApplyHeader(frame, offset, header);
                    if (result.id == 0 && report.reconciliationId() >= firstId)
                    {
                        result.id = report.reconciliationId();
                    }
                    if (report.reconciliationId() != result.id)
                    {
                        return;
                    }
                    result.matched &= report.verdict() == ReconciliationVerdict.MATCHED;
                    result.rows.add((report.instrumentId() < 0 ? "cash" : "instrument " + report.instrumentId()) +
                        " " + report.verdict() + " local " + report.localValue() + " venue " + report.venueValue());
                    result.complete = report.instrumentId() < 0;
                }
            });
        }
        return result;
    }

    /** The journals against the venue's own record, after the graceful stop. */
    private void audit() throws IOException
    {
        final Set<Long> venueOrders = new HashSet<>();
        final Map<Long, Long> orderQuantities = new HashMap<>();
        final Map<Long, Long> filledQuantities = new TreeMap<>();
        final Map<Long, Integer> venueFills = new HashMap<>();
        final Map<Integer, Long> venuePositions = new TreeMap<>();
        // an amended order is known at the venue by its amend's id: fills under it count against the first id
        final Map<Long, Long> firstIdOf = new HashMap<>();
        final Set<Long> amendsAtVenue = new HashSet<>();
        for (final String line : Files.readAllLines(events, StandardCharsets.UTF_8))
        {
            final String[] fields = line.split(" ");
            switch (fields[0])
            {
                case "order" ->
                {
                    if (!venueOrders.add(Long.parseLong(fields[1])))
                    {
                        tally.duplicated++;
                        tally.problems.add("the venue took order " + fields[1] + " twice");
                    }
                    if (fields.length > 2)
                    {
                        orderQuantities.putIfAbsent(Long.parseLong(fields[1]), Long.parseLong(fields[2]));
                    }
                }
                case "wipe" -> tally.venueStoreWipes++;
                case "amend" -> amendsAtVenue.add(Long.parseLong(fields[1]));
                case "replaced" ->
                {
                    final long first = firstIdOf.getOrDefault(Long.parseLong(fields[2]), Long.parseLong(fields[2]));
                    firstIdOf.put(Long.parseLong(fields[1]), first);
                    // an amend raises or lowers the quantity: the most it was ever ordered bounds what may fill
                    orderQuantities.merge(first, Long.parseLong(fields[3]), Math::max);
                    tally.replacesAtVenue++;
                }
                case "duplicate" ->
                {
                    // a ClOrdID that reached the venue a second time: the engine sent it twice
                    tally.duplicated++;
                    tally.problems.add("ClOrdID " + fields[1] + " reached the venue twice");
                }
                case "fill" ->
                {
                    venueFills.merge(Long.parseLong(fields[1]), 1, Integer::sum);
                    final long id = Long.parseLong(fields[2]);
                    filledQuantities.merge(firstIdOf.getOrDefault(id, id), Math.abs(Long.parseLong(fields[4])),
                        Long::sum);
                    venuePositions.merge(Integer.parseInt(fields[3]), Long.parseLong(fields[4]), Long::sum);
                    tally.fillsWhileDown += "down".equals(fields[5]) ? 1 : 0;
                }
                default ->
                {
                }
            }
        }
        tally.ordersAtVenue = venueOrders.size();
        tally.venueFills = venueFills.size();
        for (final Map.Entry<Long, Long> filled : filledQuantities.entrySet())
        {
            final Long quantity = orderQuantities.get(filled.getKey());
            if (quantity == null || filled.getValue() > quantity)
            {
                // the venue filled more than was ever ordered under this ClOrdID: it took a resend as a new order
                tally.filledTwice++;
                problem("order " + filled.getKey() + " filled " + filled.getValue() + " at the venue, ordered " +
                    (quantity == null ? "never" : quantity));
            }
        }
        tally.amendsAtVenue = amendsAtVenue.size();
        final Set<Long> sent = new HashSet<>();
        final Set<Long> amendsSent = new HashSet<>();
        final io.ringwall.codecs.ReplaceOrderDecoder amend = new io.ringwall.codecs.ReplaceOrderDecoder();
        final Map<Long, Integer> journaledFills = new HashMap<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final NewOrderDecoder newOrder = new NewOrderDecoder();
        final OrderFilledDecoder filled = new OrderFilledDecoder();
        final long[] rejects = {0};
        try (JournalDirectory journals = JournalDirectory.openExisting(journal);
            JournalReader outputs = journals.outputReader();
            JournalReader inputs = journals.inputReader().tolerateTornRecords())
        {
            outputs.readAll((sequence, timeNs, frame, offset, length) ->
            {
                header.wrap(frame, offset);
                if (header.templateId() == NewOrderDecoder.TEMPLATE_ID &&
                    !sent.add(newOrder.wrapAndApplyHeader(frame, offset, header).clOrdId()))
                {
                    tally.duplicated++;
                    tally.problems.add("journal \"out\" holds ClOrdID " + newOrder.clOrdId() + " twice");
                }
                if (header.templateId() == io.ringwall.codecs.ReplaceOrderDecoder.TEMPLATE_ID)
                {
                    amendsSent.add(amend.wrapAndApplyHeader(frame, offset, header).clOrdId());
                }
            });
            inputs.readAll((sequence, timeNs, frame, offset, length) ->
            {
                header.wrap(frame, offset);
                if (header.templateId() == OrderFilledDecoder.TEMPLATE_ID)
                {
                    journaledFills.merge(filled.wrapAndApplyHeader(frame, offset, header).execId(), 1, Integer::sum);
                }
                rejects[0] += header.templateId() == OrderRejectedDecoder.TEMPLATE_ID ? 1 : 0;
            });
            tally.ordersSent = sent.size();
            tally.rejects = rejects[0];
            tally.journaledFills = journaledFills.values().stream().mapToLong(Integer::longValue).sum();
            for (final long clOrdId : sent)
            {
                if (!venueOrders.contains(clOrdId))
                {
                    tally.lost++;
                    problem("order " + clOrdId + " is in journal \"out\" but never reached the venue");
                }
            }
            tally.amendsSent = amendsSent.size();
            for (final long clOrdId : amendsSent)
            {
                if (!amendsAtVenue.contains(clOrdId))
                {
                    tally.lost++;
                    problem("amend " + clOrdId + " is in journal \"out\" but never reached the venue");
                }
            }
            for (final long clOrdId : venueOrders)
            {
                if (!sent.contains(clOrdId))
                {
                    problem("the venue took order " + clOrdId + ", which journal \"out\" does not hold");
                }
            }
            for (final Map.Entry<Long, Integer> fill : venueFills.entrySet())
            {
                final int journaled = journaledFills.getOrDefault(fill.getKey(), 0);
                if (journaled == 0)
                {
                    tally.lost++;
                    problem("the venue's execution " + fill.getKey() + " is not in journal \"in\"");
                }
                else if (journaled > 1)
                {
                    tally.duplicated += journaled - 1;
                    problem("the venue's execution " + fill.getKey() + " is in journal \"in\" " + journaled + " times");
                }
            }
            for (final long execId : journaledFills.keySet())
            {
                if (!venueFills.containsKey(execId))
                {
                    problem("journal \"in\" holds execution " + execId + ", which the venue never made");
                }
            }
            final LogicConfig config = LogicConfig.fromManifest(journals.readManifest());
            final Recovery.Result scratch = Recovery.replayFromScratch(journals,
                sink -> BusinessLogic.create(config, sink), Long.MAX_VALUE);
            final StringBuilder positions = new StringBuilder();
            for (int i = 0; i < config.instruments().size(); i++)
            {
                final long engine = scratch.logic().portfolio().position(i);
                final long atVenue = venuePositions.getOrDefault(i, 0L);
                if (engine != 0 || venuePositions.containsKey(i))
                {
                    positions.append(positions.length() == 0 ? "" : ", ").append(config.instruments().get(i).symbol())
                        .append(" engine ").append(Fixed.format(engine, Fixed.QUANTITY_DECIMALS)).append(" venue ")
                        .append(Fixed.format(atVenue, Fixed.QUANTITY_DECIMALS));
                }
                if (engine != atVenue)
                {
                    problem("instrument " + config.instruments().get(i).symbol() + ": the journals leave a position of " +
                        engine + ", the venue " + atVenue);
                }
            }
            tally.positions = positions.length() == 0 ? "none traded" : positions.toString();
        }
        catch (final RecoveryException ex)
        {
            tally.divergences++;
            problem(ex.getMessage());
        }
    }

    private void problem(final String text)
    {
        tally.problems.add(text);
    }

    private void report()
    {
        out.printf("kills %d, recoveries %d (checked %d), reconciliations matched %d of %d, lost %d, duplicated %d, " +
            "divergences %d%n", tally.kills, tally.recoveries, tally.checkedRecoveries, tally.reconciliationsMatched,
            tally.reconciliationsChecked, tally.lost, tally.duplicated, tally.divergences);
        out.printf("orders sent %d (the venue took %d, each once); venue executions %d, %d of them made while the " +
            "engine was down; orders journaled but unsent at a crash, sent after the restart %d; recoveries from a " +
            "snapshot %d, slowest recovery %d ms%n", tally.ordersSent, tally.ordersAtVenue, tally.venueFills,
            tally.fillsWhileDown, tally.resentAfterRestart, tally.snapshotsUsed, tally.maxRecoveryMs);
        out.printf("orders %d, fills %d (journal \"in\" %d), rejects %d; positions %s; lost %d, filled twice %d; " +
            "venue store wiped at %d restart(s)%n", tally.ordersSent, tally.venueFills, tally.journaledFills,
            tally.rejects, tally.positions, tally.lost, tally.filledTwice, tally.venueStoreWipes);
        out.printf("amends %d (the venue took %d, each once; replaced %d)%n", tally.amendsSent, tally.amendsAtVenue,
            tally.replacesAtVenue);
        for (final String problem : tally.problems.subList(0, Math.min(20, tally.problems.size())))
        {
            out.println("PROBLEM " + problem);
        }
        out.println(tally.failed() ? "torture: FAILED" : "torture: passed");
        out.flush();
    }
}
