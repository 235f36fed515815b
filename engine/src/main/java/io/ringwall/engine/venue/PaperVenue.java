package io.ringwall.engine.venue;

import java.util.List;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.frames.VenueAnswers;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.market.CostModel;
import io.ringwall.engine.market.InstrumentMarket;
import io.ringwall.engine.market.MarketModel;
import io.ringwall.engine.market.SessionClock;
import io.ringwall.engine.market.VenueRules;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The paper venue's matching rules, deterministic and single-threaded: the same object answers in paper
 * mode (behind the outbound ring, see {@link SimulatedVenue}) and in a backtest (called inline). Its clock
 * is what the host tells it: event time in a backtest, the wall clock in live paper trading.
 *
 * <ul>
 *   <li>Arrival: an order is checked (instrument, quantity, type, trading hours, buying power) and rejected
 *       at once, or acknowledged when its acknowledgement latency has passed.</li>
 *   <li>Latency: an order may fill from acknowledgement + fill latency on.</li>
 *   <li>Volume limit: all fills on one print (or bar) together take at most the configured share of its
 *       quantity (default 2.5 %), oldest order first, so large orders fill partially over time. Resting
 *       orders match a print first; what they leave of a trade print's share is available to market
 *       orders (and triggered stops) that become live before the next print, at that print's price: a
 *       market order fills at the last trade like on a real book, but no deeper than the market traded.</li>
 *   <li>Market orders and triggered stops take liquidity at the print's price moved against them by the
 *       cost model (slippage, half spread, impact); a buy stop triggers on a print at or above its stop, a
 *       sell stop at or below. Limit orders fill at their limit only when the market trades through it.</li>
 *   <li>Bars: orders fill at the open (market), at the better of limit and open once the range crosses
 *       the limit, or once the range reaches the stop at the worse of stop and open.</li>
 *   <li>Quotes (top of book from an order-book feed): while the side a taker order takes from is quoted (the ask
 *       for a buy, the bid for a sell), market orders, triggered stops and limit orders at or through the touch fill
 *       at the quoted price, as soon as they are live and on every quote after, oldest first, together taking at
 *       most the displayed quantity of that quote (what this venue's fills took is not shown again until the next
 *       quote). The cost model's slippage, spread and impact do not apply there: the touch is the real price.
 *       Prints then no longer fill such takers, though they still trigger stops and fill resting limits they trade
 *       through. A side quoted at 0 (empty) returns the instrument to the print rules.</li>
 *   <li>Time in force: IOC takes its first opportunity and expires the rest; DAY expires at its session's
 *       close (an order queued outside hours belongs to the next session); GTC works until cancelled.</li>
 * </ul>
 * Commission is charged on every execution. The venue keeps its own account (cash from the initial
 * cash, less buys) for its buying-power check, independent of the engine's risk checks.
 */
public final class PaperVenue
{
    /** Volumes up to this times a volume limit (at most {@link CostModel#PPM}) cannot overflow a long. */
    private static final long PLAIN_VOLUME_LIMIT = Long.MAX_VALUE / CostModel.PPM;
    /** Longs one book entry takes in {@link #writeState}. */
    private static final int ORDER_LONGS = 17;

    private final VenueAnswers answers;
    private final CostModel costs;
    private final VenueRules rules;
    private final InstrumentSpec[] specs;
    private final InstrumentMarket[] markets;
    private final SessionClock[] clocks;
    private final long[] lastPrice;
    /** The last quote's best bid and ask per instrument, 0 when that side is not quoted. */
    private final long[] bidPrice;
    private final long[] askPrice;
    /** Displayed quantity at the best bid / ask that this venue's fills have not taken since the quote. */
    private final long[] bidLeft;
    private final long[] askLeft;
    /** Volume of the last print the venue's fills have not taken yet (0 after a bar: it is over). */
    private final long[] remaining;
    private final VenueOrder[] book;
    private final VenueOrder[] pool;
    private final Long2ObjectHashMap<VenueOrder> byClOrdId;
    private int working;
    private int pooled;
    /**
     * Passes over the book skipped when they cannot do anything (the shadow twin moves the model on every input, a
     * backtest on every print): no acknowledgement falls due before {@link #nextAckDueNs}, no order expires before
     * {@link #nextExpiryNs} (both may be earlier than the truth after a cancel: one pass too many, never one too
     * few), {@link #sweep} has nothing to release unless an order finished since the last one, and nobody fills at
     * the touch while no side of any instrument is quoted.
     */
    private long nextAckDueNs = Long.MAX_VALUE;
    private long nextExpiryNs = Long.MAX_VALUE;
    private boolean finishedSinceSweep;
    private int quotedSides;
    private long prints;
    private long cash;
    private long committed;
    private long nextVenueOrderId;
    private long nextExecId;
    private long fills;
    private long rejects;

    /**
     * @param capacity most orders working at once; an order beyond it is rejected (OTHER).
     */
    public PaperVenue(final MarketModel market, final List<InstrumentSpec> instruments, final long initialCash,
        final int capacity, final VenueAnswers answers)
    {
        this.answers = answers;
        this.costs = market.costs();
        this.rules = market.venue();
        this.specs = instruments.toArray(InstrumentSpec[]::new);
        this.markets = market.marketsOf(instruments);
        this.clocks = market.clocksOf(instruments);
        this.lastPrice = new long[specs.length];
        this.remaining = new long[specs.length];
        this.bidPrice = new long[specs.length];
        this.askPrice = new long[specs.length];
        this.bidLeft = new long[specs.length];
        this.askLeft = new long[specs.length];
        this.book = new VenueOrder[capacity];
        this.pool = new VenueOrder[capacity];
        for (int i = 0; i < capacity; i++)
        {
            pool[i] = new VenueOrder();
        }
        this.pooled = capacity;
        this.byClOrdId = new Long2ObjectHashMap<>(capacity * 2, 0.5f);
        this.cash = initialCash;
    }

    /**
     * The venue a session's configuration describes: its market model, instruments and initial cash.
     */
    public static PaperVenue forSession(final LogicConfig session, final int capacity, final VenueAnswers answers)
    {
        return new PaperVenue(session.market(), session.instruments(), session.initialCash(), capacity, answers);
    }

    /**
     * An order reaches the venue at {@code nowNs}.
     */
    public void onNewOrder(final long nowNs, final long clOrdId, final int instrumentId, final Side side,
        final OrdType ordType, final TimeInForce timeInForce, final long quantity, final long limitPrice,
        final long stopPrice)
    {
        advanceTo(nowNs);
        final VenueRejectReason reason = check(nowNs, clOrdId, instrumentId, side, ordType, timeInForce, quantity, limitPrice,
            stopPrice);
        if (reason != null)
        {
            rejects++;
            answers.orderRejected(nowNs, clOrdId, instrumentId, reason);
            return;
        }
        final VenueOrder order = pool[--pooled];
        pool[pooled] = null;
        order.clOrdId = clOrdId;
        order.venueOrderId = ++nextVenueOrderId;
        order.instrumentId = instrumentId;
        order.side = side;
        order.ordType = ordType;
        order.timeInForce = timeInForce;
        order.quantity = quantity;
        order.filled = 0;
        order.limitPrice = limitPrice;
        order.stopPrice = stopPrice;
        order.triggered = false;
        order.acknowledged = false;
        order.ackDueNs = nowNs + rules.ackLatencyNs();
        final SessionClock clock = clocks[instrumentId];
        order.liveAtNs = Math.max(order.ackDueNs + rules.fillLatencyNs(), clock.nextOpenNs(nowNs));
        order.expiresAtNs = timeInForce == TimeInForce.DAY ? clock.closeOfNextOpenNs(nowNs) : Long.MAX_VALUE;
        order.arrivalPrint = prints;
        order.commitment = side == Side.BUY ? commitmentOf(order, order.quantity) : 0;
        committed += order.commitment;
        book[working++] = order;
        byClOrdId.put(clOrdId, order);
        onBooked(order);
        advanceTo(nowNs, false);
    }

    /**
     * Restart of an in-process venue: puts back an order the engine's journals show as sent and not finished,
     * as the venue had it (filled so far, acknowledged or not). It is not checked again and not answered now:
     * an unacknowledged one is acknowledged after the usual latency, as if the acknowledgement lost in the crash
     * were resent; fills continue from {@code nowNs}.
     *
     * @throws IllegalStateException when the book is full or the order is already there.
     */
    public void reinstate(final long nowNs, final long clOrdId, final int instrumentId, final Side side,
        final OrdType ordType, final TimeInForce timeInForce, final long quantity, final long filled,
        final long limitPrice, final long stopPrice, final long venueOrderId, final boolean acknowledged)
    {
        if (pooled == 0 || byClOrdId.containsKey(clOrdId) || !isValid(instrumentId))
        {
            throw new IllegalStateException("paper venue cannot re-instate order " + clOrdId + " (book full, " +
                "repeated or unknown instrument " + instrumentId + ")");
        }
        final VenueOrder order = pool[--pooled];
        pool[pooled] = null;
        order.clOrdId = clOrdId;
        order.venueOrderId = venueOrderId != 0 ? venueOrderId : ++nextVenueOrderId;
        nextVenueOrderId = Math.max(nextVenueOrderId, order.venueOrderId);
        order.instrumentId = instrumentId;
        order.side = side;
        order.ordType = ordType;
        order.timeInForce = timeInForce;
        order.quantity = quantity;
        order.filled = filled;
        order.limitPrice = limitPrice;
        order.stopPrice = stopPrice;
        order.triggered = false;
        order.acknowledged = acknowledged;
        order.ackDueNs = nowNs + rules.ackLatencyNs();
        final SessionClock clock = clocks[instrumentId];
        order.liveAtNs = Math.max(nowNs + rules.fillLatencyNs(), clock.nextOpenNs(nowNs));
        order.expiresAtNs = timeInForce == TimeInForce.DAY ? clock.closeOfNextOpenNs(nowNs) : Long.MAX_VALUE;
        order.arrivalPrint = prints;
        order.commitment = side == Side.BUY ? commitmentOf(order, order.leaves()) : 0;
        committed += order.commitment;
        book[working++] = order;
        byClOrdId.put(clOrdId, order);
        onBooked(order);
    }

    /** Keeps the passes' gates true of an order just put on the book. */
    private void onBooked(final VenueOrder order)
    {
        if (!order.acknowledged)
        {
            nextAckDueNs = Math.min(nextAckDueNs, order.ackDueNs);
        }
        nextExpiryNs = Math.min(nextExpiryNs, order.expiresAtNs);
        finishedSinceSweep |= order.leaves() <= 0;
    }

    /**
     * Restart of an in-process venue: its account and id counters as the journals imply them.
     *
     * @param cash             the account's cash after every journaled fill.
     * @param venueOrderIdFloor ids above it were never handed out (e.g. the engine's count of orders sent).
     * @param execIdFloor       likewise for execution ids (the engine's count of fills).
     */
    public void restoreAccount(final long cash, final long venueOrderIdFloor, final long execIdFloor)
    {
        this.cash = cash;
        this.nextVenueOrderId = Math.max(nextVenueOrderId, venueOrderIdFloor);
        this.nextExecId = Math.max(nextExecId, execIdFloor);
    }

    /** Longs {@link #writeState} writes: a fixed layout for this venue's instruments and capacity. */
    public int stateLongs()
    {
        return 8 + 6 * specs.length + ORDER_LONGS * book.length;
    }

    /**
     * Checkpoints (the shadow twin's model): writes the whole matching state (account, counters, each instrument's
     * last print, quote and volume left, the book in arrival order) into {@code out} from index 0, padded to
     * {@link #stateLongs()}. Allocation-free.
     */
    public void writeState(final long[] out)
    {
        int at = 0;
        out[at++] = working;
        out[at++] = prints;
        out[at++] = cash;
        out[at++] = committed;
        out[at++] = nextVenueOrderId;
        out[at++] = nextExecId;
        out[at++] = fills;
        out[at++] = rejects;
        at = putAll(out, at, lastPrice);
        at = putAll(out, at, remaining);
        at = putAll(out, at, bidPrice);
        at = putAll(out, at, askPrice);
        at = putAll(out, at, bidLeft);
        at = putAll(out, at, askLeft);
        for (int i = 0; i < book.length; i++)
        {
            final VenueOrder order = i < working ? book[i] : null;
            if (order == null)
            {
                java.util.Arrays.fill(out, at, at + ORDER_LONGS, 0);
                at += ORDER_LONGS;
                continue;
            }
            out[at++] = order.clOrdId;
            out[at++] = order.venueOrderId;
            out[at++] = order.instrumentId;
            out[at++] = order.side.value();
            out[at++] = order.ordType.value();
            out[at++] = order.timeInForce.value();
            out[at++] = order.quantity;
            out[at++] = order.filled;
            out[at++] = order.limitPrice;
            out[at++] = order.stopPrice;
            out[at++] = order.triggered ? 1 : 0;
            out[at++] = order.acknowledged ? 1 : 0;
            out[at++] = order.ackDueNs;
            out[at++] = order.liveAtNs;
            out[at++] = order.expiresAtNs;
            out[at++] = order.arrivalPrint;
            out[at++] = order.commitment;
        }
    }

    /**
     * Recovery: restores what {@link #writeState} wrote into this venue, fresh from the same configuration.
     *
     * @throws IllegalArgumentException when the state does not fit this venue.
     */
    public void readState(final long[] in)
    {
        if (in.length < stateLongs() || working != 0 || in[0] < 0 || in[0] > book.length)
        {
            throw new IllegalArgumentException("paper model state does not fit this venue (" + in.length +
                " values, " + in[0] + " orders, capacity " + book.length + ")");
        }
        int at = 0;
        final int orders = (int)in[at++];
        prints = in[at++];
        cash = in[at++];
        committed = in[at++];
        nextVenueOrderId = in[at++];
        nextExecId = in[at++];
        fills = in[at++];
        rejects = in[at++];
        at = getAll(in, at, lastPrice);
        at = getAll(in, at, remaining);
        at = getAll(in, at, bidPrice);
        at = getAll(in, at, askPrice);
        at = getAll(in, at, bidLeft);
        at = getAll(in, at, askLeft);
        quotedSides = 0;
        for (int i = 0; i < specs.length; i++)
        {
            quotedSides += (bidPrice[i] > 0 ? 1 : 0) + (askPrice[i] > 0 ? 1 : 0);
        }
        for (int i = 0; i < orders; i++)
        {
            final VenueOrder order = pool[--pooled];
            pool[pooled] = null;
            order.clOrdId = in[at++];
            order.venueOrderId = in[at++];
            order.instrumentId = (int)in[at++];
            order.side = Side.get((short)in[at++]);
            order.ordType = OrdType.get((short)in[at++]);
            order.timeInForce = TimeInForce.get((short)in[at++]);
            order.quantity = in[at++];
            order.filled = in[at++];
            order.limitPrice = in[at++];
            order.stopPrice = in[at++];
            order.triggered = in[at++] != 0;
            order.acknowledged = in[at++] != 0;
            order.ackDueNs = in[at++];
            order.liveAtNs = in[at++];
            order.expiresAtNs = in[at++];
            order.arrivalPrint = in[at++];
            order.commitment = in[at++];
            book[working++] = order;
            byClOrdId.put(order.clOrdId, order);
            onBooked(order);
        }
    }

    private static int putAll(final long[] out, final int at, final long[] values)
    {
        System.arraycopy(values, 0, out, at, values.length);
        return at + values.length;
    }

    private static int getAll(final long[] in, final int at, final long[] values)
    {
        System.arraycopy(in, at, values, 0, values.length);
        return at + values.length;
    }

    /** @return whether the venue is working an order of this client id. */
    public boolean isWorking(final long clOrdId)
    {
        return byClOrdId.containsKey(clOrdId);
    }

    /**
     * A cancel request ({@code clOrdId}) for {@code origClOrdId} reaches the venue.
     */
    public void onCancel(final long nowNs, final long clOrdId, final long origClOrdId)
    {
        advanceTo(nowNs);
        final VenueOrder order = byClOrdId.get(origClOrdId);
        if (order == null)
        {
            answers.cancelRejected(nowNs, clOrdId, origClOrdId, VenueRejectReason.TOO_LATE_TO_CANCEL);
            return;
        }
        answers.orderCancelled(nowNs, origClOrdId, order.venueOrderId, order.instrumentId, order.leaves());
        remove(order);
    }

    /**
     * An amend ({@code clOrdId}) of {@code origClOrdId} reaches the venue: the order's total quantity becomes
     * {@code quantity} and a limit order's limit {@code limitPrice}; it keeps its place and what it filled, and is
     * known as {@code clOrdId} from now on. Refused (the order unchanged) when the venue does not work the order
     * (finished, or never known: UNKNOWN_ORDER), the new quantity is not above what is filled (INVALID_QUANTITY),
     * the id is taken (DUPLICATE_ORDER) or a buy's larger commitment exceeds the account (INSUFFICIENT_BUYING_POWER).
     */
    public void onReplace(final long nowNs, final long clOrdId, final long origClOrdId, final long quantity,
        final long limitPrice)
    {
        advanceTo(nowNs);
        final VenueOrder order = byClOrdId.get(origClOrdId);
        final VenueRejectReason reason = order == null ? VenueRejectReason.UNKNOWN_ORDER :
            quantity <= order.filled ? VenueRejectReason.INVALID_QUANTITY :
            byClOrdId.containsKey(clOrdId) ? VenueRejectReason.DUPLICATE_ORDER :
            order.ordType == OrdType.LIMIT && limitPrice <= 0 ? VenueRejectReason.UNSUPPORTED_ORDER_TYPE : null;
        if (reason != null)
        {
            answers.replaceRejected(nowNs, clOrdId, origClOrdId, reason);
            return;
        }
        final long oldQuantity = order.quantity;
        final long oldLimit = order.limitPrice;
        order.quantity = quantity;
        if (order.ordType == OrdType.LIMIT)
        {
            order.limitPrice = limitPrice;
        }
        final long commitment = order.side == Side.BUY ? commitmentOf(order, order.leaves()) : 0;
        if (commitment - order.commitment > cash - committed)
        {
            order.quantity = oldQuantity;
            order.limitPrice = oldLimit;
            answers.replaceRejected(nowNs, clOrdId, origClOrdId, VenueRejectReason.INSUFFICIENT_BUYING_POWER);
            return;
        }
        committed += commitment - order.commitment;
        order.commitment = commitment;
        byClOrdId.remove(origClOrdId);
        order.clOrdId = clOrdId;
        byClOrdId.put(clOrdId, order);
        answers.orderReplaced(nowNs, clOrdId, origClOrdId, order.venueOrderId, order.instrumentId, order.quantity,
            order.limitPrice, order.leaves(), order.filled);
    }

    /**
     * A trade print: due acknowledgements and expiries first, then fills against it.
     */
    public void onTrade(final long nowNs, final int instrumentId, final long price, final long quantity)
    {
        advanceTo(nowNs);
        if (!isValid(instrumentId) || price <= 0)
        {
            return;
        }
        lastPrice[instrumentId] = price;
        prints++;
        long capacity = volumeShare(quantity);
        for (int i = 0; i < working; i++)
        {
            final VenueOrder order = book[i];
            if (order.instrumentId != instrumentId || !canFill(order, nowNs))
            {
                continue;
            }
            if (order.ordType == OrdType.STOP && !order.triggered)
            {
                order.triggered = order.side == Side.BUY ? price >= order.stopPrice : price <= order.stopPrice;
            }
            final long fillPrice = isQuoted(order) && order.ordType != OrdType.LIMIT ? 0 : switch (order.ordType)
            {
                case MARKET -> takerPrice(order, price);
                case STOP -> order.triggered ? takerPrice(order, price) : 0;
                case LIMIT -> (order.side == Side.BUY ? price < order.limitPrice : price > order.limitPrice) ?
                    order.limitPrice : 0;
                default -> 0;
            };
            capacity -= fill(order, fillPrice, capacity, nowNs);
        }
        remaining[instrumentId] = capacity;
        sweep();
        // A stop this print triggered takes the touch now, when its side is quoted.
        takeAtTouch(nowNs);
    }

    /**
     * A new top of book for {@code instrumentId}: best bid and ask with their displayed quantities, 0 for an empty
     * side. Due acknowledgements and expiries first, then live takers fill at the touch.
     */
    public void onQuote(final long nowNs, final int instrumentId, final long bid, final long bidQuantity,
        final long ask, final long askQuantity)
    {
        if (isValid(instrumentId))
        {
            quotedSides -= (bidPrice[instrumentId] > 0 ? 1 : 0) + (askPrice[instrumentId] > 0 ? 1 : 0);
            bidPrice[instrumentId] = bid > 0 && bidQuantity > 0 ? bid : 0;
            bidLeft[instrumentId] = bidPrice[instrumentId] > 0 ? bidQuantity : 0;
            askPrice[instrumentId] = ask > 0 && askQuantity > 0 ? ask : 0;
            askLeft[instrumentId] = askPrice[instrumentId] > 0 ? askQuantity : 0;
            quotedSides += (bidPrice[instrumentId] > 0 ? 1 : 0) + (askPrice[instrumentId] > 0 ? 1 : 0);
        }
        advanceTo(nowNs);
    }

    /**
     * A bar of {@code [startNs, nowNs)}: orders due within it are acknowledged, orders expiring before it
     * start expire, fills come from the bar's range, and orders whose session closed within it expire.
     */
    public void onBar(final long nowNs, final int instrumentId, final long open, final long high, final long low,
        final long close, final long volume, final long startNs)
    {
        expireDue(startNs);
        advanceTo(nowNs, false);
        if (!isValid(instrumentId) || close <= 0)
        {
            return;
        }
        prints++;
        long capacity = volumeShare(volume);
        for (int i = 0; i < working; i++)
        {
            final VenueOrder order = book[i];
            if (order.instrumentId != instrumentId || !canFill(order, nowNs))
            {
                continue;
            }
            final boolean buy = order.side == Side.BUY;
            final long fillPrice = switch (order.ordType)
            {
                case MARKET -> takerPrice(order, open);
                case LIMIT -> (buy ? low < order.limitPrice : high > order.limitPrice) ?
                    (buy ? Math.min(order.limitPrice, open) : Math.max(order.limitPrice, open)) : 0;
                case STOP -> (buy ? high >= order.stopPrice : low <= order.stopPrice) ?
                    takerPrice(order, buy ? Math.max(order.stopPrice, open) : Math.min(order.stopPrice, open)) : 0;
                default -> 0;
            };
            order.triggered |= order.ordType == OrdType.STOP && fillPrice > 0;
            capacity -= fill(order, fillPrice, capacity, nowNs);
        }
        lastPrice[instrumentId] = close;
        remaining[instrumentId] = 0;
        sweep();
        expireDue(nowNs);
    }

    /**
     * Venue time moves to {@code nowNs}: due acknowledgements are sent and expired orders expire.
     */
    public void advanceTo(final long nowNs)
    {
        advanceTo(nowNs, true);
    }

    public int workingOrders()
    {
        return working;
    }

    /** What the venue holds open, order by order: its answer to a reconciliation. */
    public interface OpenOrders
    {
        void openOrder(long clOrdId, int instrumentId, Side side, long leavesQuantity);
    }

    /** Reports every working order to {@code into}, oldest first (reconciliation; off the hot path). */
    public void reportOpenOrders(final OpenOrders into)
    {
        for (int i = 0; i < working; i++)
        {
            final VenueOrder order = book[i];
            into.openOrder(order.clOrdId, order.instrumentId, order.side, order.leaves());
        }
    }

    public long fills()
    {
        return fills;
    }

    public long rejects()
    {
        return rejects;
    }

    /** @return the venue account's cash: initial cash less buys, plus sells, less commission. */
    public long cash()
    {
        return cash;
    }

    private void advanceTo(final long nowNs, final boolean expire)
    {
        acknowledgeDue(nowNs);
        if (expire)
        {
            expireDue(nowNs);
        }
        takeRemainingVolume(nowNs);
        takeAtTouch(nowNs);
    }

    /**
     * The share of a print's (or bar's) volume the venue's fills may take. Every print pays for it, so the common
     * case skips {@link Fixed#mulDiv}'s 128-bit path and its division by a variable: when the product fits in a long
     * (the limit is at most {@link CostModel#PPM}), the same truncated quotient comes from a division by the constant.
     */
    private long volumeShare(final long volume)
    {
        return volume >= -PLAIN_VOLUME_LIMIT && volume <= PLAIN_VOLUME_LIMIT ?
            volume * rules.volumeLimitPpm() / CostModel.PPM : Fixed.mulDiv(volume, rules.volumeLimitPpm(), CostModel.PPM);
    }

    /** Whether the side {@code order} would take from is quoted (then it fills at the touch, not on prints). */
    private boolean isQuoted(final VenueOrder order)
    {
        return quotedSides > 0 && (order.side == Side.BUY ? askPrice : bidPrice)[order.instrumentId] > 0;
    }

    /**
     * Live orders whose side is quoted and that are marketable there (market, triggered stop, limit at or through
     * the touch) fill at the touch, oldest first, up to the quantity the quote still displays.
     */
    private void takeAtTouch(final long nowNs)
    {
        if (quotedSides == 0)
        {
            return;
        }
        boolean filled = false;
        for (int i = 0; i < working; i++)
        {
            final VenueOrder order = book[i];
            if (!order.acknowledged || order.liveAtNs > nowNs || order.leaves() <= 0 || !isQuoted(order))
            {
                continue;
            }
            final int instrumentId = order.instrumentId;
            final boolean buy = order.side == Side.BUY;
            final long touch = buy ? askPrice[instrumentId] : bidPrice[instrumentId];
            final long[] left = buy ? askLeft : bidLeft;
            final boolean marketable = switch (order.ordType)
            {
                case MARKET -> true;
                case STOP -> order.triggered;
                case LIMIT -> buy ? order.limitPrice >= touch : order.limitPrice <= touch;
                default -> false;
            };
            if (marketable && left[instrumentId] > 0)
            {
                left[instrumentId] -= fill(order, touch, left[instrumentId], nowNs);
                filled = true;
            }
        }
        if (filled)
        {
            sweep();
        }
    }

    /** Live market orders and triggered stops take what is left of their instrument's last trade print. */
    private void takeRemainingVolume(final long nowNs)
    {
        boolean filled = false;
        for (int i = 0; i < working; i++)
        {
            final VenueOrder order = book[i];
            final int instrumentId = order.instrumentId;
            final boolean taker = order.ordType == OrdType.MARKET || order.ordType == OrdType.STOP && order.triggered;
            if (taker && !isQuoted(order) && remaining[instrumentId] > 0 && order.acknowledged && order.liveAtNs <= nowNs &&
                order.leaves() > 0)
            {
                remaining[instrumentId] -= fill(order, takerPrice(order, lastPrice[instrumentId]),
                    remaining[instrumentId], nowNs);
                filled = true;
            }
        }
        if (filled)
        {
            sweep();
        }
    }

    private VenueRejectReason check(final long nowNs, final long clOrdId, final int instrumentId, final Side side, final OrdType ordType,
        final TimeInForce timeInForce, final long quantity, final long limitPrice, final long stopPrice)
    {
        if (!isValid(instrumentId))
        {
            return VenueRejectReason.UNKNOWN_INSTRUMENT;
        }
        if (quantity <= 0)
        {
            return VenueRejectReason.INVALID_QUANTITY;
        }
        if (ordType != OrdType.MARKET && ordType != OrdType.LIMIT && ordType != OrdType.STOP ||
            ordType == OrdType.LIMIT && limitPrice <= 0 || ordType == OrdType.STOP && stopPrice <= 0)
        {
            return VenueRejectReason.UNSUPPORTED_ORDER_TYPE;
        }
        if (byClOrdId.containsKey(clOrdId))
        {
            return VenueRejectReason.DUPLICATE_ORDER;
        }
        if (!clocks[instrumentId].isOpen(nowNs) &&
            (rules.outsideHours() == VenueRules.OutsideHours.REJECT || timeInForce == TimeInForce.IOC))
        {
            return VenueRejectReason.OUTSIDE_TRADING_HOURS;
        }
        final long reference = ordType == OrdType.LIMIT ? limitPrice : ordType == OrdType.STOP ? stopPrice :
            marketReference(instrumentId, side);
        if (reference <= 0)
        {
            return VenueRejectReason.NO_MARKET;
        }
        if (side == Side.BUY)
        {
            final long needed = Fixed.notional(reference, quantity) + costs.commission(quantity, reference);
            if (needed > cash - committed)
            {
                return VenueRejectReason.INSUFFICIENT_BUYING_POWER;
            }
        }
        if (pooled == 0)
        {
            return VenueRejectReason.OTHER;
        }
        return null;
    }

    /** What a market order is expected to pay: the touch it takes when quoted, else the last print. */
    private long marketReference(final int instrumentId, final Side side)
    {
        final long touch = side == Side.BUY ? askPrice[instrumentId] : bidPrice[instrumentId];
        return touch > 0 ? touch : lastPrice[instrumentId];
    }

    private boolean isValid(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < specs.length;
    }

    private boolean canFill(final VenueOrder order, final long nowNs)
    {
        return order.acknowledged && order.liveAtNs <= nowNs && order.arrivalPrint < prints && order.leaves() > 0;
    }

    private long takerPrice(final VenueOrder order, final long marketPrice)
    {
        final InstrumentSpec spec = specs[order.instrumentId];
        return costs.takerPrice(order.side, marketPrice, order.leaves(), markets[order.instrumentId],
            spec.averageDailyVolume(), spec.tickSize());
    }

    /**
     * Fills what the price and the print's remaining capacity allow; an IOC order's first opportunity is
     * also its last.
     *
     * @return the quantity filled.
     */
    private long fill(final VenueOrder order, final long price, final long capacity, final long nowNs)
    {
        final long quantity = price > 0 ? Math.min(order.leaves(), Math.max(0, capacity)) : 0;
        if (quantity > 0)
        {
            order.filled += quantity;
            finishedSinceSweep |= order.leaves() <= 0;
            final long fee = costs.commission(quantity, price);
            final long notional = Fixed.notional(price, quantity);
            if (order.side == Side.BUY)
            {
                cash -= notional + fee;
                final long released = order.commitment - commitmentOf(order, order.leaves());
                order.commitment -= released;
                committed -= released;
            }
            else
            {
                cash += notional - fee;
            }
            fills++;
            answers.orderFilled(nowNs, order.clOrdId, order.venueOrderId, ++nextExecId, order.instrumentId, order.side,
                price, quantity, order.leaves(), order.filled, fee);
        }
        if (order.timeInForce == TimeInForce.IOC && order.leaves() > 0)
        {
            answers.orderExpired(nowNs, order.clOrdId, order.venueOrderId, order.instrumentId, order.leaves());
            finish(order);
        }
        return quantity;
    }

    private long commitmentOf(final VenueOrder order, final long quantity)
    {
        final long reference = order.ordType == OrdType.LIMIT ? order.limitPrice : order.ordType == OrdType.STOP ?
            order.stopPrice : marketReference(order.instrumentId, order.side);
        return Fixed.notional(reference, quantity);
    }

    private void acknowledgeDue(final long nowNs)
    {
        if (nowNs < nextAckDueNs)
        {
            return;
        }
        long next = Long.MAX_VALUE;
        for (int i = 0; i < working; i++)
        {
            final VenueOrder order = book[i];
            if (!order.acknowledged && order.ackDueNs <= nowNs)
            {
                order.acknowledged = true;
                answers.orderAccepted(order.ackDueNs, order.clOrdId, order.venueOrderId, order.instrumentId);
            }
            else if (!order.acknowledged)
            {
                next = Math.min(next, order.ackDueNs);
            }
        }
        nextAckDueNs = next;
    }

    private void expireDue(final long nowNs)
    {
        if (nowNs >= nextExpiryNs)
        {
            long next = Long.MAX_VALUE;
            for (int i = 0; i < working; i++)
            {
                final VenueOrder order = book[i];
                if (order.acknowledged && order.expiresAtNs <= nowNs && order.leaves() > 0)
                {
                    answers.orderExpired(order.expiresAtNs, order.clOrdId, order.venueOrderId, order.instrumentId,
                        order.leaves());
                    finish(order);
                }
                else if (order.leaves() > 0)
                {
                    // an unacknowledged order past its expiry keeps the gate open until it is acknowledged and expires
                    next = Math.min(next, order.expiresAtNs);
                }
            }
            nextExpiryNs = next;
        }
        sweep();
    }

    /** Removes every order with nothing left, keeping the others in arrival order. */
    private void sweep()
    {
        if (!finishedSinceSweep)
        {
            return;
        }
        finishedSinceSweep = false;
        int kept = 0;
        for (int i = 0; i < working; i++)
        {
            final VenueOrder order = book[i];
            if (order.leaves() > 0)
            {
                book[kept++] = order;
            }
            else
            {
                release(order);
            }
        }
        for (int i = kept; i < working; i++)
        {
            book[i] = null;
        }
        working = kept;
    }

    private void remove(final VenueOrder order)
    {
        finish(order);
        sweep();
    }

    /** Leaves the order nothing to work (it was cancelled or expired); the next sweep releases it. */
    private void finish(final VenueOrder order)
    {
        order.filled = order.quantity;
        finishedSinceSweep = true;
    }

    private void release(final VenueOrder order)
    {
        committed -= order.commitment;
        order.commitment = 0;
        byClOrdId.remove(order.clOrdId);
        pool[pooled++] = order;
    }
}
