package io.ringwall.tools;

import java.util.function.Consumer;

import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.control.ControlActions;
import io.ringwall.engine.control.ControlPlane;
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
}
