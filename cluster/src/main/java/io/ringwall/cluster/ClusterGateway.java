package io.ringwall.cluster;

import java.io.PrintStream;

import io.aeron.Aeron;
import io.aeron.cluster.client.AeronCluster;
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.ReconciliationScope;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.engine.frames.VenueAnswers;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.venue.PaperVenue;
import io.ringwall.engine.venue.VenueFrames;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The cluster's gateway, one thread: market data and the venue's answers go to the cluster as input frames
 * ({@link ClusterClient}); the logic's outputs come back from the leader and go to the paper venue, each exactly
 * once. The client drops outputs already taken by index; on top of that every new order is checked against the
 * client order ids this gateway already sent, so an order a new leader resends after a failover never reaches the
 * venue twice (counted in {@link #duplicateOrders()}).
 *
 * <p>Without a leader (a majority lost) nothing is acknowledged: after {@code haltAfterNs} the gateway says so once,
 * stops acting on anything but what the cluster sends, and holds every input for the cluster; when a leader answers
 * again it says so and everything held is applied in order.
 */
public final class ClusterGateway implements MarketDataSink, ClusterClient.OutputHandler, VenueAnswers, AutoCloseable
{
    private final ClusterClient client;
    private final VenueFrames venue;
    private final NanoClock clock;
    private final PrintStream log;
    private final long haltAfterNs;
    private final InputEncoder encoder = new InputEncoder();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);
    /** The venue answers while it reads {@link #frame}: its answers are encoded apart. */
    private final UnsafeBuffer answer = new UnsafeBuffer(new byte[512]);
    private final LongHashSet ordersSent = new LongHashSet();
    /** The venue's net position per instrument id, from the fills it reported (its side of a reconciliation). */
    private final long[] venuePositions;
    /** Reconciliation ids: unique across gateway restarts, as the logic keeps the last one it saw. */
    private long reconciliationId = System.currentTimeMillis() * 1_000L;
    private long reconciliations;
    private long leaderChangesReconciled;
    private long duplicateOrders;
    private long inputsSent;
    private long lastAcked;
    private long lastProgressNs;
    private boolean halted;
    private long halts;

    /**
     * @param logic       the session's configuration: the paper venue takes its market model and instruments.
     * @param haltAfterNs inputs waiting this long without an acknowledgement (or no session) halt trading.
     */
    public ClusterGateway(final AeronCluster.Context cluster, final Aeron aeron, final LogicConfig logic,
        final NanoClock clock, final long haltAfterNs, final PrintStream log)
    {
        this.client = new ClusterClient(cluster, aeron, this, clock, 1_000_000_000L);
        this.venue = new VenueFrames(PaperVenue.forSession(logic, 16_384, this));
        this.venuePositions = new long[logic.instruments().size()];
        this.clock = clock;
        this.haltAfterNs = haltAfterNs;
        this.log = log;
        this.lastProgressNs = clock.nanoTime();
    }

    /** A market-data trade: to the venue (it fills against prints) and to the cluster. */
    @Override
    public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
        final long exchangeTimeNs)
    {
        final long nowNs = ClockMode.WALL.stamp(0);
        final int length = encoder.trade(frame, 0, instrumentId, tradeId, price, quantity, exchangeTimeNs);
        sendInput(length);
        venue.onInput(frame, 0, nowNs);
        poll();
    }

    @Override
    public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
        final long volume, final long startTimeNs, final long durationNs)
    {
        final long nowNs = ClockMode.WALL.stamp(0);
        final int length = encoder.bar(frame, 0, instrumentId, open, high, low, close, volume, startTimeNs, durationNs);
        sendInput(length);
        venue.onInput(frame, 0, nowNs);
        poll();
    }

    /**
     * An operator's instruction (halt, resume, reset a breaker, capital scale, flatten, cancel all) with who and why:
     * an input like any other, so it is in the replicated log (the audit trail), every member applies it at the same
     * place, and the logic's OperatorCommandResult comes back as an output.
     */
    public void operatorCommand(final io.ringwall.codecs.OperatorCommandType type,
        final io.ringwall.codecs.BreakerType breakerType, final long value, final String operator, final String reason)
    {
        sendInput(encoder.operatorCommand(frame, 0, type, breakerType, value, operator, reason));
        poll();
    }

    /** Market data first goes to the cluster, then to the venue (as the engine journals it before the venue). */
    private void sendInput(final int length)
    {
        client.send(frame, 0, length);
        inputsSent++;
    }

    /** A venue answer; called from inside the venue, so it only queues (no polling: that would re-enter). */
    private void send(final int length)
    {
        client.send(answer, 0, length);
        inputsSent++;
    }

    /** One duty cycle: the cluster's egress and state, the venue's clock, the halt check. @return work done. */
    public int poll()
    {
        final int work = client.poll();
        if (client.leaderChanges() != leaderChangesReconciled)
        {
            leaderChangesReconciled = client.leaderChanges();
            reconcile("leader " + client.leaderMemberId() + " took over");
        }
        venue.venue().advanceTo(ClockMode.WALL.stamp(0));
        checkHealth(clock.nanoTime());
        return work;
    }

    /**
     * Sends the venue's view of the account to the cluster, after every input before it: each instrument's position
     * (and the cash), each open order, then the end of the answer. The logic compares it with its own state and
     * journals the reports; a difference or an order open at the venue that the logic does not know trips its
     * RECONCILIATION breaker. Done after every leader change and when a lost majority returns: what a failover might
     * have lost shows here, not in the next day's books.
     */
    public void reconcile(final String why)
    {
        final long id = ++reconciliationId;
        final long nowNs = ClockMode.WALL.stamp(0);
        final PaperVenue paper = venue.venue();
        for (int instrumentId = 0; instrumentId < venuePositions.length; instrumentId++)
        {
            send(encoder.venuePosition(answer, 0, id, instrumentId, venuePositions[instrumentId], paper.cash(), nowNs));
        }
        final int[] openOrders = new int[1];
        paper.reportOpenOrders((clOrdId, instrumentId, side, leaves) ->
        {
            openOrders[0]++;
            send(encoder.venueOpenOrder(answer, 0, id, clOrdId, instrumentId, side, leaves, nowNs));
        });
        send(encoder.reconciliationEnd(answer, 0, id, ReconciliationOutcome.COMPLETE, venuePositions.length,
            openOrders[0], 0, ReconciliationScope.FULL));
        reconciliations++;
        log.println("cluster-gateway: reconciliation " + id + " (" + why + "): " + venuePositions.length +
            " positions and " + openOrders[0] + " open orders of the venue sent to the cluster to compare");
    }

    /**
     * Polls until every input sent is acknowledged and nothing new was sent or acknowledged for {@code quietNs}, or
     * {@code timeoutNs} passed (wall time: this runs at the end of a session, outside any logic).
     *
     * @return the nanoTime at which the last input was seen acknowledged, or -1 at the timeout.
     */
    public long drain(final long timeoutNs, final long quietNs)
    {
        final long deadline = clock.nanoTime() + timeoutNs;
        long quietSince = clock.nanoTime();
        long lastSent = -1;
        while (clock.nanoTime() < deadline)
        {
            poll();
            if (client.lastSent() != lastSent || client.acknowledged() != client.lastSent())
            {
                lastSent = client.lastSent();
                quietSince = clock.nanoTime();
            }
            else if (clock.nanoTime() - quietSince > quietNs)
            {
                return quietSince;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        return -1;
    }

    private void checkHealth(final long nowNs)
    {
        if (client.acknowledged() != lastAcked || client.acknowledged() == client.lastSent())
        {
            lastAcked = client.acknowledged();
            lastProgressNs = nowNs;
            if (halted && client.isConnected())
            {
                halted = false;
                log.println("cluster-gateway: leader " + client.leaderMemberId() + " answers again; trading " +
                    "resumes, every input held was applied in order (" + lastAcked + " acknowledged)");
                reconcile("the majority returned");
            }
            return;
        }
        if (!halted && nowNs - lastProgressNs > haltAfterNs)
        {
            halted = true;
            halts++;
            log.println("cluster-gateway: TRADING HALTED: no cluster leader acknowledged an input for " +
                (nowNs - lastProgressNs) / 1_000_000 + " ms (" + (client.lastSent() - client.acknowledged()) +
                " inputs held" + (client.isConnected() ? "" : ", no session: " + client.lastConnectError()) +
                "). A majority of the cluster nodes is probably down: restart them (ringwall cluster-node); " +
                "the held inputs are sent when a leader answers.");
        }
    }

    /** An output of the logic, each index once: orders, cancels and amends go to the venue. */
    @Override
    public void onOutput(final long index, final DirectBuffer buffer, final int offset, final int length)
    {
        final long clOrdId = venue.newOrderId(buffer, offset);
        if (clOrdId != VenueFrames.NOT_AN_ORDER && !ordersSent.add(clOrdId))
        {
            duplicateOrders++;
            return;
        }
        venue.onOutput(buffer, offset, ClockMode.WALL.stamp(0));
    }

    @Override
    public void orderAccepted(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId)
    {
        send(encoder.orderAccepted(answer, 0, clOrdId, venueOrderId, instrumentId, timeNs));
    }

    @Override
    public void orderFilled(final long timeNs, final long clOrdId, final long venueOrderId, final long execId,
        final int instrumentId, final Side side, final long lastPrice, final long lastQuantity,
        final long leavesQuantity, final long cumQuantity, final long fee)
    {
        venuePositions[instrumentId] += side == Side.BUY ? lastQuantity : -lastQuantity;
        send(encoder.orderFilled(answer, 0, clOrdId, venueOrderId, execId, instrumentId, side, lastPrice, lastQuantity,
            leavesQuantity, cumQuantity, fee, timeNs));
    }

    @Override
    public void orderRejected(final long timeNs, final long clOrdId, final int instrumentId,
        final VenueRejectReason reason)
    {
        send(encoder.orderRejected(answer, 0, clOrdId, instrumentId, reason, timeNs));
    }

    @Override
    public void orderCancelled(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId,
        final long cancelledQuantity)
    {
        send(encoder.orderCancelled(answer, 0, clOrdId, venueOrderId, instrumentId, cancelledQuantity, timeNs));
    }

    @Override
    public void orderExpired(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId,
        final long expiredQuantity)
    {
        send(encoder.orderExpired(answer, 0, clOrdId, venueOrderId, instrumentId, expiredQuantity, timeNs));
    }

    @Override
    public void cancelRejected(final long timeNs, final long clOrdId, final long origClOrdId,
        final VenueRejectReason reason)
    {
        send(encoder.cancelRejected(answer, 0, clOrdId, origClOrdId, reason, timeNs));
    }

    @Override
    public void orderReplaced(final long timeNs, final long clOrdId, final long origClOrdId, final long venueOrderId,
        final int instrumentId, final long quantity, final long limitPrice, final long leavesQuantity,
        final long cumQuantity)
    {
        send(encoder.orderReplaced(answer, 0, clOrdId, origClOrdId, venueOrderId, instrumentId, quantity, limitPrice,
            leavesQuantity, cumQuantity, timeNs));
    }

    @Override
    public void replaceRejected(final long timeNs, final long clOrdId, final long origClOrdId,
        final VenueRejectReason reason)
    {
        send(encoder.replaceRejected(answer, 0, clOrdId, origClOrdId, reason, timeNs));
    }

    public ClusterClient client()
    {
        return client;
    }

    /** @return whether trading is halted for want of a cluster leader. */
    public boolean halted()
    {
        return halted;
    }

    public long halts()
    {
        return halts;
    }

    /** @return distinct new orders sent to the venue. */
    public long ordersSent()
    {
        return ordersSent.size();
    }

    /** @return whether the venue got this client order id. */
    public boolean sentOrder(final long clOrdId)
    {
        return ordersSent.contains(clOrdId);
    }

    /** @return reconciliations sent to the cluster. */
    public long reconciliations()
    {
        return reconciliations;
    }

    /** @return new orders the cluster sent again after a failover that the gateway did not send again. */
    public long duplicateOrders()
    {
        return duplicateOrders;
    }

    public long inputsSent()
    {
        return inputsSent;
    }

    public PaperVenue venue()
    {
        return venue.venue();
    }

    @Override
    public void close()
    {
        client.close();
    }
}
