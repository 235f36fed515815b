package io.ringwall.tools.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.ringwall.engine.Backtest;
import io.ringwall.engine.BacktestRecorder;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.tools.backtest.BacktestReport;
import io.ringwall.tools.backtest.SessionFigures;
import org.agrona.DirectBuffer;

/**
 * Runs many in-memory backtests of the same engine in one process, in parallel. Each backtest builds its own
 * logic, venue and figures on the worker thread that runs it and shares nothing mutable with the others; the
 * market data are shared read-only ({@link RecordedMarketData}). Results come back in the jobs' order, so what
 * a caller makes of them does not depend on the number of threads or on which finished first.
 */
public final class BatchBacktester
{
    /**
     * One backtest: the logic's configuration (strategies, costs, limits) and the data it runs on.
     *
     * @param label names the job in a failure.
     */
    public record Job(String label, LogicConfig config, MarketDataSource source)
    {
    }

    /** Told after each finished backtest; called from worker threads, one call at a time. */
    @FunctionalInterface
    public interface Progress
    {
        Progress NONE = (done, total) -> { };

        void backtestsDone(int done, int total);
    }

    private final int threads;
    private final long timerIntervalNs;
    private final long periodNs;
    private final int periodsPerYear;

    /**
     * @param threads         worker threads, at least 1.
     * @param timerIntervalNs event-time period of timer ticks, as {@code ringwall backtest --timer-ms} gives it.
     * @param periodNs        return period of the figures (Sharpe, PSR).
     * @param periodsPerYear  return periods in a year, to annualise.
     */
    public BatchBacktester(final int threads, final long timerIntervalNs, final long periodNs, final int periodsPerYear)
    {
        if (threads < 1)
        {
            throw new IllegalArgumentException("threads: " + threads + " is not positive");
        }
        this.threads = threads;
        this.timerIntervalNs = timerIntervalNs;
        this.periodNs = periodNs;
        this.periodsPerYear = periodsPerYear;
    }

    /**
     * Runs every job.
     *
     * @return one report per job, in the jobs' order.
     * @throws IllegalStateException naming the first job (in job order) that failed.
     */
    public List<BacktestReport> run(final List<Job> jobs, final Progress progress)
    {
        final ExecutorService pool = Executors.newFixedThreadPool(threads, runnable ->
        {
            final Thread thread = new Thread(runnable, "backtest-worker");
            thread.setDaemon(true);
            return thread;
        });
        try
        {
            final AtomicInteger done = new AtomicInteger();
            final List<Future<BacktestReport>> futures = new ArrayList<>(jobs.size());
            for (final Job job : jobs)
            {
                futures.add(pool.submit(() ->
                {
                    final BacktestReport report = runOne(job);
                    synchronized (progress)
                    {
                        progress.backtestsDone(done.incrementAndGet(), jobs.size());
                    }
                    return report;
                }));
            }
            final List<BacktestReport> reports = new ArrayList<>(jobs.size());
            for (int i = 0; i < futures.size(); i++)
            {
                reports.add(result(futures.get(i), jobs.get(i)));
            }
            return reports;
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    /** One backtest on the calling thread. */
    public BacktestReport runOne(final Job job)
    {
        return runFigures(job).report(job.config());
    }

    /** One backtest on the calling thread; its figures, for more than the report (the trade sequence). */
    public SessionFigures runFigures(final Job job)
    {
        final Figures figures = new Figures();
        try (Backtest backtest = Backtest.inMemory(job.config(), timerIntervalNs, figures))
        {
            figures.figures = new SessionFigures(backtest.logic().portfolio(), job.config().instruments().size(),
                periodNs, periodsPerYear, false);
            final RunSummary summary = backtest.run(job.source());
            if (summary.failure() != null)
            {
                throw new IllegalStateException(job.label() + ": " + summary.failure());
            }
            return figures.figures;
        }
    }

    private static BacktestReport result(final Future<BacktestReport> future, final Job job)
    {
        try
        {
            return future.get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + job.label(), ex);
        }
        catch (final ExecutionException ex)
        {
            final Throwable cause = ex.getCause();
            throw new IllegalStateException(job.label() + " failed: " + cause.getMessage(), cause);
        }
    }

    /** Feeds the backtest's inputs and outputs to the report's figures instead of to journals. */
    private static final class Figures implements BacktestRecorder
    {
        SessionFigures figures;

        @Override
        public void beforeInput(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
            final int length)
        {
            figures.beforeInput(frame, offset);
        }

        @Override
        public void afterInput(final long sequence, final long timeNs)
        {
            figures.afterInput(timeNs);
        }

        @Override
        public void output(final long sequence, final long timeNs, final DirectBuffer frame, final int offset,
            final int length)
        {
            figures.onOutput(frame, offset);
        }
    }
}
