package io.ringwall.engine.fix;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.FrameEvent;
import io.ringwall.engine.ring.Gateway;
import io.ringwall.engine.ring.InboundPublisher;
import org.HdrHistogram.Histogram;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Object2IntHashMap;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Initiator;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;

/**
 * The live gateway: a FIX 4.4 initiator session (QuickFIX/J) behind the outbound ring. Journaled NewOrder and
 * CancelOrder frames become NewOrderSingle (D) and OrderCancelRequest (F) with the engine's deterministic client
 * order id as ClOrdID, so ids survive restarts; they wait in a queue until the session is logged on and the
 * broker's rate allows (a token bucket on the gateway thread: queued, never dropped).
 *
 * <p>QuickFIX/J's threads only decode what arrives into {@link Answer}s; the gateway thread publishes them to the
 * inbound ring in arrival order, so ExecutionReports, OrderCancelRejects and BusinessMessageRejects are journaled
 * like any venue event. Logon, heartbeats, sequence recovery (file store) and reconnect (ReconnectInterval) are
 * QuickFIX/J's. At every logon and every reconciliation interval the gateway asks for positions (AN) and open
 * orders (AF) and carries the answer into the ring; an answer not complete in time is journaled as NO_ANSWER and
 * the logic halts (fail closed).
 */
public final class FixGateway implements Gateway, Application
{
    private final FixGatewayConfig config;
    private final InboundPublisher publisher;
    private final ClockMode clock;
    private final String[] symbols;
    private final Object2IntHashMap<String> instrumentIds;
    private final SessionID sessionId;
    private final Initiator initiator;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Message> outgoing = new ArrayDeque<>();
    private final Long2LongHashMap sentNanos = new Long2LongHashMap(-1);
    private final Long2LongHashMap orderInstrument = new Long2LongHashMap(-1);
    private final Long2LongHashMap cancelTarget = new Long2LongHashMap(-1);
    private final Histogram roundTripNs = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private final AtomicInteger logons = new AtomicInteger();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final Reconciliation reconciliation = new Reconciliation();
    private TokenBucket throttle;
    private volatile boolean loggedOn;
    private long lastInputTimeNs;
    private long nextReconcileNs = Long.MAX_VALUE;
    private long reconciliationIds;
    private long ordersSent;

    /**
     * @param instruments the reference data: Symbol (55) is the instrument's symbol.
     */
    public FixGateway(final FixGatewayConfig config, final List<InstrumentSpec> instruments,
        final InboundPublisher publisher, final ClockMode clock)
    {
        this.config = config;
        this.publisher = publisher;
        this.clock = clock;
        this.symbols = instruments.stream().map(InstrumentSpec::symbol).toArray(String[]::new);
        this.instrumentIds = new Object2IntHashMap<>(-1);
        for (int i = 0; i < symbols.length; i++)
        {
            instrumentIds.put(symbols[i], i);
        }
        this.sessionId = new SessionID("FIX.4.4", config.senderCompId(), config.targetCompId());
        try
        {
            final SessionSettings settings = settings(config, sessionId);
            // Session events only, never message text: the Logon's password must not reach a log.
            this.initiator = new SocketInitiator(this, new FileStoreFactory(settings), settings,
                new SessionEventLogFactory(), new DefaultMessageFactory());
        }
        catch (final ConfigError ex)
        {
            throw new IllegalArgumentException("FIX session settings refused: " + ex.getMessage(), ex);
        }
    }

    static SessionSettings settings(final FixGatewayConfig config, final SessionID id)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString(id, "BeginString", id.getBeginString());
        settings.setString(id, "SenderCompID", id.getSenderCompID());
        settings.setString(id, "TargetCompID", id.getTargetCompID());
        settings.setString(id, "SocketConnectHost", config.host());
        settings.setLong(id, "SocketConnectPort", config.port());
        settings.setLong(id, "HeartBtInt", config.heartbeatSeconds());
        settings.setLong(id, "ReconnectInterval", config.reconnectSeconds());
        settings.setString(id, "FileStorePath", config.storeDir().toAbsolutePath().toString());
        common(settings, id);
        return settings;
    }

    /** Settings both ends share: a session that never ends by schedule, FIX 4.4 dictionary, lenient on inbound. */
    static void common(final SessionSettings settings, final SessionID id)
    {
        settings.setString(id, "NonStopSession", "Y");
        settings.setString(id, "UseDataDictionary", "Y");
        settings.setString(id, "DataDictionary", "FIX44.xml");
        // Reconciliation messages carry only the fields this pair needs; the dictionary still parses groups.
        settings.setString(id, "ValidateIncomingMessage", "N");
        settings.setString(id, "ValidateUserDefinedFields", "N");
        settings.setString(id, "ResetOnLogon", "N");
        settings.setString(id, "ResetOnLogout", "N");
        settings.setString(id, "ResetOnDisconnect", "N");
        settings.setString(id, "PersistMessages", "Y");
        settings.setString(id, "TimeStampPrecision", "NANOS");
    }

    // ------------------------------------------------------------------ gateway thread

    @Override
    public void onStart()
    {
        throttle = new TokenBucket(config.messagesPerSecond(), System.nanoTime());
        // Start-up reconciliation: due at once, so a venue that never answers halts the logic after the timeout.
        nextReconcileNs = System.nanoTime();
        try
        {
            initiator.start();
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException("FIX initiator did not start: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void onShutdown()
    {
        initiator.stop(false);
    }

    @Override
    public boolean observesInputs()
    {
        return true;
    }

    @Override
    public void onJournaledInput(final FrameEvent event)
    {
        lastInputTimeNs = Math.max(lastInputTimeNs, event.timeNs);
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        header.wrap(event.buffer, 0);
        final int templateId = header.templateId();
        if (templateId == NewOrderDecoder.TEMPLATE_ID)
        {
            newOrder.wrapAndApplyHeader(event.buffer, 0, header);
            orderInstrument.put(newOrder.clOrdId(), newOrder.instrumentId());
            outgoing.add(newOrderSingle(newOrder, event.timeNs));
        }
        else if (templateId == CancelOrderDecoder.TEMPLATE_ID)
        {
            cancelOrder.wrapAndApplyHeader(event.buffer, 0, header);
            cancelTarget.put(cancelOrder.clOrdId(), cancelOrder.origClOrdId());
            outgoing.add(cancelRequest(cancelOrder, event.timeNs));
        }
        send();
    }

    @Override
    public void onIdle()
    {
        drainAnswers();
        reconcileWhenDue(System.nanoTime());
        send();
    }

    private void send()
    {
        if (!loggedOn)
        {
            return;
        }
        final long nowNs = System.nanoTime();
        while (!outgoing.isEmpty() && throttle.tryAcquire(nowNs))
        {
            final Message message = outgoing.peek();
            final long clOrdId = isNewOrder(message) ? clOrdIdOf(message) : -1;
            if (clOrdId >= 0)
            {
                sentNanos.put(clOrdId, System.nanoTime());
            }
            if (!sendToTarget(message))
            {
                // Not logged on after all: it stays first in the queue for the next logon.
                return;
            }
            outgoing.poll();
            ordersSent += clOrdId >= 0 ? 1 : 0;
        }
    }

    private boolean sendToTarget(final Message message)
    {
        try
        {
            return Session.sendToTarget(message, sessionId);
        }
        catch (final SessionNotFound ex)
        {
            throw new IllegalStateException("FIX session " + sessionId + " does not exist", ex);
        }
    }

    private void drainAnswers()
    {
        Answer answer;
        while ((answer = answers.poll()) != null)
        {
            publish(answer);
        }
    }

    private void publish(final Answer a)
    {
        final long timeNs = clock.stamp(lastInputTimeNs);
        switch (a.kind)
        {
            case LOGON ->
            {
                // Reconcile at every logon: the venue is the truth after any gap. A running check keeps its
                // deadline, so a session that keeps dropping still fails closed.
                nextReconcileNs = System.nanoTime();
            }
            case ACCEPTED ->
            {
                final long sent = sentNanos.remove(a.clOrdId);
                if (sent >= 0)
                {
                    roundTripNs.recordValue(Math.min(a.receivedNanos - sent, roundTripNs.getHighestTrackableValue()));
                }
                publisher.orderAccepted(timeNs, a.clOrdId, a.venueOrderId, a.instrumentId);
            }
            case FILLED -> publisher.orderFilled(timeNs, a.clOrdId, a.venueOrderId, a.execId, a.instrumentId, a.side,
                a.price, a.quantity, a.leaves, a.cumulative, a.fee);
            case REJECTED -> publisher.orderRejected(timeNs, a.clOrdId, instrumentOf(a), a.reason);
            case CANCELLED -> publisher.orderCancelled(timeNs, a.clOrdId, a.venueOrderId, a.instrumentId, a.quantity);
            case EXPIRED -> publisher.orderExpired(timeNs, a.clOrdId, a.venueOrderId, a.instrumentId, a.quantity);
            case CANCEL_REJECTED -> publisher.cancelRejected(timeNs, a.clOrdId,
                a.origClOrdId >= 0 ? a.origClOrdId : cancelTarget.get(a.clOrdId), a.reason);
            case BUSINESS_REJECT ->
            {
                if (cancelTarget.containsKey(a.clOrdId))
                {
                    publisher.cancelRejected(timeNs, a.clOrdId, cancelTarget.get(a.clOrdId), a.reason);
                }
                else
                {
                    publisher.orderRejected(timeNs, a.clOrdId, instrumentOf(a), a.reason);
                }
            }
            case POSITION -> reconciliation.onPosition(a, timeNs);
            case OPEN_ORDER -> reconciliation.onOpenOrder(a, timeNs);
            case RECONCILIATION_REFUSED -> reconciliation.refused(a, timeNs);
            default ->
            {
            }
        }
    }

    private int instrumentOf(final Answer a)
    {
        return a.instrumentId >= 0 ? a.instrumentId : (int)orderInstrument.get(a.clOrdId);
    }

    private void reconcileWhenDue(final long nowNs)
    {
        final long timeNs = clock.stamp(lastInputTimeNs);
        if (reconciliation.active() && nowNs - reconciliation.deadlineNs >= 0)
        {
            reconciliation.end(ReconciliationOutcome.NO_ANSWER, timeNs);
        }
        if (nowNs - nextReconcileNs >= 0 && loggedOn)
        {
            nextReconcileNs = config.reconcileIntervalNs() > 0 ? nowNs + config.reconcileIntervalNs() : Long.MAX_VALUE;
            final long deadline = reconciliation.active() ? reconciliation.deadlineNs : nowNs + config.reconcileTimeoutNs();
            reconciliation.start(++reconciliationIds, deadline);
            outgoing.addFirst(FixMessages.requestForPositions("P" + reconciliationIds, timeNs));
            outgoing.add(FixMessages.orderMassStatusRequest("M" + reconciliationIds, timeNs));
        }
        else if (nowNs - nextReconcileNs >= 0 && !reconciliation.active())
        {
            // Due while the session is down: the check starts now and fails closed if it cannot finish in time.
            reconciliation.start(++reconciliationIds, nowNs + config.reconcileTimeoutNs());
            reconciliation.awaitingLogon = true;
        }
    }

    private Message newOrderSingle(final NewOrderDecoder order, final long timeNs)
    {
        final quickfix.fix44.NewOrderSingle message = new quickfix.fix44.NewOrderSingle();
        message.setString(quickfix.field.ClOrdID.FIELD, Long.toString(order.clOrdId()));
        message.setString(quickfix.field.Symbol.FIELD, symbol(order.instrumentId()));
        message.setChar(quickfix.field.Side.FIELD, FixCodec.side(order.side()));
        message.setUtcTimeStamp(quickfix.field.TransactTime.FIELD, FixCodec.utc(timeNs), true);
        message.setChar(quickfix.field.OrdType.FIELD, FixCodec.ordType(order.ordType()));
        message.setChar(quickfix.field.TimeInForce.FIELD, FixCodec.timeInForce(order.timeInForce()));
        FixCodec.setQuantity(message, quickfix.field.OrderQty.FIELD, order.quantity());
        if (order.ordType() == OrdType.LIMIT || order.ordType() == OrdType.STOP_LIMIT)
        {
            FixCodec.setPrice(message, quickfix.field.Price.FIELD, order.limitPrice());
        }
        if (order.ordType() == OrdType.STOP || order.ordType() == OrdType.STOP_LIMIT)
        {
            FixCodec.setPrice(message, quickfix.field.StopPx.FIELD, order.stopPrice());
        }
        return message;
    }

    private Message cancelRequest(final CancelOrderDecoder cancel, final long timeNs)
    {
        final quickfix.fix44.OrderCancelRequest message = new quickfix.fix44.OrderCancelRequest();
        message.setString(quickfix.field.ClOrdID.FIELD, Long.toString(cancel.clOrdId()));
        message.setString(quickfix.field.OrigClOrdID.FIELD, Long.toString(cancel.origClOrdId()));
        message.setString(quickfix.field.Symbol.FIELD, symbol(cancel.instrumentId()));
        message.setChar(quickfix.field.Side.FIELD, quickfix.field.Side.BUY);
        message.setUtcTimeStamp(quickfix.field.TransactTime.FIELD, FixCodec.utc(timeNs), true);
        return message;
    }

    private String symbol(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < symbols.length ? symbols[instrumentId] : "?" + instrumentId;
    }

    private static boolean isNewOrder(final Message message)
    {
        return message instanceof quickfix.fix44.NewOrderSingle;
    }

    private static long clOrdIdOf(final Message message)
    {
        try
        {
            return Long.parseLong(message.getString(quickfix.field.ClOrdID.FIELD));
        }
        catch (final FieldNotFound ex)
        {
            return -1;
        }
    }

    /** @return send-to-ack round trips seen so far; read after the engine stopped. */
    public Histogram roundTripNs()
    {
        return roundTripNs;
    }

    /** @return how many times the session has logged on (safe from any thread). */
    public int logons()
    {
        return logons.get();
    }

    public boolean isLoggedOn()
    {
        return loggedOn;
    }

    public long ordersSent()
    {
        return ordersSent;
    }

    // ------------------------------------------------------------------ QuickFIX/J threads

    @Override
    public void onCreate(final SessionID id)
    {
    }

    @Override
    public void onLogon(final SessionID id)
    {
        logons.incrementAndGet();
        answers.add(Answer.of(Answer.Kind.LOGON));
        loggedOn = true;
    }

    @Override
    public void onLogout(final SessionID id)
    {
        loggedOn = false;
    }

    @Override
    public void toAdmin(final Message message, final SessionID id)
    {
        if (isLogon(message))
        {
            if (config.username() != null)
            {
                message.setString(quickfix.field.Username.FIELD, config.username());
            }
            if (config.password() != null)
            {
                message.setString(quickfix.field.Password.FIELD, config.password());
            }
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID id) throws RejectLogon
    {
    }

    @Override
    public void toApp(final Message message, final SessionID id)
    {
    }

    @Override
    public void fromApp(final Message message, final SessionID id) throws FieldNotFound
    {
        final Answer answer = FixMessages.decode(message, instrumentIds, System.nanoTime());
        if (answer != null)
        {
            answers.add(answer);
        }
    }

    private static boolean isLogon(final Message message)
    {
        try
        {
            return MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD));
        }
        catch (final FieldNotFound ex)
        {
            return false;
        }
    }

    /**
     * One reconciliation's progress on the gateway thread: positions and open orders are published as they
     * arrive (their place among the executions matters), the end once both answers are complete.
     */
    private final class Reconciliation
    {
        long id;
        long deadlineNs;
        boolean awaitingLogon;
        int expectedPositions = -1;
        int positions;
        int openOrders;
        boolean ordersComplete;

        boolean active()
        {
            return id != 0;
        }

        void start(final long newId, final long deadline)
        {
            id = newId;
            deadlineNs = deadline;
            awaitingLogon = false;
            expectedPositions = -1;
            positions = 0;
            openOrders = 0;
            ordersComplete = false;
        }

        void onPosition(final Answer a, final long timeNs)
        {
            if (!matches(a.requestId, 'P'))
            {
                return;
            }
            expectedPositions = a.total;
            if (a.instrumentId >= 0)
            {
                positions++;
                publisher.venuePosition(timeNs, id, a.instrumentId, a.quantity, a.fee);
            }
            completeIfDone(timeNs);
        }

        void onOpenOrder(final Answer a, final long timeNs)
        {
            if (!matches(a.requestId, 'M'))
            {
                return;
            }
            if (a.clOrdId > 0)
            {
                openOrders++;
                publisher.venueOpenOrder(timeNs, id, a.clOrdId, a.instrumentId, a.side, a.leaves);
            }
            ordersComplete |= a.last;
            completeIfDone(timeNs);
        }

        void refused(final Answer a, final long timeNs)
        {
            if (matches(a.requestId, a.requestId.isEmpty() ? 'P' : a.requestId.charAt(0)))
            {
                end(ReconciliationOutcome.INCOMPLETE, timeNs);
            }
        }

        private boolean matches(final String requestId, final char prefix)
        {
            return active() && requestId.equals(prefix + Long.toString(id));
        }

        private void completeIfDone(final long timeNs)
        {
            if (expectedPositions >= 0 && positions >= expectedPositions && ordersComplete)
            {
                end(ReconciliationOutcome.COMPLETE, timeNs);
            }
        }

        void end(final ReconciliationOutcome outcome, final long timeNs)
        {
            publisher.reconciliationEnd(timeNs, id, outcome, positions, openOrders, config.tolerancePpm());
            id = 0;
        }
    }

    /** What arrived, decoded on a QuickFIX/J thread, for the gateway thread to publish. */
    static final class Answer
    {
        enum Kind
        {
            LOGON, ACCEPTED, FILLED, REJECTED, CANCELLED, EXPIRED, CANCEL_REJECTED, BUSINESS_REJECT, POSITION,
            OPEN_ORDER, RECONCILIATION_REFUSED
        }

        final Kind kind;
        long clOrdId = -1;
        long origClOrdId = -1;
        long venueOrderId;
        long execId;
        int instrumentId = -1;
        Side side = Side.NULL_VAL;
        long price;
        long quantity;
        long leaves;
        long cumulative;
        long fee;
        VenueRejectReason reason = VenueRejectReason.OTHER;
        String requestId = "";
        int total;
        boolean last;
        long receivedNanos;

        Answer(final Kind kind)
        {
            this.kind = kind;
        }

        static Answer of(final Kind kind)
        {
            return new Answer(kind);
        }
    }
}
