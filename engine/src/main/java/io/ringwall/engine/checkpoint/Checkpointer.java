package io.ringwall.engine.checkpoint;

import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.ring.AfterInputHook;

/**
 * The logic thread's side of checkpoints: after each input it decides whether to capture (every N inputs,
 * every T of event time, or a journaled SNAPSHOT_NOW at exactly that input), encodes the logic's state into
 * a preallocated slot of the {@link SnapshotWriter} and hands it over. It also passes on a journaled
 * SHUTDOWN to the host. Nothing here allocates, blocks or touches the disk.
 */
public final class Checkpointer implements AfterInputHook
{
    private final CheckpointSettings settings;
    private final SnapshotWriter writer;
    private final Runnable onShutdownCommand;
    private long inputsSinceCapture;
    private long lastCaptureTimeNs = Long.MIN_VALUE;
    private long captures;

    /**
     * @param writer            null when checkpoints are off (a strategy without the state hook).
     * @param onShutdownCommand called on the logic thread after a journaled SHUTDOWN; must return at once.
     */
    public Checkpointer(final CheckpointSettings settings, final SnapshotWriter writer,
        final Runnable onShutdownCommand)
    {
        this.settings = settings;
        this.writer = writer;
        this.onShutdownCommand = onShutdownCommand;
    }

    @Override
    public void afterInput(final BusinessLogic logic)
    {
        final long timeNs = logic.timeNs();
        if (lastCaptureTimeNs == Long.MIN_VALUE)
        {
            lastCaptureTimeNs = timeNs;
        }
        inputsSinceCapture++;
        final boolean requested = logic.takeSnapshotRequest();
        if (writer != null && (requested ||
            settings.everyInputs() > 0 && inputsSinceCapture >= settings.everyInputs() ||
            settings.everyEventTimeNs() > 0 && timeNs - lastCaptureTimeNs >= settings.everyEventTimeNs()))
        {
            capture(logic, timeNs);
        }
        if (logic.takeShutdownRequest())
        {
            onShutdownCommand.run();
        }
    }

    /** @return snapshots handed to the writer. */
    public long captures()
    {
        return captures;
    }

    private void capture(final BusinessLogic logic, final long timeNs)
    {
        final SnapshotWriter.Slot slot = writer.claim();
        if (slot == null)
        {
            // the disk is behind; the next input tries again
            return;
        }
        final int length = logic.captureState(slot.buffer(), 0);
        writer.publish(slot, logic.lastInputSequence(), logic.outputSequence(), length);
        inputsSinceCapture = 0;
        lastCaptureTimeNs = timeNs;
        captures++;
    }
}
