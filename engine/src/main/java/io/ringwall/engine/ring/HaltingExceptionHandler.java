package io.ringwall.engine.ring;

import com.lmax.disruptor.ExceptionHandler;

/**
 * Fail closed: an exception in a stage is never logged-and-skipped. It is recorded and rethrown, which
 * stops that stage's processor; the engine sees the failure and halts.
 */
final class HaltingExceptionHandler implements ExceptionHandler<FrameEvent>
{
    private final String stage;
    private final EngineFailure failure;

    HaltingExceptionHandler(final String stage, final EngineFailure failure)
    {
        this.stage = stage;
        this.failure = failure;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final FrameEvent event)
    {
        failure.record(stage + " (ring sequence " + sequence + ", record " + event.sequence + ")", ex);
        throw new EngineHaltedException(failure.message(), ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        failure.record(stage + " start", ex);
        throw new EngineHaltedException(failure.message(), ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        failure.record(stage + " shutdown", ex);
    }
}
