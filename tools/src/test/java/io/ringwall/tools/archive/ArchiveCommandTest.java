package io.ringwall.tools.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ringwall.journal.ChainPoint;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.SessionLock;
import io.ringwall.tools.RingwallCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringwall archive}, {@code archive verify} and {@code archive restore} on a session the engine wrote.
 */
class ArchiveCommandTest
{
    @TempDir
    static Path shared;
    private static Path real;

    @TempDir
    Path dir;

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

    @Test
    void anArchivedSessionVerifiesAndRestoresToOneThatReplaysIdentically() throws IOException
    {
        final Path archive = dir.resolve("archive");
        assertThat(execute("archive", "--journal", real.toString(), "--to", archive.toString())).as(text(err)).isZero();
        assertThat(text(out)).contains("archived in/").contains("archived out/").contains("archived snapshot-")
            .contains("archived manifest.properties").contains("(last cycle, session stopped, records 1..");

        final ArchiveManifest manifest = ArchiveManifest.read(archive);
        try (JournalDirectory journals = JournalDirectory.openExisting(real))
        {
            assertLastCycleEndsAt(manifest, "in", journals.lastInputChainPoint());
            assertLastCycleEndsAt(manifest, "out", journals.lastOutputChainPoint());
        }
        assertThat(manifest.entries()).filteredOn(e -> e.kind() == ArchiveEntry.Kind.SNAPSHOT).isNotEmpty()
            .allSatisfy(e -> assertThat(e.sealed()).isTrue());
        assertThat(manifest.entries()).allSatisfy(e ->
        {
            assertThat(e.verified()).isTrue();
            assertThat(e.archivedSize()).isLessThan(e.size());
        });

        out.reset();
        assertThat(execute("archive", "verify", "--archive", archive.toString())).as(text(out) + text(err)).isZero();
        assertThat(text(out)).contains("verified: " + manifest.entries().size() + " archived file(s)");

        final Path restored = dir.resolve("restored");
        assertThat(execute("archive", "restore", "--archive", archive.toString(), "--to", restored.toString()))
            .as(text(err)).isZero();
        out.reset();
        assertThat(execute("replay", "--journal", restored.toString(), "--verify")).as(text(out) + text(err)).isZero();
        assertThat(text(out)).startsWith("identical: ");

        out.reset();
        assertThat(execute("archive", "--journal", real.toString(), "--to", archive.toString())).isZero();
        assertThat(text(out)).contains("archive: 0 file(s) archived, " + manifest.entries().size() + " unchanged");
    }

    @Test
    void aFlippedByteInAnArchivedCycleFailsVerifyAndRestoreNamingItUntilTheArchiveRunsAgain() throws IOException
    {
        final Path archive = dir.resolve("archive");
        assertThat(execute("archive", "--journal", real.toString(), "--to", archive.toString())).isZero();
        final String copy = cycleCopy(archive, "in");
        flipByte(archive.resolve(copy), Files.size(archive.resolve(copy)) / 2);

        out.reset();
        assertThat(execute("archive", "verify", "--archive", archive.toString())).isEqualTo(1);
        assertThat(text(out)).contains(copy).contains("NOT verified: 1 of ")
            .contains("run 'ringwall archive --journal " + real.toRealPath());
        assertThat(execute("archive", "restore", "--archive", archive.toString(), "--to", dir.resolve("r").toString()))
            .isEqualTo(2);
        assertThat(text(err)).contains("restore stopped at").contains(copy);

        // the session still holds the file: archiving again writes a fresh copy
        assertThat(execute("archive", "--journal", real.toString(), "--to", archive.toString())).isZero();
        out.reset();
        assertThat(execute("archive", "verify", "--archive", archive.toString())).as(text(out)).isZero();
    }

    @Test
    void aTruncatedCopyFailsVerifyNamingIt() throws IOException
    {
        final Path archive = dir.resolve("archive");
        assertThat(execute("archive", "--journal", real.toString(), "--to", archive.toString())).isZero();
        final String copy = cycleCopy(archive, "out");
        try (RandomAccessFile file = new RandomAccessFile(archive.resolve(copy).toFile(), "rw"))
        {
            file.setLength(file.length() - 9);
        }
        out.reset();
        assertThat(execute("archive", "verify", "--archive", archive.toString())).isEqualTo(1);
        assertThat(text(out)).contains(copy).contains("truncated");
    }

    @Test
    void theCycleARunningSessionWritesIsKeptBack()
    {
        final Path archive = dir.resolve("archive");
        try (SessionLock held = SessionLock.acquire(real, "a test engine"))
        {
            assertThat(execute("archive", "--journal", real.toString(), "--to", archive.toString())).isZero();
        }
        assertThat(text(out)).contains("kept back in/").contains("kept back out/").contains("the session is running");
        assertThat(ArchiveManifest.read(archive).entries()).noneMatch(e -> e.kind() == ArchiveEntry.Kind.CYCLE);
    }

    @Test
    void restoreNeverWritesIntoANonEmptyDirectoryAndAnArchiveHoldsOneSession() throws IOException
    {
        final Path archive = dir.resolve("archive");
        assertThat(execute("archive", "--journal", real.toString(), "--to", archive.toString())).isZero();
        final Path occupied = Files.createDirectories(dir.resolve("occupied"));
        Files.writeString(occupied.resolve("keep.txt"), "mine");
        assertThat(execute("archive", "restore", "--archive", archive.toString(), "--to", occupied.toString()))
            .isEqualTo(2);
        assertThat(text(err)).contains("is not empty");
        assertThat(Files.list(occupied)).hasSize(1);

        final Path other = dir.resolve("other");
        Files.createDirectories(other.resolve("in"));
        Files.writeString(other.resolve("manifest.properties"), "logic.symbols=X\n");
        assertThat(execute("archive", "--journal", other.toString(), "--to", archive.toString())).isEqualTo(2);
        assertThat(text(err)).contains("holds session " + real.toRealPath());
    }

    @Test
    void verifyOfADirectoryWithoutAnArchiveSaysSo()
    {
        assertThat(execute("archive", "verify", "--archive", dir.toString())).isEqualTo(2);
        assertThat(text(err)).contains("no Ringwall archive in");
    }

    private static void assertLastCycleEndsAt(final ArchiveManifest manifest, final String journal, final ChainPoint last)
    {
        assertThat(manifest.entries()).filteredOn(e -> e.kind() == ArchiveEntry.Kind.CYCLE && e.journal().equals(journal))
            .singleElement().satisfies(e ->
            {
                assertThat(e.firstRecord()).isEqualTo(1);
                assertThat(e.lastRecord()).isEqualTo(last.sequence());
                assertThat(e.lastChecksum()).isEqualTo(last.checksum());
                assertThat(e.sealed()).as("the last cycle of a stopped session may still grow").isFalse();
            });
    }

    static String cycleCopy(final Path archive, final String journal)
    {
        return ArchiveManifest.read(archive).entries().stream()
            .filter(e -> e.kind() == ArchiveEntry.Kind.CYCLE && e.journal().equals(journal))
            .findFirst().orElseThrow().archivedName();
    }

    static void flipByte(final Path file, final long at) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(at);
            final int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x40);
        }
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
