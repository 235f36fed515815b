package io.ringwall.cluster;

import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;

/** Keeps copies of what one node incarnation applied and produced (written on the service thread). */
final class RecordingObserver implements ServiceObserver
{
    record Input(long gatewaySequence, long sequence, long timeNs, byte[] frame)
    {
    }

    record Output(long index, long sequence, long timeNs, byte[] frame)
    {
    }

    private final List<Input> inputs = new ArrayList<>();
    private final List<Output> outputs = new ArrayList<>();
    /** Everything handed to the logic, inputs and timer ticks, in log order (a tick's gateway sequence is 0). */
    private final List<Input> logicInputs = new ArrayList<>();

    @Override
    public synchronized void onInputApplied(final long gatewaySequence, final long sequence, final long timeNs,
        final DirectBuffer frame, final int offset, final int length)
    {
        final Input input = new Input(gatewaySequence, sequence, timeNs, copy(frame, offset, length));
        inputs.add(input);
        logicInputs.add(input);
    }

    @Override
    public synchronized void onTimerApplied(final long sequence, final long timeNs, final DirectBuffer frame,
        final int offset, final int length)
    {
        logicInputs.add(new Input(0, sequence, timeNs, copy(frame, offset, length)));
    }

    synchronized List<Input> logicInputs()
    {
        return List.copyOf(logicInputs);
    }

    synchronized long ticks()
    {
        return logicInputs.size() - inputs.size();
    }

    @Override
    public synchronized void onOutput(final long index, final long sequence, final long timeNs,
        final DirectBuffer frame, final int offset, final int length)
    {
        outputs.add(new Output(index, sequence, timeNs, copy(frame, offset, length)));
    }

    synchronized List<Input> inputs()
    {
        return List.copyOf(inputs);
    }

    synchronized List<Output> outputs()
    {
        return List.copyOf(outputs);
    }

    /** @return the last gateway sequence applied, 0 when none. */
    synchronized long lastApplied()
    {
        return inputs.isEmpty() ? 0 : inputs.get(inputs.size() - 1).gatewaySequence();
    }

    static byte[] copy(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }
}
