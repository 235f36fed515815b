package io.ringwall.engine.logic;

import java.util.List;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.RiskLimits;
import io.ringwall.engine.frames.VenueAnswers;
import io.ringwall.engine.strategy.BarEvent;
import io.ringwall.engine.strategy.OrderEvent;
import io.ringwall.engine.strategy.QuoteEvent;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.TradeEvent;
import io.ringwall.engine.venue.PaperVenue;

/**
 * The shadow twin: a second instance of each strategy, fed the same market data and timers on the logic thread, that
 * trades against the paper venue's rules ({@link PaperVenue}, the backtest's fill model) in event time. Its orders,
 * positions and fills are its own: nothing here reaches the live strategies' orders, risk, portfolio or breakers.
 * Its targets go to the {@link ShadowJudge}. The model's answers are queued and applied after each call into it, so a
 * twin reacting to a fill never re-enters the model while it walks its book. Allocation-free after construction.
 */
final class ShadowTwin implements VenueAnswers
{
    private static final int ACCEPTED = 1;
    private static final int FILLED = 2;
    private static final int REJECTED = 3;
    private static final int CANCELLED = 4;
    private static final int EXPIRED = 5;
    private static final int CANCEL_REJECTED = 6;

    private final Strategy[] twins;
    private final TwinContext[] contexts;
    private final PaperVenue model;
    private final ShadowJudge judge;
    private final InstrumentTable instruments;
    private final OrderEntry entry;
    private final StrategyHost.LogicClock clock;
    private final long[] position;
    private final long[] openQuantity;
    /** A twin order's owner, instrument and side by {@code clOrdId % capacity} (ids are handed out in turn). */
    private final int capacity;
    private final int[] orderStrategy;
    private final int[] orderInstrument;
    private final Side[] orderSide;
    private final long[] orderId;
    private final long[] orderLeaves;
    /** The model's answers waiting to be applied: kind and fields, {@link #queued} of them from {@link #head}. */
    private final int[] answerKind;
    private final long[] answerClOrdId;
    private final long[] answerPrice;
    private final long[] answerQuantity;
    private final long[] answerLeaves;
    private final long[] answerFee;
    private final VenueRejectReason[] answerReason;
    private int head;
    private int queued;
    private boolean draining;
    private final OrderEvent event = new OrderEvent();
    private long nextClOrdId;
    /** Checkpoints: the model's state and one twin's strategy state, written through these (sized at start). */
    private final long[] modelState;
    private final org.agrona.concurrent.UnsafeBuffer strategyState;

    ShadowTwin(final LogicConfig config, final List<Strategy> twinStrategies, final InstrumentTable instruments,
        final MarketState market, final OrderEntry entry, final ShadowJudge judge, final StrategyHost.LogicClock clock)
    {
        this.twins = twinStrategies.toArray(new Strategy[0]);
        this.instruments = instruments;
        this.entry = entry;
        this.judge = judge;
        this.clock = clock;
        this.capacity = config.maxWorkingOrders();
        this.model = PaperVenue.forSession(config, capacity, this);
        this.position = new long[instruments.size()];
        this.openQuantity = new long[instruments.size()];
        this.orderStrategy = new int[capacity];
        this.orderInstrument = new int[capacity];
        this.orderSide = new Side[capacity];
        this.orderId = new long[capacity];
        this.orderLeaves = new long[capacity];
        // a power of two, so the ring's index is a mask rather than a division on every answer
        final int answers = Integer.highestOneBit(Math.max(1, capacity * 4 - 1)) << 1;
        answerKind = new int[answers];
        answerClOrdId = new long[answers];
        answerPrice = new long[answers];
        answerQuantity = new long[answers];
        answerLeaves = new long[answers];
        answerFee = new long[answers];
        answerReason = new VenueRejectReason[answers];
        modelState = new long[model.stateLongs()];
        int largestState = 0;
        for (final Strategy twin : twins)
        {
            largestState = Math.max(largestState, twin.maxStateLength());
        }
        strategyState = new org.agrona.concurrent.UnsafeBuffer(new byte[Math.max(8, (largestState + 7) & ~7)]);
        contexts = new TwinContext[twins.length];
        for (int i = 0; i < twins.length; i++)
        {
            contexts[i] = new TwinContext(i, market);
        }
    }

    void start()
    {
        for (int i = 0; i < twins.length; i++)
        {
            twins[i].onStart(contexts[i]);
        }
    }

    /** Every input moves the model's clock: acknowledgements and expiries fall due in event time. */
    void onClock(final long timeNs)
    {
        // with nothing working, moving the model's clock does nothing: skip its passes over an empty book
        if (model.workingOrders() > 0)
        {
            model.advanceTo(timeNs);
            drain();
        }
    }

    void onTrade(final TradeEvent trade)
    {
        model.onTrade(trade.timeNs(), trade.instrumentId(), trade.price(), trade.quantity());
        drain();
        for (final Strategy twin : twins)
        {
            twin.onTrade(trade);
        }
        drain();
    }

    void onQuote(final QuoteEvent quote)
    {
        // the live paper venue fills takers at the quoted touch: the twin's model must see the same quotes
        model.onQuote(quote.timeNs(), quote.instrumentId(), quote.bidPrice(), quote.bidQuantity(), quote.askPrice(),
            quote.askQuantity());
        drain();
        for (final Strategy twin : twins)
        {
            twin.onQuote(quote);
        }
        drain();
    }

    void onBar(final BarEvent bar, final long timeNs)
    {
        model.onBar(timeNs, bar.instrumentId(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
            bar.startTimeNs());
        drain();
        for (final Strategy twin : twins)
        {
            twin.onBar(bar);
        }
        drain();
    }

    void onTimer(final int timerId, final long timeNs)
    {
        for (final Strategy twin : twins)
        {
            twin.onTimer(timerId, timeNs);
        }
        drain();
    }

    /** @return null when every twin strategy can be checkpointed, else why not. */
    String checkpointsUnsupported()
    {
        for (final Strategy twin : twins)
        {
            if (twin.maxStateLength() < 0 || twin.maxStateLength() > strategyState.capacity() ||
                twin.writeState(strategyState, 0) == Strategy.STATE_UNSUPPORTED)
            {
                return "twin strategy " + twin.getClass().getName() + " does not implement Strategy.writeState/readState";
            }
        }
        return null;
    }

    /**
     * Checkpoints, between inputs: the twin's orders, positions and id counter, its model's book and account, and
     * each twin strategy's state, in a layout of fixed size for the configuration. Allocation-free.
     */
    void writeState(final StateCursor out)
    {
        if (queued != 0)
        {
            throw new IllegalStateException("shadow twin: " + queued + " model answers still queued between inputs");
        }
        out.putLong(nextClOrdId);
        out.putLongs(position);
        out.putLongs(openQuantity);
        for (int i = 0; i < capacity; i++)
        {
            out.putLong(orderId[i]);
            out.putLong(orderStrategy[i]);
            out.putLong(orderInstrument[i]);
            out.putLong(orderSide[i] == null ? -1 : orderSide[i].value());
            out.putLong(orderLeaves[i]);
        }
        model.writeState(modelState);
        for (final long value : modelState)
        {
            out.putLong(value);
        }
        for (final Strategy twin : twins)
        {
            final int length = twin.writeState(strategyState, 0);
            // the room past the state is zeroed, so equal states encode to equal bytes
            strategyState.setMemory(Math.max(0, length), strategyState.capacity() - Math.max(0, length), (byte)0);
            out.putLong(length);
            for (int at = 0; at < strategyState.capacity(); at += 8)
            {
                out.putLong(strategyState.getLong(at));
            }
        }
    }

    /** Recovery: restores what {@link #writeState} wrote, after {@link #start}, before any input. */
    void readState(final StateCursor in)
    {
        nextClOrdId = in.getLong();
        in.getLongs(position);
        in.getLongs(openQuantity);
        for (int i = 0; i < capacity; i++)
        {
            orderId[i] = in.getLong();
            orderStrategy[i] = in.getInt();
            orderInstrument[i] = in.getInt();
            final long side = in.getLong();
            orderSide[i] = side < 0 ? null : Side.get((short)side);
            orderLeaves[i] = in.getLong();
        }
        for (int i = 0; i < modelState.length; i++)
        {
            modelState[i] = in.getLong();
        }
        model.readState(modelState);
        for (final Strategy twin : twins)
        {
            final int length = in.getInt();
            if (length < 0 || length > strategyState.capacity())
            {
                throw new IllegalArgumentException("twin strategy state of " + length + " bytes does not fit");
            }
            for (int at = 0; at < strategyState.capacity(); at += 8)
            {
                strategyState.putLong(at, in.getLong());
            }
            twin.readState(strategyState, 0, length);
        }
    }

    /** @return the twin's position in the instrument (for tests and the state view). */
    long position(final int instrumentId)
    {
        return position[instrumentId];
    }

    private long submit(final int strategyId, final int instrumentId, final Side side, final OrdType ordType,
        final TimeInForce timeInForce, final long quantity, final long price)
    {
        if (!instruments.isValid(instrumentId) || quantity <= 0)
        {
            return -io.ringwall.codecs.RiskRejectReason.INVALID_QUANTITY.value();
        }
        final long clOrdId = ++nextClOrdId;
        final int index = (int)(clOrdId % capacity);
        if (orderId[index] != 0)
        {
            // the model's book is as large as the live one: a twin with more orders working than that is refused
            return -io.ringwall.codecs.RiskRejectReason.ORDER_TABLE_FULL.value();
        }
        orderId[index] = clOrdId;
        orderStrategy[index] = strategyId;
        orderInstrument[index] = instrumentId;
        orderSide[index] = side;
        orderLeaves[index] = quantity;
        openQuantity[instrumentId] += side == Side.BUY ? quantity : -quantity;
        model.onNewOrder(clock.timeNs(), clOrdId, instrumentId, side, ordType, timeInForce, quantity,
            ordType == OrdType.LIMIT ? price : 0, ordType == OrdType.STOP ? price : 0);
        drain();
        return clOrdId;
    }

    /** Applies the model's queued answers; answers to orders a twin sends meanwhile join the queue. */
    private void drain()
    {
        if (draining)
        {
            return;
        }
        draining = true;
        while (queued > 0)
        {
            final int i = head;
            head = (head + 1) & (answerKind.length - 1);
            queued--;
            apply(answerKind[i], answerClOrdId[i], answerPrice[i], answerQuantity[i], answerLeaves[i], answerFee[i],
                answerReason[i]);
        }
        draining = false;
    }

    private void apply(final int kind, final long clOrdId, final long price, final long quantity, final long leaves,
        final long fee, final VenueRejectReason reason)
    {
        final int index = (int)(clOrdId % capacity);
        if (orderId[index] != clOrdId)
        {
            return;
        }
        final int instrumentId = orderInstrument[index];
        final Side side = orderSide[index];
        final long sign = side == Side.BUY ? 1 : -1;
        final OrderEvent.Type type;
        switch (kind)
        {
            case ACCEPTED -> type = OrderEvent.Type.ACCEPTED;
            case FILLED ->
            {
                position[instrumentId] += sign * quantity;
                openQuantity[instrumentId] -= sign * quantity;
                orderLeaves[index] -= quantity;
                type = leaves == 0 ? OrderEvent.Type.FILLED : OrderEvent.Type.PARTIALLY_FILLED;
            }
            case REJECTED, CANCELLED, EXPIRED ->
            {
                // what the order still held leaves the open total, whatever the answer says
                openQuantity[instrumentId] -= sign * orderLeaves[index];
                orderLeaves[index] = 0;
                type = kind == REJECTED ? OrderEvent.Type.REJECTED :
                    kind == CANCELLED ? OrderEvent.Type.CANCELLED : OrderEvent.Type.EXPIRED;
            }
            default -> type = OrderEvent.Type.CANCEL_REJECTED;
        }
        final boolean done = type == OrderEvent.Type.FILLED || type == OrderEvent.Type.REJECTED ||
            type == OrderEvent.Type.CANCELLED || type == OrderEvent.Type.EXPIRED;
        final int strategyId = orderStrategy[index];
        if (done)
        {
            orderId[index] = 0;
        }
        event.set(type, clOrdId, instrumentId, side, kind == FILLED ? price : 0, kind == FILLED ? quantity : 0,
            done ? 0 : leaves, fee, reason);
        twins[strategyId].onOrderEvent(event);
    }

    private void enqueue(final int kind, final long clOrdId, final long price, final long quantity, final long leaves,
        final long fee, final VenueRejectReason reason)
    {
        if (queued == answerKind.length)
        {
            throw new IllegalStateException("shadow twin: more than " + answerKind.length + " model answers queued");
        }
        final int i = (head + queued) & (answerKind.length - 1);
        answerKind[i] = kind;
        answerClOrdId[i] = clOrdId;
        answerPrice[i] = price;
        answerQuantity[i] = quantity;
        answerLeaves[i] = leaves;
        answerFee[i] = fee;
        answerReason[i] = reason;
        queued++;
    }

    @Override
    public void orderAccepted(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId)
    {
        enqueue(ACCEPTED, clOrdId, 0, 0, 0, 0, VenueRejectReason.NULL_VAL);
    }

    @Override
    public void orderFilled(final long timeNs, final long clOrdId, final long venueOrderId, final long execId,
        final int instrumentId, final Side side, final long lastPrice, final long lastQuantity,
        final long leavesQuantity, final long cumQuantity, final long fee)
    {
        enqueue(FILLED, clOrdId, lastPrice, lastQuantity, leavesQuantity, fee, VenueRejectReason.NULL_VAL);
    }

    @Override
    public void orderRejected(final long timeNs, final long clOrdId, final int instrumentId,
        final VenueRejectReason reason)
    {
        enqueue(REJECTED, clOrdId, 0, 0, 0, 0, reason);
    }

    @Override
    public void orderCancelled(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId,
        final long cancelledQuantity)
    {
        enqueue(CANCELLED, clOrdId, 0, 0, cancelledQuantity, 0, VenueRejectReason.NULL_VAL);
    }

    @Override
    public void orderExpired(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId,
        final long expiredQuantity)
    {
        enqueue(EXPIRED, clOrdId, 0, 0, expiredQuantity, 0, VenueRejectReason.NULL_VAL);
    }

    @Override
    public void cancelRejected(final long timeNs, final long clOrdId, final long origClOrdId,
        final VenueRejectReason reason)
    {
        enqueue(CANCEL_REJECTED, origClOrdId, 0, 0, 0, 0, reason);
    }

    @Override
    public void orderReplaced(final long timeNs, final long clOrdId, final long origClOrdId, final long venueOrderId,
        final int instrumentId, final long quantity, final long limitPrice, final long leavesQuantity,
        final long cumQuantity)
    {
        // the twin does not amend (TwinContext.amend), so the model never replaces
    }

    @Override
    public void replaceRejected(final long timeNs, final long clOrdId, final long origClOrdId,
        final VenueRejectReason reason)
    {
    }

    /** What a twin may see and do: the live market, its own position and orders, the model as its venue. */
    private final class TwinContext implements StrategyContext
    {
        private final int strategyId;
        private final MarketState market;

        TwinContext(final int strategyId, final MarketState market)
        {
            this.strategyId = strategyId;
            this.market = market;
        }

        @Override
        public int strategyId()
        {
            return strategyId;
        }

        @Override
        public long timeNs()
        {
            return clock.timeNs();
        }

        @Override
        public int instrumentId(final String symbol)
        {
            return instruments.idOf(symbol);
        }

        @Override
        public long position(final int instrumentId)
        {
            return instruments.isValid(instrumentId) ? position[instrumentId] : 0;
        }

        @Override
        public long openOrderQuantity(final int instrumentId)
        {
            return instruments.isValid(instrumentId) ? openQuantity[instrumentId] : 0;
        }

        @Override
        public long lastPrice(final int instrumentId)
        {
            return instruments.isValid(instrumentId) ? market.referencePrice(instrumentId) : 0;
        }

        @Override
        public long submitMarket(final int instrumentId, final Side side, final long quantity,
            final TimeInForce timeInForce)
        {
            return order(instrumentId, side, OrdType.MARKET, timeInForce, quantity, 0);
        }

        @Override
        public long submitStop(final int instrumentId, final Side side, final long quantity, final long stopPrice,
            final TimeInForce timeInForce)
        {
            return order(instrumentId, side, OrdType.STOP, timeInForce, quantity, stopPrice);
        }

        @Override
        public long submitLimit(final int instrumentId, final Side side, final long quantity, final long limitPrice,
            final TimeInForce timeInForce)
        {
            return order(instrumentId, side, OrdType.LIMIT, timeInForce, quantity, limitPrice);
        }

        @Override
        public boolean cancel(final long clOrdId)
        {
            final int index = (int)(clOrdId % capacity);
            if (clOrdId <= 0 || orderId[index] != clOrdId || orderStrategy[index] != strategyId ||
                !model.isWorking(clOrdId))
            {
                return false;
            }
            model.onCancel(clock.timeNs(), 0, clOrdId);
            drain();
            return true;
        }

        /** The twin does not amend: the model's amend answers would add nothing the comparison uses. */
        @Override
        public long amend(final long clOrdId, final long quantity, final long limitPrice)
        {
            return 0;
        }

        @Override
        public long setTargetPosition(final int instrumentId, final long targetQuantity)
        {
            judge.onTwinTarget(strategyId, instrumentId, targetQuantity);
            if (!instruments.isValid(instrumentId))
            {
                return 0;
            }
            // as the live entry does: the capital scale, rounded toward zero to the lot, less what is held and open
            final long lot = instruments.spec(instrumentId).lotSize();
            final long scaled = Fixed.mulDiv(targetQuantity, entry.capitalScalePpm(), RiskLimits.PPM);
            final long delta = scaled - scaled % lot - position[instrumentId] - openQuantity[instrumentId];
            if (delta == 0)
            {
                return 0;
            }
            return submit(strategyId, instrumentId, delta > 0 ? Side.BUY : Side.SELL, OrdType.MARKET,
                TimeInForce.DAY, Math.abs(delta), 0);
        }

        private long order(final int instrumentId, final Side side, final OrdType ordType,
            final TimeInForce timeInForce, final long quantity, final long price)
        {
            if (instruments.isValid(instrumentId))
            {
                judge.onTwinTarget(strategyId, instrumentId, position[instrumentId] + openQuantity[instrumentId] +
                    (side == Side.BUY ? quantity : -quantity));
            }
            return submit(strategyId, instrumentId, side, ordType, timeInForce, quantity, price);
        }
    }
}
