package io.ringwall.engine.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.EngineCounters;
import io.ringwall.engine.logic.OrderStatus;
import io.ringwall.engine.logic.Portfolio;
import io.ringwall.engine.logic.WorkingOrderVisitor;

/**
 * The business state the logic thread publishes for other threads (metrics, health), guarded by a seqlock
 * over one preallocated {@code long[]}. One writer, the logic thread, calls {@link #capture}: it makes the
 * version odd, copies the figures through the logic's public getters, then makes the version even again;
 * it never allocates, locks or waits. Any number of readers call {@link #read}: they copy the slots and
 * retry when the version was odd or changed meanwhile, so every copy is one capture, never a mix of two.
 */
public final class EngineStateSnapshot
{
    static final BreakerType[] BREAKERS = BreakerType.values();
    /** Reconciliation outcomes: their counts follow the breakers' trips. */
    static final ReconciliationOutcome[] OUTCOMES = ReconciliationOutcome.values();
    static final RiskRejectReason[] REASONS = RiskRejectReason.values();

    // Scalar slots; the per-reason, per-breaker and per-instrument blocks follow them.
    static final int INPUTS = 0;
    static final int MARKET_DATA_INPUTS = 1;
    static final int VENUE_INPUTS = 2;
    static final int OPERATOR_INPUTS = 3;
    static final int TIMER_INPUTS = 4;
    static final int UNKNOWN_FRAMES = 5;
    static final int ORDERS_SENT = 6;
    static final int CANCELS_SENT = 7;
    static final int FILLS = 8;
    static final int DUPLICATE_FILLS = 9;
    static final int VENUE_REJECTS = 10;
    static final int CANCELS = 11;
    static final int RISK_REJECTS = 12;
    static final int UNKNOWN_ORDER_EVENTS = 13;
    static final int INVALID_TRANSITIONS = 14;
    static final int IGNORED_COMMANDS = 15;
    static final int CASH = 16;
    static final int REALIZED_PNL = 17;
    static final int UNREALIZED_PNL = 18;
    static final int FEES_PAID = 19;
    static final int EQUITY = 20;
    static final int EQUITY_HIGH_WATER_MARK = 21;
    static final int DAILY_PNL = 22;
    static final int WORKING_ORDERS = 23;
    static final int CAPITAL_SCALE_PPM = 24;
    static final int WORST_BREAKER = 25;
    static final int LAST_INPUT_SEQUENCE = 26;
    static final int OUTPUT_SEQUENCE = 27;
    static final int LOGIC_TIME_NS = 28;
    static final int LAST_MARKET_DATA_TIME_NS = 29;
    static final int PUBLISHED_WALL_MS = 30;
    static final int LAST_MARKET_DATA_WALL_MS = 31;
    static final int DRAWDOWN = 32;
    static final int MAX_DRAWDOWN = 33;
    static final int ORDERS_SHOWN = 34;
    static final int AMENDS_SENT = 35;
    static final int REPLACES = 36;
    static final int REPLACE_REJECTS = 37;
    static final int AMENDS_REFUSED = 38;
    // Shadow trading (EngineCounters.shadow*): zero, and the quality -1, when the shadow is off.
    static final int SHADOW_DECISIONS = 39;
    static final int SHADOW_MISALIGNMENTS = 40;
    static final int SHADOW_EXECUTIONS = 41;
    static final int SHADOW_FILLED = 42;
    static final int SHADOW_SLIPPAGE_ORDERS = 43;
    static final int SHADOW_SLIPPAGE_PPM_SUM = 44;
    static final int SHADOW_QUALITY_PPM = 45;
    static final int SCALARS = 46;

    /** Most working orders a capture copies (the count of all of them is kept beside). */
    public static final int MAX_ORDERS_SHOWN = 256;
    // One working order's fields, in this order, in the orders block.
    static final int ORDER_CLORDID = 0;
    static final int ORDER_INSTRUMENT = 1;
    static final int ORDER_SIDE = 2;
    static final int ORDER_TYPE = 3;
    static final int ORDER_QUANTITY = 4;
    static final int ORDER_FILLED = 5;
    static final int ORDER_LIMIT_PRICE = 6;
    static final int ORDER_STOP_PRICE = 7;
    static final int ORDER_STATUS = 8;
    static final int ORDER_FIELDS = 9;

    private static final VarHandle VERSION;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    static
    {
        try
        {
            VERSION = MethodHandles.lookup().findVarHandle(EngineStateSnapshot.class, "version", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final List<String> symbols;
    private final long[] slots;
    private final int reasonsAt;
    private final int breakerStatesAt;
    private final int breakerTripsAt;
    private final int positionsAt;
    private final int costBasisAt;
    private final int ordersAt;
    private final WorkingOrderVisitor copyOrder = this::copyOrder;
    private int ordersCopied;
    /** Even: stable; odd: a capture is in progress; 0: nothing published yet. Written by the logic thread only. */
    @SuppressWarnings("unused")
    private long version;

    /**
     * @param symbols the instruments by id, as the logic's configuration lists them (positions are per id).
     */
    public EngineStateSnapshot(final List<String> symbols)
    {
        this.symbols = List.copyOf(symbols);
        reasonsAt = SCALARS;
        breakerStatesAt = reasonsAt + REASONS.length;
        breakerTripsAt = breakerStatesAt + BREAKERS.length;
        positionsAt = breakerTripsAt + BREAKERS.length + OUTCOMES.length;
        costBasisAt = positionsAt + symbols.size();
        ordersAt = costBasisAt + symbols.size();
        slots = new long[ordersAt + MAX_ORDERS_SHOWN * ORDER_FIELDS];
    }

    /**
     * Publishes the logic's state. Logic thread only (or after it stopped); no allocation.
     *
     * @param logicTimeNs           the logic's clock: the time of the last input it handled.
     * @param lastMarketDataTimeNs  engine time of the last market-data input, 0 if none yet.
     * @param wallMs                wall-clock time of this capture, epoch ms.
     * @param lastMarketDataWallMs  wall-clock time of the first capture that saw the last market-data input.
     */
    public void capture(final BusinessLogic logic, final long logicTimeNs, final long lastMarketDataTimeNs,
        final long wallMs, final long lastMarketDataWallMs)
    {
        final long stable = (long)VERSION.getOpaque(this);
        VERSION.setOpaque(this, stable + 1);
        VarHandle.storeStoreFence();

        final EngineCounters counters = logic.counters();
        put(INPUTS, counters.inputs);
        put(MARKET_DATA_INPUTS, counters.marketDataInputs);
        put(VENUE_INPUTS, counters.venueInputs);
        put(OPERATOR_INPUTS, counters.operatorInputs);
        put(TIMER_INPUTS, counters.timerInputs);
        put(UNKNOWN_FRAMES, counters.unknownFrames);
        put(ORDERS_SENT, counters.ordersSent);
        put(CANCELS_SENT, counters.cancelsSent);
        put(FILLS, counters.fills);
        put(DUPLICATE_FILLS, counters.duplicateFills);
        put(VENUE_REJECTS, counters.venueRejects);
        put(CANCELS, counters.cancels);
        put(RISK_REJECTS, counters.riskRejects);
        put(UNKNOWN_ORDER_EVENTS, counters.unknownOrderEvents);
        put(INVALID_TRANSITIONS, counters.invalidTransitions);
        put(IGNORED_COMMANDS, counters.ignoredCommands);
        put(AMENDS_SENT, counters.amendsSent);
        put(REPLACES, counters.replaces);
        put(REPLACE_REJECTS, counters.replaceRejects);
        put(AMENDS_REFUSED, counters.amendsRefused);
        put(SHADOW_DECISIONS, counters.shadowDecisions);
        put(SHADOW_MISALIGNMENTS, counters.shadowMisalignments);
        put(SHADOW_EXECUTIONS, counters.shadowExecutions);
        put(SHADOW_FILLED, counters.shadowFilled);
        put(SHADOW_SLIPPAGE_ORDERS, counters.shadowSlippageOrders);
        put(SHADOW_SLIPPAGE_PPM_SUM, counters.shadowSlippagePpmSum);
        put(SHADOW_QUALITY_PPM, counters.shadowExecutionQualityPpm);
        for (final RiskRejectReason reason : REASONS)
        {
            put(reasonsAt + reason.ordinal(), counters.riskRejects(reason));
        }
        for (final BreakerType type : BREAKERS)
        {
            put(breakerStatesAt + type.ordinal(), logic.breakerState(type).ordinal());
            put(breakerTripsAt + type.ordinal(), counters.breakerTrips(type));
        }
        for (final ReconciliationOutcome outcome : OUTCOMES)
        {
            put(breakerTripsAt + BREAKERS.length + outcome.ordinal(), counters.reconciliations(outcome));
        }
        put(WORST_BREAKER, logic.breakerState().ordinal());

        final Portfolio portfolio = logic.portfolio();
        put(CASH, portfolio.cash());
        put(REALIZED_PNL, portfolio.realizedPnl());
        put(UNREALIZED_PNL, portfolio.unrealizedPnl());
        put(FEES_PAID, portfolio.feesPaid());
        put(EQUITY, portfolio.equity());
        for (int i = 0; i < symbols.size(); i++)
        {
            put(positionsAt + i, portfolio.position(i));
            put(costBasisAt + i, portfolio.costBasis(i));
        }
        put(EQUITY_HIGH_WATER_MARK, portfolio.highWaterMark());
        put(DAILY_PNL, portfolio.dailyPnl());
        put(DRAWDOWN, portfolio.drawdown());
        put(MAX_DRAWDOWN, portfolio.maxDrawdown());
        ordersCopied = 0;
        logic.forEachWorkingOrder(copyOrder);
        put(ORDERS_SHOWN, ordersCopied);
        put(WORKING_ORDERS, logic.workingOrders());
        put(CAPITAL_SCALE_PPM, logic.capitalScalePpm());
        put(LAST_INPUT_SEQUENCE, logic.lastInputSequence());
        put(OUTPUT_SEQUENCE, logic.outputSequence());
        put(LOGIC_TIME_NS, logicTimeNs);
        put(LAST_MARKET_DATA_TIME_NS, lastMarketDataTimeNs);
        put(PUBLISHED_WALL_MS, wallMs);
        put(LAST_MARKET_DATA_WALL_MS, lastMarketDataWallMs);

        VERSION.setRelease(this, stable + 2);
    }

    /**
     * Copies the latest capture into {@code into}, retrying while the logic thread is writing. Any thread.
     *
     * @return false when nothing has been published yet ({@code into} then holds zeros).
     */
    public boolean read(final EngineState into)
    {
        final long[] copy = into.slots;
        int attempts = 0;
        while (true)
        {
            final long before = (long)VERSION.getAcquire(this);
            if ((before & 1) == 0)
            {
                for (int i = 0; i < copy.length; i++)
                {
                    copy[i] = (long)SLOT.getOpaque(slots, i);
                }
                VarHandle.loadLoadFence();
                if ((long)VERSION.getOpaque(this) == before)
                {
                    into.version = before;
                    return before != 0;
                }
            }
            if (++attempts < 100)
            {
                Thread.onSpinWait();
            }
            else
            {
                Thread.yield();
            }
        }
    }

    /**
     * @return a reader-side copy to pass to {@link #read}; one per reading thread, or a new one per read.
     */
    public EngineState newState()
    {
        return new EngineState(symbols, new long[slots.length], reasonsAt, breakerStatesAt, breakerTripsAt, positionsAt,
            costBasisAt, ordersAt);
    }

    /**
     * @return the number of captures published so far.
     */
    public long captures()
    {
        return (long)VERSION.getAcquire(this) / 2;
    }

    private void copyOrder(final long clOrdId, final int instrumentId, final Side side, final OrdType ordType,
        final long quantity, final long filledQuantity, final long limitPrice, final long stopPrice,
        final OrderStatus status)
    {
        if (ordersCopied == MAX_ORDERS_SHOWN)
        {
            return;
        }
        final int at = ordersAt + ordersCopied++ * ORDER_FIELDS;
        put(at + ORDER_CLORDID, clOrdId);
        put(at + ORDER_INSTRUMENT, instrumentId);
        put(at + ORDER_SIDE, side.ordinal());
        put(at + ORDER_TYPE, ordType.ordinal());
        put(at + ORDER_QUANTITY, quantity);
        put(at + ORDER_FILLED, filledQuantity);
        put(at + ORDER_LIMIT_PRICE, limitPrice);
        put(at + ORDER_STOP_PRICE, stopPrice);
        put(at + ORDER_STATUS, status.ordinal());
    }

    private void put(final int slot, final long value)
    {
        SLOT.setOpaque(slots, slot, value);
    }
}
