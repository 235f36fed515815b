package io.ringwall.tools.backtest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for long replays, drawn by me.tongfei:progressbar (it redraws from its own
 * thread every {@value #UPDATE_INTERVAL_MS} ms; {@link #progress} only stores a number). Use
 * {@link #forStderr(boolean)}: it draws nothing when disabled or when stderr is not a terminal (a pipe,
 * a file, CI), so logs stay free of carriage-return noise.
 */
public final class TerminalProgressBar implements ProgressListener
{
    static final int UPDATE_INTERVAL_MS = 200;

    private final String taskName;
    private final PrintStream out;
    private final int width;
    private ProgressBar bar;

    TerminalProgressBar(final String taskName, final PrintStream out, final int width)
    {
        this.taskName = taskName;
        this.out = out;
        this.width = width;
    }

    /**
     * @param enabled false for --quiet: no bar at all.
     * @return a bar on stderr, or {@link ProgressListener#NONE} when disabled or stderr is not a terminal.
     */
    public static ProgressListener forStderr(final boolean enabled)
    {
        if (!enabled || !stderrIsTerminal())
        {
            return ProgressListener.NONE;
        }
        // width -1: the library asks the terminal for its width.
        return new TerminalProgressBar("Replaying journal", System.err, -1);
    }

    /**
     * Whether file descriptor 2 is a terminal. Java has no isatty for stderr (System.console() looks at
     * stdin and stdout); on Linux /proc names the descriptor's target, a tty or pts device for a terminal.
     * Elsewhere the answer is no: a missing bar is harmless, a bar in a log file is noise.
     */
    public static boolean stderrIsTerminal()
    {
        try
        {
            final String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        }
        catch (final IOException | UnsupportedOperationException | SecurityException ex)
        {
            return false;
        }
    }

    @Override
    public void progress(final long done, final long total)
    {
        if (bar == null)
        {
            bar = new ProgressBarBuilder()
                .setTaskName(taskName)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(UPDATE_INTERVAL_MS)
                .setUnit(" inputs", 1)
                .setConsumer(width > 0 ? new ConsoleProgressBarConsumer(out, width) : new ConsoleProgressBarConsumer(out))
                .showSpeed()
                .build();
        }
        bar.maxHint(total);
        bar.stepTo(done);
    }

    @Override
    public void finished()
    {
        if (bar != null)
        {
            bar.close();
            bar = null;
        }
    }
}
