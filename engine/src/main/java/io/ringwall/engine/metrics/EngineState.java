package io.ringwall.engine.metrics;

import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.RiskRejectReason;

/**
 * A reader's copy of one {@link EngineStateSnapshot} capture, in the wire's fixed-point units (money in
 * price mantissas, quantities in quantity mantissas, times in ns). Filled by {@link EngineStateSnapshot#read};
 * not thread-safe itself: one per reading thread.
 */
public final class EngineState
{
    private static final BreakerState[] STATES = BreakerState.values();

    final long[] slots;
    long version;
    private final List<String> symbols;
    private final int reasonsAt;
    private final int breakerStatesAt;
    private final int breakerTripsAt;
    private final int positionsAt;

    EngineState(final List<String> symbols, final long[] slots, final int reasonsAt, final int breakerStatesAt,
        final int breakerTripsAt, final int positionsAt)
    {
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

    /** @return the drawdown breaker's high-water mark; Long.MIN_VALUE before the first mark. */
    public long equityHighWaterMark()
    {
        return slots[EngineStateSnapshot.EQUITY_HIGH_WATER_MARK];
    }

    public long dayStartEquity()
    {
        return slots[EngineStateSnapshot.DAY_START_EQUITY];
    }

    /** @return (high-water mark - equity) / high-water mark, 0 when there is no positive mark yet. */
    public double drawdownRatio()
    {
        final long mark = equityHighWaterMark();
        return mark <= 0 ? 0.0 : Math.max(0.0, (double)(mark - equity()) / mark);
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
