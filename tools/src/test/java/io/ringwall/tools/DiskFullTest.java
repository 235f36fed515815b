package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.TradeDecoder;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session on a small tmpfs runs out of disk: the engine halts with one line and exit 5, refuses to resume
 * while the disk is still full, and once space is freed resumes to the end of its data with nothing lost or
 * sent twice. Mounting needs root (CAP_SYS_ADMIN), which CI and this project's machines have; where the OS
 * refuses the mount the test is skipped and says why.
 */
class DiskFullTest
{
    private static final int TRADES = 1_000_000;

    @TempDir
    Path dir;

    private Path mount;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void mountSmallDisk() throws Exception
    {
        mount = dir.resolve("disk");
        Files.createDirectories(mount);
        final String refused = sh("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString());
        Assumptions.assumeTrue(refused == null, () -> "the OS refused to mount a 24 MiB tmpfs (needs root): " + refused);
    }

    @AfterEach
    void unmount() throws Exception
    {
        if (mount != null)
        {
            sh("umount", "-l", mount.toString());
        }
    }

    @Test
    void diskFullHaltsWithOneLineAndResumesOnceSpaceIsFreedWithNothingLostOrDuplicated() throws Exception
    {
        final Path session = mount.resolve("session");
        final String[] run = {"run", "--synthetic", Integer.toString(TRADES), "--journal", session.toString(),
            "--set", "journal.min-free-space=8"};
        assertThat(execute(run)).as(text(err)).isEqualTo(RingwallCli.EXIT_DISK_FULL);
        assertThat(text(out)).contains("TRADING HALTED: disk full at " + session.toAbsolutePath() +
            "; free space and run ringwall run --resume");
        assertThat(text(err)).doesNotContain("at io.ringwall").doesNotContain("Exception");
        final long haltedInputs = journaledTrades(session);
        assertThat(haltedInputs).isPositive().isLessThan(TRADES);

        // still full: refused before anything is written
        Files.write(mount.resolve("filler"), new byte[2 << 20]);
        err.reset();
        assertThat(execute(withResume(run))).isEqualTo(RingwallCli.EXIT_DISK_FULL);
        assertThat(text(err).strip()).startsWith("ringwall run: disk full at " + session.toAbsolutePath())
            .doesNotContain("\n");
        assertThat(journaledTrades(session)).isEqualTo(haltedInputs);

        // space freed: the session resumes and trades the rest of its data
        Files.delete(mount.resolve("filler"));
        assertThat(sh("mount", "-o", "remount,size=160m", mount.toString())).isNull();
        out.reset();
        err.reset();
        assertThat(execute(withResume(run))).as(text(out) + text(err)).isZero();
        assertThat(journaledTrades(session)).as("every trade journaled exactly once").isEqualTo(TRADES);
        out.reset();
        assertThat(execute("replay", "--journal", session.toString(), "--verify")).as(text(out)).isZero();
        final TortureCommand.Tally tally = new TortureCommand.Tally();
        TortureCommand.checkJournals(session, tally);
        assertThat(tally.ordersSent).isPositive();
        assertThat(tally.lost).as(String.join("\n", tally.problems)).isZero();
        assertThat(tally.duplicated).isZero();
        assertThat(tally.divergences).isZero();
    }

    private static String[] withResume(final String[] run)
    {
        final String[] resumed = java.util.Arrays.copyOf(run, run.length + 1);
        resumed[run.length] = "--resume";
        return resumed;
    }

    /** @return the market-data trades journal "in" holds (each trade of the data is one input). */
    private static long journaledTrades(final Path session)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final long[] trades = {0};
        try (JournalDirectory journals = JournalDirectory.openExisting(session);
            JournalReader inputs = journals.inputReader().tolerateTornRecords())
        {
            inputs.readAll((sequence, timeNs, frame, offset, length) ->
            {
                if (header.wrap(frame, offset).templateId() == TradeDecoder.TEMPLATE_ID)
                {
                    trades[0]++;
                }
            });
        }
        return trades[0];
    }

    /** @return null on success, else what the command said. */
    private static String sh(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        return process.exitValue() == 0 ? null : String.join(" ", command) + ": exit " + process.exitValue() + " " + said;
    }

    private int execute(final String... args)
    {
        return RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private static String text(final ByteArrayOutputStream bytes)
    {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
