package io.ringwall.tools.backtest;

import java.nio.file.Path;
import java.time.Instant;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.logic.Portfolio;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import io.ringwall.journal.JournalWriter;
import org.agrona.DirectBuffer;

/**
 * Computes a {@link BacktestReport} from a session directory. The logic is a deterministic function of
 * journal "in", so the analyzer rebuilds it from the manifest (as the replay verifier does), feeds it
 * every input on this thread and samples the portfolio after each one. Orders sent are read from
 * journal "out", the record of what went to the venue.
 */
public final class BacktestAnalyzer
{
    /**
     * Crypto trades every calendar day, so a year holds 365 daily periods (equity markets would use 252).
     * The daily series is calendar-filled (see {@link DailyCloses}), which matches this count.
     */
    public static final int DEFAULT_PERIODS_PER_YEAR = 365;
    private static final double DAYS_PER_YEAR = 365.25;
    /** How often progress is reported: often enough for a smooth bar, rare enough to cost nothing. */
    private static final long PROGRESS_EVERY_INPUTS = 4096;

    private final int periodsPerYear;

    public BacktestAnalyzer()
    {
        this(DEFAULT_PERIODS_PER_YEAR);
    }

    /** @param periodsPerYear daily periods in a year, to annualise Sharpe and Sortino (365 or 252). */
    public BacktestAnalyzer(final int periodsPerYear)
    {
        if (periodsPerYear < 1)
        {
            throw new IllegalArgumentException("periodsPerYear: " + periodsPerYear + " is not positive");
        }
        this.periodsPerYear = periodsPerYear;
    }

    /**
     * Replays the session in {@code sessionDir} and computes its figures.
     *
     * @param progress told (input sequence, last sequence of journal "in") as the replay goes.
     * @throws IllegalArgumentException when the directory holds no journal or its manifest is incomplete.
     * @throws io.ringwall.journal.JournalCorruptException when a journal is corrupt.
     */
    public BacktestAnalysis analyze(final Path sessionDir, final ProgressListener progress)
    {
        try (JournalDirectory journals = JournalDirectory.openExisting(sessionDir))
        {
            final LogicConfig config = LogicConfig.fromManifest(journals.readManifest());
            final TradeTally tally = new TradeTally();
            countOrdersSent(journals, tally);
            final Replay replay = new Replay(config, tally, periodsPerYear);
            final long total = lastInputSequence(journals);
            try (JournalReader inputs = journals.inputReader())
            {
                inputs.readAll((sequence, timeNs, frame, offset, length) ->
                {
                    replay.onInput(sequence, timeNs, frame, offset, length);
                    if (sequence % PROGRESS_EVERY_INPUTS == 0)
                    {
                        progress.progress(sequence, total);
                    }
                });
                progress.progress(inputs.lastSequence(), total);
            }
            finally
            {
                progress.finished();
            }
            return new BacktestAnalysis(replay.report(config), replay.equity);
        }
    }

    /** The last sequence of journal "in", read from its tail without reading it all (a writer is never appended to). */
    private static long lastInputSequence(final JournalDirectory journals)
    {
        try (JournalWriter tail = journals.inputWriter())
        {
            return tail.lastSequence();
        }
    }

    private static void countOrdersSent(final JournalDirectory journals, final TradeTally tally)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final NewOrderDecoder order = new NewOrderDecoder();
        try (JournalReader outputs = journals.outputReader())
        {
            outputs.readAll((sequence, timeNs, frame, offset, length) ->
            {
                header.wrap(frame, offset);
                if (header.schemaId() == MessageHeaderDecoder.SCHEMA_ID && header.templateId() == NewOrderDecoder.TEMPLATE_ID)
                {
                    order.wrapAndApplyHeader(frame, offset, header);
                    tally.onOrderSent(order.quantity());
                }
            });
        }
    }

    /** The logic being replayed and what is sampled from it after each input. */
    private static final class Replay
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final OrderFilledDecoder fill = new OrderFilledDecoder();
        private final BusinessLogic logic;
        private final Portfolio portfolio;
        private final int instruments;
        private final TradeTally tally;
        private final int periodsPerYear;
        private final long initialEquity;
        private final EquitySeries equity = new EquitySeries();
        private final DailyCloses daily = new DailyCloses();
        private final MaxDrawdown drawdown;
        private long inputs;

        Replay(final LogicConfig config, final TradeTally tally, final int periodsPerYear)
        {
            // The replay's outputs are not needed: journal "out" is the record of what was sent.
            logic = BusinessLogic.create(config, (sequence, timeNs, frame, offset, length, ingress) -> { });
            portfolio = logic.portfolio();
            instruments = config.instruments().size();
            this.tally = tally;
            this.periodsPerYear = periodsPerYear;
            initialEquity = portfolio.equity();
            drawdown = new MaxDrawdown(initialEquity);
        }

        void onInput(final long sequence, final long timeNs, final DirectBuffer frame, final int offset, final int length)
        {
            header.wrap(frame, offset);
            final int templateId = header.schemaId() == MessageHeaderDecoder.SCHEMA_ID ? header.templateId() : -1;
            final boolean booksFill = templateId == OrderFilledDecoder.TEMPLATE_ID &&
                isValid(fill.wrapAndApplyHeader(frame, offset, header).instrumentId());
            final long positionBefore = booksFill ? portfolio.position(fill.instrumentId()) : 0;
            final long realizedBefore = portfolio.realizedPnl();

            logic.onInput(sequence, timeNs, frame, offset, length, 0);

            if (booksFill)
            {
                tally.onFill(fill, positionBefore, portfolio.realizedPnl() - realizedBefore);
            }
            else if (templateId == OrderRejectedDecoder.TEMPLATE_ID)
            {
                tally.onVenueReject();
            }
            else if (templateId == OrderCancelledDecoder.TEMPLATE_ID)
            {
                tally.onCancel();
            }
            final long equityNow = portfolio.equity();
            inputs++;
            equity.add(timeNs, equityNow);
            daily.add(timeNs, equityNow);
            drawdown.add(equityNow);
        }

        private boolean isValid(final int instrumentId)
        {
            return instrumentId >= 0 && instrumentId < instruments;
        }

        BacktestReport report(final LogicConfig config)
        {
            final int samples = equity.size();
            final long first = samples == 0 ? 0 : equity.timeNs(0);
            final long last = samples == 0 ? 0 : equity.timeNs(samples - 1);
            final long finalEquity = samples == 0 ? initialEquity : equity.equity(samples - 1);
            final double elapsedDays = (double)(last - first) / DailyCloses.DAY_NS;
            final Double totalReturn = initialEquity > 0 ? (double)(finalEquity - initialEquity) / initialEquity : null;
            final double[] dailyReturns = initialEquity > 0 ? daily.returns(initialEquity) : new double[0];
            final double averageEquity = equity.averageEquity();
            return new BacktestReport(config.strategySpecs(), iso(samples, first), iso(samples, last), inputs,
                elapsedDays, initialEquity, finalEquity, totalReturn, annualised(totalReturn, elapsedDays),
                periodsPerYear, dailyReturns.length,
                RiskAdjustedReturns.sharpe(dailyReturns, periodsPerYear),
                RiskAdjustedReturns.sortino(dailyReturns, periodsPerYear),
                drawdown.maxFraction(), drawdown.maxMoney(),
                tally.fills, tally.closingFills, tally.winningClosingFills,
                ratio(tally.winningClosingFills, tally.closingFills),
                tally.tradedNotional, averageEquity > 0 ? tally.tradedNotional / averageEquity : null,
                tally.feesPaid, tally.tradedNotional > 0 ? tally.feesPaid * 10_000.0 / tally.tradedNotional : null,
                portfolio.realizedPnl(),
                tally.ordersSent, tally.orderedQuantity, tally.filledQuantity,
                ratio(tally.filledQuantity, tally.orderedQuantity),
                tally.venueRejects, tally.cancels, java.util.List.of());
        }

        private static Double annualised(final Double totalReturn, final double elapsedDays)
        {
            if (totalReturn == null || elapsedDays <= 0)
            {
                return null;
            }
            if (totalReturn <= -1)
            {
                return -1.0;
            }
            // A few minutes of data compounds to an astronomic figure; past the range of a double it is undefined.
            final double annualised = StrictMath.pow(1 + totalReturn, DAYS_PER_YEAR / elapsedDays) - 1;
            return Double.isFinite(annualised) ? annualised : null;
        }

        private static Double ratio(final long part, final long whole)
        {
            return whole == 0 ? null : (double)part / whole;
        }

        private static String iso(final int samples, final long timeNs)
        {
            return samples == 0 ? null :
                Instant.ofEpochSecond(Math.floorDiv(timeNs, 1_000_000_000L), Math.floorMod(timeNs, 1_000_000_000L))
                    .toString();
        }
    }
}
