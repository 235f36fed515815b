package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI form of the crash-recovery torture: the engine as a separate process, 20 SIGKILLs at random
 * instants, a restart after each; every recovery equals the journal replayed from scratch, the venue holds
 * exactly the orders left open, and at the end no order was sent twice or lost. The long form is
 * {@code scripts/torture --kills 200}.
 */
class TortureTest
{
    @TempDir
    Path dir;

    @Test
    void twentyKillsLoseAndDuplicateNothing()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), "torture", "--kills", "20", "--dir", dir.toString(),
            "--max-ms", "1500");
        final String text = out.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertThat(status).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).contains("kills 20,").contains("lost 0, duplicated 0, divergences 0").contains("torture: passed");
        assertThat(text).containsPattern("recoveries (1[6-9]|2\\d) \\(checked (1[6-9]|2\\d)\\)");
        assertThat(text).as("orders were in flight at some kills").containsPattern("orders re-instated at the venue [1-9]");
        assertThat(text).as("recoveries used snapshots").containsPattern("recoveries from a snapshot [1-9]");
    }
}
