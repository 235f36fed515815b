package io.ringwall.engine.marketdata.itch;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Decodes MoldUDP64 downstream packets: session (10 ASCII bytes), sequence number of the first message (8 bytes),
 * message count (2 bytes; 0 a heartbeat, 0xFFFF end of session), then each message behind a 2-byte length, all
 * big-endian. Hands each message to {@link ItchDecoder}.
 *
 * <p>Tracks the next expected sequence number per session. A packet that starts past it is a gap: counted with the
 * messages missed ({@link #gaps()}, {@link #missingMessages()}) and described by {@link #describeLastGap()}, so the
 * caller can fail closed; the messages that did arrive are still delivered. A packet that starts before it
 * (a duplicate or a retransmission) delivers only the messages not seen yet. The first packet of a session sets the
 * baseline, since a capture may start mid-session.
 *
 * <p>The packet's framing is checked whole before any message is delivered: a zero message length, a message that
 * runs past the datagram or bytes left after the last message refuse the packet (a negative status). Allocates
 * nothing after construction.
 */
public final class MoldUdp64Decoder
{
    /** The packet was read (its new messages delivered). */
    public static final int OK = 0;
    /** Fewer than 20 bytes: no complete MoldUDP64 header. */
    public static final int TRUNCATED_HEADER = -1;
    /** A message length of 0 inside the packet. */
    public static final int ZERO_MESSAGE_LENGTH = -2;
    /** A message length prefix or message runs past the end of the datagram. */
    public static final int MESSAGE_OVERRUNS = -3;
    /** Bytes left after the message count's last message. */
    public static final int TRAILING_BYTES = -4;
    /** {@link ItchDecoder} refused a message ({@link #itchStatus()} says why). */
    public static final int ITCH_REFUSED = -5;
    /** More sessions than the decoder tracks. */
    public static final int TOO_MANY_SESSIONS = -6;
    /**
     * The packet starts past the next expected message and {@link #holdOnGap} is set: it is counted as a gap and
     * none of its messages is delivered (a book must not apply messages after a hole in the sequence).
     */
    public static final int GAP_HELD = -7;

    /** Bytes of the packet header. */
    public static final int HEADER_LENGTH = 20;
    /** Message count of an end-of-session packet. */
    public static final int END_OF_SESSION = 0xFFFF;

    private static final int SEQUENCE_OFFSET = 10;
    private static final int COUNT_OFFSET = 18;
    private static final int MAX_SESSIONS = 64;

    private final long[] sessionHigh = new long[MAX_SESSIONS];
    private final int[] sessionLow = new int[MAX_SESSIONS];
    private final long[] firstSequence = new long[MAX_SESSIONS];
    private final long[] nextSequence = new long[MAX_SESSIONS];
    private int sessions;

    private long packets;
    private long heartbeats;
    private long endOfSessions;
    private long gaps;
    private long missingMessages;
    private long duplicateMessages;
    private int lastGapSession = -1;
    private boolean holdOnGap;
    private long lastGapExpected;
    private long lastGapReceived;
    /** In the last gap's session: the sequence every held packet's messages reach (what a re-request must fill). */
    private long missingUntil;

    private int errorDetail;
    private int errorIndex;
    private int itchStatus;
    private int itchLength;

    /**
     * Whether a packet past a gap is held back ({@link #GAP_HELD}, nothing delivered) rather than delivered after
     * the gap is counted (the default, for a dump that shows what arrived).
     */
    public MoldUdp64Decoder holdOnGap(final boolean hold)
    {
        this.holdOnGap = hold;
        return this;
    }

    /**
     * Reads the MoldUDP64 packet of {@code length} bytes at {@code offset}.
     *
     * @return {@link #OK} or a negative status ({@link #describe} says what).
     */
    public int decode(final DirectBuffer buffer, final int offset, final int length, final ItchDecoder itch,
        final ItchListener listener)
    {
        if (length < HEADER_LENGTH)
        {
            errorDetail = length;
            return TRUNCATED_HEADER;
        }
        final int count = ItchFields.uint16(buffer, offset + COUNT_OFFSET);
        final int messagesCount = count == END_OF_SESSION ? 0 : count;
        final int framing = checkFraming(buffer, offset, length, messagesCount);
        if (framing != OK)
        {
            return framing;
        }
        final int session = session(buffer, offset);
        if (session < 0)
        {
            return TOO_MANY_SESSIONS;
        }
        packets++;
        heartbeats += count == 0 ? 1 : 0;
        endOfSessions += count == END_OF_SESSION ? 1 : 0;

        final long sequence = ItchFields.int64(buffer, offset + SEQUENCE_OFFSET);
        final long expected = nextSequence[session];
        if (sequence > expected)
        {
            gaps++;
            missingMessages += sequence - expected;
            missingUntil = session == lastGapSession ? Math.max(missingUntil, sequence + messagesCount) :
                sequence + messagesCount;
            lastGapSession = session;
            lastGapExpected = expected;
            lastGapReceived = sequence;
            if (holdOnGap)
            {
                return GAP_HELD;
            }
        }
        final long alreadySeen = sequence < expected ? Math.min(expected - sequence, messagesCount) : 0;
        duplicateMessages += alreadySeen;
        final long next = sequence + messagesCount;
        nextSequence[session] = Math.max(next, expected);
        return deliver(buffer, offset, messagesCount, (int)alreadySeen, itch, listener);
    }

    private int checkFraming(final DirectBuffer buffer, final int offset, final int length, final int count)
    {
        final int end = offset + length;
        int index = offset + HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            if (index + 2 > end)
            {
                errorIndex = index - offset;
                errorDetail = i;
                return MESSAGE_OVERRUNS;
            }
            final int messageLength = ItchFields.uint16(buffer, index);
            if (messageLength == 0)
            {
                errorIndex = index - offset;
                errorDetail = i;
                return ZERO_MESSAGE_LENGTH;
            }
            if (index + 2 + messageLength > end)
            {
                errorIndex = index - offset;
                errorDetail = i;
                itchLength = messageLength;
                return MESSAGE_OVERRUNS;
            }
            index += 2 + messageLength;
        }
        if (index != end)
        {
            errorIndex = index - offset;
            errorDetail = end - index;
            return TRAILING_BYTES;
        }
        return OK;
    }

    private int deliver(final DirectBuffer buffer, final int offset, final int count, final int skip,
        final ItchDecoder itch, final ItchListener listener)
    {
        int index = offset + HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            final int messageLength = ItchFields.uint16(buffer, index);
            if (i >= skip)
            {
                final int status = itch.decode(buffer, index + 2, messageLength, listener);
                if (status != ItchDecoder.OK)
                {
                    itchStatus = status;
                    itchLength = messageLength;
                    errorIndex = index - offset;
                    errorDetail = i;
                    return ITCH_REFUSED;
                }
            }
            index += 2 + messageLength;
        }
        return OK;
    }

    private int session(final DirectBuffer buffer, final int offset)
    {
        final long high = ItchFields.int64(buffer, offset);
        final int low = ItchFields.uint16(buffer, offset + 8);
        for (int i = 0; i < sessions; i++)
        {
            if (sessionHigh[i] == high && sessionLow[i] == low)
            {
                return i;
            }
        }
        if (sessions == MAX_SESSIONS)
        {
            errorDetail = MAX_SESSIONS;
            return -1;
        }
        final long sequence = ItchFields.int64(buffer, offset + SEQUENCE_OFFSET);
        sessionHigh[sessions] = high;
        sessionLow[sessions] = low;
        firstSequence[sessions] = sequence;
        nextSequence[sessions] = sequence;
        return sessions++;
    }

    /** Packets read (heartbeats and end-of-session packets included). */
    public long packets()
    {
        return packets;
    }

    /** Heartbeat packets (message count 0). */
    public long heartbeats()
    {
        return heartbeats;
    }

    /** End-of-session packets (message count 0xFFFF). */
    public long endOfSessions()
    {
        return endOfSessions;
    }

    /** Packets that started past the next expected sequence number of their session. */
    public long gaps()
    {
        return gaps;
    }

    /** Messages never received: the sum of the gaps' sizes. */
    public long missingMessages()
    {
        return missingMessages;
    }

    /** Messages received again (duplicates or retransmissions) and not delivered twice. */
    public long duplicateMessages()
    {
        return duplicateMessages;
    }

    /** Sessions seen. */
    public int sessions()
    {
        return sessions;
    }

    /** The first sequence number seen of session {@code i} (0 to {@link #sessions()} - 1). */
    public long firstSequence(final int i)
    {
        return firstSequence[i];
    }

    /** The sequence number expected next on session {@code i}. */
    public long nextSequence(final int i)
    {
        return nextSequence[i];
    }

    /** Appends the name of session {@code i} (trailing spaces removed). */
    public StringBuilder appendSession(final int i, final StringBuilder destination)
    {
        for (int b = 0; b < 8; b++)
        {
            destination.append((char)((sessionHigh[i] >>> (56 - 8 * b)) & 0xFF));
        }
        destination.append((char)(sessionLow[i] >>> 8)).append((char)(sessionLow[i] & 0xFF));
        int end = destination.length();
        while (end > 0 && destination.charAt(end - 1) == ' ')
        {
            end--;
        }
        destination.setLength(end);
        return destination;
    }

    /** What {@link ItchDecoder} returned for the refused message after {@link #ITCH_REFUSED}. */
    public int itchStatus()
    {
        return itchStatus;
    }

    /** Index, from the start of the packet, of the length prefix of the message an error names. */
    public int errorIndex()
    {
        return errorIndex;
    }

    /** The sequence number the last gap's session owed next; 0 before any gap. */
    public long lastGapExpected()
    {
        return lastGapExpected;
    }

    /** The sequence number that arrived in its place at the last gap; 0 before any gap. */
    public long lastGapReceived()
    {
        return lastGapReceived;
    }

    /**
     * Whether messages of the last gap's session are still missing: a packet past them was held
     * ({@link #holdOnGap}) and what came since has not filled the sequence up to it.
     */
    public boolean missing()
    {
        return lastGapSession >= 0 && nextSequence[lastGapSession] < missingUntil;
    }

    /** The first sequence {@link #missing} in the last gap's session (what a request asks from). */
    public long missingFrom()
    {
        return lastGapSession < 0 ? 0 : nextSequence[lastGapSession];
    }

    /**
     * Writes a MoldUDP64 request packet for the messages {@link #missing} (session, first sequence wanted, count):
     * what a re-request server answers with the messages, in ordinary downstream packets.
     *
     * @return its length, {@link #HEADER_LENGTH}; 0 when nothing is missing.
     */
    public int encodeRequest(final MutableDirectBuffer buffer, final int offset)
    {
        if (!missing())
        {
            return 0;
        }
        final long from = nextSequence[lastGapSession];
        buffer.putLong(offset, sessionHigh[lastGapSession], ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + 8, (short)sessionLow[lastGapSession], ByteOrder.BIG_ENDIAN);
        buffer.putLong(offset + SEQUENCE_OFFSET, from, ByteOrder.BIG_ENDIAN);
        // 0xFFFF would read as end-of-session; a server answers what fits its packets and is asked again for the rest
        buffer.putShort(offset + COUNT_OFFSET, (short)Math.min(missingUntil - from, END_OF_SESSION - 1),
            ByteOrder.BIG_ENDIAN);
        return HEADER_LENGTH;
    }

    /** The last gap as text: session, expected and received sequence numbers (allocates). */
    public String describeLastGap()
    {
        if (lastGapSession < 0)
        {
            return "no gap";
        }
        return "session '" + appendSession(lastGapSession, new StringBuilder()) + "' expected sequence " +
            lastGapExpected + " but received " + lastGapReceived + " (" + (lastGapReceived - lastGapExpected) +
            " messages missing)";
    }

    /** Text of an error status, for the error a reader raises (allocates; off the hot path). */
    public String describe(final int status, final DirectBuffer buffer, final int packetOffset)
    {
        switch (status)
        {
            case TRUNCATED_HEADER:
                return "MoldUDP64 packet of " + errorDetail + " bytes, shorter than its 20-byte header";
            case ZERO_MESSAGE_LENGTH:
                return "MoldUDP64 message " + (errorDetail + 1) + " has length 0 (at byte " + errorIndex +
                    " of the packet)";
            case MESSAGE_OVERRUNS:
                return "MoldUDP64 message " + (errorDetail + 1) + " (at byte " + errorIndex +
                    " of the packet) runs past the end of the datagram: the message count or a length is wrong";
            case TRAILING_BYTES:
                return "MoldUDP64 packet has " + errorDetail + " bytes after its last counted message (at byte " +
                    errorIndex + "): the message count or a length is wrong";
            case ITCH_REFUSED:
                return "MoldUDP64 message " + (errorDetail + 1) + " (at byte " + errorIndex + " of the packet): " +
                    ItchDecoder.describe(itchStatus, buffer, packetOffset + errorIndex + 2, itchLength);
            case TOO_MANY_SESSIONS:
                return "more than " + MAX_SESSIONS + " MoldUDP64 sessions in one capture";
            case GAP_HELD:
                return "MoldUDP64 gap: " + describeLastGap();
            default:
                return "MoldUDP64 status " + status;
        }
    }
}
