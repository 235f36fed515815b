package io.ringwall.tools;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.control.ControlActions;
import io.ringwall.engine.control.ControlPlane;
import io.ringwall.engine.control.IntakeSwitch;
import io.ringwall.engine.checkpoint.ShutdownSignals;
import io.ringwall.engine.control.VenueConnection;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.journal.JournalReader;

/**
 * Starts a {@link ControlPlane} on a started {@link Engine} (the run command's and the tests' one way to).
 */
public final class ControlPlanes
{
    private ControlPlanes()
    {
    }

    public static ControlPlane start(final Engine engine, final EngineConfig config, final ControlPlane.Settings settings,
        final VenueConnection venue, final ControlActions actions, final Consumer<String> out)
    {
        return ControlPlane.start(settings, new ControlPlane.EngineAccess()
        {
            @Override
            public InboundPublisher newPublisher()
            {
                return engine.newPublisher();
            }

            @Override
            public JournalReader openInputReader()
            {
                return engine.openInputReader();
            }

            @Override
            public JournalReader openOutputReader()
            {
                return engine.openOutputReader();
            }
        }, config.clockMode(), config.journalDir(), venue, actions, out);
    }

    /**
     * The process side of an operator's SNAPSHOT_NOW and SHUTDOWN on an engine with checkpoints. The logic has
     * already acted on the journaled command at its input sequence (the checkpoint hook captured the state there;
     * a SHUTDOWN stopped intake and, with shutdown.cancel-open-orders, cancelled every working order), so nothing
     * is journaled again here:
     * <ul>
     *   <li>snapshot: waits briefly for {@link Engine#awaitSnapshot the snapshot file} and names it;</li>
     *   <li>shutdown: stops intake and runs {@link Engine#shutdown} (drain, final snapshot, journals flushed) on its
     *       own thread, forcing exit with {@link ShutdownSignals#FORCED_EXIT} when it does not finish in the
     *       configured timeout, as a SIGTERM does.</li>
     * </ul>
     */
    public static ControlActions engineActions(final Engine engine, final IntakeSwitch intake,
        final boolean cancelOpenOrders, final PrintWriter err)
    {
        return new ControlActions()
        {
            @Override
            public String requestSnapshot(final long inputSequence)
            {
                return engine.awaitSnapshot(inputSequence, 2_000);
            }

            @Override
            public String requestShutdown(final long inputSequence)
            {
                intake.stop();
                final Thread thread = new Thread(() ->
                {
                    if (!engine.shutdown("operator SHUTDOWN at input " + inputSequence, cancelOpenOrders))
                    {
                        err.println("ringwall: graceful shutdown did not finish within " +
                            TimeUnit.NANOSECONDS.toSeconds(engine.shutdownTimeoutNs()) + " s: forcing exit");
                        err.flush();
                        Runtime.getRuntime().halt(ShutdownSignals.FORCED_EXIT);
                    }
                }, "ringwall-shutdown");
                thread.setDaemon(true);
                thread.start();
                return "graceful shutdown: intake stopped" + (cancelOpenOrders ? ", open orders cancelled" : "") +
                    "; the engine drains its rings, writes a final snapshot, flushes the journals and exits";
            }
        };
    }
}
