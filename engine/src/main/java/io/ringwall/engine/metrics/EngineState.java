package io.ringwall.engine.metrics;

import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.engine.logic.OrderStatus;

/**
 * A reader's copy of one {@link EngineStateSnapshot} capture, in the wire's fixed-point units (money in
 * price mantissas, quantities in quantity mantissas, times in ns). Filled by {@link EngineStateSnapshot#read};
 * not thread-safe itself: one per reading thread.
 */
public final class EngineState
{
    private static final BreakerState[] STATES = BreakerState.values();
    private static final Side[] SIDES = Side.values();
    private static final OrdType[] ORD_TYPES = OrdType.values();
    private static final OrderStatus[] STATUSES = OrderStatus.values();

    final long[] slots;
    long version;
    private final List<String> symbols;
    private final int reasonsAt;
    private final int breakerStatesAt;
    private final int breakerTripsAt;
    private final int positionsAt;
    private final int costBasisAt;
    private final int ordersAt;

    EngineState(final List<String> symbols, final long[] slots, final int reasonsAt, final int breakerStatesAt,
        final int breakerTripsAt, final int positionsAt, final int costBasisAt, final int ordersAt)
    {
        this.costBasisAt = costBasisAt;
        this.ordersAt = ordersAt;
        this.symbols = symbols;
        this.slots = slots;
        this.reasonsAt = reasonsAt;
        this.breakerStatesAt = breakerStatesAt;
        this.breakerTripsAt = breakerTripsAt;
        this.positionsAt = positionsAt;
    }

    /** @return the seqlock version of the capture copied (even; 0 when nothing was published). */
    public long version()
    {
        return version;
    }

    public boolean published()
    {
        return version != 0;
    }

    public List<String> symbols()
    {
        return symbols;
    }

    /** @return shadow decisions compared (0 when the shadow is off). */
    public long shadowDecisions()
    {
        return slots[EngineStateSnapshot.SHADOW_DECISIONS];
    }

    public long shadowMisalignments()
    {
        return slots[EngineStateSnapshot.SHADOW_MISALIGNMENTS];
    }

    /** @return aligned decisions over decisions, NaN before the first. */
    public double shadowAlignment()
    {
        final long decisions = shadowDecisions();
        return decisions == 0 ? Double.NaN : 1.0 - (double)shadowMisalignments() / decisions;
    }

    /** @return the rolling execution quality (fraction), NaN until its window is full. */
    public double shadowExecutionQuality()
    {
        final long ppm = slots[EngineStateSnapshot.SHADOW_QUALITY_PPM];
        return ppm < 0 ? Double.NaN : ppm / 1e6;
    }

    /** @return live orders finished and fully filled over the session, as the shadow judged them. */
    public long shadowExecutions()
    {
        return slots[EngineStateSnapshot.SHADOW_EXECUTIONS];
    }

    public long shadowFilled()
    {
        return slots[EngineStateSnapshot.SHADOW_FILLED];
    }

    /** @return the average slippage against the paper model, bps, over orders with a fill; NaN before one. */
    public double shadowAverageSlippageBps()
    {
        final long orders = slots[EngineStateSnapshot.SHADOW_SLIPPAGE_ORDERS];
        return orders == 0 ? Double.NaN : slots[EngineStateSnapshot.SHADOW_SLIPPAGE_PPM_SUM] / 100.0 / orders;
    }

    public long inputs()
    {
        return slots[EngineStateSnapshot.INPUTS];
    }

    public long marketDataInputs()
    {
        return slots[EngineStateSnapshot.MARKET_DATA_INPUTS];
    }

    public long venueInputs()
    {
        return slots[EngineStateSnapshot.VENUE_INPUTS];
    }

    public long operatorInputs()
    {
        return slots[EngineStateSnapshot.OPERATOR_INPUTS];
    }

    public long timerInputs()
    {
        return slots[EngineStateSnapshot.TIMER_INPUTS];
    }

    public long unknownFrames()
    {
        return slots[EngineStateSnapshot.UNKNOWN_FRAMES];
    }

    public long ordersSent()
    {
        return slots[EngineStateSnapshot.ORDERS_SENT];
    }

    public long cancelsSent()
    {
        return slots[EngineStateSnapshot.CANCELS_SENT];
    }

    /** @return amends (cancel/replace) sent to the venue. */
    public long amendsSent()
    {
        return slots[EngineStateSnapshot.AMENDS_SENT];
    }

    /** @return amends the venue took (the order replaced). */
    public long replaces()
    {
        return slots[EngineStateSnapshot.REPLACES];
    }

    /** @return amends the venue refused (or did not know when asked). */
    public long replaceRejects()
    {
        return slots[EngineStateSnapshot.REPLACE_REJECTS];
    }

    /** @return amends the engine would not send: the order not amendable at the time. */
    public long amendsRefused()
    {
        return slots[EngineStateSnapshot.AMENDS_REFUSED];
    }

    public long fills()
    {
        return slots[EngineStateSnapshot.FILLS];
    }

    public long duplicateFills()
    {
        return slots[EngineStateSnapshot.DUPLICATE_FILLS];
    }

    public long venueRejects()
    {
        return slots[EngineStateSnapshot.VENUE_REJECTS];
    }

    public long cancels()
    {
        return slots[EngineStateSnapshot.CANCELS];
    }

    public long riskRejects()
    {
        return slots[EngineStateSnapshot.RISK_REJECTS];
    }

    public long riskRejects(final RiskRejectReason reason)
    {
        return slots[reasonsAt + reason.ordinal()];
    }

    public long unknownOrderEvents()
    {
        return slots[EngineStateSnapshot.UNKNOWN_ORDER_EVENTS];
    }

    public long invalidTransitions()
    {
        return slots[EngineStateSnapshot.INVALID_TRANSITIONS];
    }

    public long ignoredCommands()
    {
        return slots[EngineStateSnapshot.IGNORED_COMMANDS];
    }

    public BreakerState breakerState(final BreakerType type)
    {
        return STATES[(int)slots[breakerStatesAt + type.ordinal()]];
    }

    public BreakerState worstBreakerState()
    {
        return STATES[(int)slots[EngineStateSnapshot.WORST_BREAKER]];
    }

    /** @return reconciliations that ended with {@code outcome} (journaled ReconciliationEnd frames). */
    public long reconciliations(final io.ringwall.codecs.ReconciliationOutcome outcome)
    {
        return slots[breakerTripsAt + EngineStateSnapshot.BREAKERS.length + outcome.ordinal()];
    }

    public long breakerTrips(final BreakerType type)
    {
        return slots[breakerTripsAt + type.ordinal()];
    }

    public long cash()
    {
        return slots[EngineStateSnapshot.CASH];
    }

    public long realizedPnl()
    {
        return slots[EngineStateSnapshot.REALIZED_PNL];
    }

    public long unrealizedPnl()
    {
        return slots[EngineStateSnapshot.UNREALIZED_PNL];
    }

    public long feesPaid()
    {
        return slots[EngineStateSnapshot.FEES_PAID];
    }

    public long equity()
    {
        return slots[EngineStateSnapshot.EQUITY];
    }

    /** @return the portfolio's equity high-water mark (the initial cash at first). */
    public long equityHighWaterMark()
    {
        return slots[EngineStateSnapshot.EQUITY_HIGH_WATER_MARK];
    }

    /** @return the portfolio's PnL since the current session started. */
    public long dailyPnl()
    {
        return slots[EngineStateSnapshot.DAILY_PNL];
    }

    /** @return how far equity is below its high-water mark, money. */
    public long drawdown()
    {
        return slots[EngineStateSnapshot.DRAWDOWN];
    }

    /** @return the deepest drawdown of the session, money. */
    public long maxDrawdown()
    {
        return slots[EngineStateSnapshot.MAX_DRAWDOWN];
    }

    /** @return drawdown / high-water mark, 0 when there is no positive mark. */
    public double drawdownRatio()
    {
        final long mark = equityHighWaterMark();
        return mark <= 0 ? 0.0 : Math.max(0.0, (double)drawdown() / mark);
    }

    /** @return the signed cost of the open position (negative for a short). */
    public long costBasis(final int instrumentId)
    {
        return slots[costBasisAt + instrumentId];
    }

    /** @return how many working orders the capture copied (at most {@link EngineStateSnapshot#MAX_ORDERS_SHOWN}). */
    public int ordersShown()
    {
        return (int)slots[EngineStateSnapshot.ORDERS_SHOWN];
    }

    public long orderClOrdId(final int index)
    {
        return orderField(index, EngineStateSnapshot.ORDER_CLORDID);
    }

    public int orderInstrumentId(final int index)
    {
        return (int)orderField(index, EngineStateSnapshot.ORDER_INSTRUMENT);
    }

    public Side orderSide(final int index)
    {
        return SIDES[(int)orderField(index, EngineStateSnapshot.ORDER_SIDE)];
    }

    public OrdType orderType(final int index)
    {
        return ORD_TYPES[(int)orderField(index, EngineStateSnapshot.ORDER_TYPE)];
    }

    public long orderQuantity(final int index)
    {
        return orderField(index, EngineStateSnapshot.ORDER_QUANTITY);
    }

    public long orderFilled(final int index)
    {
        return orderField(index, EngineStateSnapshot.ORDER_FILLED);
    }

    public long orderLimitPrice(final int index)
    {
        return orderField(index, EngineStateSnapshot.ORDER_LIMIT_PRICE);
    }

    public long orderStopPrice(final int index)
    {
        return orderField(index, EngineStateSnapshot.ORDER_STOP_PRICE);
    }

    public OrderStatus orderStatus(final int index)
    {
        return STATUSES[(int)orderField(index, EngineStateSnapshot.ORDER_STATUS)];
    }

    private long orderField(final int index, final int field)
    {
        if (index < 0 || index >= ordersShown())
        {
            throw new IndexOutOfBoundsException("order " + index + " of " + ordersShown());
        }
        return slots[ordersAt + index * EngineStateSnapshot.ORDER_FIELDS + field];
    }

    public long position(final int instrumentId)
    {
        return slots[positionsAt + instrumentId];
    }

    public long workingOrders()
    {
        return slots[EngineStateSnapshot.WORKING_ORDERS];
    }

    public long capitalScalePpm()
    {
        return slots[EngineStateSnapshot.CAPITAL_SCALE_PPM];
    }

    public long lastInputSequence()
    {
        return slots[EngineStateSnapshot.LAST_INPUT_SEQUENCE];
    }

    public long outputSequence()
    {
        return slots[EngineStateSnapshot.OUTPUT_SEQUENCE];
    }

    public long logicTimeNs()
    {
        return slots[EngineStateSnapshot.LOGIC_TIME_NS];
    }

    /** @return engine time of the last market-data input; 0 when none arrived yet. */
    public long lastMarketDataTimeNs()
    {
        return slots[EngineStateSnapshot.LAST_MARKET_DATA_TIME_NS];
    }

    public long publishedWallMs()
    {
        return slots[EngineStateSnapshot.PUBLISHED_WALL_MS];
    }

    /** @return wall time of the first capture that saw the last market-data input; 0 when none arrived yet. */
    public long lastMarketDataWallMs()
    {
        return slots[EngineStateSnapshot.LAST_MARKET_DATA_WALL_MS];
    }
}
