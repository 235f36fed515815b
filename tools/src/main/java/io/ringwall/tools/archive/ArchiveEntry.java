package io.ringwall.tools.archive;

/**
 * One archived file of a session, as the archive manifest records it.
 *
 * @param path             the file's path in the session directory ({@code in/20261207F.cq4}, {@code snapshot-...rwsnap}).
 * @param kind             what it is.
 * @param cycle            for a journal cycle file: its cycle (UTC day since 1970-01-01), else -1.
 * @param sealed           the file can no longer change: a cycle the journal has rolled past, a snapshot. Only a sealed
 *                         cycle may be pruned; an unsealed one (the last cycle of a stopped session, the manifest) is
 *                         archived again when it changed.
 * @param size             the original's bytes.
 * @param sha256           the original's SHA-256.
 * @param archivedName     the compressed copy, relative to the archive directory.
 * @param archivedSize     its bytes.
 * @param archivedSha256   its SHA-256.
 * @param firstRecord      for a cycle: the first journal record it holds (0 when it holds none).
 * @param lastRecord       for a cycle: the last one.
 * @param lastChecksum     for a cycle: the chained CRC32C the last record carries (its chain point).
 * @param verifiedAt       when the compressed copy was last read back and matched the original (UTC), or empty.
 */
record ArchiveEntry(String path, Kind kind, int cycle, boolean sealed, long size, String sha256, String archivedName,
    long archivedSize, String archivedSha256, long firstRecord, long lastRecord, int lastChecksum, String verifiedAt)
{
    /** What an archived file is. */
    enum Kind
    {
        /** A journal cycle file of journal "in" or "out". */
        CYCLE,
        /** A checkpoint snapshot. */
        SNAPSHOT,
        /** The session manifest or reference data: needed to rebuild the session. */
        SESSION_FILE
    }

    /** @return "in" or "out" for a cycle file, else "". */
    String journal()
    {
        return kind == Kind.CYCLE ? path.substring(0, path.indexOf('/')) : "";
    }

    boolean verified()
    {
        return !verifiedAt.isEmpty();
    }
}
