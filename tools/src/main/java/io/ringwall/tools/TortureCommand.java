package io.ringwall.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.ringwall.codecs.CancelRejectedDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrderAcceptedDecoder;
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.codecs.OrderExpiredDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.engine.checkpoint.Recovery;
import io.ringwall.engine.checkpoint.RecoveryException;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ringwall torture}: runs {@code ringwall run --resume} as a separate process on a paced paper session,
 * kills it with SIGKILL at random instants, restarts it each time, and after each restart checks that the
 * recovered state equals the whole journal replayed from scratch (state digest, and every regenerated output
 * equal to journal "out") and that the paper venue holds exactly the orders the journals leave open. At the
 * end it stops the engine gracefully (SIGTERM), restarts it once more to see nothing replayed, and checks the
 * journals: no client order id sent twice, every order sent known to (answered by) the venue, none left open.
 * Prints the counts and exits non-zero on any loss, duplicate or divergence.
 */
@Command(name = "torture", mixinStandardHelpOptions = true,
    description = {"Crash-recovery torture: SIGKILL the engine at random instants, restart, check nothing is " +
        "lost, duplicated or different from a replay from scratch."})
public final class TortureCommand implements Callable<Integer>
{
    static final String RECOVERY_LOG = "recovery.log";

    @Spec
    private CommandSpec spec;

    @Option(names = "--kills", description = "SIGKILLs (default: ${DEFAULT-VALUE}).")
    private int kills = 20;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work directory (default: var/torture/<UTC time>).")
    private Path dir;

    @Option(names = "--rate", description = "Market data per second fed to the engine (default: 2000, with " +
        "--venue fix 1000).")
    private Long rate;

    @Option(names = "--min-ms", description = "Shortest life after a restart (default: ${DEFAULT-VALUE}).")
    private long minMs = 200;

    @Option(names = "--max-ms", description = "Longest life after a restart (default: ${DEFAULT-VALUE}).")
    private long maxMs = 2_000;

    @Option(names = "--seed", description = "Seed of the kill instants (default: ${DEFAULT-VALUE}).")
    private long seed = 5;

    @Option(names = "--venue", description = "paper (the engine's in-process venue) or fix: the engine on --venue fix " +
        "--resume against 'ringwall fix-venue' in a third process kept alive across the kills (default: " +
        "${DEFAULT-VALUE}).")
    private String venue = "paper";

    @Option(names = "--early-kill-share", description = "Share of kills aimed at start-up and recovery instead " +
        "of after it (default: ${DEFAULT-VALUE}).")
    private double earlyKillShare = 0.15;

    @Option(names = "--wipe-venue-store-every", paramLabel = "N", description = "With --venue fix: every Nth " +
        "restart of the engine's FIX session finds the venue's store wiped ('fix-venue --wipe-store-on-restart N'), " +
        "so the venue asks for every message from 1 and would fill a resent order again; 2 wipes it at half the " +
        "restarts (default: ${DEFAULT-VALUE}, never).")
    private int wipeVenueStoreEvery;

    private PrintWriter out;
    private final Tally tally = new Tally();

    /** What the torture counted. */
    static final class Tally
    {
        int kills;
        int recoveries;
        int checkedRecoveries;
        int divergences;
        long lost;
        long duplicated;
        long snapshotsUsed;
        long snapshotsRejected;
        long tornRecords;
        long reinstated;
        long replayedInputs;
        long maxRecoveryMs;
        long ordersSent;
        final List<String> problems = new ArrayList<>();

        boolean failed()
        {
            return lost > 0 || duplicated > 0 || divergences > 0 || !problems.isEmpty();
        }
    }

    @Override
    public Integer call() throws Exception
    {
        out = spec.commandLine().getOut();
        final Path work = dir != null ? dir : Path.of("var", "torture",
            ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        refuseAnEarlierRun(work);
        if (wipeVenueStoreEvery < 0 || wipeVenueStoreEvery > 0 && !"fix".equals(venue))
        {
            throw new IllegalArgumentException("--wipe-venue-store-every " + wipeVenueStoreEvery + " needs --venue fix " +
                "and N at least 1");
        }
        if ("fix".equals(venue))
        {
            return new FixTorture(out, work, kills, rate != null ? rate : 1_000, minMs, maxMs, seed, earlyKillShare,
                wipeVenueStoreEvery).run() ? 0 :
                RingwallCli.EXIT_FAILURE;
        }
        if (!"paper".equals(venue))
        {
            throw new IllegalArgumentException("--venue " + venue + " is not paper or fix");
        }
        final Path journal = work.resolve("session");
        Files.createDirectories(work.resolve("logs"));
        if (rate == null)
        {
            rate = 2_000L;
        }
        final SplittableRandom random = new SplittableRandom(seed);
        out.printf("torture: %d kills of 'ringwall run --resume' in %s (rate %d/s, life %d-%d ms)%n", kills, work,
            rate, minMs, maxMs);
        out.flush();
        int run = 0;
        while (tally.kills < kills && tally.problems.isEmpty())
        {
            final int linesBefore = recoveryLines(journal).size();
            final boolean resumes = hasInputs(journal);
            final Process engine = start(work, journal, run++);
            final boolean early = random.nextDouble() < earlyKillShare;
            if (early)
            {
                TimeUnit.MILLISECONDS.sleep(random.nextLong(0, 1_500));
            }
            else if (!awaitRecovery(engine, journal, resumes, linesBefore, work, run))
            {
                break;
            }
            if (!early)
            {
                TimeUnit.MILLISECONDS.sleep(random.nextLong(minMs, maxMs + 1));
            }
            if (!engine.isAlive())
            {
                tally.problems.add("run " + run + " ended by itself (exit " + engine.exitValue() + "); see " +
                    logOf(work, run - 1));
                break;
            }
            engine.destroyForcibly().waitFor();
            tally.kills++;
            if (tally.kills % 10 == 0)
            {
                out.printf("  %d kills, %d recoveries checked%n", tally.kills, tally.checkedRecoveries);
                out.flush();
            }
        }
        if (tally.problems.isEmpty())
        {
            finish(work, journal, run);
        }
        report();
        return tally.failed() ? RingwallCli.EXIT_FAILURE : 0;
    }

    /** Graceful stop, one more restart that must replay nothing, then the journal-wide checks. */
    private void finish(final Path work, final Path journal, final int run) throws Exception
    {
        int next = run;
        int lines = recoveryLines(journal).size();
        final Process last = start(work, journal, next++);
        if (!awaitRecovery(last, journal, hasInputs(journal), lines, work, next))
        {
            return;
        }
        TimeUnit.MILLISECONDS.sleep(maxMs);
        last.destroy();
        if (!last.waitFor(60, TimeUnit.SECONDS) || last.exitValue() != 0)
        {
            last.destroyForcibly().waitFor();
            tally.problems.add("graceful shutdown (SIGTERM) did not exit 0; see " + logOf(work, next - 1));
            return;
        }
        lines = recoveryLines(journal).size();
        final Process again = start(work, journal, next++);
        if (!awaitRecovery(again, journal, true, lines, work, next))
        {
            return;
        }
        final Map<String, String> after = recoveryLines(journal).get(lines);
        if (!"0".equals(after.get("inputsReplayed")))
        {
            tally.problems.add("restart after the graceful shutdown replayed " + after.get("inputsReplayed") +
                " inputs beyond the final snapshot, expected 0");
        }
        again.destroy();
        if (!again.waitFor(60, TimeUnit.SECONDS))
        {
            // Never leave an engine running behind the command (a test once left one running on).
            again.destroyForcibly().waitFor();
            tally.problems.add("the last graceful shutdown (SIGTERM) did not exit within 60 s; see " +
                logOf(work, next - 1));
            return;
        }
        checkJournals(journal, tally);
    }

    private Process start(final Path work, final Path journal, final int run) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        command.add("-Djna.tmpdir=" + work.resolve("jna").toAbsolutePath());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RingwallCli.class.getName());
        command.addAll(List.of("run", "--journal", journal.toString(), "--resume", "--synthetic", "100000000",
            "--clock", "wall", "--no-lock-step", "--wait", "backoff", "--rate", Long.toString(rate),
            "--checkpoint-every", "5000", "--timer-ms", "1000",
            "--strategy", "ma-crossover:symbol=SYN,fast=10,slow=40,qty=0.5",
            "--strategy", "mean-reversion:symbol=SYN,window=30,entry=1.0,exit=0.2,qty=0.3",
            "--set", "risk.max-orders-per-day=100000000", "--set", "risk.max-orders-per-second=0",
            "--set", "breakers.order-rate.enabled=false", "--set", "breakers.market-move.enabled=false",
            "--set", "breakers.drawdown.enabled=false", "--set", "breakers.daily-loss.enabled=false",
            "--set", "risk.duplicate-window=0s"));
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(logOf(work, run).toFile()).start();
    }

    /**
     * A work directory that already holds a run's session would be resumed: its journals were written by whatever
     * build made them, so the torture would judge that build's session (or fail on it), not a fresh one.
     */
    private static void refuseAnEarlierRun(final Path work) throws IOException
    {
        if (Files.isDirectory(work))
        {
            try (Stream<Path> entries = Files.list(work))
            {
                if (entries.findAny().isPresent())
                {
                    throw new IllegalArgumentException("--dir " + work + " is not empty (an earlier run's session and " +
                        "logs would be resumed and judged): give a new or empty directory, or leave --dir out");
                }
            }
        }
    }

    /** @return whether the session holds inputs, so a start recovers it (call while no engine runs). */
    static boolean hasInputs(final Path journal)
    {
        if (!Files.exists(journal.resolve(JournalDirectory.MANIFEST_FILE)))
        {
            return false;
        }
        // read from the end, never through a writer: this also runs while an engine is appending
        try (JournalDirectory journals = JournalDirectory.openExisting(journal))
        {
            return journals.lastInputSequence() > 0;
        }
    }

    private boolean awaitRecovery(final Process engine, final Path journal, final boolean resumes,
        final int linesBefore, final Path work, final int run) throws Exception
    {
        if (!resumes)
        {
            // Nothing to recover: wait until this engine journals inputs. Files a run killed during its start-up left
            // behind say nothing of this one, and on a loaded machine a JVM can take seconds to start; a kill or a
            // SIGTERM before it trades would test nothing (and a SIGTERM before its shutdown hook exits 143).
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!hasInputs(journal))
            {
                if (!engine.isAlive() || System.nanoTime() > deadline)
                {
                    giveUp(engine, "did not start trading", work, run);
                    return false;
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
            return true;
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<Map<String, String>> lines = recoveryLines(journal);
        while (lines.size() <= linesBefore)
        {
            if (!engine.isAlive() || System.nanoTime() > deadline)
            {
                giveUp(engine, "did not recover", work, run);
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
            lines = recoveryLines(journal);
        }
        tally.recoveries++;
        check(journal, lines.get(linesBefore));
        return true;
    }

    private void giveUp(final Process engine, final String what, final Path work, final int run) throws Exception
    {
        final String exit = engine.isAlive() ? "still running at the deadline" : "exit " + engine.exitValue();
        engine.destroyForcibly().waitFor();
        tally.problems.add("run " + run + " " + what + " (" + exit + "): " + tail(logOf(work, run - 1)));
    }

    /** The recovered engine's state must equal the journal replayed from scratch up to the same input. */
    private void check(final Path journal, final Map<String, String> recovery)
    {
        final long lastInput = Long.parseLong(recovery.get("lastInputSequence"));
        tally.snapshotsUsed += Long.parseLong(recovery.get("snapshotSequence")) > 0 ? 1 : 0;
        tally.snapshotsRejected += Long.parseLong(recovery.get("rejectedSnapshots"));
        tally.tornRecords += Long.parseLong(recovery.get("tornRecords"));
        tally.replayedInputs += Long.parseLong(recovery.get("inputsReplayed"));
        tally.maxRecoveryMs = Math.max(tally.maxRecoveryMs, Long.parseLong(recovery.get("elapsedMs")));
        final int reinstated = Integer.parseInt(recovery.get("venueReinstated"));
        tally.reinstated += reinstated;
        try (JournalDirectory journals = JournalDirectory.openExisting(journal))
        {
            final LogicConfig config = LogicConfig.fromManifest(journals.readManifest());
            final Recovery.Result scratch = Recovery.replayFromScratch(journals,
                sink -> BusinessLogic.create(config, sink), lastInput);
            if (scratch.logic().lastInputSequence() != lastInput)
            {
                tally.problems.add("journal \"in\" ends at " + scratch.logic().lastInputSequence() +
                    ", the recovery reported input " + lastInput);
            }
            if (!scratch.report().stateDigest().equals(recovery.get("stateDigest")))
            {
                tally.divergences++;
                tally.problems.add("recovered state " + recovery.get("stateDigest") + " after input " + lastInput +
                    " differs from the replay from scratch " + scratch.report().stateDigest());
            }
            if (scratch.logic().workingOrders() != reinstated)
            {
                tally.lost += Math.abs(scratch.logic().workingOrders() - reinstated);
                tally.problems.add("after input " + lastInput + " the journals leave " +
                    scratch.logic().workingOrders() + " orders open, the venue re-instated " + reinstated);
            }
            tally.checkedRecoveries++;
        }
        catch (final RecoveryException ex)
        {
            tally.divergences++;
            tally.problems.add(ex.getMessage());
        }
    }

    /** Journal-wide: each order sent once, each known to the venue, none left open after the graceful stop. */
    static void checkJournals(final Path journal, final Tally tally)
    {
        final Set<Long> sent = new HashSet<>();
        final Map<Long, Integer> answers = new HashMap<>();
        final Set<Long> terminal = new HashSet<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final NewOrderDecoder newOrder = new NewOrderDecoder();
        final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
        final OrderFilledDecoder filled = new OrderFilledDecoder();
        final OrderRejectedDecoder rejected = new OrderRejectedDecoder();
        final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
        final OrderExpiredDecoder expired = new OrderExpiredDecoder();
        final CancelRejectedDecoder cancelRejected = new CancelRejectedDecoder();
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
                }
            });
            inputs.readAll((sequence, timeNs, frame, offset, length) ->
            {
                header.wrap(frame, offset);
                switch (header.templateId())
                {
                    case OrderAcceptedDecoder.TEMPLATE_ID -> answer(answers, null,
                        accepted.wrapAndApplyHeader(frame, offset, header).clOrdId());
                    case OrderFilledDecoder.TEMPLATE_ID ->
                    {
                        filled.wrapAndApplyHeader(frame, offset, header);
                        answer(answers, filled.leavesQuantity() == 0 ? terminal : null, filled.clOrdId());
                    }
                    case OrderRejectedDecoder.TEMPLATE_ID -> answer(answers, terminal,
                        rejected.wrapAndApplyHeader(frame, offset, header).clOrdId());
                    case OrderCancelledDecoder.TEMPLATE_ID -> answer(answers, terminal,
                        cancelled.wrapAndApplyHeader(frame, offset, header).clOrdId());
                    case OrderExpiredDecoder.TEMPLATE_ID -> answer(answers, terminal,
                        expired.wrapAndApplyHeader(frame, offset, header).clOrdId());
                    case CancelRejectedDecoder.TEMPLATE_ID ->
                    {
                        // the venue did not know the order a cancel named: it was lost
                        final long orig = cancelRejected.wrapAndApplyHeader(frame, offset, header).origClOrdId();
                        if (sent.contains(orig) && !terminal.contains(orig))
                        {
                            tally.lost++;
                            tally.problems.add("the venue did not know order " + orig + " when it was cancelled");
                        }
                    }
                    default ->
                    {
                    }
                }
            });
            tally.ordersSent = sent.size();
            for (final long clOrdId : sent)
            {
                if (!answers.containsKey(clOrdId))
                {
                    tally.lost++;
                    tally.problems.add("order " + clOrdId + " in journal \"out\" was never answered by the venue");
                }
                else if (!terminal.contains(clOrdId))
                {
                    tally.problems.add("order " + clOrdId + " is still open after the graceful shutdown");
                }
            }
            final LogicConfig config = LogicConfig.fromManifest(journals.readManifest());
            Recovery.replayFromScratch(journals, sink -> BusinessLogic.create(config, sink), Long.MAX_VALUE);
        }
        catch (final RecoveryException ex)
        {
            tally.divergences++;
            tally.problems.add(ex.getMessage());
        }
    }

    private static void answer(final Map<Long, Integer> answers, final Set<Long> terminal, final long clOrdId)
    {
        answers.merge(clOrdId, 1, Integer::sum);
        if (terminal != null)
        {
            terminal.add(clOrdId);
        }
    }

    private void report()
    {
        out.printf("kills %d, recoveries %d (checked %d), lost %d, duplicated %d, divergences %d%n", tally.kills,
            tally.recoveries, tally.checkedRecoveries, tally.lost, tally.duplicated, tally.divergences);
        out.printf("orders sent %d; recoveries from a snapshot %d, snapshots skipped as torn/corrupt %d, partial " +
            "journal records %d, orders re-instated at the venue %d, inputs replayed %d, slowest recovery %d ms%n",
            tally.ordersSent, tally.snapshotsUsed, tally.snapshotsRejected, tally.tornRecords, tally.reinstated,
            tally.replayedInputs, tally.maxRecoveryMs);
        for (final String problem : tally.problems.subList(0, Math.min(20, tally.problems.size())))
        {
            out.println("PROBLEM " + problem);
        }
        out.println(tally.failed() ? "torture: FAILED" : "torture: passed");
        out.flush();
    }

    Tally tally()
    {
        return tally;
    }

    static List<Map<String, String>> recoveryLines(final Path journal) throws IOException
    {
        final Path log = journal.resolve(RECOVERY_LOG);
        final List<Map<String, String>> lines = new ArrayList<>();
        if (!Files.exists(log))
        {
            return lines;
        }
        for (final String line : Files.readAllLines(log, StandardCharsets.UTF_8))
        {
            if (line.isBlank())
            {
                continue;
            }
            final Map<String, String> fields = new HashMap<>();
            for (final String field : line.trim().split(" "))
            {
                final int eq = field.indexOf('=');
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
            if (fields.containsKey("elapsedMs"))
            {
                lines.add(fields);
            }
        }
        return lines;
    }

    static Path logOf(final Path work, final int run)
    {
        return work.resolve("logs").resolve(String.format("run-%04d.log", run));
    }

    static String tail(final Path log)
    {
        try
        {
            final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        }
        catch (final IOException ex)
        {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    /** The flags every Ringwall process needs, from their one home, scripts/jvm-flags.properties. */
    static List<String> jvmFlags() throws IOException
    {
        Path at = Path.of("").toAbsolutePath();
        while (at != null && !Files.exists(at.resolve("scripts/jvm-flags.properties")))
        {
            at = at.getParent();
        }
        if (at == null)
        {
            throw new IllegalStateException("scripts/jvm-flags.properties not found above " +
                Path.of("").toAbsolutePath() + "; run from the repository");
        }
        final List<String> flags = new ArrayList<>();
        final int java = Runtime.version().feature();
        for (final String line : Files.readAllLines(at.resolve("scripts/jvm-flags.properties")))
        {
            if (line.startsWith("ringwall.jvm.flags=") || java >= 24 && line.startsWith("ringwall.jvm.flags.jdk24="))
            {
                flags.addAll(List.of(line.substring(line.indexOf('=') + 1).trim().split("\\s+")));
            }
        }
        return flags;
    }
}
