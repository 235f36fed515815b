package io.ringwall.tools.validation;

import java.io.PrintStream;

import io.ringwall.tools.backtest.TerminalProgressBar;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a batch of backtests on stderr: a redrawn bar on a terminal, else a plain line at every tenth
 * of the batch (a log or CI keeps a few readable lines, no carriage returns). Progress never reaches stdout or
 * a report, so the figures stay the same whatever is shown.
 */
public final class BatchProgressPrinter implements BatchBacktester.Progress, AutoCloseable
{
    private final String task;
    private final PrintStream out;
    private final boolean terminal;
    private ProgressBar bar;
    private int lastTenth = -1;

    BatchProgressPrinter(final String task, final PrintStream out, final boolean terminal)
    {
        this.task = task;
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * @param enabled false for {@code --no-progress}: nothing is printed.
     */
    public static BatchBacktester.Progress forStderr(final String task, final boolean enabled)
    {
        return enabled ? new BatchProgressPrinter(task, System.err, TerminalProgressBar.stderrIsTerminal()) :
            BatchBacktester.Progress.NONE;
    }

    @Override
    public void backtestsDone(final int done, final int total)
    {
        if (terminal)
        {
            if (bar == null)
            {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" backtests", 1).setConsumer(new ConsoleProgressBarConsumer(out)).build();
            }
            bar.stepTo(done);
            if (done == total)
            {
                bar.close();
                bar = null;
            }
            return;
        }
        final int tenth = (int)(10L * done / Math.max(1, total));
        if (tenth != lastTenth)
        {
            lastTenth = tenth;
            out.printf("%s: %,d of %,d backtests%n", task, done, total);
        }
    }

    @Override
    public void close()
    {
        if (bar != null)
        {
            bar.close();
            bar = null;
        }
    }
}
