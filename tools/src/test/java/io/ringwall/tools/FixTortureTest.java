package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI form of the crash-recovery torture against the FIX venue simulator: {@code ringwall fix-venue} in one
 * process for the whole test, {@code ringwall run --venue fix --resume} in another, 20 SIGKILLs at random instants.
 * Every second restart of the session finds the venue's store wiped, so the venue asks for everything from 1 and
 * would fill a resent order again. After every restart the recovered state equals the journal replayed from scratch
 * and the engine reconciles with the venue with every row MATCHED; at the end no ClOrdID reached the venue twice, no
 * order was filled twice, every order journal "out" holds reached it, every execution the venue made is in journal
 * "in" exactly once, every amend journal "out" holds reached it (one strategy amends its resting orders), and
 * positions are equal on both sides. The long form is
 * {@code scripts/torture --venue fix --kills 200 --wipe-venue-store-every 2}.
 */
class FixTortureTest
{
    @TempDir
    Path dir;

    @Test
    void twentyKillsAgainstTheFixVenueLoseAndDuplicateNothingAndReconcileAfterEveryRestart()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), "torture", "--venue", "fix", "--kills", "20",
            "--dir", dir.toString(), "--rate", "1000", "--max-ms", "1500", "--wipe-venue-store-every", "2");
        final String text = out.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertThat(status).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).contains("kills 20,").contains("lost 0, duplicated 0, divergences 0")
            .contains("torture: passed");
        assertThat(text).containsPattern("recoveries (1[6-9]|2\\d) \\(checked (1[6-9]|2\\d)\\)");
        assertThat(text).as("the engine reconciled and matched after most restarts")
            .containsPattern("reconciliations matched (1[5-9]|2\\d) of \\1,");
        assertThat(text).as("the venue filled orders").containsPattern("venue executions [1-9]");
        assertThat(text).contains("filled twice 0;").containsPattern("venue store wiped at [1-9]\\d* restart");
        assertThat(text).as("the engine amended orders, and the venue replaced some")
            .containsPattern("amends [1-9]\\d* \\(the venue took [1-9]\\d*, each once; replaced [1-9]");
    }
}
