package io.ringwall.engine.control;

/**
 * What the process does when the logic has journaled an operator's SNAPSHOT_NOW or SHUTDOWN (its
 * OperatorCommandResult is APPLIED at the command's input sequence). Called on the control thread, never
 * on the logic thread and never by a replay; implementations must not block for long (hand off instead).
 * With checkpoints the logic itself captures at a journaled SNAPSHOT_NOW and stops intake at a SHUTDOWN; the
 * run command's actions ({@code io.ringwall.tools.ControlPlanes.engineActions}) then report the snapshot file and
 * run {@code Engine.shutdown} (drain, final snapshot, forced exit after the timeout).
 */
public interface ControlActions
{
    /**
     * @param inputSequence the SNAPSHOT_NOW command's journal-in sequence.
     * @return what was done, for the operator's answer and the audit log.
     */
    String requestSnapshot(long inputSequence);

    /**
     * @param inputSequence the SHUTDOWN command's journal-in sequence.
     * @return what was done, for the operator's answer and the audit log.
     */
    String requestShutdown(long inputSequence);

    /**
     * Actions for a host without the engine's checkpoints (tests, embeddings): no snapshot reported (said so
     * plainly), and shutdown stops market-data intake, after which the run drains the rings, closes the
     * journals and exits 0.
     */
    static ControlActions stoppingIntake(final IntakeSwitch intake)
    {
        return new ControlActions()
        {
            @Override
            public String requestSnapshot(final long inputSequence)
            {
                return "no snapshot taken: this build has no checkpoints; the request is journaled at input " +
                    inputSequence;
            }

            @Override
            public String requestShutdown(final long inputSequence)
            {
                intake.stop();
                return "market-data intake stopped; the engine drains its rings, closes the journals and exits";
            }
        };
    }
}
