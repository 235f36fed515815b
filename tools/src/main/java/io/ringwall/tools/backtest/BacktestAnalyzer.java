package io.ringwall.tools.backtest;

import java.nio.file.Path;

import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import io.ringwall.journal.JournalWriter;

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
            // The replay's outputs are not needed: journal "out" is the record of what was sent.
            final BusinessLogic logic = BusinessLogic.create(config, (sequence, timeNs, frame, offset, length, ingress) -> { });
            final SessionFigures figures = new SessionFigures(logic.portfolio(), config.instruments().size(),
                DailyCloses.DAY_NS, periodsPerYear, true);
            countOrdersSent(journals, figures);
            final long total = lastInputSequence(journals);
            try (JournalReader inputs = journals.inputReader())
            {
                inputs.readAll((sequence, timeNs, frame, offset, length) ->
                {
                    figures.beforeInput(frame, offset);
                    logic.onInput(sequence, timeNs, frame, offset, length, 0);
                    figures.afterInput(timeNs);
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
            return new BacktestAnalysis(figures.report(config), figures.equity());
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

    private static void countOrdersSent(final JournalDirectory journals, final SessionFigures figures)
    {
        try (JournalReader outputs = journals.outputReader())
        {
            outputs.readAll((sequence, timeNs, frame, offset, length) -> figures.onOutput(frame, offset));
        }
    }
}
