package io.ringwall.engine.checkpoint;

import java.util.List;

/**
 * What a recovery did, printed at start and appended as one line to {@code recovery.log} in the journal
 * directory (the torture test reads it).
 *
 * @param snapshotFile      the snapshot restored, or null when none was valid (replay from the start).
 * @param snapshotSequence  the input the snapshot is after; 0 without one.
 * @param rejected          snapshots skipped, newest first, each with why (torn, checksum, configuration).
 * @param inputsReplayed    inputs after the snapshot replayed through the logic.
 * @param outputsVerified   regenerated outputs found byte-identical in journal "out".
 * @param outputsCompleted  regenerated outputs journal "out" did not hold yet (the crash came between the
 *                          two journals): appended now, and sent to the venue as live outputs would be.
 * @param tornRecords       partial records found (and skipped) in journal "in".
 * @param torn              where the last partial record was, or null.
 * @param lastInputSequence the logic's state is after this input.
 * @param stateDigest       CRC32C of the recovered state encoded as a snapshot (hex), or "n/a".
 * @param elapsedNs         time recovery took, reading snapshots and journals included.
 * @param venueReinstated   working orders re-instated at the in-process paper venue; with a FIX venue, outputs
 *                          journal "out" holds that never reached the FIX session, sent now.
 * @param venueDescription  what the gateway did on resume, in words; null for the paper venue's.
 */
public record RecoveryReport(String snapshotFile, long snapshotSequence, List<String> rejected, long inputsReplayed,
    long outputsVerified, long outputsCompleted, long tornRecords, String torn, long lastInputSequence,
    String stateDigest, long elapsedNs, int venueReinstated, String venueDescription)
{
    public RecoveryReport(final String snapshotFile, final long snapshotSequence, final List<String> rejected,
        final long inputsReplayed, final long outputsVerified, final long outputsCompleted, final long tornRecords,
        final String torn, final long lastInputSequence, final String stateDigest, final long elapsedNs,
        final int venueReinstated)
    {
        this(snapshotFile, snapshotSequence, rejected, inputsReplayed, outputsVerified, outputsCompleted, tornRecords,
            torn, lastInputSequence, stateDigest, elapsedNs, venueReinstated, null);
    }

    public RecoveryReport withVenueReinstated(final int reinstated)
    {
        return withVenue(reinstated, venueDescription);
    }

    /** @return this report with what the venue gateway did on resume. */
    public RecoveryReport withVenue(final int reinstated, final String description)
    {
        return new RecoveryReport(snapshotFile, snapshotSequence, rejected, inputsReplayed, outputsVerified,
            outputsCompleted, tornRecords, torn, lastInputSequence, stateDigest, elapsedNs, reinstated, description);
    }

    /** @return the report as text, one fact per line. */
    public String format()
    {
        final StringBuilder text = new StringBuilder("recovery\n");
        text.append("  snapshot          ").append(snapshotFile == null ? "none valid: replay from the first input" :
            snapshotFile + " (after input " + snapshotSequence + ")").append('\n');
        for (final String reason : rejected)
        {
            text.append("  skipped snapshot  ").append(reason).append('\n');
        }
        text.append("  inputs replayed   ").append(inputsReplayed).append('\n');
        text.append("  outputs verified  ").append(outputsVerified).append(" identical in journal \"out\"")
            .append(outputsCompleted > 0 ? ", " + outputsCompleted + " completed (not journaled before the stop)" : "")
            .append('\n');
        text.append("  journal tail      ").append(tornRecords == 0 ? "intact" :
            tornRecords + " partial record(s) skipped; last: " + torn).append('\n');
        text.append("  venue             ").append(venueDescription != null ? venueDescription :
            venueReinstated + " working order(s) re-instated").append('\n');
        text.append("  state             after input ").append(lastInputSequence).append(", digest ")
            .append(stateDigest).append('\n');
        text.append("  took              ").append(String.format("%.3f s", elapsedNs / 1e9)).append('\n');
        return text.toString();
    }

    /** @return the report as one {@code key=value ...} line. */
    public String line()
    {
        return "snapshotSequence=" + snapshotSequence + " rejectedSnapshots=" + rejected.size() + " inputsReplayed=" +
            inputsReplayed + " outputsVerified=" + outputsVerified + " outputsCompleted=" + outputsCompleted +
            " tornRecords=" + tornRecords + " lastInputSequence=" + lastInputSequence + " stateDigest=" + stateDigest +
            " venueReinstated=" + venueReinstated + " elapsedMs=" + elapsedNs / 1_000_000;
    }
}
