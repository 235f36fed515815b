package io.ringwall.engine.metrics;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.ringwall.codecs.BreakerType;
import io.ringwall.journal.StateViewMap;

/**
 * Publishes positions, working orders and breaker states to a Chronicle Map ({@code <journal>/state-view.cm3})
 * that other processes read while the engine runs ({@code ringwall status}). Its own thread reads the
 * logic's seqlock {@link EngineStateSnapshot} every interval and rewrites the view when a new capture is
 * there; the logic thread never touches the map. Text formatting and map writes happen here, off the hot
 * path.
 *
 * <p>Keys and values (values are {@code name=value} pairs separated by spaces, fixed-point mantissas as
 * decimal text):
 * <ul>
 *   <li>{@code engine}: state (RUNNING, STOPPED, FAILED), inputs, last input sequence, logic time, equity,
 *       cash, PnL, drawdown, working orders, worst breaker, the capture's wall time;</li>
 *   <li>{@code position/SYMBOL}: quantity and cost basis;</li>
 *   <li>{@code order/CLORDID}: instrument, side, type, status, quantity, filled, limit and stop price;</li>
 *   <li>{@code breaker/TYPE}: state and trips.</li>
 * </ul>
 */
public final class StateViewPublisher implements AutoCloseable
{
    /** The view's name inside a journal directory. */
    public static final String FILE_NAME = "state-view.cm3";
    /** Default period between two looks at the snapshot. */
    public static final long DEFAULT_INTERVAL_MS = 100;

    private final EngineStateSnapshot snapshot;
    private final EngineState state;
    private final StateViewMap view;
    private final long intervalNs;
    private final Set<String> orderKeys = new HashSet<>();
    private final Set<String> nextOrderKeys = new HashSet<>();
    private long publishedVersion = -1;
    private volatile boolean running;
    private volatile Throwable failure;
    private Thread thread;

    /**
     * Creates the view (replacing an earlier one at {@code file}).
     */
    public StateViewPublisher(final EngineStateSnapshot snapshot, final Path file, final long intervalMs)
    {
        if (intervalMs < 1)
        {
            throw new IllegalArgumentException("state view interval " + intervalMs + " ms is not positive");
        }
        this.snapshot = snapshot;
        this.state = snapshot.newState();
        this.intervalNs = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        this.view = StateViewMap.create(file, 8 + state.symbols().size() + EngineStateSnapshot.MAX_ORDERS_SHOWN +
            EngineStateSnapshot.BREAKERS.length);
        write("STARTING");
    }

    /** Starts the publishing thread. */
    public void start()
    {
        if (thread != null)
        {
            return;
        }
        running = true;
        thread = new Thread(this::run, "ringwall-state-view");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the thread and writes the final state once: call after the logic thread published its last
     * capture ({@code StatePublisher.publishNow()} once the pipeline stopped).
     *
     * @param engineState what the engine ended as: STOPPED, or FAILED when trading halted on an error.
     */
    public void finish(final String engineState)
    {
        stopThread();
        write(engineState);
    }

    /** @return the view's file. */
    public Path file()
    {
        return view.file();
    }

    @Override
    public void close()
    {
        stopThread();
        view.close();
        if (failure != null)
        {
            throw new IllegalStateException("the state view " + view.file() + " could not be written: " + failure,
                failure);
        }
    }

    private void stopThread()
    {
        if (thread == null)
        {
            return;
        }
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(10_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private void run()
    {
        try
        {
            while (running)
            {
                LockSupport.parkNanos(this, intervalNs);
                if (running)
                {
                    publishIfChanged();
                }
            }
        }
        catch (final Throwable ex)
        {
            failure = ex;
        }
    }

    private void publishIfChanged()
    {
        snapshot.read(state);
        if (state.version() != publishedVersion)
        {
            writeState("RUNNING");
        }
    }

    private void write(final String engineState)
    {
        snapshot.read(state);
        writeState(engineState);
    }

    private void writeState(final String engineState)
    {
        publishedVersion = state.version();
        view.beginUpdate();
        view.put("engine", "state=" + engineState + " captures=" + state.version() / 2 +
            " inputs=" + state.inputs() + " lastInputSequence=" + state.lastInputSequence() +
            " logicTimeNs=" + state.logicTimeNs() + " equity=" + state.equity() + " cash=" + state.cash() +
            " realizedPnl=" + state.realizedPnl() + " unrealizedPnl=" + state.unrealizedPnl() +
            " dailyPnl=" + state.dailyPnl() + " drawdown=" + state.drawdown() +
            " workingOrders=" + state.workingOrders() + " ordersShown=" + state.ordersShown() +
            " worstBreaker=" + state.worstBreakerState() + " capturedWallMs=" + state.publishedWallMs());
        if (state.shadowDecisions() > 0 || state.shadowExecutions() > 0)
        {
            // only in a shadow session (ringwall run --shadow)
            view.put("shadow", "decisions=" + state.shadowDecisions() + " misalignments=" +
                state.shadowMisalignments() + " ordersFinished=" + state.shadowExecutions() + " ordersFilled=" +
                state.shadowFilled() + " executionQualityPpm=" +
                (Double.isNaN(state.shadowExecutionQuality()) ? -1 : Math.round(state.shadowExecutionQuality() * 1e6)));
        }
        for (int i = 0; i < state.symbols().size(); i++)
        {
            view.put("position/" + state.symbols().get(i), "quantity=" + state.position(i) +
                " costBasis=" + state.costBasis(i));
        }
        for (final BreakerType type : EngineStateSnapshot.BREAKERS)
        {
            if (type != BreakerType.NULL_VAL)
            {
                view.put("breaker/" + type.name(), "state=" + state.breakerState(type) + " trips=" +
                    state.breakerTrips(type));
            }
        }
        nextOrderKeys.clear();
        for (int i = 0; i < state.ordersShown(); i++)
        {
            final String key = "order/" + state.orderClOrdId(i);
            final int instrumentId = state.orderInstrumentId(i);
            nextOrderKeys.add(key);
            view.put(key, "instrument=" + symbol(instrumentId) + " side=" + state.orderSide(i) +
                " type=" + state.orderType(i) + " status=" + state.orderStatus(i) +
                " quantity=" + state.orderQuantity(i) + " filled=" + state.orderFilled(i) +
                " limitPrice=" + state.orderLimitPrice(i) + " stopPrice=" + state.orderStopPrice(i));
        }
        for (final String gone : orderKeys)
        {
            if (!nextOrderKeys.contains(gone))
            {
                view.remove(gone);
            }
        }
        orderKeys.clear();
        orderKeys.addAll(nextOrderKeys);
        view.endUpdate();
    }

    private String symbol(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < state.symbols().size() ? state.symbols().get(instrumentId) :
            Integer.toString(instrumentId);
    }
}
