package io.ringwall.engine.fix;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.frames.VenueAnswers;
import io.ringwall.engine.market.MarketModel;
import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.venue.PaperVenue;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;
import org.agrona.collections.Object2IntHashMap;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Group;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.MsgType;

/**
 * The venue simulator over FIX: a QuickFIX/J acceptor on a loopback port whose orders are matched by the same
 * {@link PaperVenue} rules and cost models as paper mode, answering with ExecutionReports, OrderCancelRejects,
 * PositionReports and order-status reports. Its state (orders, positions, cash, sequence numbers) lives as long
 * as the process, so an engine that crashes and reconnects finds the venue as it left it.
 *
 * <p>Market data, so that orders can fill: with {@code prints} (the same file formats as {@code ringwall run})
 * the venue's clock is event time, moved by each message's TransactTime: before handling a message it plays the
 * prints up to that time, so the same engine orders meet the same prints on every run. Without prints it runs
 * on the wall clock and fills only against prints handed to {@link #trade} (tests).
 *
 * <p>The acceptor's callbacks and the clock thread share the paper venue under this object's lock (the
 * simulator is not the engine: a lock is the simple, safe choice here).
 */
public final class FixVenue implements Application, VenueAnswers, AutoCloseable
{
    /** What {@link #rejectTypes} may refuse: the reconciliation's questions and the order-status question. */
    public static final java.util.List<String> REJECTABLE_TYPES = java.util.List.of(MsgType.REQUEST_FOR_POSITIONS,
        MsgType.ORDER_MASS_STATUS_REQUEST, MsgType.ORDER_STATUS_REQUEST);

    /**
     * @param prints  market data played in event time, or null for a wall-clock venue fed through {@link #trade}.
     */
    public record Config(String host, int port, String senderCompId, String targetCompId, Path storeDir,
        MarketModel market, List<InstrumentSpec> instruments, long initialCash, MarketDataSource prints,
        String username, String password)
    {
        public Config
        {
            Objects.requireNonNull(storeDir, "storeDir");
            Objects.requireNonNull(market, "market");
            if (port < 0 || port > 65_535)
            {
                throw new IllegalArgumentException("port " + port + " is not in 0..65535");
            }
        }

        @Override
        public String toString()
        {
            return "fix-venue " + senderCompId + "<-" + targetCompId + "@" + host + ":" + port;
        }
    }

    private final Config config;
    private final SessionID sessionId;
    private final PaperVenue venue;
    private final String[] symbols;
    private final Object2IntHashMap<String> instrumentIds = new Object2IntHashMap<>(-1);
    private final Long2ObjectHashMap<OrderInfo> orders = new Long2ObjectHashMap<>();
    /**
     * Each ClOrdID an amend replaced, to the amend's: an order is known under any of its ids (its first and each
     * replacement's), for status requests, cancels and amends, as brokers accept an OrigClOrdID anywhere in the chain.
     */
    private final org.agrona.collections.Long2LongHashMap renamed = new org.agrona.collections.Long2LongHashMap(-1);
    /** ClOrdIDs taken since the store was last wiped: the duplicate check. */
    private final LongHashSet seen = new LongHashSet();
    private final long[] positions;
    private final long[] positionOffsets;
    private final long[] printTimes;
    private final int[] printInstruments;
    private final long[] printPrices;
    private final long[] printQuantities;
    private final List<Message> held = new ArrayList<>();
    private final SocketAcceptor acceptor;
    private final Thread clockThread;
    private volatile boolean running = true;
    private boolean holding;
    private int ordersToLose;
    private int amendsToLose;
    private volatile boolean refuseLogons;
    private long ordersLost;
    private int printCursor;
    private long nowNs;
    private long received;
    private long duplicates;
    private long cancels;
    private long sentWhileDown;
    private long idleAdvanceNs;
    private int wipeStoreEvery;
    private int logons;
    private long storeWipes;
    private long lastMessageNanos;
    private long lastStepNanos;
    private java.io.Writer events;
    private boolean noNewAck;
    private int sessionRejectEvery;
    private long newOrders;
    private long sessionRejects;
    private java.util.Set<String> rejectTypes = java.util.Set.of();
    private boolean noMassStatus;
    private boolean rejectAmends;
    private long amends;
    private long businessRejects;
    private long massStatusIgnored;

    public FixVenue(final Config config)
    {
        this.config = config;
        this.sessionId = new SessionID("FIX.4.4", config.senderCompId(), config.targetCompId());
        this.symbols = config.instruments().stream().map(InstrumentSpec::symbol).toArray(String[]::new);
        for (int i = 0; i < symbols.length; i++)
        {
            instrumentIds.put(symbols[i], i);
        }
        this.positions = new long[symbols.length];
        this.positionOffsets = new long[symbols.length];
        this.venue = new PaperVenue(config.market(), config.instruments(), config.initialCash(), 16_384, this);
        final PrintTape tape = new PrintTape();
        if (config.prints() != null)
        {
            config.prints().run(tape);
        }
        this.printTimes = tape.times.toLongArray();
        this.printInstruments = tape.instruments.toIntArray();
        this.printPrices = tape.prices.toLongArray();
        this.printQuantities = tape.quantities.toLongArray();
        try
        {
            final SessionSettings settings = new SessionSettings();
            settings.setString("ConnectionType", "acceptor");
            settings.setString(sessionId, "BeginString", sessionId.getBeginString());
            settings.setString(sessionId, "SenderCompID", sessionId.getSenderCompID());
            settings.setString(sessionId, "TargetCompID", sessionId.getTargetCompID());
            settings.setString(sessionId, "SocketAcceptAddress", config.host());
            settings.setLong(sessionId, "SocketAcceptPort", config.port());
            settings.setString(sessionId, "FileStorePath", config.storeDir().toAbsolutePath().toString());
            FixGateway.common(settings, sessionId);
            acceptor = new SocketAcceptor(this, new FileStoreFactory(settings), settings,
                new SessionEventLogFactory(), new DefaultMessageFactory());
            acceptor.start();
        }
        catch (final ConfigError ex)
        {
            throw new IllegalArgumentException("FIX acceptor settings refused: " + ex.getMessage(), ex);
        }
        clockThread = new Thread(this::runClock, "fix-venue-clock");
        clockThread.setDaemon(true);
        if (config.prints() == null)
        {
            clockThread.start();
        }
    }

    /**
     * Event-time mode (prints): when no message came for {@code idleMs}, the venue's event time follows the wall clock
     * from its last position, playing its prints on, so resting orders keep filling while the engine is away (a
     * crashed engine finds executions it must get from the resend). Call once, before the engine connects.
     */
    public synchronized void advanceWhileIdle(final long idleMs)
    {
        if (config.prints() == null || idleAdvanceNs > 0 || idleMs <= 0)
        {
            return;
        }
        idleAdvanceNs = TimeUnit.MILLISECONDS.toNanos(idleMs);
        lastMessageNanos = System.nanoTime();
        clockThread.start();
    }

    /**
     * Every {@code every}-th restart of the FIX session (a Logon after the first) finds the venue's store wiped, as
     * a counterparty that lost its message store: it expects the engine's messages from sequence number 1 again, so
     * it asks for all of them (ResendRequest 1 to infinity), and it has forgotten the ClOrdIDs it took, so an order
     * resent to it is taken as new (one that finished fills again). Its book, positions and cash survive, and so do
     * its own sent messages and their numbers, so its executions are still resent. 0 (the default) never wipes.
     */
    public synchronized void wipeStoreOnRestart(final int every)
    {
        if (every < 0)
        {
            throw new IllegalArgumentException("--wipe-store-on-restart " + every + " must not be negative");
        }
        wipeStoreEvery = every;
    }

    /** Wall-clock mode: acknowledgements, latencies and expiries follow real time. */
    private void runClock()
    {
        while (running)
        {
            synchronized (this)
            {
                if (config.prints() == null)
                {
                    advance(wallNs());
                }
                else
                {
                    final long now = System.nanoTime();
                    if (nowNs > 0 && now - lastMessageNanos > idleAdvanceNs)
                    {
                        advance(nowNs + (now - lastStepNanos));
                    }
                    lastStepNanos = now;
                }
            }
            try
            {
                Thread.sleep(1);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
        }
    }

    private static long wallNs()
    {
        final java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private void advance(final long timeNs)
    {
        nowNs = Math.max(nowNs, timeNs);
        while (printCursor < printTimes.length && printTimes[printCursor] <= nowNs)
        {
            venue.onTrade(printTimes[printCursor], printInstruments[printCursor], printPrices[printCursor],
                printQuantities[printCursor]);
            printCursor++;
        }
        venue.advanceTo(nowNs);
    }

    // ------------------------------------------------------------------ test and operator hooks

    /** A print in {@code symbol} now (wall-clock venues). */
    public synchronized void trade(final String symbol, final long price, final long quantity)
    {
        final int id = instrumentIds.getValue(symbol);
        advance(config.prints() == null ? wallNs() : nowNs);
        venue.onTrade(nowNs, id, price, quantity);
    }

    /** While holding, answers queue here instead of going out (to stage a race, e.g. a cancel that is too late). */
    public synchronized void holdAnswers(final boolean hold)
    {
        holding = hold;
        if (!hold)
        {
            held.forEach(this::send);
            held.clear();
        }
    }

    /**
     * The next {@code count} NewOrderSingles are lost between the venue's FIX layer and its book: counted as received
     * by the session, never acted on (to stage an order that only a resend from 1, or its status, can tell was lost).
     */
    public synchronized void loseNextOrders(final int count)
    {
        ordersToLose = count;
    }

    /**
     * The next {@code count} OrderCancelReplaceRequests are lost between the venue's FIX layer and its book: counted
     * as received, never acted on nor answered (to stage an amend only a status question can settle).
     */
    public synchronized void loseNextAmends(final int count)
    {
        amendsToLose = count;
    }

    /** @return NewOrderSingles lost by {@link #loseNextOrders}. */
    public synchronized long ordersLost()
    {
        return ordersLost;
    }

    /**
     * Misbehaving on purpose ({@code --no-new-ack}): orders are worked but never acknowledged with ExecType=NEW, so
     * the first report the engine gets of an order is its fill (or cancel, or expiry), as some venues do.
     */
    public synchronized void noNewAck(final boolean skip)
    {
        noNewAck = skip;
    }

    /**
     * Misbehaving on purpose ({@code --session-reject-every N}): every {@code n}-th new NewOrderSingle (0: none) is
     * refused with a session-level Reject (35=3) naming its MsgSeqNum, and never worked.
     */
    public synchronized void sessionRejectEvery(final int n)
    {
        if (n < 0)
        {
            throw new IllegalArgumentException("session-reject-every " + n + " is negative");
        }
        sessionRejectEvery = n;
    }

    /**
     * Misbehaving on purpose ({@code --reject-types AN,AF}): a broker that does not support these message types
     * answers each with a BusinessMessageReject (35=j), RefMsgType (372) the type, BusinessRejectReason (380) 3
     * (unsupported message type) and BusinessRejectRefID (379) the request's id. Only AN, AF and H may be named:
     * the questions the engine asks, not the orders it sends.
     */
    public synchronized void rejectTypes(final java.util.Collection<String> msgTypes)
    {
        for (final String type : msgTypes)
        {
            if (!REJECTABLE_TYPES.contains(type))
            {
                throw new IllegalArgumentException("reject-types: " + type + " is not one of " +
                    String.join(", ", REJECTABLE_TYPES));
            }
        }
        rejectTypes = java.util.Set.copyOf(msgTypes);
    }

    /**
     * Misbehaving on purpose ({@code --no-mass-status}): OrderMassStatusRequests (35=AF) are read and never
     * answered, as a broker that silently ignores what it does not support.
     */
    public synchronized void noMassStatus(final boolean ignore)
    {
        noMassStatus = ignore;
    }

    /**
     * Misbehaving on purpose ({@code --reject-amends}): a broker that refuses every OrderCancelReplaceRequest (35=G)
     * with an OrderCancelReject (35=9, CxlRejResponseTo 2, CxlRejReason 99 other); the order works on unchanged.
     */
    public synchronized void rejectAmends(final boolean reject)
    {
        this.rejectAmends = reject;
    }

    /** @return OrderCancelReplaceRequests received (taken or refused). */
    public synchronized long amendsReceived()
    {
        return amends;
    }

    /** @return requests answered with a BusinessMessageReject ({@link #rejectTypes}). */
    public synchronized long businessRejects()
    {
        return businessRejects;
    }

    /** @return OrderMassStatusRequests left unanswered ({@link #noMassStatus}). */
    public synchronized long massStatusIgnored()
    {
        return massStatusIgnored;
    }

    /** @return NewOrderSingles refused with a session-level Reject ({@link #sessionRejectEvery}). */
    public synchronized long sessionRejects()
    {
        return sessionRejects;
    }

    /** Adds {@code quantity} to what the venue reports for {@code symbol}: a deliberate position break. */
    public synchronized void injectPositionOffset(final String symbol, final long quantity)
    {
        positionOffsets[instrumentIds.getValue(symbol)] += quantity;
    }

    /**
     * While refusing, every Logon is refused (the venue is down for the engine): what the engine sends meanwhile
     * stays in its queue, never handed to its FIX session (to stage a crash with orders or amends journaled, unsent).
     */
    public void refuseLogons(final boolean refuse)
    {
        refuseLogons = refuse;
    }

    /** Drops the TCP connection of the session, as a network failure would. */
    public void dropSession()
    {
        final Session session = Session.lookupSession(sessionId);
        if (session != null)
        {
            try
            {
                session.disconnect("simulated network failure", false);
            }
            catch (final java.io.IOException ex)
            {
                throw new java.io.UncheckedIOException(ex);
            }
        }
    }

    public synchronized long position(final String symbol)
    {
        return positions[instrumentIds.getValue(symbol)];
    }

    public synchronized long cash()
    {
        return venue.cash();
    }

    /** @return new orders received (each ClOrdID once). */
    public synchronized long ordersReceived()
    {
        return received;
    }

    /** @return new orders received again with a ClOrdID already seen (possible resends): not acted on. */
    public synchronized long duplicateOrders()
    {
        return duplicates;
    }

    public synchronized long cancelsReceived()
    {
        return cancels;
    }

    /** @return how many restarts of the session found the store wiped ({@link #wipeStoreOnRestart}). */
    public synchronized long storeWipes()
    {
        return storeWipes;
    }

    /** @return answers numbered and stored while the engine's session was down (resent after its next logon). */
    public synchronized long sentWhileDown()
    {
        return sentWhileDown;
    }

    /**
     * Appends one line per event to {@code file}, flushed at once, for another process to audit (the FIX torture):
     * {@code order ID QTY}, {@code duplicate ID} (a ClOrdID seen before: not acted on), {@code fill EXECID ID
     * INSTRUMENT SIGNED_QTY up|down}, {@code answer MSGTYPE up|down} (up: the engine's session was logged on when it
     * was sent; down: stored for the resend), {@code wipe N} (the Nth restart that found the store wiped),
     * {@code amend ID ORIGID} (an OrderCancelReplaceRequest taken, whatever became of it), {@code replaced ID ORIGID
     * QTY} (the order ORIGID is ID from now on, its quantity QTY).
     */
    public synchronized void recordEventsTo(final Path file)
    {
        try
        {
            events = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException("cannot write venue events to " + file, ex);
        }
    }

    private void event(final String line)
    {
        if (events == null)
        {
            return;
        }
        try
        {
            events.write(line);
            events.write('\n');
            events.flush();
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException("cannot write a venue event", ex);
        }
    }

    /** @return orders working at the venue. */
    public synchronized int openOrders()
    {
        return venue.workingOrders();
    }

    public boolean isLoggedOn()
    {
        final Session session = Session.lookupSession(sessionId);
        return session != null && session.isLoggedOn();
    }

    @Override
    public void close()
    {
        running = false;
        clockThread.interrupt();
        acceptor.stop(true);
        synchronized (this)
        {
            if (events != null)
            {
                try
                {
                    events.close();
                }
                catch (final java.io.IOException ignore)
                {
                    // best effort at exit
                }
                events = null;
            }
        }
    }

    // ------------------------------------------------------------------ FIX callbacks

    @Override
    public void onCreate(final SessionID id)
    {
    }

    @Override
    public void onLogon(final SessionID id)
    {
    }

    @Override
    public void onLogout(final SessionID id)
    {
    }

    @Override
    public void toAdmin(final Message message, final SessionID id)
    {
    }

    @Override
    public void fromAdmin(final Message message, final SessionID id) throws FieldNotFound, RejectLogon
    {
        if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)) && refuseLogons)
        {
            throw new RejectLogon("the venue refuses logons");
        }
        if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)) && config.username() != null)
        {
            final String user = message.isSetField(quickfix.field.Username.FIELD) ?
                message.getString(quickfix.field.Username.FIELD) : "";
            final String secret = message.isSetField(quickfix.field.Password.FIELD) ?
                message.getString(quickfix.field.Password.FIELD) : "";
            if (!config.username().equals(user) || !Objects.equals(config.password(), secret))
            {
                throw new RejectLogon("bad credentials");
            }
        }
        if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)))
        {
            loggingOn();
        }
    }

    /**
     * Before QuickFIX/J compares the Logon's sequence number with the one it expects: a wiped store expects 1, so
     * the Logon is too high and QuickFIX/J asks for everything from 1.
     */
    private synchronized void loggingOn()
    {
        logons++;
        if (wipeStoreEvery == 0 || logons == 1 || (logons - 1) % wipeStoreEvery != 0)
        {
            return;
        }
        storeWipes++;
        seen.clear();
        try
        {
            Session.lookupSession(sessionId).setNextTargetMsgSeqNum(1);
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException("FIX venue store: " + ex.getMessage(), ex);
        }
        event("wipe " + storeWipes);
    }

    @Override
    public void toApp(final Message message, final SessionID id)
    {
    }

    @Override
    public synchronized void fromApp(final Message message, final SessionID id) throws FieldNotFound,
        IncorrectTagValue
    {
        lastMessageNanos = System.nanoTime();
        if (message.isSetField(quickfix.field.TransactTime.FIELD) && config.prints() != null)
        {
            advance(FixCodec.epochNs(message.getUtcTimeStamp(quickfix.field.TransactTime.FIELD)));
        }
        else if (config.prints() == null)
        {
            advance(wallNs());
        }
        final String msgType = message.getHeader().getString(MsgType.FIELD);
        if (rejectTypes.contains(msgType))
        {
            businessRejects++;
            event("answer j " + msgType);
            businessReject(message, "unsupported message type " + msgType);
            return;
        }
        if (noMassStatus && MsgType.ORDER_MASS_STATUS_REQUEST.equals(msgType))
        {
            massStatusIgnored++;
            return;
        }
        switch (msgType)
        {
            case MsgType.NEW_ORDER_SINGLE -> onNewOrder(message);
            case MsgType.ORDER_CANCEL_REQUEST ->
            {
                cancels++;
                venue.onCancel(nowNs, Long.parseLong(message.getString(11)),
                    current(Long.parseLong(message.getString(41))));
            }
            case MsgType.ORDER_CANCEL_REPLACE_REQUEST -> onReplaceRequest(message);
            case MsgType.REQUEST_FOR_POSITIONS -> onPositionRequest(message);
            case MsgType.ORDER_MASS_STATUS_REQUEST -> onMassStatus(message);
            case MsgType.ORDER_STATUS_REQUEST -> onOrderStatus(message);
            default -> businessReject(message, "unsupported message type");
        }
    }

    /**
     * An amend (35=G): the paper venue replaces the resting order named by OrigClOrdID with the new OrderQty and
     * Price, or refuses it (unknown or finished order, quantity not above what is filled); {@code --reject-amends}
     * refuses every one. A ClOrdID already seen is a resend: acting on it again would amend twice.
     */
    private void onReplaceRequest(final Message m) throws FieldNotFound
    {
        final long clOrdId = Long.parseLong(m.getString(quickfix.field.ClOrdID.FIELD));
        final long origClOrdId = Long.parseLong(m.getString(quickfix.field.OrigClOrdID.FIELD));
        if (!seen.add(clOrdId))
        {
            duplicates++;
            event("duplicate " + clOrdId);
            return;
        }
        amends++;
        event("amend " + clOrdId + " " + origClOrdId);
        if (amendsToLose > 0)
        {
            amendsToLose--;
            return;
        }
        if (rejectAmends)
        {
            replaceRejected(nowNs, clOrdId, origClOrdId, VenueRejectReason.OTHER);
            return;
        }
        venue.onReplace(nowNs, clOrdId, current(origClOrdId), FixCodec.quantity(m, quickfix.field.OrderQty.FIELD),
            FixCodec.price(m, quickfix.field.Price.FIELD));
    }

    /** @return the id the book knows the order named {@code clOrdId} by now: its latest replacement's, or itself. */
    private long current(final long clOrdId)
    {
        long id = clOrdId;
        for (long next = renamed.get(id); next != -1; next = renamed.get(id))
        {
            id = next;
        }
        return id;
    }

    private void onNewOrder(final Message m) throws FieldNotFound, IncorrectTagValue
    {
        final long clOrdId = Long.parseLong(m.getString(quickfix.field.ClOrdID.FIELD));
        if (ordersToLose > 0)
        {
            ordersToLose--;
            ordersLost++;
            return;
        }
        if (seen.contains(clOrdId))
        {
            // A resend of an order already taken: acting on it again would duplicate it.
            duplicates++;
            event("duplicate " + clOrdId);
            return;
        }
        if (sessionRejectEvery > 0 && ++newOrders % sessionRejectEvery == 0)
        {
            // QuickFIX/J answers this with a session-level Reject: RefSeqNum (45) = the order's MsgSeqNum, RefTagID
            // (371), RefMsgType (372) D, SessionRejectReason (373) 5.
            sessionRejects++;
            throw new IncorrectTagValue(quickfix.field.OrdType.FIELD);
        }
        received++;
        seen.add(clOrdId);
        final String symbol = m.getString(quickfix.field.Symbol.FIELD);
        final OrderInfo info = new OrderInfo(symbol, m.getChar(quickfix.field.Side.FIELD),
            FixCodec.quantity(m, quickfix.field.OrderQty.FIELD));
        event("order " + clOrdId + " " + info.quantity);
        orders.put(clOrdId, info);
        final char tif = m.isSetField(quickfix.field.TimeInForce.FIELD) ? m.getChar(quickfix.field.TimeInForce.FIELD) :
            quickfix.field.TimeInForce.DAY;
        final OrdType ordType = FixCodec.ordType(m.getChar(quickfix.field.OrdType.FIELD));
        final TimeInForce timeInForce = FixCodec.timeInForce(tif);
        if (ordType == OrdType.NULL_VAL || timeInForce == TimeInForce.NULL_VAL)
        {
            orderRejected(nowNs, clOrdId, instrumentIds.getValue(symbol), VenueRejectReason.UNSUPPORTED_ORDER_TYPE);
            return;
        }
        venue.onNewOrder(nowNs, clOrdId, instrumentIds.getValue(symbol), FixCodec.side(info.side), ordType,
            timeInForce, info.quantity, FixCodec.price(m, quickfix.field.Price.FIELD),
            FixCodec.price(m, quickfix.field.StopPx.FIELD));
    }

    private void onPositionRequest(final Message request) throws FieldNotFound
    {
        final String requestId = request.getString(FixMessages.POS_REQ_ID);
        for (int i = 0; i < symbols.length; i++)
        {
            final quickfix.fix44.PositionReport report = new quickfix.fix44.PositionReport();
            report.setString(721, requestId + "-" + i);
            report.setString(FixMessages.POS_REQ_ID, requestId);
            report.setInt(FixMessages.TOTAL_NUM_POS_REPORTS, symbols.length);
            report.setInt(FixMessages.POS_REQ_RESULT, 0);
            report.setString(quickfix.field.ClearingBusinessDate.FIELD, "00000000");
            report.setString(quickfix.field.Symbol.FIELD, symbols[i]);
            final long quantity = positions[i] + positionOffsets[i];
            final Group position = new Group(FixMessages.NO_POSITIONS, 703);
            position.setString(703, "TQ");
            FixCodec.setQuantity(position, FixMessages.LONG_QTY, Math.max(quantity, 0));
            FixCodec.setQuantity(position, FixMessages.SHORT_QTY, Math.max(-quantity, 0));
            report.addGroup(position);
            final Group cash = new Group(FixMessages.NO_POS_AMT, FixMessages.POS_AMT_TYPE);
            cash.setString(FixMessages.POS_AMT_TYPE, FixMessages.CASH);
            FixCodec.setPrice(cash, FixMessages.POS_AMT, venue.cash());
            report.addGroup(cash);
            send(report);
        }
    }

    private void onMassStatus(final Message request) throws FieldNotFound
    {
        final String requestId = request.getString(FixMessages.MASS_STATUS_REQ_ID);
        final List<Long> open = new ArrayList<>();
        orders.forEach((clOrdId, info) ->
        {
            if (info.open)
            {
                open.add(clOrdId);
            }
        });
        open.sort(Long::compare);
        if (open.isEmpty())
        {
            final quickfix.fix44.ExecutionReport report = statusReport(requestId, 0, true);
            report.setString(quickfix.field.ClOrdID.FIELD, "0");
            report.setString(quickfix.field.OrderID.FIELD, "0");
            report.setString(quickfix.field.Symbol.FIELD, "NONE");
            report.setChar(quickfix.field.OrdStatus.FIELD, quickfix.field.OrdStatus.REJECTED);
            send(report);
            return;
        }
        for (int i = 0; i < open.size(); i++)
        {
            final long clOrdId = open.get(i);
            final OrderInfo info = orders.get(clOrdId);
            final quickfix.fix44.ExecutionReport report = statusReport(requestId, open.size(), i == open.size() - 1);
            report.setString(quickfix.field.ClOrdID.FIELD, Long.toString(clOrdId));
            report.setString(quickfix.field.OrderID.FIELD, Long.toString(info.venueOrderId));
            report.setString(quickfix.field.Symbol.FIELD, info.symbol);
            report.setChar(quickfix.field.Side.FIELD, info.side);
            report.setChar(quickfix.field.OrdStatus.FIELD, info.cumulative > 0 ?
                quickfix.field.OrdStatus.PARTIALLY_FILLED : quickfix.field.OrdStatus.NEW);
            FixCodec.setQuantity(report, quickfix.field.OrderQty.FIELD, info.quantity);
            FixCodec.setQuantity(report, quickfix.field.LeavesQty.FIELD, info.quantity - info.cumulative);
            FixCodec.setQuantity(report, quickfix.field.CumQty.FIELD, info.cumulative);
            send(report);
        }
    }

    /**
     * One order's status (H), answered ExecType ORDER_STATUS with the request's OrdStatusReqID; an order never
     * received is OrdStatus REJECTED with OrdRejReason UNKNOWN_ORDER; one received and not yet acknowledged,
     * PENDING_NEW. (Rejected, cancelled and expired orders all answer CANCELED: the simulator keeps only whether an
     * order works and how much filled.)
     */
    private void onOrderStatus(final Message request) throws FieldNotFound
    {
        final String clOrdId = request.getString(quickfix.field.ClOrdID.FIELD);
        OrderInfo info = null;
        try
        {
            info = orders.get(current(Long.parseLong(clOrdId)));
        }
        catch (final NumberFormatException ignore)
        {
            // not one of ours: unknown
        }
        final quickfix.fix44.ExecutionReport report = new quickfix.fix44.ExecutionReport();
        report.setString(quickfix.field.ExecID.FIELD, "H" + clOrdId);
        report.setChar(quickfix.field.ExecType.FIELD, quickfix.field.ExecType.ORDER_STATUS);
        report.setString(FixMessages.ORD_STATUS_REQ_ID, request.getString(FixMessages.ORD_STATUS_REQ_ID));
        report.setString(quickfix.field.ClOrdID.FIELD, clOrdId);
        report.setString(quickfix.field.Symbol.FIELD, request.isSetField(quickfix.field.Symbol.FIELD) ?
            request.getString(quickfix.field.Symbol.FIELD) : "NONE");
        report.setString(quickfix.field.AvgPx.FIELD, "0");
        if (info == null)
        {
            report.setString(quickfix.field.OrderID.FIELD, "NONE");
            report.setChar(quickfix.field.Side.FIELD, request.isSetField(quickfix.field.Side.FIELD) ?
                request.getChar(quickfix.field.Side.FIELD) : quickfix.field.Side.BUY);
            report.setChar(quickfix.field.OrdStatus.FIELD, quickfix.field.OrdStatus.REJECTED);
            report.setInt(quickfix.field.OrdRejReason.FIELD, quickfix.field.OrdRejReason.UNKNOWN_ORDER);
            FixCodec.setQuantity(report, quickfix.field.LeavesQty.FIELD, 0);
            FixCodec.setQuantity(report, quickfix.field.CumQty.FIELD, 0);
            send(report);
            return;
        }
        report.setString(quickfix.field.OrderID.FIELD, Long.toString(info.venueOrderId));
        report.setChar(quickfix.field.Side.FIELD, info.side);
        final boolean working = venue.isWorking(current(Long.parseLong(clOrdId)));
        report.setChar(quickfix.field.OrdStatus.FIELD, !working ? info.cumulative >= info.quantity ?
            quickfix.field.OrdStatus.FILLED : quickfix.field.OrdStatus.CANCELED : !info.open ?
            quickfix.field.OrdStatus.PENDING_NEW : info.cumulative > 0 ? quickfix.field.OrdStatus.PARTIALLY_FILLED :
            quickfix.field.OrdStatus.NEW);
        FixCodec.setQuantity(report, quickfix.field.OrderQty.FIELD, info.quantity);
        FixCodec.setQuantity(report, quickfix.field.LeavesQty.FIELD, working ? info.quantity - info.cumulative : 0);
        FixCodec.setQuantity(report, quickfix.field.CumQty.FIELD, info.cumulative);
        send(report);
    }

    private quickfix.fix44.ExecutionReport statusReport(final String requestId, final int total, final boolean last)
    {
        final quickfix.fix44.ExecutionReport report = new quickfix.fix44.ExecutionReport();
        report.setString(quickfix.field.ExecID.FIELD, "S" + requestId);
        report.setChar(quickfix.field.ExecType.FIELD, quickfix.field.ExecType.ORDER_STATUS);
        report.setString(FixMessages.MASS_STATUS_REQ_ID, requestId);
        report.setInt(FixMessages.TOT_NUM_REPORTS, total);
        report.setBoolean(FixMessages.LAST_RPT_REQUESTED, last);
        report.setChar(quickfix.field.Side.FIELD, quickfix.field.Side.BUY);
        FixCodec.setQuantity(report, quickfix.field.LeavesQty.FIELD, 0);
        FixCodec.setQuantity(report, quickfix.field.CumQty.FIELD, 0);
        report.setString(quickfix.field.AvgPx.FIELD, "0");
        return report;
    }

    private void businessReject(final Message message, final String text) throws FieldNotFound
    {
        final quickfix.fix44.BusinessMessageReject reject = new quickfix.fix44.BusinessMessageReject();
        reject.setString(quickfix.field.RefMsgType.FIELD, message.getHeader().getString(MsgType.FIELD));
        reject.setInt(quickfix.field.BusinessRejectReason.FIELD,
            quickfix.field.BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE);
        reject.setString(quickfix.field.Text.FIELD, text);
        final String requestId = requestIdOf(message);
        if (!requestId.isEmpty())
        {
            reject.setString(quickfix.field.BusinessRejectRefID.FIELD, requestId);
        }
        send(reject);
    }

    /** @return the id a request names itself by (PosReqID, MassStatusReqID, OrdStatusReqID), or "". */
    private static String requestIdOf(final Message message) throws FieldNotFound
    {
        for (final int tag : new int[] {FixMessages.POS_REQ_ID, FixMessages.MASS_STATUS_REQ_ID,
            FixMessages.ORD_STATUS_REQ_ID})
        {
            if (message.isSetField(tag))
            {
                return message.getString(tag);
            }
        }
        return "";
    }

    // ------------------------------------------------------------------ the paper venue's answers (under the lock)

    @Override
    public void orderAccepted(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId)
    {
        final OrderInfo info = orders.get(clOrdId);
        info.venueOrderId = venueOrderId;
        info.open = true;
        if (noNewAck)
        {
            return;
        }
        final quickfix.fix44.ExecutionReport report = report(timeNs, clOrdId, info, quickfix.field.ExecType.NEW,
            quickfix.field.OrdStatus.NEW, "A" + clOrdId);
        send(report);
    }

    @Override
    public void orderFilled(final long timeNs, final long clOrdId, final long venueOrderId, final long execId,
        final int instrumentId, final Side side, final long lastPrice, final long lastQuantity,
        final long leavesQuantity, final long cumQuantity, final long fee)
    {
        final OrderInfo info = orders.get(clOrdId);
        info.cumulative = cumQuantity;
        info.open = leavesQuantity > 0;
        positions[instrumentId] += side == Side.BUY ? lastQuantity : -lastQuantity;
        final quickfix.fix44.ExecutionReport report = report(timeNs, clOrdId, info, quickfix.field.ExecType.TRADE,
            leavesQuantity > 0 ? quickfix.field.OrdStatus.PARTIALLY_FILLED : quickfix.field.OrdStatus.FILLED,
            Long.toString(execId));
        FixCodec.setPrice(report, quickfix.field.LastPx.FIELD, lastPrice);
        FixCodec.setQuantity(report, quickfix.field.LastQty.FIELD, lastQuantity);
        FixCodec.setQuantity(report, quickfix.field.LeavesQty.FIELD, leavesQuantity);
        FixCodec.setPrice(report, quickfix.field.Commission.FIELD, fee);
        report.setChar(quickfix.field.CommType.FIELD, quickfix.field.CommType.ABSOLUTE);
        if (events != null)
        {
            event("fill " + execId + " " + clOrdId + " " + instrumentId + " " +
                (side == Side.BUY ? lastQuantity : -lastQuantity) + " " + (isLoggedOn() ? "up" : "down"));
        }
        send(report);
    }

    @Override
    public void orderRejected(final long timeNs, final long clOrdId, final int instrumentId,
        final VenueRejectReason reason)
    {
        final OrderInfo info = orders.get(clOrdId);
        info.open = false;
        final quickfix.fix44.ExecutionReport report = report(timeNs, clOrdId, info, quickfix.field.ExecType.REJECTED,
            quickfix.field.OrdStatus.REJECTED, "R" + clOrdId);
        FixCodec.setQuantity(report, quickfix.field.LeavesQty.FIELD, 0);
        report.setInt(quickfix.field.OrdRejReason.FIELD, FixCodec.ordRejReason(reason));
        report.setString(quickfix.field.Text.FIELD, FixCodec.REASON_PREFIX + reason.name());
        send(report);
    }

    @Override
    public void orderCancelled(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId,
        final long cancelledQuantity)
    {
        final OrderInfo info = orders.get(clOrdId);
        info.open = false;
        final quickfix.fix44.ExecutionReport report = report(timeNs, clOrdId, info, quickfix.field.ExecType.CANCELED,
            quickfix.field.OrdStatus.CANCELED, "C" + clOrdId);
        FixCodec.setQuantity(report, quickfix.field.LeavesQty.FIELD, 0);
        send(report);
    }

    @Override
    public void orderExpired(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId,
        final long expiredQuantity)
    {
        final OrderInfo info = orders.get(clOrdId);
        info.open = false;
        final quickfix.fix44.ExecutionReport report = report(timeNs, clOrdId, info, quickfix.field.ExecType.EXPIRED,
            quickfix.field.OrdStatus.EXPIRED, "E" + clOrdId);
        FixCodec.setQuantity(report, quickfix.field.LeavesQty.FIELD, 0);
        send(report);
    }

    @Override
    public void cancelRejected(final long timeNs, final long clOrdId, final long origClOrdId,
        final VenueRejectReason reason)
    {
        final quickfix.fix44.OrderCancelReject reject = new quickfix.fix44.OrderCancelReject();
        reject.setString(quickfix.field.OrderID.FIELD, "NONE");
        reject.setString(quickfix.field.ClOrdID.FIELD, Long.toString(clOrdId));
        reject.setString(quickfix.field.OrigClOrdID.FIELD, Long.toString(origClOrdId));
        reject.setChar(quickfix.field.OrdStatus.FIELD, quickfix.field.OrdStatus.FILLED);
        reject.setChar(quickfix.field.CxlRejResponseTo.FIELD, quickfix.field.CxlRejResponseTo.ORDER_CANCEL_REQUEST);
        reject.setInt(quickfix.field.CxlRejReason.FIELD, reason == VenueRejectReason.UNKNOWN_ORDER ?
            quickfix.field.CxlRejReason.UNKNOWN_ORDER : quickfix.field.CxlRejReason.TOO_LATE_TO_CANCEL);
        reject.setString(quickfix.field.Text.FIELD, FixCodec.REASON_PREFIX + reason.name());
        send(reject);
    }

    @Override
    public void orderReplaced(final long timeNs, final long clOrdId, final long origClOrdId, final long venueOrderId,
        final int instrumentId, final long quantity, final long limitPrice, final long leavesQuantity,
        final long cumQuantity)
    {
        // the order is known by the amend's id from now on (status and mass-status reports name it so)
        final OrderInfo info = orders.remove(origClOrdId);
        info.quantity = quantity;
        orders.put(clOrdId, info);
        renamed.put(origClOrdId, clOrdId);
        event("replaced " + clOrdId + " " + origClOrdId + " " + quantity);
        final quickfix.fix44.ExecutionReport report = report(timeNs, clOrdId, info, quickfix.field.ExecType.REPLACED,
            cumQuantity > 0 ? quickfix.field.OrdStatus.PARTIALLY_FILLED : quickfix.field.OrdStatus.NEW, "P" + clOrdId);
        report.setString(quickfix.field.OrigClOrdID.FIELD, Long.toString(origClOrdId));
        FixCodec.setQuantity(report, quickfix.field.LeavesQty.FIELD, leavesQuantity);
        FixCodec.setQuantity(report, quickfix.field.CumQty.FIELD, cumQuantity);
        if (limitPrice > 0)
        {
            FixCodec.setPrice(report, quickfix.field.Price.FIELD, limitPrice);
        }
        send(report);
    }

    @Override
    public void replaceRejected(final long timeNs, final long clOrdId, final long origClOrdId,
        final VenueRejectReason reason)
    {
        final OrderInfo info = orders.get(current(origClOrdId));
        final quickfix.fix44.OrderCancelReject reject = new quickfix.fix44.OrderCancelReject();
        reject.setString(quickfix.field.OrderID.FIELD, info == null ? "NONE" : Long.toString(info.venueOrderId));
        reject.setString(quickfix.field.ClOrdID.FIELD, Long.toString(clOrdId));
        reject.setString(quickfix.field.OrigClOrdID.FIELD, Long.toString(origClOrdId));
        reject.setChar(quickfix.field.OrdStatus.FIELD, info == null ? quickfix.field.OrdStatus.REJECTED :
            !info.open ? quickfix.field.OrdStatus.FILLED : info.cumulative > 0 ?
            quickfix.field.OrdStatus.PARTIALLY_FILLED : quickfix.field.OrdStatus.NEW);
        reject.setChar(quickfix.field.CxlRejResponseTo.FIELD, FixAmends.RESPONSE_TO_REPLACE);
        reject.setInt(quickfix.field.CxlRejReason.FIELD, reason == VenueRejectReason.UNKNOWN_ORDER ?
            quickfix.field.CxlRejReason.UNKNOWN_ORDER : quickfix.field.CxlRejReason.OTHER);
        reject.setString(quickfix.field.Text.FIELD, FixCodec.REASON_PREFIX + reason.name());
        send(reject);
    }

    private quickfix.fix44.ExecutionReport report(final long timeNs, final long clOrdId, final OrderInfo info,
        final char execType, final char ordStatus, final String execId)
    {
        final quickfix.fix44.ExecutionReport report = new quickfix.fix44.ExecutionReport();
        report.setString(quickfix.field.OrderID.FIELD, Long.toString(info.venueOrderId));
        report.setString(quickfix.field.ExecID.FIELD, execId);
        report.setString(quickfix.field.ClOrdID.FIELD, Long.toString(clOrdId));
        report.setChar(quickfix.field.ExecType.FIELD, execType);
        report.setChar(quickfix.field.OrdStatus.FIELD, ordStatus);
        report.setString(quickfix.field.Symbol.FIELD, info.symbol);
        report.setChar(quickfix.field.Side.FIELD, info.side);
        FixCodec.setQuantity(report, quickfix.field.OrderQty.FIELD, info.quantity);
        FixCodec.setQuantity(report, quickfix.field.LeavesQty.FIELD, info.open ? info.quantity - info.cumulative : 0);
        FixCodec.setQuantity(report, quickfix.field.CumQty.FIELD, info.cumulative);
        report.setString(quickfix.field.AvgPx.FIELD, "0");
        final LocalDateTime time = FixCodec.utc(timeNs);
        report.setUtcTimeStamp(quickfix.field.TransactTime.FIELD, time, true);
        return report;
    }

    /**
     * Sends, or stores for the resend when the session is down: QuickFIX/J persists every message it numbers, and
     * the engine's ResendRequest after reconnecting brings it back, so no fill is lost across a drop.
     */
    private void send(final Message message)
    {
        if (holding)
        {
            held.add(message);
            return;
        }
        try
        {
            if (!Session.sendToTarget(message, sessionId))
            {
                sentWhileDown++;
            }
            if (events != null && !isFill(message))
            {
                event("answer " + message.getHeader().getString(MsgType.FIELD) + " " + (isLoggedOn() ? "up" : "down"));
            }
        }
        catch (final FieldNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
        catch (final quickfix.SessionNotFound ex)
        {
            throw new IllegalStateException("FIX venue session " + sessionId + " does not exist", ex);
        }
    }

    private static boolean isFill(final Message message)
    {
        try
        {
            return message instanceof quickfix.fix44.ExecutionReport &&
                message.getChar(quickfix.field.ExecType.FIELD) == quickfix.field.ExecType.TRADE;
        }
        catch (final FieldNotFound ex)
        {
            return false;
        }
    }

    /** What the simulator keeps of each order beyond the paper venue's book, for reports. */
    private static final class OrderInfo
    {
        final String symbol;
        final char side;
        /** The order's quantity; an amend changes it. */
        long quantity;
        long cumulative;
        long venueOrderId;
        boolean open;

        OrderInfo(final String symbol, final char side, final long quantity)
        {
            this.symbol = symbol;
            this.side = side;
            this.quantity = quantity;
        }
    }

    /** Collects a market-data source's prints (trades, and bars as their close) in event-time order. */
    private static final class PrintTape implements MarketDataSink
    {
        final LongArrayList times = new LongArrayList();
        final IntArrayList instruments = new IntArrayList();
        final LongArrayList prices = new LongArrayList();
        final LongArrayList quantities = new LongArrayList();

        @Override
        public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
            final long exchangeTimeNs)
        {
            times.addLong(exchangeTimeNs);
            instruments.addInt(instrumentId);
            prices.addLong(price);
            quantities.addLong(quantity);
        }

        @Override
        public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
            final long volume, final long startTimeNs, final long durationNs)
        {
            trade(instrumentId, 0, close, volume, startTimeNs + durationNs);
        }
    }
}
