package io.ringwall.journal;

/**
 * System properties every Ringwall process sets before Chronicle is first touched.
 *
 * <p>The launcher and surefire already pass them (scripts/jvm-flags.properties); setting them again
 * here means an embedding program that forgot the flags still never prints Chronicle's banner or
 * tries to report usage statistics.
 */
public final class ChronicleSettings
{
    private ChronicleSettings()
    {
    }

    /**
     * Switches off Chronicle's announcer, analytics and disk monitor. Idempotent.
     */
    public static void apply()
    {
        System.setProperty("chronicle.announcer.disable", "true");
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.disk.monitor.disable", "true");
    }
}
