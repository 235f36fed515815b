package io.ringwall.engine.checkpoint;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.ringwall.engine.Engine;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT as a graceful shutdown of a running engine: the first signal starts
 * {@link Engine#shutdown} on its own thread (the engine's run then returns and the process exits 0); a second
 * signal, or the shutdown timeout, forces exit with status 3 and says so. Signal handlers rather than a JVM
 * shutdown hook, because a hook cannot see the second signal (the JVM ignores signals once it is exiting).
 */
public final class ShutdownSignals implements AutoCloseable
{
    /** Exit status of a forced exit. */
    public static final int FORCED_EXIT = 3;

    private final Engine engine;
    private final boolean cancelOpenOrders;
    private final PrintWriter err;
    private final AtomicInteger received = new AtomicInteger();
    private final SignalHandler previousTerm;
    private final SignalHandler previousInt;

    private ShutdownSignals(final Engine engine, final boolean cancelOpenOrders, final PrintWriter err)
    {
        this.engine = engine;
        this.cancelOpenOrders = cancelOpenOrders;
        this.err = err;
        final SignalHandler handler = this::onSignal;
        previousTerm = Signal.handle(new Signal("TERM"), handler);
        previousInt = Signal.handle(new Signal("INT"), handler);
    }

    /**
     * @param cancelOpenOrders whether the graceful shutdown cancels every working order.
     */
    public static ShutdownSignals install(final Engine engine, final boolean cancelOpenOrders, final PrintWriter err)
    {
        return new ShutdownSignals(engine, cancelOpenOrders, err);
    }

    private void onSignal(final Signal signal)
    {
        if (received.incrementAndGet() > 1)
        {
            err.println("ringwall: second SIG" + signal.getName() + " during the graceful shutdown: forcing exit " +
                "now (journals hold every committed record; the next start recovers)");
            err.flush();
            Runtime.getRuntime().halt(FORCED_EXIT);
        }
        err.println("ringwall: SIG" + signal.getName() + ": graceful shutdown (stop intake" +
            (cancelOpenOrders ? ", cancel open orders" : "") + ", drain, final snapshot); send it again to force exit");
        err.flush();
        final Thread thread = new Thread(() ->
        {
            if (!engine.shutdown("SIG" + signal.getName(), cancelOpenOrders))
            {
                err.println("ringwall: graceful shutdown did not finish within " +
                    TimeUnit.NANOSECONDS.toSeconds(engine.shutdownTimeoutNs()) + " s: forcing exit");
                err.flush();
                Runtime.getRuntime().halt(FORCED_EXIT);
            }
        }, "ringwall-shutdown");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close()
    {
        Signal.handle(new Signal("TERM"), previousTerm);
        Signal.handle(new Signal("INT"), previousInt);
    }
}
