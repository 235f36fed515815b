package io.ringwall.engine.logic;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CommandResult;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.config.BreakerRule;
import io.ringwall.engine.market.SessionClock;

import static io.ringwall.engine.config.RiskLimits.PPM;

/**
 * The circuit breakers, one state per {@link BreakerType}; the engine's state is the worst of them. Each
 * automatic breaker watches one figure and trips when it reaches its threshold: its state moves to the
 * configured REDUCING or HALTED, the change is journaled with the figure and threshold (units: drawdown and
 * market move ppm, daily loss money, rates counts, stale data nanoseconds), and open orders are cancelled if
 * so configured. Nothing resets by itself: only an operator reset with a reason returns a breaker to ACTIVE,
 * and the reset re-bases the figure it watches (the high-water mark, the day's start equity, the windows),
 * so the same condition does not trip it again at once.
 */
final class Breakers
{
    /** {@link #haltingBreaker()} when nothing halts. */
    static final int NONE = -1;

    /** Sends cancels for all working orders when a trip says so. */
    interface Canceller
    {
        void cancelAll();
    }

    private final BreakerType[] types = BreakerType.values();
    private final BreakerState[] states = new BreakerState[types.length];
    private final BreakerRule[] rules = new BreakerRule[types.length];
    private final BreakerLimits limits;
    private final OutputPublisher output;
    private final EngineCounters counters;
    private final EventWindow orderAttempts;
    private final EventWindow venueRejects;
    private final PriceRangeWindow priceRange;
    private final long[] lastUpdateNs;
    /** Bar data's stale-data figure ({@link BreakerLimits#staleByBars()}); null for trade data. */
    private final BarStaleness barStaleness;
    private Canceller canceller;
    private long feedLastUpdateNs;
    private long highWaterMark = Long.MIN_VALUE;
    private final SessionClock sessions;
    private long day = Long.MIN_VALUE;
    private long dayStartEquity;
    private long dailyLossThreshold;

    /**
     * @param sessions           the session calendar's clock: the daily loss is measured from each session start.
     * @param instrumentSessions each instrument's calendar clock (by id): bar data ages in its open-market time.
     */
    Breakers(final BreakerLimits limits, final OutputPublisher output, final EngineCounters counters,
        final SessionClock sessions, final SessionClock[] instrumentSessions)
    {
        final int instruments = instrumentSessions.length;
        barStaleness = limits.staleByBars() ? new BarStaleness(limits, instrumentSessions) : null;
        this.sessions = sessions;
        this.limits = limits;
        this.output = output;
        this.counters = counters;
        java.util.Arrays.fill(states, BreakerState.ACTIVE);
        rules[BreakerType.KILL_SWITCH.ordinal()] = BreakerRule.halting();
        rules[BreakerType.DRAWDOWN.ordinal()] = limits.drawdown();
        rules[BreakerType.DAILY_LOSS.ordinal()] = limits.dailyLoss();
        rules[BreakerType.ORDER_RATE.ordinal()] = limits.orderRate();
        rules[BreakerType.VENUE_REJECT_RATE.ordinal()] = limits.venueRejects();
        rules[BreakerType.STALE_DATA.ordinal()] = limits.staleData();
        rules[BreakerType.MARKET_MOVE.ordinal()] = limits.marketMove();
        // Tripped by the Reconciler (a breach or no answer from the venue); always halts, reset only by an operator.
        rules[BreakerType.RECONCILIATION.ordinal()] = BreakerRule.halting();
        // The pre-market gate (PreMarketGate): halts before trading starts, when no order is open to cancel.
        rules[BreakerType.PRE_MARKET.ordinal()] = new BreakerRule(true, BreakerState.HALTED, false);
        // Tripped by an execution the engine's orders cannot hold (BusinessLogic): the book no longer matches the
        // venue's, so nothing the engine believes about open quantity is safe to trade on. Always halts.
        rules[BreakerType.OVERFILL.ordinal()] = BreakerRule.halting();
        // Tripped when the venue leaves a pending order's status questions unanswered (StatusWatch), or answers
        // what the engine's book cannot hold: nothing the engine believes about that order is known. Always halts and
        // cancels the working orders (where the venue still listens).
        rules[BreakerType.VENUE.ordinal()] = BreakerRule.halting();
        // Tripped by the shadow judge (ShadowJudge, ringwall run --shadow): the live strategy no longer does what its
        // twin on the paper model does, or its orders fill worse than the model says. Always halts.
        rules[BreakerType.SHADOW.ordinal()] = BreakerRule.halting();
        orderAttempts = new EventWindow(limits.orderRateCount(), limits.orderRateWindowNs());
        venueRejects = new EventWindow(limits.venueRejectCount(), limits.venueRejectWindowNs());
        priceRange = new PriceRangeWindow(instruments, limits.marketMoveWindowNs());
        lastUpdateNs = new long[instruments];
    }

    void cancelWith(final Canceller canceller)
    {
        this.canceller = canceller;
    }

    BreakerState state(final BreakerType type)
    {
        return states[type.ordinal()];
    }

    /**
     * @return the most restrictive state over all breakers.
     */
    BreakerState worst()
    {
        BreakerState worst = BreakerState.ACTIVE;
        for (final BreakerState state : states)
        {
            if (state.value() > worst.value())
            {
                worst = state;
            }
        }
        return worst;
    }

    /**
     * @return the {@link BreakerType#value()} of the first breaker that halts trading, or {@link #NONE}.
     */
    int haltingBreaker()
    {
        for (int i = 0; i < states.length; i++)
        {
            if (states[i] == BreakerState.HALTED)
            {
                return types[i].value();
            }
        }
        return NONE;
    }

    /**
     * @return whether a tripped breaker's rule cancels open orders: an order that could not be cancelled when it
     *         tripped (an amend was pending, one request per order) is cancelled once the amend is answered.
     */
    boolean cancelsOpenOrders()
    {
        for (int i = 0; i < states.length; i++)
        {
            if (states[i] != BreakerState.ACTIVE && rules[i].cancelOpenOrders())
            {
                return true;
            }
        }
        return false;
    }

    /** Stale-data and market-move figures: a market-data update of an instrument. */
    void onMarketData(final int instrumentId, final long price, final long nowNs)
    {
        lastUpdateNs[instrumentId] = nowNs;
        feedLastUpdateNs = nowNs;
        if (barStaleness != null)
        {
            barStaleness.onUpdate(instrumentId, nowNs);
        }
        if (price <= 0 || !isWatching(BreakerType.MARKET_MOVE))
        {
            return;
        }
        priceRange.onPrice(instrumentId, price, nowNs);
        if (priceRange.movedAtLeast(instrumentId, limits.marketMovePpm()))
        {
            trip(BreakerType.MARKET_MOVE, priceRange.movePpm(instrumentId), limits.marketMovePpm(), instrumentId);
        }
    }

    /** @return whether staleness is measured in bar intervals of open market (bar data). */
    boolean staleByBars()
    {
        return barStaleness != null;
    }

    /** @return for bar data, whether some instrument had a bar within its limit of open market. */
    boolean anyBarFresh(final long nowNs)
    {
        return barStaleness != null && barStaleness.anyFresh(nowNs);
    }

    /** Drawdown and daily-loss figures: equity after a mark or a fill. Divides only when a breaker trips. */
    void onEquity(final long equity, final long nowNs)
    {
        highWaterMark = Math.max(highWaterMark, equity);
        final long today = sessions.sessionDay(nowNs);
        if (today != day)
        {
            day = today;
            startDay(equity);
        }
        if (isWatching(BreakerType.DRAWDOWN) && highWaterMark > 0 &&
            Fixed.productAtLeast(highWaterMark - equity, PPM, limits.drawdownPpm(), highWaterMark))
        {
            trip(BreakerType.DRAWDOWN, Fixed.mulDiv(highWaterMark - equity, PPM, highWaterMark),
                limits.drawdownPpm(), NONE);
        }
        final long loss = dayStartEquity - equity;
        if (isWatching(BreakerType.DAILY_LOSS) && loss > 0 && loss >= dailyLossThreshold)
        {
            trip(BreakerType.DAILY_LOSS, loss, dailyLossThreshold, NONE);
        }
    }

    /** The day's loss is measured from here; its threshold is the smaller of the money and fraction limits. */
    private void startDay(final long equity)
    {
        dayStartEquity = equity;
        dailyLossThreshold = Math.min(limits.dailyLossMoney(),
            Fixed.mulDiv(Math.max(0, equity), limits.dailyLossPpm(), PPM));
    }

    /** Order-rate figure: every order a strategy tries to send, refused or not. */
    void onOrderAttempt(final long nowNs)
    {
        if (isWatching(BreakerType.ORDER_RATE))
        {
            orderAttempts.record(nowNs);
            if (orderAttempts.full(nowNs))
            {
                trip(BreakerType.ORDER_RATE, orderAttempts.capacity(), limits.orderRateCount(), NONE);
            }
        }
    }

    /** Venue reject-rate figure. */
    void onVenueReject(final long nowNs)
    {
        if (isWatching(BreakerType.VENUE_REJECT_RATE))
        {
            venueRejects.record(nowNs);
            if (venueRejects.full(nowNs))
            {
                trip(BreakerType.VENUE_REJECT_RATE, venueRejects.capacity(), limits.venueRejectCount(), NONE);
            }
        }
    }

    /** Stale-data figures: time has moved on (every input). */
    void onClock(final long nowNs)
    {
        if (!isWatching(BreakerType.STALE_DATA) || feedLastUpdateNs == 0)
        {
            return;
        }
        if (barStaleness != null)
        {
            // Bar data: both ages are bar intervals of open market, per instrument (the feed is as fresh as its
            // freshest instrument, so a stale feed is first a stale instrument).
            final int stale = barStaleness.firstStale(nowNs);
            if (stale != NONE)
            {
                trip(BreakerType.STALE_DATA, barStaleness.ageNs(), barStaleness.thresholdNs(stale), stale);
            }
            return;
        }
        final long feedAge = nowNs - feedLastUpdateNs;
        if (feedAge >= limits.feedStaleNs())
        {
            trip(BreakerType.STALE_DATA, feedAge, limits.feedStaleNs(), NONE);
            return;
        }
        for (int i = 0; i < lastUpdateNs.length; i++)
        {
            final long age = nowNs - lastUpdateNs[i];
            if (lastUpdateNs[i] != 0 && age >= limits.instrumentStaleNs())
            {
                trip(BreakerType.STALE_DATA, age, limits.instrumentStaleNs(), i);
                return;
            }
        }
    }

    /**
     * The exchange feed reported itself bad (a journaled FeedHealth input: a sequence gap, or silence): trips
     * STALE_DATA at once, whatever the ages, when its rule is on. The trip's threshold is 0, which no age trip has
     * (breakers.stale-data.feed-max-age is at least 1 ns): the tools read the cause input for the details. Clears
     * only by an operator's reset, as every trip: after a gap the feed's book may be wrong, so nothing the feed says
     * afterwards is proof that it is right again (fail closed).
     *
     * @param observed messages missed for a gap, the silence in ns for a silent feed.
     */
    void onFeedHealth(final long observed)
    {
        if (isWatching(BreakerType.STALE_DATA))
        {
            trip(BreakerType.STALE_DATA, observed, 0, NONE);
        }
    }

    /**
     * A reconciliation with the venue found a breach or got no answer: halts (fail closed).
     *
     * @param observed     the difference that breached (quantity or money), or 0 when the venue did not answer.
     * @param instrumentId the instrument, or {@link #NONE} for cash, open orders or no answer.
     */
    void onReconciliationFailure(final long observed, final long threshold, final int instrumentId)
    {
        trip(BreakerType.RECONCILIATION, observed, threshold, instrumentId);
    }

    /**
     * The venue executed more than an order holds, or for no working order: halts (fail closed).
     *
     * @param observed  the filled quantity the order would reach, or the fill's quantity when no order is working.
     * @param threshold the order's quantity, or 0 when no order is working.
     */
    void onOverfill(final long observed, final long threshold, final int instrumentId)
    {
        trip(BreakerType.OVERFILL, observed, threshold, instrumentId);
    }

    /**
     * The venue stopped answering, or answered what the book cannot hold: halts (fail closed).
     *
     * @param observed  questions asked without an answer (or the venue's filled quantity, for a contradiction).
     * @param threshold questions allowed (or the quantity filled here).
     */
    void onVenueSilent(final long observed, final long threshold, final int instrumentId)
    {
        trip(BreakerType.VENUE, observed, threshold, instrumentId);
    }

    /**
     * Shadow trading: too many misaligned decisions in a row, or the rolling execution quality under its minimum.
     *
     * @param observed  misalignments in a row, or the execution quality in ppm.
     * @param threshold shadow.max-misalignments, or shadow.min-execution-quality in ppm.
     */
    void onShadow(final long observed, final long threshold)
    {
        trip(BreakerType.SHADOW, observed, threshold, NONE);
    }

    /** The operator's kill switch: halts whatever the reason (halting is always safe). */
    CommandResult halt()
    {
        return trip(BreakerType.KILL_SWITCH, 0, 0, NONE) ? CommandResult.APPLIED : CommandResult.NO_CHANGE;
    }

    /**
     * The pre-market gate closes: PRE_MARKET halts, its figure the failed checks' bits. Nothing if already closed.
     */
    void closeGate(final long failedChecks)
    {
        trip(BreakerType.PRE_MARKET, failedChecks, 0, NONE);
    }

    /**
     * The pre-market checks passed (judged from journaled inputs, so no operator reason is needed).
     */
    void openGate()
    {
        final int index = BreakerType.PRE_MARKET.ordinal();
        final BreakerState from = states[index];
        if (from != BreakerState.ACTIVE)
        {
            states[index] = BreakerState.ACTIVE;
            output.breakerChange(BreakerType.PRE_MARKET, from, BreakerState.ACTIVE, 0, 0, NONE);
        }
    }

    /**
     * An operator reset. Refused without a reason; re-bases the breaker's figure to the present.
     */
    CommandResult reset(final BreakerType type, final boolean hasReason, final long equity, final long nowNs)
    {
        if (type == null || type == BreakerType.NULL_VAL)
        {
            return CommandResult.REFUSED_BAD_VALUE;
        }
        if (!hasReason)
        {
            return CommandResult.REFUSED_NO_REASON;
        }
        final BreakerState from = states[type.ordinal()];
        if (from == BreakerState.ACTIVE)
        {
            return CommandResult.NO_CHANGE;
        }
        switch (type)
        {
            case DRAWDOWN -> highWaterMark = equity;
            case DAILY_LOSS -> startDay(equity);
            case ORDER_RATE -> orderAttempts.clear();
            case VENUE_REJECT_RATE -> venueRejects.clear();
            case MARKET_MOVE -> priceRange.clear();
            case STALE_DATA ->
            {
                java.util.Arrays.fill(lastUpdateNs, 0);
                feedLastUpdateNs = 0;
                if (barStaleness != null)
                {
                    barStaleness.clear();
                }
            }
            default ->
            {
            }
        }
        states[type.ordinal()] = BreakerState.ACTIVE;
        output.breakerChange(type, from, BreakerState.ACTIVE, 0, 0, NONE);
        return CommandResult.APPLIED;
    }

    private boolean isWatching(final BreakerType type)
    {
        final int index = type.ordinal();
        return rules[index].enabled() && states[index] == BreakerState.ACTIVE;
    }

    /**
     * @return false when the breaker was already tripped.
     */
    private boolean trip(final BreakerType type, final long observed, final long threshold, final int instrumentId)
    {
        final int index = type.ordinal();
        final BreakerState from = states[index];
        final BreakerState to = rules[index].tripTo();
        if (from != BreakerState.ACTIVE)
        {
            return false;
        }
        states[index] = to;
        counters.breakerTrips[index]++;
        output.breakerChange(type, from, to, observed, threshold, instrumentId);
        if (rules[index].cancelOpenOrders() && canceller != null)
        {
            canceller.cancelAll();
        }
        return true;
    }

    /** Checkpoints: the states travel typed in the snapshot; here the figures and windows they watch. */
    void writeState(final StateCursor cursor)
    {
        orderAttempts.writeState(cursor);
        venueRejects.writeState(cursor);
        priceRange.writeState(cursor);
        cursor.putLongs(lastUpdateNs);
        cursor.putLong(feedLastUpdateNs);
        cursor.putLong(highWaterMark);
        cursor.putLong(day);
        cursor.putLong(dayStartEquity);
        cursor.putLong(dailyLossThreshold);
        if (barStaleness != null)
        {
            barStaleness.writeState(cursor);
        }
    }

    void readState(final StateCursor cursor)
    {
        orderAttempts.readState(cursor);
        venueRejects.readState(cursor);
        priceRange.readState(cursor);
        cursor.getLongs(lastUpdateNs);
        feedLastUpdateNs = cursor.getLong();
        highWaterMark = cursor.getLong();
        day = cursor.getLong();
        dayStartEquity = cursor.getLong();
        dailyLossThreshold = cursor.getLong();
        if (barStaleness != null)
        {
            barStaleness.readState(cursor);
        }
    }

    /** Checkpoints: sets a breaker's state as the snapshot recorded it (no output, no trip count). */
    void restoreState(final BreakerType type, final BreakerState state)
    {
        states[type.ordinal()] = state;
    }
}
