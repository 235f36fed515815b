package io.ringwall.engine.fix;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/**
 * QuickFIX/J's session log, reduced to session events (logon, logout, resend, disconnect) on SLF4J. Message text is
 * never written: a Logon carries the Password (554), and QuickFIX/J's default screen log would print it.
 */
final class SessionEventLogFactory implements LogFactory
{
    @Override
    public Log create(final SessionID sessionId)
    {
        final Logger logger = LoggerFactory.getLogger("ringwall.fix." + sessionId.getSenderCompID() + "." +
            sessionId.getTargetCompID());
        return new Log()
        {
            @Override
            public void clear()
            {
            }

            @Override
            public void onIncoming(final String message)
            {
            }

            @Override
            public void onOutgoing(final String message)
            {
            }

            @Override
            public void onEvent(final String text)
            {
                logger.info(text);
            }

            @Override
            public void onErrorEvent(final String text)
            {
                logger.error(text);
            }

            @Override
            public void onWarnEvent(final String text)
            {
                logger.warn(text);
            }
        };
    }
}
