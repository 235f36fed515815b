package io.ringwall.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

import io.ringwall.codecs.Side;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.config.ReferenceData;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.frames.VenueAnswers;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.logic.OutputSink;
import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;
import io.ringwall.engine.venue.PaperVenue;
import io.ringwall.engine.venue.SimulatedVenue;
import io.ringwall.engine.venue.VenueFrames;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalWriter;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Backtest mode: historical data drives the clock and the paper venue answers in event time, as fast as
 * one core allows. It is the same engine as paper mode (the same journals, business logic, paper venue and
 * frames) run on one thread: a closed loop between logic and venue gains nothing from rings, because each
 * print's consequences must settle before the next print anyway.
 *
 * <p>Every input is journaled, then handed to the logic, then shown to the venue; the logic's outputs are
 * journaled and queued for the venue; the venue's answers are queued as the next inputs. Orders are handed
 * to the venue before the next queued input, and a print reaches the venue before the orders it caused:
 * the same order the paper pipeline's lock-step gives, so both write the same journals from the same data.
 *
 * <p>A journaled backtest (the {@code ringwall backtest} command) records to the session's journals; an
 * in-memory one ({@link #inMemory}, the validation tools' many runs) hands the same inputs and outputs to a
 * {@link BacktestRecorder} instead and writes nothing: the logic, venue and order of events are the same.
 */
public final class Backtest implements AutoCloseable
{
    /** Journal documents are committed every this many inputs (and at the end). */
    private static final int COMMIT_EVERY = 512;
    private static final int FRAME_HEADER = Long.BYTES + Integer.BYTES;

    /** Null for an in-memory backtest. */
    private final JournalDirectory journals;
    private final BacktestRecorder recorder;
    private final BusinessLogic logic;
    private final VenueFrames venue;
    private final TimerSchedule timers;
    private final InputEncoder encoder = new InputEncoder();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[512]);
    private final UnsafeBuffer timerFrame = new UnsafeBuffer(new byte[64]);
    private final long initialCash;
    private final FrameQueue pendingInputs = new FrameQueue();
    private final FrameQueue pendingOrders = new FrameQueue();
    private final Answers answers = new Answers();
    private long inputSequence;
    private long lastTimeNs = Long.MIN_VALUE;
    private LongConsumer progress = inputs -> { };

    /**
     * @param timerIntervalNs event-time period of timer ticks, 0 for none.
     * @throws IllegalStateException when the directory already holds a session.
     */
    public Backtest(final Path journalDir, final LogicConfig config, final long timerIntervalNs)
    {
        this.journals = JournalDirectory.open(journalDir, "backtest");
        final JournalWriter inputJournal = journals.inputWriter();
        final JournalWriter outputJournal = journals.outputWriter();
        if (inputJournal.lastSequence() != 0 || outputJournal.lastSequence() != 0)
        {
            journals.close();
            throw new IllegalStateException("journal directory " + journalDir.toAbsolutePath() + " already holds a " +
                "session; choose another --journal directory");
        }
        final Map<String, String> manifest = new LinkedHashMap<>(config.toManifest());
        manifest.put("engine.mode", "backtest");
        manifest.put("engine.clock", "data");
        journals.writeManifest(manifest);
        ReferenceData.publish(Engine.referenceDataFile(journalDir), config.instruments());
        this.recorder = new JournalRecorder(inputJournal, outputJournal);
        this.timers = new TimerSchedule(timerIntervalNs);
        this.initialCash = config.initialCash();
        this.logic = BusinessLogic.create(config, this::onOutput);
        this.venue = new VenueFrames(PaperVenue.forSession(config, SimulatedVenue.CAPACITY, answers));
    }

    private Backtest(final LogicConfig config, final long timerIntervalNs, final BacktestRecorder recorder)
    {
        this.journals = null;
        this.recorder = recorder;
        this.timers = new TimerSchedule(timerIntervalNs);
        this.initialCash = config.initialCash();
        this.logic = BusinessLogic.create(config, this::onOutput);
        this.venue = new VenueFrames(PaperVenue.forSession(config, SimulatedVenue.CAPACITY, answers));
    }

    /**
     * A backtest that journals nothing: every input and output goes to {@code recorder} only. Many of these
     * run side by side in one process (one per thread; an instance is confined to the thread that runs it).
     *
     * @param timerIntervalNs event-time period of timer ticks, 0 for none.
     */
    public static Backtest inMemory(final LogicConfig config, final long timerIntervalNs,
        final BacktestRecorder recorder)
    {
        return new Backtest(config, timerIntervalNs, recorder);
    }

    /**
     * @param listener told the number of inputs handled so far, every {@link #COMMIT_EVERY} inputs.
     */
    public Backtest onProgress(final LongConsumer listener)
    {
        this.progress = listener;
        return this;
    }

    /**
     * Runs {@code source} to its end.
     *
     * @return the summary; a failure halts the run and is named in it.
     */
    public RunSummary run(final MarketDataSource source)
    {
        final long startNanos = System.nanoTime();
        SourceStats stats = null;
        String failure = null;
        try
        {
            stats = source.run(new Feed());
        }
        catch (final RuntimeException ex)
        {
            failure = "backtest halted at input " + inputSequence + ": " +
                (ex instanceof io.ringwall.engine.marketdata.MarketDataRefusedException ? ex.getMessage() : ex);
        }
        recorder.commit();
        progress.accept(inputSequence);
        // No stage latencies and no latency.hlog: one thread runs journal, logic and venue back to back, so
        // there are no rings or hand-offs to time; wall-clock figures would only measure this CPU, and the
        // venue's round trips in event time are the configured ack/fill latencies by construction.
        return RunSummary.of(source.describe(), stats, logic.counters(), initialCash, logic.portfolio(),
            System.nanoTime() - startNanos, new Histogram(3), failure, false);
    }

    public BusinessLogic logic()
    {
        return logic;
    }

    public PaperVenue venue()
    {
        return venue.venue();
    }

    @Override
    public void close()
    {
        recorder.close();
        if (journals != null)
        {
            journals.close();
        }
    }

    /** A market-data input and everything it sets off, to the end. */
    private void onMarketData(final long timeNs, final int length)
    {
        final long tickNs = timers.dueBefore(timeNs);
        if (tickNs != TimerSchedule.NONE)
        {
            handle(tickNs, timerFrame, 0, encoder.timerTick(timerFrame, 0, MarketDataFeed.TIMER_ID));
            settle();
        }
        handle(timeNs, scratch, 0, length);
        settle();
    }

    /** Hands queued orders to the venue and queued answers to the logic until both queues are empty. */
    private void settle()
    {
        while (true)
        {
            if (!pendingOrders.isEmpty())
            {
                venue.onOutput(pendingOrders.buffer, pendingOrders.frameOffset(), pendingOrders.frameTimeNs());
                pendingOrders.pop();
            }
            else if (!pendingInputs.isEmpty())
            {
                final long timeNs = pendingInputs.frameTimeNs();
                final int offset = pendingInputs.frameOffset();
                final int length = pendingInputs.frameLength();
                pendingInputs.pop();
                handle(timeNs, pendingInputs.buffer, offset, length);
            }
            else
            {
                pendingInputs.clear();
                pendingOrders.clear();
                return;
            }
        }
    }

    /** Journals one input, hands it to the logic, then shows it to the venue. */
    private void handle(final long sourceTimeNs, final DirectBuffer buffer, final int offset, final int length)
    {
        final long timeNs = Math.max(sourceTimeNs, lastTimeNs);
        lastTimeNs = timeNs;
        final long sequence = ++inputSequence;
        recorder.beforeInput(sequence, timeNs, buffer, offset, length);
        logic.onInput(sequence, timeNs, buffer, offset, length, 0);
        recorder.afterInput(sequence, timeNs);
        venue.onInput(buffer, offset, timeNs);
        if (sequence % COMMIT_EVERY == 0)
        {
            recorder.commit();
            progress.accept(sequence);
        }
    }

    private void onOutput(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
        final int length, final long causeIngressNanos)
    {
        recorder.output(sequence, timeNs, frame, offset, length);
        pendingOrders.push(timeNs, frame, offset, length);
    }

    /** The journaled backtest's recorder: inputs to journal "in" before the logic sees them, outputs to "out". */
    private static final class JournalRecorder implements BacktestRecorder
    {
        private final JournalWriter inputJournal;
        private final JournalWriter outputJournal;

        JournalRecorder(final JournalWriter inputJournal, final JournalWriter outputJournal)
        {
            this.inputJournal = inputJournal;
            this.outputJournal = outputJournal;
        }

        @Override
        public void beforeInput(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
            final int length)
        {
            inputJournal.append(sequence, timeNs, frame, offset, length);
        }

        @Override
        public void output(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
            final int length)
        {
            outputJournal.append(sequence, timeNs, frame, offset, length);
        }

        @Override
        public void commit()
        {
            inputJournal.commit();
            outputJournal.commit();
        }

        @Override
        public void close()
        {
            inputJournal.close();
            outputJournal.close();
        }
    }

    /**
     * A FIFO of frames with their time in one growable buffer; emptied between prints, so it stops growing
     * after the first busy print.
     */
    private static final class FrameQueue
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
        private int head;
        private int tail;

        boolean isEmpty()
        {
            return head == tail;
        }

        void clear()
        {
            head = 0;
            tail = 0;
        }

        void push(final long timeNs, final DirectBuffer frame, final int offset, final int length)
        {
            buffer.putLong(tail, timeNs);
            buffer.putInt(tail + Long.BYTES, length);
            buffer.putBytes(tail + FRAME_HEADER, frame, offset, length);
            tail += FRAME_HEADER + length;
        }

        /** Reserves room for a frame encoded in place; {@link #commit} completes it. */
        int reserve(final long timeNs)
        {
            buffer.checkLimit(tail + FRAME_HEADER + 256);
            buffer.putLong(tail, timeNs);
            return tail + FRAME_HEADER;
        }

        void commit(final int length)
        {
            buffer.putInt(tail + Long.BYTES, length);
            tail += FRAME_HEADER + length;
        }

        long frameTimeNs()
        {
            return buffer.getLong(head);
        }

        int frameOffset()
        {
            return head + FRAME_HEADER;
        }

        int frameLength()
        {
            return buffer.getInt(head + Long.BYTES);
        }

        void pop()
        {
            head += FRAME_HEADER + frameLength();
        }
    }

    /** The venue's answers become queued inputs, encoded in place. */
    private final class Answers implements VenueAnswers
    {
        @Override
        public void orderAccepted(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId)
        {
            final int at = pendingInputs.reserve(timeNs);
            pendingInputs.commit(encoder.orderAccepted(pendingInputs.buffer, at, clOrdId, venueOrderId, instrumentId,
                timeNs));
        }

        @Override
        public void orderFilled(final long timeNs, final long clOrdId, final long venueOrderId, final long execId,
            final int instrumentId, final Side side, final long lastPrice, final long lastQuantity,
            final long leavesQuantity, final long cumQuantity, final long fee)
        {
            final int at = pendingInputs.reserve(timeNs);
            pendingInputs.commit(encoder.orderFilled(pendingInputs.buffer, at, clOrdId, venueOrderId, execId,
                instrumentId, side, lastPrice, lastQuantity, leavesQuantity, cumQuantity, fee, timeNs));
        }

        @Override
        public void orderRejected(final long timeNs, final long clOrdId, final int instrumentId,
            final VenueRejectReason reason)
        {
            final int at = pendingInputs.reserve(timeNs);
            pendingInputs.commit(encoder.orderRejected(pendingInputs.buffer, at, clOrdId, instrumentId, reason, timeNs));
        }

        @Override
        public void orderCancelled(final long timeNs, final long clOrdId, final long venueOrderId,
            final int instrumentId, final long cancelledQuantity)
        {
            final int at = pendingInputs.reserve(timeNs);
            pendingInputs.commit(encoder.orderCancelled(pendingInputs.buffer, at, clOrdId, venueOrderId, instrumentId,
                cancelledQuantity, timeNs));
        }

        @Override
        public void orderExpired(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId,
            final long expiredQuantity)
        {
            final int at = pendingInputs.reserve(timeNs);
            pendingInputs.commit(encoder.orderExpired(pendingInputs.buffer, at, clOrdId, venueOrderId, instrumentId,
                expiredQuantity, timeNs));
        }

        @Override
        public void cancelRejected(final long timeNs, final long clOrdId, final long origClOrdId,
            final VenueRejectReason reason)
        {
            final int at = pendingInputs.reserve(timeNs);
            pendingInputs.commit(encoder.cancelRejected(pendingInputs.buffer, at, clOrdId, origClOrdId, reason, timeNs));
        }

        @Override
        public void orderReplaced(final long timeNs, final long clOrdId, final long origClOrdId,
            final long venueOrderId, final int instrumentId, final long quantity, final long limitPrice,
            final long leavesQuantity, final long cumQuantity)
        {
            final int at = pendingInputs.reserve(timeNs);
            pendingInputs.commit(encoder.orderReplaced(pendingInputs.buffer, at, clOrdId, origClOrdId, venueOrderId,
                instrumentId, quantity, limitPrice, leavesQuantity, cumQuantity, timeNs));
        }

        @Override
        public void replaceRejected(final long timeNs, final long clOrdId, final long origClOrdId,
            final VenueRejectReason reason)
        {
            final int at = pendingInputs.reserve(timeNs);
            pendingInputs.commit(encoder.replaceRejected(pendingInputs.buffer, at, clOrdId, origClOrdId, reason,
                timeNs));
        }
    }

    /** The data source's sink: each record is encoded and run through the loop before the next is read. */
    private final class Feed implements MarketDataSink
    {
        @Override
        public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
            final long exchangeTimeNs)
        {
            onMarketData(exchangeTimeNs, encoder.trade(scratch, 0, instrumentId, tradeId, price, quantity, exchangeTimeNs));
        }

        @Override
        public void quote(final int instrumentId, final long bidPrice, final long bidQuantity, final long askPrice,
            final long askQuantity, final long exchangeTimeNs)
        {
            onMarketData(exchangeTimeNs, encoder.quote(scratch, 0, instrumentId, bidPrice, bidQuantity, askPrice,
                askQuantity, exchangeTimeNs));
        }

        @Override
        public void feedHealth(final io.ringwall.codecs.FeedHealthState state, final long expectedSequence,
            final long receivedSequence, final long silenceNs, final long exchangeTimeNs)
        {
            onMarketData(exchangeTimeNs, encoder.feedHealth(scratch, 0, state, expectedSequence, receivedSequence,
                silenceNs, exchangeTimeNs));
        }

        @Override
        public void tradingStatus(final int instrumentId, final io.ringwall.codecs.InstrumentTradingState state,
            final int reasonCode, final long exchangeTimeNs)
        {
            onMarketData(exchangeTimeNs, encoder.tradingStatus(scratch, 0, instrumentId, state, reasonCode,
                exchangeTimeNs));
        }

        @Override
        public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
            final long volume, final long startTimeNs, final long durationNs)
        {
            onMarketData(startTimeNs + durationNs, encoder.bar(scratch, 0, instrumentId, open, high, low, close, volume,
                startTimeNs, durationNs));
        }
    }
}
