package io.ringwall.tools.backtest;

import java.nio.file.Path;
import java.util.List;

import io.ringwall.codecs.MessageHeaderEncoder;
import io.ringwall.codecs.NewOrderEncoder;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalWriter;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes a session directory frame by frame: a manifest for one unrestricted instrument (BTCUSD, id 0)
 * and no strategies, so the replayed logic only books what the journal says; inputs and journal-out
 * NewOrder frames are whatever the test appends, with hand-chosen times.
 */
final class SyntheticSession implements AutoCloseable
{
    static final long USD = Fixed.PRICE_SCALE;
    static final long BTC = Fixed.QUANTITY_SCALE;
    static final long HOUR_NS = 3_600_000_000_000L;
    static final long DAY_NS = 24 * HOUR_NS;
    /** 2024-01-01T00:00:00Z. */
    static final long T0 = 1_704_067_200_000_000_000L;

    private final JournalDirectory journals;
    private final JournalWriter in;
    private final JournalWriter out;
    private final InputEncoder encoder = new InputEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);
    private long inSequence;
    private long outSequence;
    private long execId;

    SyntheticSession(final Path dir, final long initialCashMoney)
    {
        journals = JournalDirectory.open(dir);
        journals.writeManifest(LogicConfig.unrestricted(List.of("BTCUSD"), List.of(), initialCashMoney, 16).toManifest());
        in = journals.inputWriter();
        out = journals.outputWriter();
    }

    SyntheticSession trade(final long timeNs, final long price)
    {
        return input(timeNs, encoder.trade(frame, 0, 0, inSequence + 1, price, BTC / 100, timeNs));
    }

    SyntheticSession fill(final long timeNs, final Side side, final long quantity, final long price, final long fee)
    {
        execId++;
        return input(timeNs, encoder.orderFilled(frame, 0, 1_000 + execId, execId, execId, 0, side, price, quantity, 0,
            quantity, fee, timeNs));
    }

    SyntheticSession rejected(final long timeNs)
    {
        return input(timeNs, encoder.orderRejected(frame, 0, 999, 0, VenueRejectReason.NO_MARKET, timeNs));
    }

    SyntheticSession cancelled(final long timeNs, final long quantity)
    {
        return input(timeNs, encoder.orderCancelled(frame, 0, 998, 1, 0, quantity, timeNs));
    }

    SyntheticSession orderSent(final long timeNs, final Side side, final long quantity)
    {
        newOrder.wrapAndApplyHeader(frame, 0, new MessageHeaderEncoder())
            .clOrdId(outSequence + 1)
            .instrumentId(0)
            .strategyId(0)
            .side(side)
            .ordType(OrdType.MARKET)
            .timeInForce(TimeInForce.IOC)
            .quantity(quantity)
            .limitPrice(0)
            .stopPrice(0)
            .causeSequence(Math.max(1, inSequence));
        out.append(++outSequence, timeNs, frame, 0, MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength());
        out.commit();
        return this;
    }

    private SyntheticSession input(final long timeNs, final int length)
    {
        in.append(++inSequence, timeNs, frame, 0, length);
        in.commit();
        return this;
    }

    @Override
    public void close()
    {
        in.close();
        out.close();
        journals.close();
    }
}
