package io.ringwall.engine.control;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CommandResult;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.OperatorCommandResultDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.journal.JournalReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The control thread's door to the engine: publishes an operator command through its own
 * {@link InboundPublisher}, finds the command in journal "in" (its input sequence: only a journaled command
 * counts as accepted) and then the logic's OperatorCommandResult for it in journal "out". It also follows
 * the pre-market gate's breaker changes as journal "out" goes by.
 *
 * <p>Confined to one thread (the publisher and the journal tailers are), which also serialises commands, so
 * the next OperatorCommand frame in journal "in" equal byte for byte to the one sent is this channel's.
 */
public final class CommandChannel implements AutoCloseable
{
    /** What became of one command. */
    public record Outcome(long sequence, CommandResult result, long resultValue)
    {
        /** @return true when the command was found in journal "in". */
        public boolean journaled()
        {
            return sequence > 0;
        }

        /** @return true when the logic's result was found in journal "out". */
        public boolean answered()
        {
            return result != null;
        }
    }

    /** Told of each pre-market gate change journal "out" shows. */
    public interface GateListener
    {
        void onGate(boolean open, long failedChecks, long causeSequence);
    }

    private final InboundPublisher publisher;
    private final ClockMode clock;
    private final JournalReader inputs;
    private final JournalReader outputs;
    private final InputEncoder encoder = new InputEncoder();
    private final UnsafeBuffer expected = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OperatorCommandResultDecoder result = new OperatorCommandResultDecoder();
    private final BreakerStateChangeDecoder change = new BreakerStateChangeDecoder();
    private final GateListener gateListener;
    private int expectedLength;
    private long foundSequence;
    private long awaitedCause;
    private CommandResult foundResult;
    private long foundValue;

    /**
     * @param inputs  a fresh reader of journal "in" (this channel owns and closes it).
     * @param outputs a fresh reader of journal "out" (this channel owns and closes it).
     */
    public CommandChannel(final InboundPublisher publisher, final ClockMode clock, final JournalReader inputs,
        final JournalReader outputs, final GateListener gateListener)
    {
        this.publisher = publisher;
        this.clock = clock;
        this.inputs = inputs;
        this.outputs = outputs;
        this.gateListener = gateListener;
    }

    /**
     * Publishes one command and waits up to {@code timeoutNs} for it to be journaled, and as long again for
     * its result.
     *
     * @throws io.ringwall.engine.ring.EngineHaltedException when the engine has halted on a failure.
     */
    public Outcome submit(final OperatorCommandType type, final BreakerType breakerType, final long value,
        final String operator, final String reason, final long timeoutNs)
    {
        expectedLength = encoder.operatorCommand(expected, 0, type, breakerType, value, operator, reason);
        foundSequence = 0;
        foundResult = null;
        // Data clock: a command carries no time of its own; journal-in stamps it with the last input's time.
        publisher.operatorCommand(clock == ClockMode.WALL ? clock.stamp(0) : 0, type, breakerType, value,
            operator, reason);

        long deadline = System.nanoTime() + timeoutNs;
        while (foundSequence == 0 && System.nanoTime() < deadline)
        {
            if (!inputs.readNextDocument(this::findCommand))
            {
                pause();
            }
        }
        if (foundSequence == 0)
        {
            return new Outcome(0, null, 0);
        }
        awaitedCause = foundSequence;
        deadline = System.nanoTime() + timeoutNs;
        while (foundResult == null && System.nanoTime() < deadline)
        {
            if (!outputs.readNextDocument(this::onOutput))
            {
                pause();
            }
        }
        awaitedCause = 0;
        return new Outcome(foundSequence, foundResult, foundValue);
    }

    /**
     * Reads journal "out" as far as it goes now (gate changes reach the listener).
     */
    public void poll()
    {
        outputs.readAll(this::onOutput);
    }

    @Override
    public void close()
    {
        inputs.close();
        outputs.close();
    }

    private void findCommand(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
        final int length)
    {
        if (foundSequence != 0 || length != expectedLength)
        {
            return;
        }
        for (int i = 0; i < length; i++)
        {
            if (frame.getByte(offset + i) != expected.getByte(i))
            {
                return;
            }
        }
        foundSequence = sequence;
    }

    private void onOutput(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
        final int length)
    {
        header.wrap(frame, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return;
        }
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (header.templateId() == OperatorCommandResultDecoder.TEMPLATE_ID)
        {
            result.wrap(frame, body, header.blockLength(), header.version());
            if (awaitedCause != 0 && result.causeSequence() == awaitedCause)
            {
                foundResult = result.result();
                foundValue = result.value();
            }
        }
        else if (header.templateId() == BreakerStateChangeDecoder.TEMPLATE_ID && gateListener != null)
        {
            change.wrap(frame, body, header.blockLength(), header.version());
            if (change.breakerType() == BreakerType.PRE_MARKET)
            {
                gateListener.onGate(change.toState() == BreakerState.ACTIVE, change.observedValue(),
                    change.causeSequence());
            }
        }
    }

    private static void pause()
    {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
}
