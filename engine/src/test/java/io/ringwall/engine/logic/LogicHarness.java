package io.ringwall.engine.logic;

import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.Side;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.strategy.Strategy;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Drives the business logic directly on the test thread, as the logic stage would, with a test clock
 * and inputs encoded like the producers encode them; collects the outputs.
 */
public final class LogicHarness
{
    /** One output frame as the logic produced it. */
    public record Output(long sequence, long timeNs, int templateId, byte[] frame)
    {
        public UnsafeBuffer buffer()
        {
            return new UnsafeBuffer(frame);
        }
    }

    private final InputEncoder encoder = new InputEncoder();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);
    private final List<Output> outputs = new ArrayList<>();
    private final List<Output> inputs = new ArrayList<>();
    private final java.util.Map<Long, Long> filledSoFar = new java.util.HashMap<>();
    private final BusinessLogic logic;
    private long sequence;
    private long timeNs = 1_000_000_000L;

    public LogicHarness(final LogicConfig config, final List<Strategy> strategies)
    {
        logic = new BusinessLogic(config, strategies, this::collect);
    }

    public static LogicConfig config(final String... strategySpecs)
    {
        return LogicConfig.unrestricted(List.of("BTCUSD", "ETHUSD"), List.of(strategySpecs), LogicConfig.DEFAULT_INITIAL_CASH, 64);
    }

    public BusinessLogic logic()
    {
        return logic;
    }

    public List<Output> outputs()
    {
        return outputs;
    }

    public long lastSequence()
    {
        return sequence;
    }

    /** @return the event time the next input is stamped with. */
    public long timeNs()
    {
        return timeNs;
    }

    public LogicHarness advance(final long nanos)
    {
        timeNs += nanos;
        return this;
    }

    public void trade(final int instrumentId, final long price, final long quantity)
    {
        feed(encoder.trade(frame, 0, instrumentId, sequence + 1, price, quantity, timeNs));
    }

    public void quote(final int instrumentId, final long bidPrice, final long bidQuantity, final long askPrice,
        final long askQuantity)
    {
        feed(encoder.quote(frame, 0, instrumentId, bidPrice, bidQuantity, askPrice, askQuantity, timeNs));
    }

    public void accepted(final long clOrdId, final int instrumentId)
    {
        feed(encoder.orderAccepted(frame, 0, clOrdId, clOrdId + 1000, instrumentId, timeNs));
    }

    public void filled(final long clOrdId, final int instrumentId, final Side side, final long price, final long quantity,
        final long leaves, final long fee)
    {
        final long cumulative = filledSoFar.merge(clOrdId, quantity, Long::sum);
        feed(encoder.orderFilled(frame, 0, clOrdId, clOrdId + 1000, sequence, instrumentId, side, price, quantity, leaves,
            cumulative, fee, timeNs));
    }

    /** Sends an execution report again, as a venue's resend would. */
    public void refilled(final long clOrdId, final int instrumentId, final Side side, final long price,
        final long quantity, final long leaves)
    {
        feed(encoder.orderFilled(frame, 0, clOrdId, clOrdId + 1000, sequence, instrumentId, side, price, quantity, leaves,
            filledSoFar.getOrDefault(clOrdId, 0L), 0, timeNs));
    }

    public void cancelled(final long clOrdId, final int instrumentId, final long quantity)
    {
        feed(encoder.orderCancelled(frame, 0, clOrdId, clOrdId + 1000, instrumentId, quantity, timeNs));
    }

    public void expired(final long clOrdId, final int instrumentId, final long quantity)
    {
        feed(encoder.orderExpired(frame, 0, clOrdId, clOrdId + 1000, instrumentId, quantity, timeNs));
    }

    public void cancelRejected(final long cancelClOrdId, final long origClOrdId)
    {
        cancelRejected(cancelClOrdId, origClOrdId, io.ringwall.codecs.VenueRejectReason.TOO_LATE_TO_CANCEL);
    }

    public void cancelRejected(final long cancelClOrdId, final long origClOrdId,
        final io.ringwall.codecs.VenueRejectReason reason)
    {
        feed(encoder.cancelRejected(frame, 0, cancelClOrdId, origClOrdId, reason, timeNs));
    }

    /** The venue took amend {@code replaceClOrdId} of {@code origClOrdId} (ExecType=5). */
    public void replaced(final long replaceClOrdId, final long origClOrdId, final int instrumentId,
        final long quantity, final long limitPrice, final long leaves, final long cumulative)
    {
        feed(encoder.orderReplaced(frame, 0, replaceClOrdId, origClOrdId, origClOrdId + 1000, instrumentId, quantity,
            limitPrice, leaves, cumulative, timeNs));
    }

    public void replaceRejected(final long replaceClOrdId, final long origClOrdId,
        final io.ringwall.codecs.VenueRejectReason reason)
    {
        feed(encoder.replaceRejected(frame, 0, replaceClOrdId, origClOrdId, reason, timeNs));
    }

    /** A fill reported under {@code venueClOrdId} (an amended order's id at the venue) of order {@code orderId}. */
    public void filledAs(final long venueClOrdId, final long orderId, final int instrumentId, final Side side,
        final long price, final long quantity, final long leaves)
    {
        final long cumulative = filledSoFar.merge(orderId, quantity, Long::sum);
        feed(encoder.orderFilled(frame, 0, venueClOrdId, orderId + 1000, sequence, instrumentId, side, price, quantity,
            leaves, cumulative, 0, timeNs));
    }

    public void command(final OperatorCommandType type, final BreakerType breaker, final String reason)
    {
        command(type, breaker, 0, reason);
    }

    public void command(final OperatorCommandType type, final BreakerType breaker, final long value,
        final String reason)
    {
        feed(encoder.operatorCommand(frame, 0, type, breaker, value, "test-operator", reason));
    }

    public void rejected(final long clOrdId, final int instrumentId)
    {
        feed(encoder.orderRejected(frame, 0, clOrdId, instrumentId, io.ringwall.codecs.VenueRejectReason.OTHER,
            timeNs));
    }

    public void venuePosition(final long reconciliationId, final int instrumentId, final long quantity,
        final long cash)
    {
        feed(encoder.venuePosition(frame, 0, reconciliationId, instrumentId, quantity, cash, timeNs));
    }

    public void reconciliationEnd(final long reconciliationId, final io.ringwall.codecs.ReconciliationOutcome outcome,
        final io.ringwall.codecs.ReconciliationScope scope)
    {
        feed(encoder.reconciliationEnd(frame, 0, reconciliationId, outcome, 1, 0, 0, scope));
    }

    /** A ReconciliationEnd as schema version 4 wrote it: no scope field, a shorter block. */
    public void reconciliationEndOfVersion4(final long reconciliationId,
        final io.ringwall.codecs.ReconciliationOutcome outcome)
    {
        final int length = encoder.reconciliationEnd(frame, 0, reconciliationId, outcome, 1, 0, 0);
        final int shorter = io.ringwall.codecs.ReconciliationEndDecoder.BLOCK_LENGTH -
            io.ringwall.codecs.ReconciliationEndDecoder.scopeEncodingOffset();
        new io.ringwall.codecs.MessageHeaderEncoder().wrap(frame, 0)
            .blockLength(io.ringwall.codecs.ReconciliationEndDecoder.scopeEncodingOffset()).version(4);
        feed(length - shorter);
    }

    public void venueOrderStatus(final long clOrdId, final int instrumentId, final io.ringwall.codecs.OrderState state,
        final long cumQuantity)
    {
        feed(encoder.venueOrderStatus(frame, 0, clOrdId, instrumentId, state, cumQuantity, timeNs));
    }

    /** An exchange feed's gap or silence (FeedHealth), stamped at the harness clock. */
    public void feedHealth(final io.ringwall.codecs.FeedHealthState state, final long expectedSequence,
        final long receivedSequence, final long silenceNs)
    {
        feed(encoder.feedHealth(frame, 0, state, expectedSequence, receivedSequence, silenceNs, timeNs));
    }

    /** An instrument's trading state at its exchange (TradingStatus); {@code reason} up to 4 ASCII characters. */
    public void tradingStatus(final int instrumentId, final io.ringwall.codecs.InstrumentTradingState state,
        final String reason)
    {
        int code = 0;
        for (int i = 0; i < 4; i++)
        {
            code = (code << 8) | (i < reason.length() ? reason.charAt(i) : ' ');
        }
        feed(encoder.tradingStatus(frame, 0, instrumentId, state, reason.isEmpty() ? 0 : code, timeNs));
    }

    public void feed(final int length)
    {
        final byte[] copy = new byte[length];
        frame.getBytes(0, copy);
        inputs.add(new Output(sequence + 1, timeNs, new MessageHeaderDecoder().wrap(frame, 0).templateId(), copy));
        logic.onInput(++sequence, timeNs, frame, 0, length, 0);
    }

    /** @return every input fed so far, as journal "in" would hold it (sequence, time, frame). */
    public List<Output> inputs()
    {
        return inputs;
    }

    private void collect(final long outSequence, final long outTimeNs, final DirectBuffer buffer, final int offset,
        final int length, final long ingressNanos)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        outputs.add(new Output(outSequence, outTimeNs, new MessageHeaderDecoder().wrap(buffer, offset).templateId(), copy));
    }
}
