package io.ringwall.tools.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.ringwall.journal.JournalCycles;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalWriter;
import io.ringwall.journal.SessionLock;
import io.ringwall.tools.RingwallCli;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringwall archive prune} on a real session spread over three past days (one cycle file per day and journal):
 * it deletes only cycles that are old, archived sealed and verified, and whose archived copy checks out at deletion;
 * every other case keeps the file, says why, and keeps every later cycle too.
 */
class RetentionPruneTest
{
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate DAY1 = TODAY.minusDays(20);
    private static final LocalDate DAY2 = DAY1.plusDays(1);
    private static final LocalDate DAY3 = DAY1.plusDays(2);

    @TempDir
    static Path shared;
    private static Path real;

    @TempDir
    Path dir;
    private Path session;
    private Path archive;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void runASession()
    {
        real = shared.resolve("real");
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        assertThat(RingwallCli.execute(new PrintStream(text), new PrintStream(text), "run", "--synthetic", "20000",
            "--checkpoint-every", "4000", "--journal", real.toString())).as(text.toString()).isZero();
    }

    @BeforeEach
    void spreadItOverThreeDays()
    {
        session = DaySpreadSession.copy(real, dir.resolve("session"), DAY1, 3);
        archive = dir.resolve("archive");
        assertThat(cycles("in")).containsExactly(name(DAY1), name(DAY2), name(DAY3));
    }

    @Test
    void deletesOldArchivedCyclesButTheNewestAndReadersOfThePrunedSessionSayToRestoreIt() throws IOException
    {
        assertThat(execute("archive", "--journal", session.toString(), "--to", archive.toString())).as(text(err)).isZero();
        out.reset();
        assertThat(execute("archive", "prune", "--journal", session.toString(), "--archive", archive.toString(),
            "--keep-days", "5")).as(text(err)).isZero();
        assertThat(text(out)).contains("deleted in/" + name(DAY1)).contains("deleted in/" + name(DAY2))
            .contains("deleted out/" + name(DAY1)).contains("kept    in/" + name(DAY3) + ": the journal's newest cycle")
            .contains("prune: 4 cycle file(s) deleted, 2 kept");
        assertThat(cycles("in")).containsExactly(name(DAY3));
        assertThat(cycles("out")).containsExactly(name(DAY3));

        for (final String[] reader : new String[][] {{"replay", "--journal", session.toString(), "--verify"},
            {"journal", "--journal", session.toString()},
            {"audit", "--journal", session.toString(), "--sql", "SELECT count(*) FROM inputs"},
            {"risk-events", "--journal", session.toString()},
            {"journal", "repair", "--journal", session.toString(), "--to", dir.resolve("repaired").toString()},
            {"run", "--synthetic", "1000", "--journal", session.toString(), "--resume"}})
        {
            err.reset();
            assertThat(execute(reader)).as(String.join(" ", reader)).isEqualTo(2);
            assertThat(text(err)).as(String.join(" ", reader)).contains("starts at record")
                .contains("removed by 'ringwall archive prune'")
                .contains("ringwall archive restore --archive " + archive.toAbsolutePath().normalize());
        }

        // the pruned session still archives (what it still holds chains to what was removed) and verifies
        out.reset();
        assertThat(execute("archive", "--journal", session.toString(), "--to", archive.toString())).as(text(err)).isZero();
        assertThat(text(out)).contains("archive: 0 file(s) archived");
        assertThat(execute("archive", "verify", "--archive", archive.toString())).isZero();

        final Path restored = dir.resolve("restored");
        assertThat(execute("archive", "restore", "--archive", archive.toString(), "--to", restored.toString()))
            .as(text(err)).isZero();
        out.reset();
        assertThat(execute("replay", "--journal", restored.toString(), "--verify")).as(text(out) + text(err)).isZero();
        assertThat(text(out)).startsWith("identical: ");
    }

    @Test
    void keepsCyclesWithinKeepDaysAndEverythingWhenKeepDaysIsZero()
    {
        assertThat(execute("archive", "--journal", session.toString(), "--to", archive.toString())).isZero();
        out.reset();
        assertThat(prune(20)).isZero();
        assertThat(text(out)).contains("kept    in/" + name(DAY1) + ": day " + DAY1 + " is within retention.keep-days")
            .contains("prune: 0 cycle file(s) deleted");
        out.reset();
        assertThat(execute("archive", "prune", "--journal", session.toString(), "--archive", archive.toString()))
            .isZero();
        assertThat(text(out)).contains("retention.keep-days is 0 (keep forever): nothing to delete");
        assertThat(cycles("in")).hasSize(3);
        assertThat(session.resolve("pruned.properties")).doesNotExist();
    }

    @Test
    void refusesACycleWhoseArchivedCopyIsMissingAndKeepsEveryLaterOne() throws IOException
    {
        assertThat(execute("archive", "--journal", session.toString(), "--to", archive.toString())).isZero();
        Files.delete(archive.resolve(archived("in/" + name(DAY1))));
        out.reset();
        assertThat(prune(5)).isZero();
        assertThat(text(out)).contains("kept    in/" + name(DAY1) + ": its archived copy fails its check")
            .contains("missing from the archive")
            .contains("kept    in/" + name(DAY2) + ": an older cycle is kept, and deleting this one would leave a hole");
        assertThat(cycles("in")).hasSize(3);
        assertThat(cycles("out")).containsExactly(name(DAY3));
    }

    @Test
    void refusesACycleWhoseArchivedCopyIsCorrupt() throws IOException
    {
        assertThat(execute("archive", "--journal", session.toString(), "--to", archive.toString())).isZero();
        final Path copy = archive.resolve(archived("in/" + name(DAY2)));
        ArchiveCommandTest.flipByte(copy, Files.size(copy) / 2);
        out.reset();
        assertThat(prune(5)).isZero();
        assertThat(text(out)).contains("deleted in/" + name(DAY1))
            .contains("kept    in/" + name(DAY2) + ": its archived copy fails its check");
        assertThat(cycles("in")).containsExactly(name(DAY2), name(DAY3));
    }

    @Test
    void refusesACycleThatChangedSinceItWasArchived() throws IOException
    {
        assertThat(execute("archive", "--journal", session.toString(), "--to", archive.toString())).isZero();
        final Path file = session.resolve("out").resolve(name(DAY1));
        ArchiveCommandTest.flipByte(file, Files.size(file) - 1); // past the records: the journal still reads
        out.reset();
        assertThat(prune(5)).isZero();
        assertThat(text(out)).contains("kept    out/" + name(DAY1) + ": the file changed since it was archived");
        assertThat(cycles("out")).hasSize(3);
    }

    @Test
    void refusesACycleTheArchiveDoesNotHold()
    {
        // archived while the session ran: its newest cycle was kept back; then the journals rolled to a fourth day
        try (SessionLock held = SessionLock.acquire(session, "a test engine"))
        {
            assertThat(execute("archive", "--journal", session.toString(), "--to", archive.toString())).isZero();
        }
        appendADay(DAY3.plusDays(1));
        out.reset();
        assertThat(prune(5)).isZero();
        assertThat(text(out)).contains("deleted in/" + name(DAY2))
            .contains("kept    in/" + name(DAY3) + ": not in the archive: run 'ringwall archive --journal DIR --to")
            .contains("kept    in/" + name(DAY3.plusDays(1)) + ": an older cycle is kept");
        assertThat(cycles("in")).containsExactly(name(DAY3), name(DAY3.plusDays(1)));
    }

    @Test
    void refusesACycleArchivedBeforeItWasSealedUntilTheArchiveRunsAgain()
    {
        // archived with the session stopped: the newest cycle went in unsealed; then the journals rolled on
        assertThat(execute("archive", "--journal", session.toString(), "--to", archive.toString())).isZero();
        appendADay(DAY3.plusDays(1));
        out.reset();
        assertThat(prune(5)).isZero();
        assertThat(text(out)).contains("kept    in/" + name(DAY3) + ": archived while it was the newest cycle");
        assertThat(cycles("in")).containsExactly(name(DAY3), name(DAY3.plusDays(1)));

        assertThat(execute("archive", "--journal", session.toString(), "--to", archive.toString())).isZero();
        out.reset();
        assertThat(prune(5)).isZero();
        assertThat(cycles("in")).containsExactly(name(DAY3.plusDays(1)));
    }

    private void appendADay(final LocalDate day)
    {
        final SetTimeProvider clock = new SetTimeProvider(day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60));
        try (JournalDirectory journals = JournalDirectory.openRollingBy(session, clock);
            JournalWriter in = journals.inputWriter(); JournalWriter outWriter = journals.outputWriter())
        {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[16]);
            in.append(journals.lastInputSequence() + 1, 0, frame, 0, 16);
            in.commit();
            outWriter.append(journals.lastOutputSequence() + 1, 0, frame, 0, 16);
            outWriter.commit();
        }
    }

    private int prune(final int keepDays)
    {
        return execute("archive", "prune", "--journal", session.toString(), "--archive", archive.toString(),
            "--keep-days", Integer.toString(keepDays));
    }

    private String archived(final String path)
    {
        return ArchiveManifest.read(archive).entry(path).archivedName();
    }

    private java.util.List<String> cycles(final String journal)
    {
        return SessionFiles.cycles(session, journal).stream().map(c -> c.file().getFileName().toString()).toList();
    }

    private static String name(final LocalDate day)
    {
        return JournalCycles.fileName((int)day.toEpochDay());
    }

    private int execute(final String... args)
    {
        return RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private static String text(final ByteArrayOutputStream stream)
    {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
