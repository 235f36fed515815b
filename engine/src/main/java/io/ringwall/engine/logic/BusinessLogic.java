package io.ringwall.engine.logic;

import java.util.List;

import io.ringwall.codecs.BarDecoder;
import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CancelRejectedDecoder;
import io.ringwall.codecs.CommandResult;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.OperatorCommandDecoder;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.OrderAcceptedDecoder;
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderExpiredDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.codecs.OrderState;
import io.ringwall.codecs.QuoteDecoder;
import io.ringwall.codecs.ReconciliationEndDecoder;
import io.ringwall.codecs.TimerTickDecoder;
import io.ringwall.codecs.TradeDecoder;
import io.ringwall.codecs.VenueOpenOrderDecoder;
import io.ringwall.codecs.VenuePositionDecoder;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.market.SessionClock;
import io.ringwall.engine.strategy.BarEvent;
import io.ringwall.engine.strategy.OrderEvent;
import io.ringwall.engine.strategy.QuoteEvent;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyFactory;
import io.ringwall.engine.strategy.TradeEvent;
import org.agrona.DirectBuffer;

/**
 * The business logic: a deterministic function of the journaled inputs. One thread calls
 * {@link #onInput} with each journaled input in sequence order; the logic's only clock is the input's
 * record time, and all it produces goes to the {@link OutputSink}. No locks, no allocation, no text.
 */
public final class BusinessLogic
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final QuoteDecoder quote = new QuoteDecoder();
    private final BarDecoder bar = new BarDecoder();
    private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
    private final OrderFilledDecoder filled = new OrderFilledDecoder();
    private final OrderRejectedDecoder rejected = new OrderRejectedDecoder();
    private final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
    private final CancelRejectedDecoder cancelRejected = new CancelRejectedDecoder();
    private final OperatorCommandDecoder command = new OperatorCommandDecoder();
    private final TimerTickDecoder timer = new TimerTickDecoder();
    private final TradeEvent tradeEvent = new TradeEvent();
    private final QuoteEvent quoteEvent = new QuoteEvent();
    private final BarEvent barEvent = new BarEvent();
    private final OrderEvent orderEvent = new OrderEvent();

    private final InstrumentTable instruments;
    private final EngineCounters counters = new EngineCounters();
    private final MarketState market;
    private final Portfolio portfolio;
    private final OrderManager orders;
    private final OutputPublisher output;
    private final Breakers breakers;
    private final OrderEntry entry;
    private final StrategyHost strategies;
    private final SessionClock sessions;
    private final PreMarketGate gate;
    private final OrderExpiredDecoder expired = new OrderExpiredDecoder();
    private final LogicSnapshot snapshot;
    private final VenuePositionDecoder venuePosition = new VenuePositionDecoder();
    private final VenueOpenOrderDecoder venueOpenOrder = new VenueOpenOrderDecoder();
    private final ReconciliationEndDecoder reconciliationEnd = new ReconciliationEndDecoder();
    private final Reconciler reconciler;
    private final StatusWatch statusWatch;
    private final io.ringwall.codecs.VenueOrderStatusDecoder venueOrderStatus =
        new io.ringwall.codecs.VenueOrderStatusDecoder();
    private final io.ringwall.codecs.OrderReplacedDecoder replaced = new io.ringwall.codecs.OrderReplacedDecoder();
    private final io.ringwall.codecs.ReplaceRejectedDecoder replaceRejected =
        new io.ringwall.codecs.ReplaceRejectedDecoder();
    private final io.ringwall.codecs.FeedHealthDecoder feedHealth = new io.ringwall.codecs.FeedHealthDecoder();
    private final io.ringwall.codecs.TradingStatusDecoder tradingStatus = new io.ringwall.codecs.TradingStatusDecoder();
    private final TradingStates tradingStates;
    private final java.util.function.Consumer<Order> visitWorkingOrder = this::visitWorkingOrder;
    private WorkingOrderVisitor workingOrderVisitor;
    /** Shadow trading (issue 20): both null unless the configuration turns the shadow on. */
    private final ShadowJudge shadowJudge;
    private final ShadowTwin shadowTwin;
    private Thread owner;
    private long inputSequence;
    private long timeNs;
    /** Process signals from journaled operator commands, for the host to act on after the input. */
    private boolean snapshotRequested;
    private boolean shutdownRequested;

    public BusinessLogic(final LogicConfig config, final List<Strategy> strategyList, final OutputSink sink)
    {
        instruments = new InstrumentTable(config.instruments());
        market = new MarketState(instruments.size());
        portfolio = new Portfolio(instruments.size(), config.initialCash());
        orders = new OrderManager(config.maxWorkingOrders(), instruments.size(), counters);
        output = new OutputPublisher(sink);
        sessions = new SessionClock(config.market().sessionCalendarSpec());
        breakers = new Breakers(config.breakers(), output, counters, sessions,
            config.market().clocksOf(config.instruments()));
        tradingStates = new TradingStates(instruments.size());
        final PreTradeRisk risk = new PreTradeRisk(config.risk(), instruments, market, breakers, portfolio, orders,
            sessions, tradingStates);
        final StrategyHost.LogicClock clock = () -> timeNs;
        final CostEstimator costs = new CostEstimator(config.market().costs(),
            config.market().marketsOf(config.instruments()), instruments);
        entry = new OrderEntry(config.risk(), orders, risk, breakers, output, counters, portfolio, instruments, clock,
            market, costs);
        breakers.cancelWith(entry::cancelAll);
        statusWatch = new StatusWatch(orders, output, breakers, config.statusTimeouts().timeoutNs(),
            config.statusTimeouts().tries(), config.maxWorkingOrders());
        reconciler = new Reconciler(instruments.size(), portfolio, orders, output, breakers, counters);
        strategies = new StrategyHost(strategyList, instruments, market, portfolio, orders, entry, clock);
        entry.rejectsTo(strategies::onRiskReject);
        gate = new PreMarketGate(config, instruments, breakers, portfolio, entry, strategies, counters);
        // At construction, so a strategy's configuration error stops the start before any input.
        strategies.start();
        if (config.shadow().enabled())
        {
            final List<Strategy> twins = StrategyFactory.createAll(config.twinStrategySpecs());
            shadowJudge = new ShadowJudge(config.shadow(), Math.max(strategyList.size(), twins.size()),
                instruments.size(), output, breakers, counters);
            shadowTwin = new ShadowTwin(config, twins, instruments, market, entry, shadowJudge, clock);
            strategies.shadowTo(shadowJudge);
            entry.shadowTo(shadowJudge);
            shadowTwin.start();
        }
        else
        {
            shadowJudge = null;
            shadowTwin = null;
        }
        snapshot = new LogicSnapshot(this, config, portfolio, market, orders, breakers, risk, entry, counters,
            strategies, gate, reconciler, statusWatch, output, tradingStates, instruments.size(), shadowTwin,
            shadowJudge);
    }

    /**
     * Builds the logic and its strategies from a configuration (as the engine and replay both do).
     */
    public static BusinessLogic create(final LogicConfig config, final OutputSink sink)
    {
        return new BusinessLogic(config, StrategyFactory.createAll(config.strategySpecs()), sink);
    }

    /**
     * Handles one journaled input.
     *
     * @param sequence     its journal-in sequence (client order ids derive from it).
     * @param timeNs       its record time: the logic's clock.
     * @param ingressNanos nanoTime of ingress, passed through to outputs for latency measurement only.
     */
    public void onInput(final long sequence, final long timeNs, final DirectBuffer buffer, final int offset,
        final int length, final long ingressNanos)
    {
        if (owner != Thread.currentThread())
        {
            claimOwnership();
        }
        this.inputSequence = sequence;
        this.timeNs = timeNs;
        counters.inputs++;
        orders.beginInput(sequence, timeNs);
        output.cause(sequence, timeNs, ingressNanos);
        breakers.onClock(timeNs);
        portfolio.onSession(sessions.sessionDay(timeNs));
        statusWatch.onClock(timeNs);
        if (shadowTwin != null)
        {
            shadowTwin.onClock(timeNs);
        }

        // A frame of another schema, or one its header misdescribes (InputFrames), is counted and has no effect.
        if (length < MessageHeaderDecoder.ENCODED_LENGTH ||
            header.wrap(buffer, offset).schemaId() != MessageHeaderDecoder.SCHEMA_ID ||
            !InputFrames.readable(header, buffer, offset, length))
        {
            counters.unknownFrames++;
            return;
        }
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case TradeDecoder.TEMPLATE_ID -> onTrade(trade.wrap(buffer, bodyOffset, blockLength, version));
            case QuoteDecoder.TEMPLATE_ID -> onQuote(quote.wrap(buffer, bodyOffset, blockLength, version));
            case BarDecoder.TEMPLATE_ID -> onBar(bar.wrap(buffer, bodyOffset, blockLength, version));
            case OrderAcceptedDecoder.TEMPLATE_ID -> onAccepted(accepted.wrap(buffer, bodyOffset, blockLength, version));
            case OrderFilledDecoder.TEMPLATE_ID -> onFilled(filled.wrap(buffer, bodyOffset, blockLength, version));
            case OrderRejectedDecoder.TEMPLATE_ID -> onRejected(rejected.wrap(buffer, bodyOffset, blockLength, version));
            case OrderCancelledDecoder.TEMPLATE_ID ->
                onCancelled(cancelled.wrap(buffer, bodyOffset, blockLength, version));
            case OrderExpiredDecoder.TEMPLATE_ID -> onExpired(expired.wrap(buffer, bodyOffset, blockLength, version));
            case CancelRejectedDecoder.TEMPLATE_ID ->
                onCancelRejected(cancelRejected.wrap(buffer, bodyOffset, blockLength, version));
            case OperatorCommandDecoder.TEMPLATE_ID -> onCommand(command.wrap(buffer, bodyOffset, blockLength, version));
            case TimerTickDecoder.TEMPLATE_ID -> onTimer(timer.wrap(buffer, bodyOffset, blockLength, version));
            case VenuePositionDecoder.TEMPLATE_ID ->
                onVenuePosition(venuePosition.wrap(buffer, bodyOffset, blockLength, version));
            case VenueOpenOrderDecoder.TEMPLATE_ID ->
                onVenueOpenOrder(venueOpenOrder.wrap(buffer, bodyOffset, blockLength, version));
            case ReconciliationEndDecoder.TEMPLATE_ID ->
                onReconciliationEnd(reconciliationEnd.wrap(buffer, bodyOffset, blockLength, version));
            case io.ringwall.codecs.VenueOrderStatusDecoder.TEMPLATE_ID ->
                onVenueOrderStatus(venueOrderStatus.wrap(buffer, bodyOffset, blockLength, version));
            case io.ringwall.codecs.OrderReplacedDecoder.TEMPLATE_ID ->
                onReplaced(replaced.wrap(buffer, bodyOffset, blockLength, version));
            case io.ringwall.codecs.ReplaceRejectedDecoder.TEMPLATE_ID ->
                onReplaceRejected(replaceRejected.wrap(buffer, bodyOffset, blockLength, version));
            case io.ringwall.codecs.FeedHealthDecoder.TEMPLATE_ID ->
                onFeedHealth(feedHealth.wrap(buffer, bodyOffset, blockLength, version));
            case io.ringwall.codecs.TradingStatusDecoder.TEMPLATE_ID ->
                onTradingStatus(tradingStatus.wrap(buffer, bodyOffset, blockLength, version));
            default -> counters.unknownFrames++;
        }
        gate.afterInput(timeNs);
        if (shadowJudge != null)
        {
            shadowJudge.afterInput();
        }
    }

    /**
     * Checkpoints: encodes the full state after the last input into {@code buffer} (snapshot schema). Call it
     * on the thread that owns the logic, between inputs, or after that thread stopped. Allocation-free.
     *
     * @return the bytes written; at most {@link #maxSnapshotLength()}.
     * @throws IllegalStateException when a strategy does not support checkpoints ({@link #checkpointsUnsupported}).
     */
    public int captureState(final org.agrona.MutableDirectBuffer buffer, final int offset)
    {
        return snapshot.encode(buffer, offset);
    }

    /**
     * Recovery: restores a snapshot encoded by {@link #captureState} into this logic, which must be freshly
     * built from the same configuration and not have handled any input.
     *
     * @throws IllegalArgumentException when the snapshot does not fit this configuration.
     */
    public void restoreState(final DirectBuffer buffer, final int offset, final int length)
    {
        snapshot.restore(buffer, offset, length);
    }

    /** @return the largest snapshot this configuration can encode, bytes. */
    public int maxSnapshotLength()
    {
        return snapshot.maxLength();
    }

    /** @return null when the whole state can be checkpointed, else why not (a strategy without the hook). */
    public String checkpointsUnsupported()
    {
        return snapshot.unsupportedReason();
    }

    /** @return the digest of the configuration this logic was built from, as stored in its snapshots. */
    public long configDigest()
    {
        return snapshot.configDigest();
    }

    /**
     * Recovery: the logic was fed (replayed) on this thread and is now handed to the logic stage's thread,
     * which claims it with its first input. Thread start orders the memory.
     */
    public void handOver()
    {
        owner = null;
    }

    /** @return true once after a journaled SNAPSHOT_NOW command: the host captures at this input. */
    public boolean takeSnapshotRequest()
    {
        final boolean requested = snapshotRequested;
        snapshotRequested = false;
        return requested;
    }

    /** @return true once after a journaled SHUTDOWN command: the host stops intake and shuts down. */
    public boolean takeShutdownRequest()
    {
        final boolean requested = shutdownRequested;
        shutdownRequested = false;
        return requested;
    }

    /** @return the record time of the last input handled: the logic's clock. */
    public long timeNs()
    {
        return timeNs;
    }

    void restoreClock(final long sequence, final long time)
    {
        inputSequence = sequence;
        timeNs = time;
    }

    /**
     * A working order as a venue needs it, for rebuilding an in-process venue's book after a restart (the state
     * view's copy uses {@link io.ringwall.engine.logic.WorkingOrderVisitor} instead).
     */
    public interface RestingOrderVisitor
    {
        /**
         * @param acknowledged   whether the venue's acknowledgement is journaled.
         * @param cancelPending  whether a cancel was sent and is not answered yet.
         */
        void onOrder(long clOrdId, int instrumentId, io.ringwall.codecs.Side side, io.ringwall.codecs.OrdType ordType,
            io.ringwall.codecs.TimeInForce timeInForce, long quantity, long filledQuantity, long limitPrice,
            long stopPrice, long venueOrderId, boolean acknowledged, boolean cancelPending);
    }

    /** Visits every working order, oldest first, with what a venue needs to rebuild its book. */
    public void forEachRestingOrder(final RestingOrderVisitor visitor)
    {
        for (Order order = orders.oldestWorking(); order != null; order = order.nextWorking)
        {
            final boolean cancelPending = order.status == OrderStatus.PENDING_CANCEL;
            final OrderStatus acked = cancelPending ? order.statusBeforeCancel : order.status;
            // by the id the venue knows the order under (an amend's, once confirmed)
            visitor.onOrder(order.venueClOrdId, order.instrumentId, order.side, order.ordType, order.timeInForce,
                order.quantity, order.filledQuantity, order.limitPrice, order.stopPrice, order.venueOrderId,
                acked != OrderStatus.PENDING_NEW, cancelPending);
        }
    }

    /** An amend sent and not answered, as a venue needs it to act on it (restart of an in-process venue). */
    public interface PendingReplaceVisitor
    {
        /**
         * @param venueClOrdId the id the venue knows the order by; {@code quantity} and {@code limitPrice} the amend's.
         */
        void onReplace(long replaceClOrdId, long venueClOrdId, long quantity, long limitPrice);
    }

    /** Visits every working order's pending amend, oldest order first. */
    public void forEachPendingReplace(final PendingReplaceVisitor visitor)
    {
        for (Order order = orders.oldestWorking(); order != null; order = order.nextWorking)
        {
            if (order.replacePending())
            {
                visitor.onReplace(order.replaceClOrdId, order.venueClOrdId, order.replaceQuantity,
                    order.replaceLimitPrice);
            }
        }
    }

    /** @return the shadow twin's position in the instrument; 0 when the shadow is off. */
    public long shadowPosition(final int instrumentId)
    {
        return shadowTwin == null ? 0 : shadowTwin.position(instrumentId);
    }

    public EngineCounters counters()
    {
        return counters;
    }

    public Portfolio portfolio()
    {
        return portfolio;
    }

    public long lastInputSequence()
    {
        return inputSequence;
    }

    public long outputSequence()
    {
        return output.outputSequence();
    }

    public int workingOrders()
    {
        return orders.workingCount();
    }

    /**
     * @return the status of a working order, or null when no working order has the id (never sent, or done:
     *         a terminal order is released at once).
     */
    public OrderStatus orderStatus(final long clOrdId)
    {
        final Order order = orders.find(clOrdId);
        return order == null ? null : order.status;
    }

    /**
     * Shows every working order to {@code visitor}, in no particular order. Logic thread only (or after it
     * stopped); allocation-free, so a state publisher may call it between inputs.
     */
    public void forEachWorkingOrder(final WorkingOrderVisitor visitor)
    {
        workingOrderVisitor = visitor;
        orders.forEachWorking(visitWorkingOrder);
        workingOrderVisitor = null;
    }

    private void visitWorkingOrder(final Order order)
    {
        workingOrderVisitor.order(order.clOrdId, order.instrumentId, order.side, order.ordType, order.quantity,
            order.filledQuantity, order.limitPrice, order.stopPrice, order.status);
    }

    public BreakerState breakerState()
    {
        return breakers.worst();
    }

    public BreakerState breakerState(final BreakerType type)
    {
        return breakers.state(type);
    }

    /**
     * @return the instrument's trading state at its exchange, as the journaled TradingStatus inputs left it; TRADING
     *         until one came.
     */
    public io.ringwall.codecs.InstrumentTradingState tradingState(final int instrumentId)
    {
        return tradingStates.state(instrumentId);
    }

    /** @return true while the pre-market gate holds trading back. */
    public boolean preMarketGateClosed()
    {
        return gate.isClosed();
    }

    /** @return the capital scale now applied to targets, parts per million. */
    public long capitalScalePpm()
    {
        return entry.capitalScalePpm();
    }

    private void onTrade(final TradeDecoder decoder)
    {
        final int instrumentId = decoder.instrumentId();
        counters.marketDataInputs++;
        if (!instruments.isValid(instrumentId))
        {
            counters.unknownFrames++;
            return;
        }
        onPrice(instrumentId, decoder.price());
        strategies.onTrade(tradeEvent.set(instrumentId, decoder.tradeId(), decoder.price(), decoder.quantity(),
            decoder.exchangeTimeNs(), timeNs));
        if (shadowTwin != null)
        {
            shadowTwin.onTrade(tradeEvent);
        }
    }

    private void onQuote(final QuoteDecoder decoder)
    {
        final int instrumentId = decoder.instrumentId();
        counters.marketDataInputs++;
        if (!instruments.isValid(instrumentId))
        {
            counters.unknownFrames++;
            return;
        }
        market.onQuote(instrumentId, decoder.bidPrice(), decoder.askPrice());
        breakers.onMarketData(instrumentId, 0, timeNs);
        strategies.onQuote(quoteEvent.set(instrumentId, decoder.bidPrice(), decoder.bidQuantity(),
            decoder.askPrice(), decoder.askQuantity(), timeNs));
        if (shadowTwin != null)
        {
            shadowTwin.onQuote(quoteEvent);
        }
    }

    /**
     * The exchange feed went bad (a gap: the book built from it may be wrong; or silence): the stale-data breaker
     * trips on this journaled input, so a replay trips it at the same place. The feed stops after it.
     */
    private void onFeedHealth(final io.ringwall.codecs.FeedHealthDecoder decoder)
    {
        counters.marketDataInputs++;
        final long observed = decoder.state() == io.ringwall.codecs.FeedHealthState.GAP ?
            Math.max(0, decoder.receivedSequence() - decoder.expectedSequence()) : decoder.silenceNs();
        breakers.onFeedHealth(observed);
    }

    /** The exchange halted, paused or resumed an instrument: pre-trade risk reads the state for every order. */
    private void onTradingStatus(final io.ringwall.codecs.TradingStatusDecoder decoder)
    {
        final int instrumentId = decoder.instrumentId();
        counters.marketDataInputs++;
        if (!instruments.isValid(instrumentId))
        {
            counters.unknownFrames++;
            return;
        }
        tradingStates.onStatus(instrumentId, decoder.state(), timeNs);
    }

    private void onBar(final BarDecoder decoder)
    {
        final int instrumentId = decoder.instrumentId();
        counters.marketDataInputs++;
        if (!instruments.isValid(instrumentId))
        {
            counters.unknownFrames++;
            return;
        }
        onPrice(instrumentId, decoder.closePrice());
        strategies.onBar(barEvent.set(instrumentId, decoder.openPrice(), decoder.highPrice(), decoder.lowPrice(),
            decoder.closePrice(), decoder.volume(), decoder.startTimeNs(), decoder.durationNs()));
        if (shadowTwin != null)
        {
            shadowTwin.onBar(barEvent, timeNs);
        }
    }

    private void onAccepted(final OrderAcceptedDecoder decoder)
    {
        counters.venueInputs++;
        final Order order = knownOrder(decoder.clOrdId());
        if (order == null)
        {
            return;
        }
        if (transition(order, OrderLifecycle.Event.ACCEPT))
        {
            order.venueOrderId = decoder.venueOrderId();
            if (shadowJudge != null && order.shadowAckNs < 0)
            {
                order.shadowAckNs = timeNs;
            }
            notifyOwner(order, OrderEvent.Type.ACCEPTED, 0, 0, 0, VenueRejectReason.NULL_VAL);
        }
    }

    private void onFilled(final OrderFilledDecoder decoder)
    {
        counters.venueInputs++;
        final Order order = orders.find(decoder.clOrdId());
        if (order != null && decoder.cumQuantity() <= order.filledQuantity)
        {
            // A repeated execution report (e.g. a resend): its quantity is already booked. Repeated ExecIDs are
            // dropped before journaling, in the FIX gateway (which says why); this catches a venue that reports a
            // fill again under another ExecID, and needs no per-order memory.
            counters.duplicateFills++;
            return;
        }
        counters.fills++;
        final int instrumentId = decoder.instrumentId();
        final boolean knownInstrument = instruments.isValid(instrumentId);
        // The venue is the source of truth: an execution is booked even when the order is not known here.
        if (knownInstrument)
        {
            portfolio.onFill(instrumentId, decoder.side(), decoder.lastQuantity(), decoder.lastPrice(),
                decoder.fee());
            if (order != null && order.quantity > 0)
            {
                portfolio.onExecutionCost(decoder.side(), decoder.lastQuantity(), decoder.lastPrice(), decoder.fee(),
                    order.arrivalPrice, Fixed.mulDiv(order.estimatedCost, decoder.lastQuantity(), order.quantity));
            }
            breakers.onEquity(portfolio.equity(), timeNs);
        }
        final boolean done = decoder.leavesQuantity() == 0;
        final OrderLifecycle.Event event = done ? OrderLifecycle.Event.FILL : OrderLifecycle.Event.PARTIAL_FILL;
        if (order == null)
        {
            counters.unknownOrderEvents++;
            // A terminal order is released at once, so a fill for one already filled, cancelled, rejected or expired
            // finds no order here, as does a fill for an order this engine never sent: either way the venue holds
            // an execution the engine's book cannot explain.
            overfill(decoder.clOrdId(), OrderState.UNKNOWN, event, decoder.lastQuantity(), 0,
                knownInstrument ? instrumentId : Breakers.NONE);
            return;
        }
        final long filledAfter = Math.max(order.filledQuantity + decoder.lastQuantity(), decoder.cumQuantity());
        // while an amend is pending the venue may already work the order with either quantity
        if (filledAfter > order.exposureQuantity())
        {
            // More than was ordered: booked (it happened at the venue), but the order is left as it was.
            overfill(order.clOrdId, order.status.wire(), event, filledAfter, order.exposureQuantity(),
                order.instrumentId);
            return;
        }
        if (transition(order, event))
        {
            if (order.venueOrderId == 0)
            {
                // A venue may fill without acknowledging first: the first report of any kind is the order's ack.
                order.venueOrderId = decoder.venueOrderId();
            }
            orders.fill(order, decoder.lastQuantity());
            if (shadowJudge != null)
            {
                shadowFill(order, decoder.lastPrice(), decoder.lastQuantity());
            }
            notifyOwner(order, done ? OrderEvent.Type.FILLED : OrderEvent.Type.PARTIALLY_FILLED,
                decoder.lastPrice(), decoder.lastQuantity(), decoder.fee(), VenueRejectReason.NULL_VAL);
        }
    }

    /**
     * An execution the engine's orders cannot hold is an invalid transition that halts trading: journaled (from
     * the order's state, or UNKNOWN when no order is working), counted, and the OVERFILL breaker trips, which
     * cancels the working orders. Only an operator's reset with a reason resumes.
     */
    private void overfill(final long clOrdId, final OrderState fromState, final OrderLifecycle.Event event,
        final long observedQuantity, final long orderQuantity, final int instrumentId)
    {
        counters.invalidTransitions++;
        output.invalidTransition(clOrdId, fromState, event.wire());
        breakers.onOverfill(observedQuantity, orderQuantity, instrumentId);
    }

    private void onRejected(final OrderRejectedDecoder decoder)
    {
        counters.venueInputs++;
        counters.venueRejects++;
        breakers.onVenueReject(timeNs);
        final Order order = knownOrder(decoder.clOrdId());
        if (order == null)
        {
            return;
        }
        if (transition(order, OrderLifecycle.Event.REJECT))
        {
            notifyOwner(order, OrderEvent.Type.REJECTED, 0, 0, 0, decoder.reason());
        }
    }

    private void onCancelled(final OrderCancelledDecoder decoder)
    {
        counters.venueInputs++;
        counters.cancels++;
        final Order order = knownOrder(decoder.clOrdId());
        if (order == null)
        {
            return;
        }
        if (transition(order, OrderLifecycle.Event.CANCEL_CONFIRM))
        {
            notifyOwner(order, OrderEvent.Type.CANCELLED, 0, 0, 0, VenueRejectReason.NULL_VAL);
        }
    }

    private void onExpired(final OrderExpiredDecoder decoder)
    {
        counters.venueInputs++;
        counters.expiries++;
        final Order order = knownOrder(decoder.clOrdId());
        if (order == null)
        {
            return;
        }
        if (transition(order, OrderLifecycle.Event.EXPIRE))
        {
            notifyOwner(order, OrderEvent.Type.EXPIRED, 0, 0, 0, VenueRejectReason.NULL_VAL);
        }
    }

    private void onCancelRejected(final CancelRejectedDecoder decoder)
    {
        counters.venueInputs++;
        final VenueRejectReason reason = decoder.reason();
        if (reason == VenueRejectReason.SESSION_REJECT || reason == VenueRejectReason.BUSINESS_REJECT)
        {
            // The venue refused the cancel request as a message (FIX 35=3 or 35=j), not the cancel as too late
            // (an OrderCancelReject is business as usual): a venue reject, as for an order.
            counters.venueRejects++;
            breakers.onVenueReject(timeNs);
        }
        final Order order = knownOrder(decoder.origClOrdId());
        if (order == null)
        {
            return;
        }
        if (transition(order, OrderLifecycle.Event.CANCEL_REJECT))
        {
            notifyOwner(order, OrderEvent.Type.CANCEL_REJECTED, 0, 0, 0, reason);
        }
    }

    /**
     * The venue replaced the order (FIX ExecutionReport ExecType=5): its new terms hold and the venue knows it by the
     * amend's id from now on. An answer to no amend pending here is an invalid transition, the order unchanged; the
     * report of a replace already applied (the venue's status answer came first) changes nothing.
     */
    private void onReplaced(final io.ringwall.codecs.OrderReplacedDecoder decoder)
    {
        counters.venueInputs++;
        final Order renamed = orders.find(decoder.clOrdId());
        if (renamed != null && renamed.venueClOrdId == decoder.clOrdId() && renamed.clOrdId != decoder.clOrdId())
        {
            // the venue's report of a replace its answer to a status question applied already
            return;
        }
        final Order order = pendingReplace(decoder.clOrdId(), decoder.origClOrdId(),
            OrderLifecycle.Event.REPLACE_CONFIRM);
        if (order == null || !transition(order, OrderLifecycle.Event.REPLACE_CONFIRM))
        {
            return;
        }
        if (order.venueOrderId == 0)
        {
            order.venueOrderId = decoder.venueOrderId();
        }
        replaceConfirmed(order);
    }

    /** The amend holds (the venue's report, or its answer to a status question): the order's new terms apply. */
    private void replaceConfirmed(final Order order)
    {
        counters.replaces++;
        orders.confirmReplace(order);
        entry.afterAmendAnswered(order);
        notifyOwner(order, OrderEvent.Type.REPLACED, 0, 0, 0, VenueRejectReason.NULL_VAL);
    }

    /**
     * The venue refused the amend (OrderCancelReject with CxlRejResponseTo=2, or the 35=G refused as a message): the
     * order returns to its state and terms before it.
     */
    private void onReplaceRejected(final io.ringwall.codecs.ReplaceRejectedDecoder decoder)
    {
        counters.venueInputs++;
        final VenueRejectReason reason = decoder.reason();
        if (reason == VenueRejectReason.SESSION_REJECT || reason == VenueRejectReason.BUSINESS_REJECT)
        {
            counters.venueRejects++;
            breakers.onVenueReject(timeNs);
        }
        final Order order = pendingReplace(decoder.clOrdId(), decoder.origClOrdId(),
            OrderLifecycle.Event.REPLACE_REJECT);
        if (order == null || !transition(order, OrderLifecycle.Event.REPLACE_REJECT))
        {
            return;
        }
        replaceRefused(order, reason);
    }

    /** The amend is refused (by the venue, or unknown to it when asked): the order works on with its old terms. */
    private void replaceRefused(final Order order, final VenueRejectReason reason)
    {
        counters.replaceRejects++;
        orders.rejectReplace(order);
        entry.afterAmendAnswered(order);
        notifyOwner(order, OrderEvent.Type.REPLACE_REJECTED, 0, 0, 0, reason);
    }

    /**
     * @return the order whose pending amend {@code replaceClOrdId} is, or null: no such order (counted), or an
     *         order with no such amend pending (journaled as an invalid transition from its state).
     */
    private Order pendingReplace(final long replaceClOrdId, final long origClOrdId, final OrderLifecycle.Event event)
    {
        final Order order = orders.find(replaceClOrdId) != null ? orders.find(replaceClOrdId) : knownOrder(origClOrdId);
        if (order != null && order.replaceClOrdId != replaceClOrdId)
        {
            counters.invalidTransitions++;
            output.invalidTransition(order.clOrdId, order.status.wire(), event.wire());
            return null;
        }
        return order;
    }

    private void onCommand(final OperatorCommandDecoder decoder)
    {
        counters.operatorInputs++;
        final OperatorCommandType type = decoder.commandType();
        final BreakerType breakerType = decoder.breakerType();
        final long value = decoder.value();
        decoder.skipOperatorName();
        final boolean hasReason = decoder.reasonLength() > 0;
        final CommandResult result = switch (type)
        {
            case HALT -> breakers.halt();
            case RESUME -> breakers.reset(BreakerType.KILL_SWITCH, hasReason, portfolio.equity(), timeNs);
            case RESET_BREAKER -> breakers.reset(breakerType, hasReason, portfolio.equity(), timeNs);
            case SET_CAPITAL_SCALE -> setCapitalScale(value, hasReason);
            case CANCEL_ALL ->
            {
                entry.cancelAll();
                yield CommandResult.APPLIED;
            }
            case FLATTEN ->
            {
                entry.flatten();
                yield CommandResult.APPLIED;
            }
            case PRE_MARKET_CHECKS -> gate.onCheck(value, timeNs);
            case SNAPSHOT_NOW ->
            {
                // The host captures after this input: the snapshot's sequence is this command's, on every replay.
                snapshotRequested = true;
                yield CommandResult.APPLIED;
            }
            case SHUTDOWN ->
            {
                // value 1: cancel every working order now, journaled like any cancel; the host then drains.
                if (value == 1)
                {
                    entry.cancelAll();
                }
                shutdownRequested = true;
                yield CommandResult.APPLIED;
            }
            default -> CommandResult.UNSUPPORTED;
        };
        if (result != CommandResult.APPLIED && result != CommandResult.NO_CHANGE &&
            result != CommandResult.CHECKS_FAILED)
        {
            counters.ignoredCommands++;
        }
        if (shadowJudge != null && type == OperatorCommandType.RESET_BREAKER && breakerType == BreakerType.SHADOW &&
            result == CommandResult.APPLIED)
        {
            shadowJudge.rebase();
        }
        output.commandResult(type, breakerType, result,
            type == OperatorCommandType.PRE_MARKET_CHECKS ? gate.lastFailures() : value);
    }

    /**
     * The staged roll-out knob: {@code value} in 1/10000 of normal size, (0, 1]; a change needs a reason.
     */
    private CommandResult setCapitalScale(final long value, final boolean hasReason)
    {
        if (value < 1 || value > 10_000)
        {
            return CommandResult.REFUSED_BAD_VALUE;
        }
        if (!hasReason)
        {
            return CommandResult.REFUSED_NO_REASON;
        }
        final long scalePpm = value * 100;
        if (scalePpm == entry.capitalScalePpm())
        {
            return CommandResult.NO_CHANGE;
        }
        entry.capitalScalePpm(scalePpm);
        return CommandResult.APPLIED;
    }

    private void onVenuePosition(final VenuePositionDecoder decoder)
    {
        counters.venueInputs++;
        reconciler.onVenuePosition(decoder.reconciliationId(), decoder.instrumentId(), decoder.positionQuantity(),
            decoder.venueCash());
    }

    private void onVenueOpenOrder(final VenueOpenOrderDecoder decoder)
    {
        counters.venueInputs++;
        reconciler.onVenueOpenOrder(decoder.reconciliationId(), decoder.clOrdId(), decoder.instrumentId());
    }

    private void onReconciliationEnd(final ReconciliationEndDecoder decoder)
    {
        counters.venueInputs++;
        reconciler.onEnd(decoder.reconciliationId(), decoder.outcome(), decoder.tolerancePpm(), decoder.scope());
    }

    /**
     * The venue's answer to a status question (or to the gateway's own, after a gap-filled resend): the order's wait
     * starts afresh, and a decisive answer moves it on as the venue's report would have (see {@link StatusWatch}).
     */
    private void onVenueOrderStatus(final io.ringwall.codecs.VenueOrderStatusDecoder decoder)
    {
        counters.venueInputs++;
        final Order order = knownOrder(decoder.clOrdId());
        if (order == null)
        {
            return;
        }
        final OrderLifecycle.Event event = statusWatch.settle(order, decoder.clOrdId(), decoder.venueState(),
            decoder.cumQuantity(), timeNs);
        if (event == null || !transition(order, event))
        {
            return;
        }
        switch (event)
        {
            case ACCEPT -> notifyOwner(order, OrderEvent.Type.ACCEPTED, 0, 0, 0, VenueRejectReason.NULL_VAL);
            case REJECT -> notifyOwner(order, OrderEvent.Type.REJECTED, 0, 0, 0, VenueRejectReason.UNKNOWN_ORDER);
            case CANCEL_CONFIRM -> notifyOwner(order, OrderEvent.Type.CANCELLED, 0, 0, 0, VenueRejectReason.NULL_VAL);
            case EXPIRE -> notifyOwner(order, OrderEvent.Type.EXPIRED, 0, 0, 0, VenueRejectReason.NULL_VAL);
            case REPLACE_CONFIRM -> replaceConfirmed(order);
            case REPLACE_REJECT -> replaceRefused(order, VenueRejectReason.UNKNOWN_ORDER);
            default ->
            {
            }
        }
    }

    private void onTimer(final TimerTickDecoder decoder)
    {
        counters.timerInputs++;
        strategies.onTimer(decoder.timerId(), timeNs);
        if (shadowTwin != null)
        {
            shadowTwin.onTimer(decoder.timerId(), timeNs);
        }
    }

    /**
     * A price print (trade, or a bar's close): market state, marks, then the breakers that watch prices and
     * equity, so that strategies see this input's breaker state.
     */
    private void onPrice(final int instrumentId, final long price)
    {
        market.onTrade(instrumentId, price);
        portfolio.mark(instrumentId, price);
        breakers.onMarketData(instrumentId, price, timeNs);
        breakers.onEquity(portfolio.equity(), timeNs);
    }

    /**
     * Applies a lifecycle event; an invalid pair is counted and journaled, and the order stays as it was.
     */
    private boolean transition(final Order order, final OrderLifecycle.Event event)
    {
        if (orders.apply(order, event))
        {
            return true;
        }
        output.invalidTransition(order.clOrdId, order.status.wire(), event.wire());
        return false;
    }

    /**
     * @return the working order, or null (counted) when a venue event names an order not working here.
     */
    private Order knownOrder(final long clOrdId)
    {
        final Order order = orders.find(clOrdId);
        if (order == null)
        {
            counters.unknownOrderEvents++;
        }
        return order;
    }

    /**
     * Tells the order's strategy what happened. A finished order is released first, so that during the
     * callback open quantities no longer count it (a target set there sees the true gap).
     */
    private void notifyOwner(final Order order, final OrderEvent.Type type, final long lastPrice,
        final long lastQuantity, final long fee, final VenueRejectReason reason)
    {
        final int owner = order.strategyId;
        orderEvent.set(type, order.clOrdId, order.instrumentId, order.side, lastPrice, lastQuantity,
            order.leavesQuantity(), fee, reason);
        if (order.status.isTerminal())
        {
            if (shadowJudge != null)
            {
                shadowJudge.onLiveOrderDone(order.clOrdId, owner, order.instrumentId, order.side, order.quantity,
                    order.filledQuantity, order.shadowAveragePrice, order.shadowModelPrice, order.shadowSentNs,
                    order.shadowAckNs, order.shadowFirstFillNs);
            }
            orders.release(order);
        }
        strategies.onOrderEvent(owner, orderEvent);
    }

    /** Shadow trading: a live fill's time (the first report of any kind is the ack) and the order's average price. */
    private void shadowFill(final Order order, final long price, final long quantity)
    {
        if (order.shadowAckNs < 0)
        {
            order.shadowAckNs = timeNs;
        }
        if (order.shadowFirstFillNs < 0)
        {
            order.shadowFirstFillNs = timeNs;
        }
        final long before = order.filledQuantity - quantity;
        order.shadowAveragePrice = before <= 0 ? price :
            Fixed.mulDiv(order.shadowAveragePrice, before, order.filledQuantity) +
            Fixed.mulDiv(price, quantity, order.filledQuantity);
    }

    /**
     * The first thread to hand the logic an input owns it; any other thread is a wiring bug that would
     * break the single-writer invariant, so it fails (and the engine halts) instead of racing.
     */
    private void claimOwnership()
    {
        if (owner != null)
        {
            throw new IllegalStateException("business logic called from " + Thread.currentThread() + ", owned by " +
                owner + ": one thread owns all business state");
        }
        owner = Thread.currentThread();
    }
}
