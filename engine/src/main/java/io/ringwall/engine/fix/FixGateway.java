package io.ringwall.engine.fix;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.CancelRejectedDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrderAcceptedDecoder;
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.codecs.OrderExpiredDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.OrderStatusQueryDecoder;
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.FrameEvent;
import io.ringwall.engine.ring.Gateway;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import org.HdrHistogram.Histogram;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;
import org.agrona.collections.Object2IntHashMap;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.DoNotSend;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Initiator;
import quickfix.Message;
import quickfix.MessageStore;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;
import quickfix.field.PossDupFlag;

/**
 * The live gateway: a FIX 4.4 initiator session (QuickFIX/J) behind the outbound ring. Journaled NewOrder and
 * CancelOrder frames become NewOrderSingle (D) and OrderCancelRequest (F) with the engine's deterministic client
 * order id as ClOrdID, so ids survive restarts; they wait in a queue until the session is logged on and the
 * broker's rate allows (a token bucket on the gateway thread: queued, never dropped).
 *
 * <p>QuickFIX/J's threads only decode what arrives into {@link Answer}s; the gateway thread publishes them to the
 * inbound ring in arrival order, so ExecutionReports, OrderCancelRejects, and the session-level Rejects and
 * BusinessMessageRejects that refuse an order or a cancel (matched to it by ClOrdID or by the MsgSeqNum it went out
 * with) are journaled like any venue event. Logon, heartbeats, sequence recovery (file store) and reconnect
 * (ReconnectInterval) are QuickFIX/J's. At every logon and every reconciliation interval the gateway asks for positions (AN) and open
 * orders (AF) and carries the answer into the ring; an answer not complete in time is journaled as NO_ANSWER and
 * the logic halts (fail closed).
 *
 * <p>Crash safety. The file store's count of messages received ({@link JournalGatedStore}) is written to disk only
 * up to the oldest execution answer not yet seen in journal "in", so a crash at any instant leaves every venue
 * message either journaled or still owed by the venue, which resends it after the next logon (from its own store).
 * Answers that were journaled but not yet counted on disk come back too: a resumed gateway knows every venue answer
 * journal "in" holds and drops those. On a resumed session ({@link #resume}) the orders and cancels journal "out"
 * holds that never reached the store are sent once logged on.
 *
 * <p>No blind resend. When the venue asks for a resend (a gap, or a venue that lost its store and asks from 1),
 * orders, cancels and amends (D, F, G) are gap-filled, never resent: a venue that took an order and forgot it would
 * fill it again. The gateway learns such an order's fate instead: one it knows is finished or acknowledged needs
 * nothing; for one still waiting it asks the venue (OrderStatusRequest, H) and sends it again as a new message only
 * if the venue answers it does not know it (and a cancel again only if the order is still working there). The venue
 * handles messages in sequence order, so its answer covers everything sent before. A question not answered within
 * the reconciliation timeout fails closed (NO_ANSWER: the RECONCILIATION breaker halts trading). Orders in the store
 * still waiting at a resume are asked about at logon, since a previous life may have gap-filled them.
 */
public final class FixGateway implements Gateway, Application
{
    /** Sends remembered by MsgSeqNum for matching session-level Rejects; a power of two. */
    static final int SENT_INDEX_CAPACITY = 1 << 16;
    /** Fills remembered by (ClOrdID, ExecID) for dropping repeats. */
    static final int RECENT_FILLS = 1 << 16;

    private final FixGatewayConfig config;
    private final InboundPublisher publisher;
    private final GatewayTime time;
    private final String[] symbols;
    private final Object2IntHashMap<String> instrumentIds;
    private final SessionID sessionId;
    private final Initiator initiator;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Message> outgoing = new ArrayDeque<>();
    private final Long2LongHashMap sentNanos = new Long2LongHashMap(-1);
    private final Long2LongHashMap orderInstrument = new Long2LongHashMap(-1);
    private final Long2LongHashMap cancelTarget = new Long2LongHashMap(-1);
    private final FixAmends amends = new FixAmends();
    private final io.ringwall.codecs.ReplaceOrderDecoder replaceOrder = new io.ringwall.codecs.ReplaceOrderDecoder();
    private final Histogram roundTripNs = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private final AtomicInteger logons = new AtomicInteger();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final OrderStatusQueryDecoder statusQuery = new OrderStatusQueryDecoder();
    private final io.ringwall.codecs.BreakerStateChangeDecoder breakerChange =
        new io.ringwall.codecs.BreakerStateChangeDecoder();
    private final java.util.function.Consumer<String> console;
    private final VenueReconciliation reconciliation;
    /** Orders sent (or queued) with no final answer journaled yet: gateway thread. */
    private final LongHashSet openAtVenue = new LongHashSet();
    private final AtomicInteger openOrders = new AtomicInteger();
    /** Execution answers published and waiting to be seen in journal "in", in publication order: gateway thread. */
    private final ArrayDeque<Answer> awaitingJournal = new ArrayDeque<>();
    /** Execution answers received and not yet journaled (or dropped), in sequence-number order. */
    private final ConcurrentLinkedQueue<Answer> unjournaled = new ConcurrentLinkedQueue<>();
    private final AtomicLong resentAnswers = new AtomicLong();
    private final AtomicLong droppedDuplicates = new AtomicLong();
    /** Orders, cancels and amends QuickFIX/J was asked to resend and gap-filled instead (its thread to this one). */
    private final ConcurrentLinkedQueue<Message> suppressed = new ConcurrentLinkedQueue<>();
    private final AtomicLong suppressedResends = new AtomicLong();
    /** Open orders whose fate at the venue is being asked after a gap-filled resend: gateway thread. */
    private final OrderDoubts doubts;
    /** Open orders the venue acknowledged: gateway thread. */
    private final LongHashSet acknowledged = new LongHashSet();
    /** OrderStatusRequests sent for the logic's questions (OrderStatusQuery frames). */
    private long statusQuestions;
    private final AtomicLong unmatchedRejects = new AtomicLong();
    /**
     * The outbound MsgSeqNum of each NewOrderSingle and OrderCancelRequest sent, to its ClOrdID: a session-level
     * Reject (3) names the message it refuses only by that number (RefSeqNum 45). The last
     * {@link #SENT_INDEX_CAPACITY} sends; gateway thread.
     */
    private final Long2LongHashMap clOrdIdBySeqNum = new Long2LongHashMap(-1);
    private final long[] sentSeqNums = new long[SENT_INDEX_CAPACITY];
    private int sentSeqCursor;
    /**
     * Repeated ExecIDs (17) are dropped here, before journaling, keyed by (order, ExecID), rather than in the logic:
     * ExecID is the venue's text, FIX-specific (the paper venue never repeats one), and the gateway must drop
     * repeats anyway for the answers a resend brings again after a crash ({@link #journaledAnswers}); journal "in"
     * then holds each execution once, the logic books what it is given with no per-order set to bound or to carry
     * in its snapshots, and replay stays byte-exact. The set holds the last {@link #RECENT_FILLS} fills of any
     * order, not one set per open order, because a repeat of an order's last fill comes after the order closed.
     * What gets past it (a restart without journal "in") meets the logic's own guards: a report whose CumQty adds
     * nothing is not booked twice, one beyond the order's quantity halts (OVERFILL).
     */
    private final RecentFills recentFills = new RecentFills(RECENT_FILLS);
    private TokenBucket throttle;
    private volatile boolean loggedOn;
    private long ordersSent;
    /** Every venue answer journal "in" held at resume: one that comes again (a resend) is dropped. */
    private java.util.Set<AnswerKey> journaledAnswers = java.util.Set.of();
    private String resumeDescription;
    private volatile JournalGatedStore store;

    /**
     * @param instruments the reference data: Symbol (55) is the instrument's symbol.
     */
    public FixGateway(final FixGatewayConfig config, final List<InstrumentSpec> instruments,
        final InboundPublisher publisher, final ClockMode clock)
    {
        this(config, instruments, publisher, clock, line ->
        {
            System.out.println(line);
            System.out.flush();
        });
    }

    /**
     * @param console where the gateway thread prints its one-line notices (each reconciliation's outcome).
     */
    public FixGateway(final FixGatewayConfig config, final List<InstrumentSpec> instruments,
        final InboundPublisher publisher, final ClockMode clock, final java.util.function.Consumer<String> console)
    {
        this.config = config;
        this.publisher = publisher;
        this.console = console;
        this.time = new GatewayTime(clock);
        this.reconciliation = new VenueReconciliation(config, publisher, time, console);
        this.doubts = new OrderDoubts(config.reconcileTimeoutNs(), publisher, time, reconciliation, outgoing,
            clOrdId -> symbol((int)orderInstrument.get(clOrdId)), this::instrumentOf);
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
            this.initiator = new SocketInitiator(this, JournalGatedStore.factory(new FileStoreFactory(settings),
                this::oldestUnjournaled, created -> store = created), settings,
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
        reconciliation.dueNow();
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
        time.onInput(event.timeNs);
        if (!awaitingJournal.isEmpty() && isVenueAnswer(header.wrap(event.buffer, 0).templateId()))
        {
            // Only this gateway publishes venue answers, in order: the oldest one waiting is the one journaled.
            awaitingJournal.poll().journaled = true;
            // answers dropped behind it are as final as it is
            while (!awaitingJournal.isEmpty() && !awaitingJournal.peek().framePublished)
            {
                awaitingJournal.poll().journaled = true;
            }
            advanceDurable();
        }
    }

    /** The answers journaled so far no longer hold back the count of received messages the FIX store keeps. */
    private void advanceDurable()
    {
        boolean moved = false;
        while (!unjournaled.isEmpty() && unjournaled.peek().journaled)
        {
            unjournaled.poll();
            moved = true;
        }
        final JournalGatedStore gated = store;
        if (moved && gated != null)
        {
            try
            {
                gated.journaled();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("FIX store: " + ex.getMessage(), ex);
            }
        }
    }

    /** @return the incoming sequence number of the oldest execution answer not journaled, or Integer.MAX_VALUE. */
    private int oldestUnjournaled()
    {
        final Answer oldest = unjournaled.peek();
        return oldest == null ? Integer.MAX_VALUE : oldest.msgSeqNum;
    }

    private static boolean isVenueAnswer(final int templateId)
    {
        return templateId == OrderAcceptedDecoder.TEMPLATE_ID || templateId == OrderFilledDecoder.TEMPLATE_ID ||
            templateId == OrderRejectedDecoder.TEMPLATE_ID || templateId == OrderCancelledDecoder.TEMPLATE_ID ||
            templateId == OrderExpiredDecoder.TEMPLATE_ID || templateId == CancelRejectedDecoder.TEMPLATE_ID ||
            templateId == io.ringwall.codecs.OrderReplacedDecoder.TEMPLATE_ID ||
            templateId == io.ringwall.codecs.ReplaceRejectedDecoder.TEMPLATE_ID;
    }

    @Override
    public boolean hasOpenOrders()
    {
        return openOrders.get() > 0;
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
            opened(newOrder.clOrdId());
            outgoing.add(newOrderSingle(newOrder, event.timeNs));
        }
        else if (templateId == OrderStatusQueryDecoder.TEMPLATE_ID)
        {
            askAboutLostAnswer(statusQuery.wrapAndApplyHeader(event.buffer, 0, header), event.timeNs);
        }
        else if (templateId == io.ringwall.codecs.ReplaceOrderDecoder.TEMPLATE_ID)
        {
            replaceOrder.wrapAndApplyHeader(event.buffer, 0, header);
            // a status question about the amend names it by its own id
            orderInstrument.put(replaceOrder.clOrdId(), replaceOrder.instrumentId());
            outgoing.add(amends.replaceRequest(replaceOrder, symbol(replaceOrder.instrumentId()), event.timeNs));
        }
        else if (templateId == io.ringwall.codecs.BreakerStateChangeDecoder.TEMPLATE_ID)
        {
            venueBreakerNotice(breakerChange.wrapAndApplyHeader(event.buffer, 0, header));
        }
        else if (templateId == CancelOrderDecoder.TEMPLATE_ID)
        {
            cancelOrder.wrapAndApplyHeader(event.buffer, 0, header);
            cancelTarget.put(cancelOrder.clOrdId(), cancelOrder.origClOrdId());
            final Message cancel = cancelRequest(cancelOrder, event.timeNs);
            // an order in doubt may have to be sent again first: its cancel then follows the venue's answer
            if (!doubts.deferCancel(cancelOrder.origClOrdId(), cancel))
            {
                outgoing.add(cancel);
            }
        }
        send();
    }

    @Override
    public void onIdle()
    {
        drainAnswers();
        drainSuppressed();
        reconciliation.whenDue(loggedOn, outgoing, time.stamp());
        doubts.failClosedWhenUnanswered();
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
            final boolean order = isNewOrder(message);
            final long clOrdId = order || message instanceof quickfix.fix44.OrderCancelRequest ||
                message instanceof quickfix.fix44.OrderCancelReplaceRequest ? clOrdIdOf(message) : -1;
            if (order && clOrdId >= 0)
            {
                sentNanos.put(clOrdId, System.nanoTime());
            }
            // False means the session went down meanwhile, but QuickFIX/J numbered and stored the message first:
            // the venue's ResendRequest after the next logon delivers it. Sending it again would send it twice.
            sendToTarget(message);
            outgoing.poll();
            // QuickFIX/J numbered it in the message's header; a resend keeps the number.
            final long seqNum = seqNumOf(message);
            if (clOrdId >= 0 && seqNum > 0)
            {
                rememberSent(seqNum, clOrdId);
            }
            ordersSent += order && clOrdId >= 0 ? 1 : 0;
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

    /**
     * The VENUE breaker is this gateway's business (issue 18 point 2): when the logic trips it because the venue left
     * its order-status questions unanswered, or contradicted the book, the operator reads it on the console at once,
     * as each reconciliation's outcome, not only in the summary at exit.
     */
    private void venueBreakerNotice(final io.ringwall.codecs.BreakerStateChangeDecoder change)
    {
        if (change.breakerType() != io.ringwall.codecs.BreakerType.VENUE || change.toState() == change.fromState())
        {
            return;
        }
        if (change.toState() == io.ringwall.codecs.BreakerState.ACTIVE)
        {
            console.accept("VENUE breaker reset: trading resumes");
            return;
        }
        final String symbol = symbol(change.instrumentId());
        console.accept("VENUE breaker " + change.toState() + ": " + (change.observedValue() == 0 &&
            change.thresholdValue() == 0 ? "the venue contradicted the engine's book about an order of " + symbol :
            "the venue left " + change.observedValue() + " order-status question(s) about an order of " + symbol +
            " unanswered (or reported fills the engine never received), the limit is " + change.thresholdValue()) +
            "; working orders cancelled where the venue still listens; reset with 'ringwall ctl reset-breaker VENUE " +
            "--reason ...' once the venue is understood");
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
        final long timeNs = time.stamp();
        if (a.kind == Answer.Kind.MESSAGE_REJECT && !matchReject(a))
        {
            // Not a reject of an order or cancel this gateway sent (or one too old to be remembered): nothing to
            // journal, and it must not hold back the count of received messages either.
            unmatchedRejects.incrementAndGet();
            drop(a);
            return;
        }
        if (a.msgSeqNum > 0)
        {
            if (!journaledAnswers.isEmpty() && journaledAnswers.contains(AnswerKey.of(a)) ||
                a.kind == Answer.Kind.FILLED && a.execId != 0 && !recentFills.add(a.clOrdId, a.execId))
            {
                // Journaled before the crash, resent because the FIX store had not counted it yet; or an ExecID
                // this order already had: once is enough.
                droppedDuplicates.incrementAndGet();
                drop(a);
                return;
            }
            a.framePublished = true;
            awaitingJournal.add(a);
            if (a.possDup)
            {
                resentAnswers.incrementAndGet();
            }
            if (a.kind == Answer.Kind.FILLED && a.leaves == 0 || a.kind == Answer.Kind.REJECTED ||
                a.kind == Answer.Kind.CANCELLED || a.kind == Answer.Kind.EXPIRED)
            {
                closed(a.clOrdId);
            }
        }
        switch (a.kind)
        {
            case LOGON ->
            {
                // Reconcile at every logon: the venue is the truth after any gap. A running check keeps its
                // deadline, so a session that keeps dropping still fails closed.
                reconciliation.dueNow();
                // A question asked before the drop may have no answer: ask again (the deadline stays).
                doubts.askAgain(timeNs);
            }
            case ACCEPTED ->
            {
                if (openAtVenue.contains(a.clOrdId))
                {
                    acknowledged.add(a.clOrdId);
                }
                firstReport(a);
                publisher.orderAccepted(timeNs, a.clOrdId, a.venueOrderId, a.instrumentId);
            }
            case FILLED ->
            {
                firstReport(a);
                publisher.orderFilled(timeNs, a.clOrdId, a.venueOrderId, a.execId, a.instrumentId, a.side, a.price,
                    a.quantity, a.leaves, a.cumulative, a.fee);
            }
            case REJECTED ->
            {
                firstReport(a);
                publisher.orderRejected(timeNs, a.clOrdId, instrumentOf(a), a.reason);
            }
            case CANCELLED ->
            {
                firstReport(a);
                publisher.orderCancelled(timeNs, a.clOrdId, a.venueOrderId, a.instrumentId, a.quantity);
            }
            case EXPIRED ->
            {
                firstReport(a);
                publisher.orderExpired(timeNs, a.clOrdId, a.venueOrderId, a.instrumentId, a.quantity);
            }
            case CANCEL_REJECTED -> publisher.cancelRejected(timeNs, a.clOrdId,
                a.origClOrdId >= 0 ? a.origClOrdId : cancelTarget.get(a.clOrdId), a.reason);
            case REPLACED ->
            {
                amends.answered(a.clOrdId);
                doubts.answered(a.clOrdId);
                // the venue knows the order by the amend's id from now on: so does the wait for its last answer
                if (a.origClOrdId >= 0 && openAtVenue.contains(a.origClOrdId))
                {
                    closed(a.origClOrdId);
                    opened(a.clOrdId);
                    acknowledged.add(a.clOrdId);
                }
                if (a.origClOrdId >= 0 && orderInstrument.containsKey(a.origClOrdId))
                {
                    orderInstrument.put(a.clOrdId, orderInstrument.get(a.origClOrdId));
                }
                publisher.orderReplaced(timeNs, a.clOrdId, a.origClOrdId >= 0 ? a.origClOrdId :
                    amends.target(a.clOrdId), a.venueOrderId, instrumentOf(a), a.quantity, a.price, a.leaves,
                    a.cumulative);
            }
            case REPLACE_REJECTED ->
            {
                amends.answered(a.clOrdId);
                doubts.answered(a.clOrdId);
                publisher.replaceRejected(timeNs, a.clOrdId,
                    a.origClOrdId >= 0 ? a.origClOrdId : amends.target(a.clOrdId), a.reason);
            }
            case POSITION -> reconciliation.onPosition(a, timeNs);
            case OPEN_ORDER -> reconciliation.onOpenOrder(a, timeNs);
            case RECONCILIATION_REFUSED -> reconciliation.refused(a, timeNs);
            case ORDER_STATUS -> onOrderStatus(a, timeNs);
            default ->
            {
            }
        }
    }

    /** An answer that becomes no frame leaves the queue of unjournaled answers in its turn. */
    private void drop(final Answer a)
    {
        a.framePublished = false;
        if (awaitingJournal.isEmpty())
        {
            a.journaled = true;
            advanceDurable();
        }
        else
        {
            awaitingJournal.add(a);
        }
    }

    /**
     * The first execution report of an order, of any ExecType, is its acknowledgement: a venue may fill, cancel or
     * reject an order without an ExecType=NEW first, and the send-to-ack round trip ends there. A message-level
     * reject ends the wait without being timed (it is not the venue's answer to the order).
     */
    private void firstReport(final Answer a)
    {
        final long sent = sentNanos.remove(a.clOrdId);
        if (sent >= 0 && !a.messageReject)
        {
            roundTripNs.recordValue(Math.min(Math.max(0, a.receivedNanos - sent),
                roundTripNs.getHighestTrackableValue()));
        }
    }

    /**
     * Matches a session-level Reject (3) or a BusinessMessageReject (j) to what it refuses: by BusinessRejectRefID
     * (379) when that is the ClOrdID of an order or cancel this gateway sent, else by RefSeqNum (45), the MsgSeqNum
     * the NewOrderSingle or OrderCancelRequest went out with. A refused order becomes its OrderRejected, a refused
     * cancel its CancelRejected (the order works on), with the reason SESSION_REJECT or BUSINESS_REJECT.
     *
     * @return false when it answers nothing known, or its RefMsgType (372) says another kind of message.
     */
    private boolean matchReject(final Answer a)
    {
        long clOrdId = -1;
        if (a.refId >= 0 && (orderInstrument.containsKey(a.refId) || cancelTarget.containsKey(a.refId) ||
            amends.isAmend(a.refId)))
        {
            clOrdId = a.refId;
        }
        else if (a.refSeqNum > 0)
        {
            clOrdId = clOrdIdBySeqNum.get(a.refSeqNum);
        }
        if (clOrdId < 0)
        {
            return false;
        }
        final boolean cancel = cancelTarget.containsKey(clOrdId);
        final boolean amend = amends.isAmend(clOrdId);
        if (!a.refMsgType.isEmpty() && (MsgType.ORDER_CANCEL_REQUEST.equals(a.refMsgType) != cancel ||
            MsgType.ORDER_CANCEL_REPLACE_REQUEST.equals(a.refMsgType) != amend))
        {
            return false;
        }
        a.messageReject = true;
        a.clOrdId = clOrdId;
        if (amend)
        {
            amends.rejectedAsMessage(a);
        }
        else if (cancel)
        {
            a.kind = Answer.Kind.CANCEL_REJECTED;
            a.origClOrdId = cancelTarget.get(clOrdId);
        }
        else
        {
            a.kind = Answer.Kind.REJECTED;
        }
        return true;
    }

    /** Remembers the MsgSeqNum a NewOrderSingle or OrderCancelRequest went out with, forgetting the oldest. */
    private void rememberSent(final long seqNum, final long clOrdId)
    {
        final int slot = sentSeqCursor++ & (SENT_INDEX_CAPACITY - 1);
        if (sentSeqNums[slot] > 0)
        {
            clOrdIdBySeqNum.remove(sentSeqNums[slot]);
        }
        sentSeqNums[slot] = seqNum;
        clOrdIdBySeqNum.put(seqNum, clOrdId);
    }

    private void opened(final long clOrdId)
    {
        if (openAtVenue.add(clOrdId))
        {
            openOrders.set(openAtVenue.size());
        }
    }

    private void closed(final long clOrdId)
    {
        if (openAtVenue.remove(clOrdId))
        {
            openOrders.set(openAtVenue.size());
        }
        acknowledged.remove(clOrdId);
    }

    // ------------------------------------------------------------------ resends gap-filled, and what they leave in doubt

    /**
     * The orders, cancels and amends QuickFIX/J gap-filled instead of resending. An order finished or acknowledged
     * reached the venue: nothing is in doubt. One still waiting may or may not have (a gap means it did not, a venue
     * that lost its store asks for what it had), and so may a cancel of an order still open, or an amend not yet
     * answered: the venue is asked (an amend by its own ClOrdID, which the venue knows only if it took the amend).
     */
    private void drainSuppressed()
    {
        Message message;
        boolean drained = false;
        while ((message = suppressed.poll()) != null)
        {
            drained = true;
            final String type = msgType(message);
            if (MsgType.NEW_ORDER_SINGLE.equals(type))
            {
                final long clOrdId = clOrdIdOf(message);
                if (openAtVenue.contains(clOrdId) && !acknowledged.contains(clOrdId))
                {
                    doubts.of(clOrdId).order = message;
                }
            }
            else if (MsgType.ORDER_CANCEL_REQUEST.equals(type))
            {
                final long orderId = longField(message, quickfix.field.OrigClOrdID.FIELD);
                if (openAtVenue.contains(orderId))
                {
                    final OrderDoubts.Doubt doubt = doubts.of(orderId);
                    // client order ids grow with the input sequence: the latest cancel counts
                    if (doubt.cancel == null || clOrdIdOf(doubt.cancel) < clOrdIdOf(message))
                    {
                        doubt.cancel = message;
                    }
                }
            }
            else if (MsgType.ORDER_CANCEL_REPLACE_REQUEST.equals(type))
            {
                final long amendId = clOrdIdOf(message);
                if (amends.isUnanswered(amendId))
                {
                    doubts.of(amendId).order = message;
                }
            }
        }
        if (drained)
        {
            doubts.ask(time.stamp());
        }
    }

    /**
     * The logic's question about an order or cancel the venue left unanswered (issue 18): an OrderStatusRequest whose
     * OrdStatusReqID starts with Q, so its answer is journaled for the logic ({@link #onOrderStatus}). An order whose
     * fate this gateway is asking already (a doubt, after a gap-filled resend) is not asked twice: that answer is
     * journaled too, and settles the logic's wait as well.
     */
    private void askAboutLostAnswer(final OrderStatusQueryDecoder query, final long timeNs)
    {
        if (doubts.contains(query.clOrdId()))
        {
            return;
        }
        outgoing.add(FixMessages.orderStatusRequest("Q" + reconciliation.nextId(), query.clOrdId(),
            symbol(query.instrumentId()), FixCodec.side(query.side()), timeNs));
        statusQuestions++;
    }

    /**
     * The answer to an order-status question: the logic's (OrdStatusReqID Q...) is journaled for the logic to judge;
     * the gateway's own, about an order in doubt, is acted on and journaled too ({@link OrderDoubts#onAnswer}).
     */
    private void onOrderStatus(final Answer a, final long timeNs)
    {
        if (a.requestId.startsWith("Q"))
        {
            publisher.venueOrderStatus(timeNs, a.clOrdId, instrumentOf(a), a.venueState, a.cumulative);
            return;
        }
        doubts.onAnswer(a, timeNs);
    }

    private int instrumentOf(final Answer a)
    {
        return a.instrumentId >= 0 ? a.instrumentId : (int)orderInstrument.get(a.clOrdId);
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
        return cancelRequest(cancel, timeNs, Side.NULL_VAL, CancelOrderDecoder.orderQuantityNullValue());
    }

    /**
     * An OrderCancelRequest names the order as a broker checks it: OrigClOrdID (41), and the order's Side (54) and
     * OrderQty (38), which the CancelOrder frame carries since schema version 4.
     *
     * @param orderSide     the side to use when the frame is older and has none (resume), else NULL_VAL.
     * @param orderQuantity likewise the order's quantity, or the frame's null value.
     */
    private Message cancelRequest(final CancelOrderDecoder cancel, final long timeNs, final Side orderSide,
        final long orderQuantity)
    {
        final Side side = cancel.side() != Side.NULL_VAL ? cancel.side() : orderSide;
        final long quantity = cancel.orderQuantity() != CancelOrderDecoder.orderQuantityNullValue() ?
            cancel.orderQuantity() : orderQuantity;
        final quickfix.fix44.OrderCancelRequest message = new quickfix.fix44.OrderCancelRequest();
        message.setString(quickfix.field.ClOrdID.FIELD, Long.toString(cancel.clOrdId()));
        message.setString(quickfix.field.OrigClOrdID.FIELD, Long.toString(cancel.origClOrdId()));
        message.setString(quickfix.field.Symbol.FIELD, symbol(cancel.instrumentId()));
        message.setChar(quickfix.field.Side.FIELD, FixCodec.side(side));
        if (quantity != CancelOrderDecoder.orderQuantityNullValue())
        {
            FixCodec.setQuantity(message, quickfix.field.OrderQty.FIELD, quantity);
        }
        message.setUtcTimeStamp(quickfix.field.TransactTime.FIELD, FixCodec.utc(timeNs), true);
        return message;
    }

    private String symbol(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < symbols.length ? symbols[instrumentId] : "?" + instrumentId;
    }

    private static boolean isNewOrder(final Message message)
    {
        return message instanceof quickfix.fix44.NewOrderSingle || MsgType.NEW_ORDER_SINGLE.equals(msgType(message));
    }

    private static long seqNumOf(final Message message)
    {
        try
        {
            return message.getHeader().isSetField(quickfix.field.MsgSeqNum.FIELD) ?
                message.getHeader().getInt(quickfix.field.MsgSeqNum.FIELD) : -1;
        }
        catch (final FieldNotFound ex)
        {
            return -1;
        }
    }

    private static long clOrdIdOf(final Message message)
    {
        return longField(message, quickfix.field.ClOrdID.FIELD);
    }

    private static long longField(final Message message, final int tag)
    {
        try
        {
            return Long.parseLong(message.getString(tag));
        }
        catch (final FieldNotFound | NumberFormatException ex)
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

    /** @return execution answers that came with PossDupFlag (resent by the venue) and were journaled. */
    public long resentAnswers()
    {
        return resentAnswers.get();
    }

    /** @return answers dropped because journal "in" already held them, or a fill repeated an ExecID. */
    public long droppedDuplicates()
    {
        return droppedDuplicates.get();
    }

    /** @return orders, cancels and amends a ResendRequest asked for that were gap-filled, not resent (any thread). */
    public long suppressedResends()
    {
        return suppressedResends.get();
    }

    /** @return orders and cancels sent again as new messages after the venue's status showed it lacked them. */
    public long sentAgain()
    {
        return doubts.sentAgain();
    }

    /** @return OrderStatusRequests sent because the logic asked (a pending order or cancel unanswered in time). */
    public long statusQuestions()
    {
        return statusQuestions;
    }

    /** @return reconciliations that ended with {@code outcome} so far (any thread). */
    public long reconciliations(final ReconciliationOutcome outcome)
    {
        return reconciliation.outcomes(outcome);
    }

    /** @return session-level and business rejects that answered no order or cancel the gateway knows. */
    public long unmatchedRejects()
    {
        return unmatchedRejects.get();
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

    /** A session-level Reject (3) of an order or cancel is an execution answer like any other. */
    @Override
    public void fromAdmin(final Message message, final SessionID id) throws FieldNotFound, RejectLogon
    {
        if (MsgType.REJECT.equals(message.getHeader().getString(MsgType.FIELD)))
        {
            final Answer answer = FixMessages.decode(message, instrumentIds, System.nanoTime());
            if (answer != null)
            {
                execution(answer, message);
            }
        }
    }

    /**
     * QuickFIX/J calls this for every application message it sends, and for each one a ResendRequest asks for again
     * (with PossDupFlag set): an order, cancel or amend is then not resent but gap-filled (DoNotSend), and its fate
     * is learned from the venue instead (see the class comment).
     */
    @Override
    public void toApp(final Message message, final SessionID id) throws DoNotSend
    {
        if (isPossDup(message) && isOrderEntry(msgType(message)))
        {
            suppressedResends.incrementAndGet();
            suppressed.add(message);
            throw new DoNotSend();
        }
    }

    private static boolean isPossDup(final Message message)
    {
        try
        {
            return message.getHeader().isSetField(PossDupFlag.FIELD) && message.getHeader().getBoolean(PossDupFlag.FIELD);
        }
        catch (final FieldNotFound ex)
        {
            return false;
        }
    }

    private static boolean isOrderEntry(final String msgType)
    {
        return MsgType.NEW_ORDER_SINGLE.equals(msgType) || MsgType.ORDER_CANCEL_REQUEST.equals(msgType) ||
            MsgType.ORDER_CANCEL_REPLACE_REQUEST.equals(msgType);
    }

    private static String msgType(final Message message)
    {
        try
        {
            return message.getHeader().getString(MsgType.FIELD);
        }
        catch (final FieldNotFound ex)
        {
            return "";
        }
    }

    @Override
    public void fromApp(final Message message, final SessionID id) throws FieldNotFound
    {
        final Answer answer = FixMessages.decode(message, instrumentIds, System.nanoTime());
        if (answer == null)
        {
            return;
        }
        if (!answer.isExecution())
        {
            // Reconciliation answers: one lost to a crash is asked again at the next logon.
            answers.add(answer);
            return;
        }
        execution(answer, message);
    }

    private void execution(final Answer answer, final Message message) throws FieldNotFound
    {
        answer.possDup = message.getHeader().isSetField(PossDupFlag.FIELD) &&
            message.getHeader().getBoolean(PossDupFlag.FIELD);
        answer.msgSeqNum = message.getHeader().getInt(quickfix.field.MsgSeqNum.FIELD);
        // Before QuickFIX/J counts it as received: until journaled, it holds back the count the store writes.
        unjournaled.add(answer);
        answers.add(answer);
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
     * The frame a venue answer became in journal "in", by what identifies it: its template, the client order id it
     * names (the cancel's own id for a cancel reject) and, for an execution, the venue's ExecID.
     */
    record AnswerKey(int templateId, long clOrdId, long execId)
    {
        static AnswerKey of(final Answer a)
        {
            final int template = switch (a.kind)
            {
                case ACCEPTED -> OrderAcceptedDecoder.TEMPLATE_ID;
                case FILLED -> OrderFilledDecoder.TEMPLATE_ID;
                case REJECTED -> OrderRejectedDecoder.TEMPLATE_ID;
                case CANCELLED -> OrderCancelledDecoder.TEMPLATE_ID;
                case EXPIRED -> OrderExpiredDecoder.TEMPLATE_ID;
                case CANCEL_REJECTED -> CancelRejectedDecoder.TEMPLATE_ID;
                case REPLACED -> io.ringwall.codecs.OrderReplacedDecoder.TEMPLATE_ID;
                case REPLACE_REJECTED -> io.ringwall.codecs.ReplaceRejectedDecoder.TEMPLATE_ID;
                default -> -1;
            };
            return new AnswerKey(template, a.clOrdId, template == OrderFilledDecoder.TEMPLATE_ID ? a.execId : 0);
        }
    }

    // ------------------------------------------------------------------ resume after a crash or a shutdown

    /**
     * A resumed session, before the pipeline starts: the orders the recovered logic holds open are the ones to wait
     * for at a graceful shutdown; the last venue answer of journal "in" is the one a resend may repeat; and every
     * order (and pending cancel) the logic still waits on whose ClOrdID is not in the FIX store was journaled but
     * never handed to QuickFIX/J: it is queued now, in journal order, and goes out once logged on. What is in the
     * store is not sent again: QuickFIX/J resends it if the venue asks.
     *
     * @return orders and cancels queued to be sent now.
     */
    @Override
    public int resume(final BusinessLogic logic, final JournalDirectory journals)
    {
        final LongHashSet pendingNew = new LongHashSet();
        final LongHashSet pendingCancel = new LongHashSet();
        // for cancels journaled before frames carried the order's side and quantity
        final Map<Long, Side> sides = new java.util.HashMap<>();
        final Long2LongHashMap quantities = new Long2LongHashMap(CancelOrderDecoder.orderQuantityNullValue());
        logic.forEachRestingOrder((clOrdId, instrumentId, side, ordType, timeInForce, quantity, filled, limitPrice,
            stopPrice, venueOrderId, acknowledged, cancelPending) ->
        {
            orderInstrument.put(clOrdId, instrumentId);
            sides.put(clOrdId, side);
            quantities.put(clOrdId, quantity);
            opened(clOrdId);
            if (!acknowledged)
            {
                pendingNew.add(clOrdId);
            }
            else
            {
                this.acknowledged.add(clOrdId);
            }
            if (cancelPending)
            {
                pendingCancel.add(clOrdId);
            }
        });
        final LongHashSet pendingReplace = new LongHashSet();
        logic.forEachPendingReplace((replaceClOrdId, venueClOrdId, quantity, limitPrice) ->
            pendingReplace.add(replaceClOrdId));
        time.onInput(logic.timeNs());
        journaledAnswers = venueAnswers(journals);
        final LongHashSet stored = pendingNew.isEmpty() && pendingCancel.isEmpty() && pendingReplace.isEmpty() ?
            new LongHashSet() : storedOrderIds();
        // journal order: new orders by their id, cancels by the order they cancel (the latest cancel counts)
        final Map<Long, Message> unsent = new LinkedHashMap<>();
        final MessageHeaderDecoder frameHeader = new MessageHeaderDecoder();
        final NewOrderDecoder order = new NewOrderDecoder();
        final CancelOrderDecoder cancel = new CancelOrderDecoder();
        final io.ringwall.codecs.ReplaceOrderDecoder amend = new io.ringwall.codecs.ReplaceOrderDecoder();
        final int[] cancels = {0};
        final int[] unsentAmends = {0};
        if (!pendingNew.isEmpty() || !pendingCancel.isEmpty() || !pendingReplace.isEmpty())
        {
            try (JournalReader outputs = journals.outputReader())
            {
                outputs.readAll((sequence, timeNs, frame, offset, length) ->
                {
                    frameHeader.wrap(frame, offset);
                    if (frameHeader.templateId() == NewOrderDecoder.TEMPLATE_ID)
                    {
                        order.wrapAndApplyHeader(frame, offset, frameHeader);
                        if (pendingNew.contains(order.clOrdId()) && !stored.contains(order.clOrdId()))
                        {
                            unsent.put(order.clOrdId(), newOrderSingle(order, timeNs));
                        }
                        else if (pendingNew.contains(order.clOrdId()))
                        {
                            // handed over in a life before: a resend of it may have been gap-filled then
                            doubts.of(order.clOrdId()).order = newOrderSingle(order, timeNs);
                        }
                    }
                    else if (frameHeader.templateId() == CancelOrderDecoder.TEMPLATE_ID)
                    {
                        cancel.wrapAndApplyHeader(frame, offset, frameHeader);
                        if (pendingCancel.contains(cancel.origClOrdId()))
                        {
                            final Long key = -cancel.origClOrdId() - 1;
                            unsent.remove(key);
                            // sent or not, its answer (a reject too) must be known as a cancel's
                            cancelTarget.put(cancel.clOrdId(), cancel.origClOrdId());
                            final Message request = cancelRequest(cancel, timeNs, sides.getOrDefault(
                                cancel.origClOrdId(), Side.NULL_VAL), quantities.get(cancel.origClOrdId()));
                            if (stored.contains(cancel.clOrdId()) || doubts.contains(cancel.origClOrdId()))
                            {
                                // in doubt, or cancelling an order in doubt: sent once the venue's answer says
                                doubts.of(cancel.origClOrdId()).cancel = request;
                            }
                            else
                            {
                                unsent.put(key, request);
                            }
                        }
                    }
                    else if (frameHeader.templateId() == io.ringwall.codecs.ReplaceOrderDecoder.TEMPLATE_ID)
                    {
                        amend.wrapAndApplyHeader(frame, offset, frameHeader);
                        if (pendingReplace.contains(amend.clOrdId()))
                        {
                            // sent or not, its answer (a reject too) must be known as this amend's
                            orderInstrument.put(amend.clOrdId(), amend.instrumentId());
                            final Message request = amends.replaceRequest(amend, symbol(amend.instrumentId()), timeNs);
                            if (stored.contains(amend.clOrdId()))
                            {
                                // handed over in a life before: a resend of it may have been gap-filled then
                                doubts.of(amend.clOrdId()).order = request;
                            }
                            else
                            {
                                unsent.put(amend.clOrdId(), request);
                                unsentAmends[0]++;
                            }
                        }
                    }
                });
            }
        }
        final List<Message> toSend = new ArrayList<>(unsent.values());
        for (final Message message : toSend)
        {
            cancels[0] += MsgType.ORDER_CANCEL_REQUEST.equals(msgType(message)) ? 1 : 0;
            outgoing.add(message);
        }
        resumeDescription = "fix: " + openAtVenue.size() + " open order(s) left to the venue's book and the " +
            "reconciliation at logon; " + (toSend.size() - cancels[0] - unsentAmends[0]) + " order(s), " + cancels[0] +
            " cancel(s) and " + unsentAmends[0] + " amend(s) journaled but never handed to the FIX session, sent once " +
            "logged on; " + doubts.size() + " order(s) or amend(s) handed over before whose fate is asked of the " +
            "venue at logon";
        return toSend.size();
    }

    @Override
    public String resumeDescription()
    {
        return resumeDescription;
    }

    /** @return every venue answer in journal "in". */
    private static java.util.Set<AnswerKey> venueAnswers(final JournalDirectory journals)
    {
        final MessageHeaderDecoder frameHeader = new MessageHeaderDecoder();
        final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
        final OrderFilledDecoder filled = new OrderFilledDecoder();
        final OrderRejectedDecoder rejected = new OrderRejectedDecoder();
        final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
        final OrderExpiredDecoder expired = new OrderExpiredDecoder();
        final CancelRejectedDecoder cancelRejected = new CancelRejectedDecoder();
        final io.ringwall.codecs.OrderReplacedDecoder replaced = new io.ringwall.codecs.OrderReplacedDecoder();
        final io.ringwall.codecs.ReplaceRejectedDecoder replaceRejected = new io.ringwall.codecs.ReplaceRejectedDecoder();
        final java.util.Set<AnswerKey> keys = new java.util.HashSet<>();
        final AnswerKey[] last = {null};
        try (JournalReader inputs = journals.inputReader().tolerateTornRecords())
        {
            inputs.readAll((sequence, timeNs, frame, offset, length) ->
            {
                frameHeader.wrap(frame, offset);
                final int template = frameHeader.templateId();
                switch (template)
                {
                    case OrderAcceptedDecoder.TEMPLATE_ID -> last[0] = new AnswerKey(template,
                        accepted.wrapAndApplyHeader(frame, offset, frameHeader).clOrdId(), 0);
                    case OrderFilledDecoder.TEMPLATE_ID ->
                    {
                        filled.wrapAndApplyHeader(frame, offset, frameHeader);
                        last[0] = new AnswerKey(template, filled.clOrdId(), filled.execId());
                    }
                    case OrderRejectedDecoder.TEMPLATE_ID -> last[0] = new AnswerKey(template,
                        rejected.wrapAndApplyHeader(frame, offset, frameHeader).clOrdId(), 0);
                    case OrderCancelledDecoder.TEMPLATE_ID -> last[0] = new AnswerKey(template,
                        cancelled.wrapAndApplyHeader(frame, offset, frameHeader).clOrdId(), 0);
                    case OrderExpiredDecoder.TEMPLATE_ID -> last[0] = new AnswerKey(template,
                        expired.wrapAndApplyHeader(frame, offset, frameHeader).clOrdId(), 0);
                    case CancelRejectedDecoder.TEMPLATE_ID -> last[0] = new AnswerKey(template,
                        cancelRejected.wrapAndApplyHeader(frame, offset, frameHeader).clOrdId(), 0);
                    case io.ringwall.codecs.OrderReplacedDecoder.TEMPLATE_ID -> last[0] = new AnswerKey(template,
                        replaced.wrapAndApplyHeader(frame, offset, frameHeader).clOrdId(), 0);
                    case io.ringwall.codecs.ReplaceRejectedDecoder.TEMPLATE_ID -> last[0] = new AnswerKey(template,
                        replaceRejected.wrapAndApplyHeader(frame, offset, frameHeader).clOrdId(), 0);
                    default ->
                    {
                        return;
                    }
                }
                keys.add(last[0]);
            });
        }
        return keys;
    }

    /**
     * @return the ClOrdIDs of every NewOrderSingle, OrderCancelRequest and OrderCancelReplaceRequest in the FIX store:
     *         what QuickFIX/J numbered,
     *         and so sent or will resend. Read before the initiator starts.
     */
    private LongHashSet storedOrderIds()
    {
        final LongHashSet ids = new LongHashSet();
        try
        {
            final MessageStore store = new FileStoreFactory(settings(config, sessionId)).create(sessionId);
            try
            {
                final int last = store.getNextSenderMsgSeqNum() - 1;
                final List<String> messages = new ArrayList<>();
                for (int from = 1; from <= last; from += 10_000)
                {
                    messages.clear();
                    store.get(from, Math.min(last, from + 9_999), messages);
                    for (final String message : messages)
                    {
                        if (message.contains("\u000135=D\u0001") || message.contains("\u000135=F\u0001") ||
                            message.contains("\u000135=G\u0001"))
                        {
                            final long id = tag(message, "\u000111=");
                            if (id >= 0)
                            {
                                ids.add(id);
                                // a Reject of it after the restart names it by this number
                                final long seqNum = tag(message, "\u000134=");
                                if (seqNum > 0)
                                {
                                    rememberSent(seqNum, id);
                                }
                            }
                        }
                    }
                }
            }
            finally
            {
                if (store instanceof Closeable closeable)
                {
                    closeable.close();
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the FIX store in " + config.storeDir(), ex);
        }
        return ids;
    }

    private static long tag(final String message, final String tag)
    {
        final int at = message.indexOf(tag);
        if (at < 0)
        {
            return -1;
        }
        final int start = at + tag.length();
        final int end = message.indexOf('\u0001', start);
        try
        {
            return Long.parseLong(message.substring(start, end < 0 ? message.length() : end));
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    /** The last fills published, by (ClOrdID, ExecID key), oldest forgotten first: gateway thread. */
    static final class RecentFills
    {
        private final java.util.Set<AnswerKey> keys = new java.util.HashSet<>();
        private final AnswerKey[] ring;
        private int next;

        RecentFills(final int capacity)
        {
            ring = new AnswerKey[capacity];
        }

        /** @return false when this order already had a fill with this ExecID. */
        boolean add(final long clOrdId, final long execId)
        {
            final AnswerKey key = new AnswerKey(OrderFilledDecoder.TEMPLATE_ID, clOrdId, execId);
            if (!keys.add(key))
            {
                return false;
            }
            if (ring[next] != null)
            {
                keys.remove(ring[next]);
            }
            ring[next] = key;
            next = (next + 1) % ring.length;
            return true;
        }
    }

    /** What arrived, decoded on a QuickFIX/J thread, for the gateway thread to publish. */
    static final class Answer
    {
        enum Kind
        {
            LOGON, ACCEPTED, FILLED, REJECTED, CANCELLED, EXPIRED, CANCEL_REJECTED,
            /** An amend taken (ExecType=5) or refused (35=9 with CxlRejResponseTo=2, or a matched 3/j). */
            REPLACED, REPLACE_REJECTED,
            /** A session-level Reject (3) or BusinessMessageReject (j): REJECTED or CANCEL_REJECTED once matched. */
            MESSAGE_REJECT,
            POSITION, OPEN_ORDER, RECONCILIATION_REFUSED, ORDER_STATUS
        }

        /** Set on a QuickFIX/J thread; a MESSAGE_REJECT's is changed once, on the gateway thread, when matched. */
        Kind kind;
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
        /** MESSAGE_REJECT: RefSeqNum (45), BusinessRejectRefID (379) as a number, RefMsgType (372); -1 or "". */
        long refSeqNum = -1;
        long refId = -1;
        String refMsgType = "";
        /** Matched from a MESSAGE_REJECT: it ends the wait for an ack but is not timed as one. */
        boolean messageReject;
        int total;
        boolean last;
        /** RECONCILIATION_REFUSED: the venue does not support the request (not merely refused it this time). */
        boolean unsupported;
        /** RECONCILIATION_REFUSED: the venue's Text (58), or "". */
        String text = "";
        /** ORDER_STATUS: the venue does not know the order (OrdStatus rejected, OrdRejReason unknown order). */
        boolean unknownAtVenue;
        /** ORDER_STATUS: the order is working there (new, partially filled or pending new). */
        boolean workingAtVenue;
        /** ORDER_STATUS: what the venue says of the order, as the logic settles it (UNKNOWN: never seen). */
        io.ringwall.codecs.OrderState venueState = io.ringwall.codecs.OrderState.PENDING_NEW;
        long receivedNanos;
        /** Execution answers: the FIX MsgSeqNum it came with. */
        int msgSeqNum;
        boolean possDup;
        boolean framePublished;
        /** Journaled (or dropped as journaled before): set on the gateway thread, read by QuickFIX/J's. */
        volatile boolean journaled;

        Answer(final Kind kind)
        {
            this.kind = kind;
        }

        /** @return whether it becomes one venue-answer frame (an order's life), not a reconciliation row. */
        boolean isExecution()
        {
            return switch (kind)
            {
                case ACCEPTED, FILLED, REJECTED, CANCELLED, EXPIRED, CANCEL_REJECTED, REPLACED, REPLACE_REJECTED,
                    MESSAGE_REJECT -> true;
                default -> false;
            };
        }

        static Answer of(final Kind kind)
        {
            return new Answer(kind);
        }
    }
}
