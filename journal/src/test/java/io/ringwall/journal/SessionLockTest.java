package io.ringwall.journal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionLockTest
{
    @TempDir
    Path dir;

    @Test
    void aSecondWriterInTheSameProcessIsRefusedAndTheDirectoryIsFreeAgainAfterClose()
    {
        try (JournalDirectory first = JournalDirectory.open(dir, "run"))
        {
            assertThatThrownBy(() -> JournalDirectory.open(dir, "run --resume"))
                .isInstanceOf(SessionLockedException.class)
                .hasMessageContaining("run --resume refused")
                .hasMessageContaining("in use by pid " + ProcessHandle.current().pid())
                .hasMessageContaining(SessionLock.FILE_NAME);
            assertThat(SessionLock.holderOf(dir)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            first.writeManifest(java.util.Map.of("mode", "test"));
            try (JournalDirectory reader = JournalDirectory.openExisting(dir))
            {
                assertThat(reader.readManifest()).containsEntry("mode", "test"); // readers take no lock
            }
        }
        assertThat(SessionLock.holderOf(dir)).isNull();
        try (JournalDirectory again = JournalDirectory.open(dir, "run"))
        {
            assertThat(again.root()).isEqualTo(dir);
        }
    }

    @Test
    void anotherProcessHoldingTheDirectoryIsNamedByPidAndItsDeathReleasesTheLock() throws Exception
    {
        final Process holder = new ProcessBuilder(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
            LockHolder.class.getName(), dir.toString())).redirectErrorStream(true).start();
        try
        {
            final BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> JournalDirectory.open(dir, "run"))
                .isInstanceOf(SessionLockedException.class)
                .hasMessageContaining("in use by pid " + holder.pid());
            assertThat(SessionLock.holderOf(dir)).isEqualTo(Long.toString(holder.pid()));
        }
        finally
        {
            holder.destroyForcibly(); // SIGKILL: no chance to release anything itself
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(SessionLock.holderOf(dir)).as("the OS released the dead holder's lock").isNull();
        try (JournalDirectory mine = JournalDirectory.open(dir, "run --resume"))
        {
            assertThat(SessionLock.holderOf(dir)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    private static String javaBinary()
    {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Holds a session directory's lock until killed. */
    public static final class LockHolder
    {
        public static void main(final String[] args) throws InterruptedException
        {
            final SessionLock lock = SessionLock.acquire(Path.of(args[0]), "test holder");
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
            lock.close();
        }
    }
}
