package io.ringwall.engine.fix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import quickfix.MessageStore;
import quickfix.Session;
import quickfix.SessionID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a live QuickFIX/J session sent, read from its message store as raw FIX text: the FIX tests match a
 * venue's reject to the MsgSeqNum the engine sent an order, cancel or amend with.
 */
final class SentFixMessages
{
    private SentFixMessages()
    {
    }

    /** @return every message of {@code msgType} the {@code session} sent, in order. */
    static List<String> sent(final SessionID session, final String msgType) throws IOException
    {
        final MessageStore store = Session.lookupSession(session).getStore();
        final List<String> messages = new ArrayList<>();
        store.get(1, store.getNextSenderMsgSeqNum() - 1, messages);
        return messages.stream().filter(m -> ("\u0001" + m).contains("\u000135=" + msgType + "\u0001")).toList();
    }

    /** @return the MsgSeqNum {@code session} sent ClOrdID {@code clOrdId} with, in a message of one of {@code msgTypes}. */
    static long seqNum(final SessionID session, final long clOrdId, final String... msgTypes) throws IOException
    {
        for (final String msgType : msgTypes)
        {
            for (final String message : sent(session, msgType))
            {
                if (field(message, 11).equals(Long.toString(clOrdId)))
                {
                    return Long.parseLong(field(message, 34));
                }
            }
        }
        throw new AssertionError("the session sent nothing of types " + String.join(",", msgTypes) +
            " with ClOrdID " + clOrdId);
    }

    /** @return the value of {@code tag} in a raw FIX message (asserted present). */
    static String field(final String message, final int tag)
    {
        final String text = "\u0001" + message;
        final String key = "\u0001" + tag + "=";
        final int at = text.indexOf(key);
        assertThat(at).as("tag %d in %s", tag, message).isNotNegative();
        final int start = at + key.length();
        return text.substring(start, text.indexOf('\u0001', start));
    }
}
