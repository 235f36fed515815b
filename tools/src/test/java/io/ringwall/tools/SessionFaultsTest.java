package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ringwall.engine.checkpoint.JournalFiles;
import io.ringwall.journal.JournalDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals that guard a session directory, and the way out of a damaged one, through the CLI.
 */
class SessionFaultsTest
{
    private static final String[] SESSION = {"--synthetic", "20000", "--checkpoint-every", "4000"};

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aSessionHeldByAnotherProcessIsRefusedWithItsPidAndExitFour() throws Exception
    {
        final Path session = dir.resolve("session");
        assertThat(run(session)).as(text(err)).isZero();
        final String pid = Long.toString(ProcessHandle.current().pid());
        try (JournalDirectory held = JournalDirectory.open(session, "test"))
        {
            for (final String[] command : new String[][] {
                args(session, "run"), args(session, "run", "--resume"),
                {"journal", "repair", "--journal", session.toString(), "--to", dir.resolve("copy").toString()}})
            {
                err.reset();
                assertThat(RingwallCli.execute(stream(out), stream(err), command)).as(text(err))
                    .isEqualTo(RingwallCli.EXIT_SESSION_LOCKED);
                assertThat(text(err).strip().split("\n")).as("one line").hasSize(1);
                assertThat(text(err)).contains("is in use by pid " + pid).contains(session.toAbsolutePath().toString());
            }
        }
        assertThat(dir.resolve("copy")).doesNotExist();
        err.reset();
        assertThat(RingwallCli.execute(stream(out), stream(err), args(session, "run", "--resume"))).as(text(err)).isZero();
    }

    @Test
    void aFlippedInputByteHaltsResumeAndRepairCopiesTheVerifiedPrefixWhichResumes() throws Exception
    {
        final Path session = dir.resolve("session");
        assertThat(run(session)).as(text(err)).isZero();
        JournalFiles.flipFrameByte(session.resolve("in"), 5000);

        assertThat(RingwallCli.execute(stream(out), stream(err), args(session, "run", "--resume")))
            .isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("record 5000 (the one after 4999) fails its checksum").contains("journal repair");

        final Path repaired = dir.resolve("repaired");
        out.reset();
        assertThat(execute("journal", "repair", "--journal", session.toString(), "--to", repaired.toString()))
            .as(text(err)).isZero();
        assertThat(text(out)).contains("journal \"in\"  ends its verified prefix at record 4999")
            .contains("journal \"out\" verified to its end").containsPattern("kept +4999 inputs, \\d+ outputs")
            .containsPattern("dropped +\\d+ inputs");
        try (JournalDirectory copy = JournalDirectory.openExisting(repaired))
        {
            assertThat(copy.lastInputSequence()).isEqualTo(4999);
        }
        assertThat(execute("replay", "--journal", repaired.toString(), "--verify")).as(text(out)).isZero();
        assertThat(RingwallCli.execute(stream(out), stream(err), args(repaired, "run", "--resume"))).as(text(err)).isZero();
        out.reset();
        assertThat(execute("replay", "--journal", repaired.toString(), "--verify")).as(text(out)).isZero();
        try (JournalDirectory copy = JournalDirectory.openExisting(repaired))
        {
            assertThat(copy.lastInputSequence()).isGreaterThan(4999);
        }
    }

    @Test
    void aFlippedOutputByteStopsTheCopyBeforeTheInputWhoseOutputIsUnknown() throws Exception
    {
        final Path session = dir.resolve("session");
        assertThat(run(session)).as(text(err)).isZero();
        final long outputs;
        try (JournalDirectory journals = JournalDirectory.openExisting(session))
        {
            outputs = journals.lastOutputSequence();
        }
        assertThat(outputs).isGreaterThan(40);
        JournalFiles.flipFrameByte(session.resolve("out"), 30);

        final Path repaired = dir.resolve("repaired");
        assertThat(execute("journal", "repair", "--journal", session.toString(), "--to", repaired.toString()))
            .as(text(err)).isZero();
        assertThat(text(out)).contains("journal \"out\" ends its verified prefix at record 29")
            .contains("falls past journal \"out\"'s last verified record");
        try (JournalDirectory copy = JournalDirectory.openExisting(repaired))
        {
            assertThat(copy.lastOutputSequence()).isLessThanOrEqualTo(29);
            assertThat(copy.lastInputSequence()).isPositive();
        }
        assertThat(execute("replay", "--journal", repaired.toString(), "--verify")).as(text(out)).isZero();
        assertThat(RingwallCli.execute(stream(out), stream(err), args(repaired, "run", "--resume"))).as(text(err)).isZero();
    }

    @Test
    void repairNeverWritesIntoItsSourceOrAnExistingSession() throws Exception
    {
        final Path session = dir.resolve("session");
        assertThat(run(session)).as(text(err)).isZero();
        assertThat(execute("journal", "repair", "--journal", session.toString(), "--to", session.toString()))
            .isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("never edits a session in place");
        final Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("keep.txt"), "mine");
        err.reset();
        assertThat(execute("journal", "repair", "--journal", session.toString(), "--to", other.toString()))
            .isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).contains("is not empty");
        assertThat(other.resolve("in")).doesNotExist();
    }

    private int run(final Path session)
    {
        return RingwallCli.execute(stream(out), stream(err), args(session, "run"));
    }

    private static String[] args(final Path session, final String... command)
    {
        final String[] all = new String[command.length + SESSION.length + 2];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(SESSION, 0, all, command.length, SESSION.length);
        all[all.length - 2] = "--journal";
        all[all.length - 1] = session.toString();
        return all;
    }

    private int execute(final String... args)
    {
        return RingwallCli.execute(stream(out), stream(err), args);
    }

    private static PrintStream stream(final ByteArrayOutputStream bytes)
    {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(final ByteArrayOutputStream bytes)
    {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
