package io.ringwall.engine.logic;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.codecs.snapshot.EngineSnapshotDecoder;
import io.ringwall.codecs.snapshot.EngineSnapshotEncoder;
import io.ringwall.codecs.snapshot.MessageHeaderDecoder;
import io.ringwall.codecs.snapshot.MessageHeaderEncoder;
import io.ringwall.codecs.snapshot.OrderState;
import io.ringwall.engine.strategy.Strategy;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encodes the business logic's full state as one {@code EngineSnapshot} (snapshot schema) and restores it
 * into a freshly built logic of the same configuration. Encoding runs on the logic thread between inputs:
 * it writes into the caller's buffer through reused flyweights and scratch space sized at construction, and
 * allocates nothing. Restoring is start-up work and may allocate.
 *
 * <p>The contract, tested: encode after input S, restore into a new logic, feed it inputs after S, and it
 * produces the same outputs and encodes to the same bytes as the original fed the same inputs.
 */
final class LogicSnapshot
{
    static final int COUNTERS = 1;
    static final int ORDER_MANAGER = 2;
    static final int BREAKERS = 3;
    static final int PRE_TRADE_RISK = 4;
    static final int PRE_MARKET_GATE = 5;
    static final int RECONCILER = 6;
    static final int STATUS_WATCH = 7;
    /** Since snapshot version 2: amends (each order's ids and pending amend, the amend counters). */
    static final int AMENDS = 8;
    /** Since snapshot version 3: each instrument's trading state at its exchange (halts, pauses). */
    static final int TRADING_STATES = 9;
    private static final int COMPONENTS = 9;
    /**
     * Only in a shadow session's snapshots (issue 20), after the others: the twin (its strategies' states, orders,
     * positions and paper model), the judge's targets and windows, the shadow counters and each working live
     * order's shadow measures. The configuration digest tells a shadow session's snapshot from another's.
     */
    static final int SHADOW = 10;
    /** Values kept per working live order for the shadow judge ({@link Order#shadowModelPrice} and on). */
    private static final int SHADOW_ORDER_LONGS = 5;
    private static final int ORDER_ENTRY_LENGTH = 4 + 4 + 4 + 1 + 1 + 1 + 1 + 1 + 10 * 8;

    private final BusinessLogic logic;
    private final Portfolio portfolio;
    private final MarketState market;
    private final OrderManager orders;
    private final Breakers breakers;
    private final PreTradeRisk risk;
    private final OrderEntry entry;
    private final EngineCounters counters;
    private final StrategyHost strategies;
    private final PreMarketGate gate;
    private final Reconciler reconciler;
    private final StatusWatch statusWatch;
    private final OutputPublisher output;
    private final TradingStates tradingStates;
    /** Both null unless the shadow is on. */
    private final ShadowTwin shadowTwin;
    private final ShadowJudge shadowJudge;
    private final int componentCount;
    private final int instruments;
    private final int maxOrders;
    private final long configDigest;
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final EngineSnapshotEncoder encoder = new EngineSnapshotEncoder();
    private final EngineSnapshotDecoder decoder = new EngineSnapshotDecoder();
    private final StateCursor cursor = new StateCursor();
    private final UnsafeBuffer scratch;
    private final int maxLength;
    private final String unsupported;

    LogicSnapshot(final BusinessLogic logic, final LogicConfig config, final Portfolio portfolio,
        final MarketState market, final OrderManager orders, final Breakers breakers, final PreTradeRisk risk,
        final OrderEntry entry, final EngineCounters counters, final StrategyHost strategies,
        final PreMarketGate gate, final Reconciler reconciler, final StatusWatch statusWatch,
        final OutputPublisher output, final TradingStates tradingStates, final int instruments,
        final ShadowTwin shadowTwin, final ShadowJudge shadowJudge)
    {
        this.tradingStates = tradingStates;
        this.shadowTwin = shadowTwin;
        this.shadowJudge = shadowJudge;
        this.componentCount = COMPONENTS + (shadowTwin != null ? 1 : 0);
        this.statusWatch = statusWatch;
        this.logic = logic;
        this.portfolio = portfolio;
        this.market = market;
        this.orders = orders;
        this.breakers = breakers;
        this.risk = risk;
        this.entry = entry;
        this.counters = counters;
        this.strategies = strategies;
        this.gate = gate;
        this.reconciler = reconciler;
        this.output = output;
        this.instruments = instruments;
        this.maxOrders = config.maxWorkingOrders();
        this.configDigest = digest(config.toManifest());

        // Component layouts have a fixed size per configuration: measure them once.
        final ExpandableArrayBuffer measure = new ExpandableArrayBuffer(4096);
        int largestComponent = strategies.maxStateLength();
        int components = 0;
        for (int id = 1; id <= componentCount; id++)
        {
            final int length = writeComponent(id, measure);
            largestComponent = Math.max(largestComponent, length);
            components += length + 8;
        }
        this.scratch = new UnsafeBuffer(new byte[Math.max(64, largestComponent)]);
        int strategyBytes = 0;
        for (int i = 0; i < strategies.count(); i++)
        {
            strategyBytes += Math.max(0, strategies.strategy(i).maxStateLength()) + 12;
        }
        this.maxLength = MessageHeaderEncoder.ENCODED_LENGTH + EngineSnapshotEncoder.BLOCK_LENGTH + 5 * 4 +
            instruments * EngineSnapshotEncoder.PositionsEncoder.sbeBlockLength() +
            maxOrders * EngineSnapshotEncoder.OrdersEncoder.sbeBlockLength() +
            BreakerType.values().length * EngineSnapshotEncoder.BreakersEncoder.sbeBlockLength() +
            components + strategyBytes + 1024;
        final Strategy missing = strategies.withoutStateSupport(scratch);
        this.unsupported = missing != null ? "strategy " + missing.getClass().getName() +
            " does not implement Strategy.writeState/readState" :
            shadowTwin != null ? shadowTwin.checkpointsUnsupported() : null;
    }

    /** @return null when every part can be checkpointed, else why not. */
    String unsupportedReason()
    {
        return unsupported;
    }

    /** @return bytes an encoded snapshot can take at most with this configuration. */
    int maxLength()
    {
        return maxLength;
    }

    long configDigest()
    {
        return configDigest;
    }

    /**
     * Encodes the state after the last input handled.
     *
     * @return the bytes written from {@code offset}, header included.
     */
    int encode(final MutableDirectBuffer buffer, final int offset)
    {
        if (unsupported != null)
        {
            throw new IllegalStateException("no checkpoint possible: " + unsupported);
        }
        encoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .inputSequence(logic.lastInputSequence())
            .outputSequence(output.outputSequence())
            .timeNs(logic.timeNs())
            .configDigest(configDigest)
            .cash(portfolio.cash())
            .realizedPnl(portfolio.realizedPnl())
            .feesPaid(portfolio.feesPaid())
            .equity(portfolio.equity())
            .equityHighWaterMark(portfolio.highWaterMark())
            .maxDrawdown(portfolio.maxDrawdown())
            .sessionDay(portfolio.sessionDay())
            .sessionStartEquity(portfolio.sessionStartEquity())
            .turnover(portfolio.turnover())
            .costedNotional(portfolio.costedNotional())
            .realisedCost(portfolio.realisedCost())
            .estimatedCost(portfolio.estimatedCost())
            .capitalScalePpm(entry.capitalScalePpm());
        final EngineSnapshotEncoder.PositionsEncoder positions = encoder.positionsCount(instruments);
        for (int i = 0; i < instruments; i++)
        {
            positions.next().instrumentId(i).quantity(portfolio.position(i)).costBasis(portfolio.costBasis(i))
                .markPrice(portfolio.markPrice(i)).markValue(portfolio.markValue(i)).lastPrice(market.lastPrice(i))
                .bidPrice(market.bidPrice(i)).askPrice(market.askPrice(i));
        }
        final EngineSnapshotEncoder.OrdersEncoder orderGroup = encoder.ordersCount(orders.workingCount());
        for (Order order = orders.oldestWorking(); order != null; order = order.nextWorking)
        {
            orderGroup.next().clOrdId(order.clOrdId).instrumentId(order.instrumentId).strategyId(order.strategyId)
                .side(io.ringwall.codecs.snapshot.Side.get(order.side.value()))
                .ordType(order.ordType.value()).timeInForce(order.timeInForce.value())
                .state(OrderState.get(order.status.wire().value()))
                .stateBeforeCancel(OrderState.get(order.statusBeforeCancel.wire().value()))
                .quantity(order.quantity).filledQuantity(order.filledQuantity).limitPrice(order.limitPrice)
                .stopPrice(order.stopPrice).checkPrice(order.checkPrice).arrivalPrice(order.arrivalPrice)
                .estimatedCost(order.estimatedCost).venueOrderId(order.venueOrderId);
        }
        final BreakerType[] types = BreakerType.values();
        final EngineSnapshotEncoder.BreakersEncoder breakerGroup = encoder.breakersCount(types.length - 1);
        for (final BreakerType type : types)
        {
            if (type != BreakerType.NULL_VAL)
            {
                breakerGroup.next().breakerType(type.value())
                    .state(io.ringwall.codecs.snapshot.BreakerState.get(breakers.state(type).value()));
            }
        }
        final EngineSnapshotEncoder.ComponentsEncoder components = encoder.componentsCount(componentCount);
        for (int id = 1; id <= componentCount; id++)
        {
            final int length = writeComponent(id, scratch);
            components.next().componentId(id).putState(scratch, 0, length);
        }
        final EngineSnapshotEncoder.StrategiesEncoder strategyGroup = encoder.strategiesCount(strategies.count());
        for (int i = 0; i < strategies.count(); i++)
        {
            final int length = strategies.strategy(i).writeState(scratch, 0);
            if (length < 0)
            {
                throw new IllegalStateException("strategy " + i + " refused to write its state");
            }
            strategyGroup.next().strategyId(i).putState(scratch, 0, length);
        }
        return encoder.encodedLength() + MessageHeaderEncoder.ENCODED_LENGTH;
    }

    /**
     * Restores a snapshot into this logic, which must not have handled any input yet.
     *
     * @throws IllegalArgumentException naming what does not fit (another schema, another configuration,
     *                                  a strategy's state of the wrong shape).
     */
    void restore(final DirectBuffer buffer, final int offset, final int length)
    {
        if (logic.lastInputSequence() != 0)
        {
            throw new IllegalStateException("a snapshot restores only into a logic that has handled no input");
        }
        headerDecoder.wrap(buffer, offset);
        if (headerDecoder.schemaId() != EngineSnapshotDecoder.SCHEMA_ID ||
            headerDecoder.templateId() != EngineSnapshotDecoder.TEMPLATE_ID ||
            headerDecoder.version() < 1 || headerDecoder.version() > EngineSnapshotDecoder.SCHEMA_VERSION)
        {
            throw new IllegalArgumentException("not an EngineSnapshot of schema " + EngineSnapshotDecoder.SCHEMA_ID +
                " version " + EngineSnapshotDecoder.SCHEMA_VERSION + " (schema " + headerDecoder.schemaId() +
                ", template " + headerDecoder.templateId() + ", version " + headerDecoder.version() + ")");
        }
        decoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
        if (decoder.configDigest() != configDigest)
        {
            throw new IllegalArgumentException("the snapshot was taken with another configuration (manifest digest " +
                Long.toHexString(decoder.configDigest()) + ", this session's is " + Long.toHexString(configDigest) +
                ")");
        }
        final long inputSequence = decoder.inputSequence();
        final long timeNs = decoder.timeNs();
        output.restoreOutputSequence(decoder.outputSequence());
        portfolio.restoreTotals(decoder.cash(), decoder.realizedPnl(), decoder.feesPaid(), decoder.equity(),
            decoder.equityHighWaterMark(), decoder.maxDrawdown(), decoder.sessionDay(), decoder.sessionStartEquity(),
            decoder.turnover(), decoder.costedNotional(), decoder.realisedCost(), decoder.estimatedCost());
        entry.capitalScalePpm(decoder.capitalScalePpm());
        final EngineSnapshotDecoder.PositionsDecoder positions = decoder.positions();
        if (positions.count() != instruments)
        {
            throw new IllegalArgumentException("snapshot has " + positions.count() + " instruments, the session " +
                instruments);
        }
        while (positions.hasNext())
        {
            positions.next();
            final int id = positions.instrumentId();
            portfolio.restoreInstrument(id, positions.quantity(), positions.costBasis(), positions.markPrice(),
                positions.markValue());
            market.restore(id, positions.lastPrice(), positions.bidPrice(), positions.askPrice());
        }
        final EngineSnapshotDecoder.OrdersDecoder orderGroup = decoder.orders();
        while (orderGroup.hasNext())
        {
            orderGroup.next();
            orders.restore(orderGroup.clOrdId(), orderGroup.strategyId(), orderGroup.instrumentId(),
                Side.get(orderGroup.sideRaw()), OrdType.get(orderGroup.ordType()),
                TimeInForce.get(orderGroup.timeInForce()), orderGroup.quantity(), orderGroup.filledQuantity(),
                orderGroup.limitPrice(), orderGroup.stopPrice(), orderGroup.checkPrice(), orderGroup.arrivalPrice(),
                orderGroup.estimatedCost(), orderGroup.venueOrderId(), status(orderGroup.stateRaw()),
                status(orderGroup.stateBeforeCancelRaw()));
        }
        final EngineSnapshotDecoder.BreakersDecoder breakerGroup = decoder.breakers();
        while (breakerGroup.hasNext())
        {
            breakerGroup.next();
            breakers.restoreState(BreakerType.get(breakerGroup.breakerType()),
                BreakerState.get(breakerGroup.stateRaw()));
        }
        final EngineSnapshotDecoder.ComponentsDecoder components = decoder.components();
        // a version 1 snapshot has no AMENDS component (no order of it was ever amended), a version 2 one no
        // TRADING_STATES (its counters' layout, one risk reason short, refuses it anyway: it cannot be resumed from)
        final int expected = headerDecoder.version() < 2 ? componentCount - 2 :
            headerDecoder.version() < 3 ? componentCount - 1 : componentCount;
        if (components.count() != expected)
        {
            throw new IllegalArgumentException("snapshot has " + components.count() + " components, expected " +
                expected);
        }
        final UnsafeBuffer entryBuffer = new UnsafeBuffer(new byte[scratch.capacity()]);
        while (components.hasNext())
        {
            components.next();
            final int id = components.componentId();
            final int entryLength = components.stateLength();
            if (entryLength > entryBuffer.capacity())
            {
                throw new IllegalArgumentException("snapshot component " + id + " is " + entryLength +
                    " bytes, larger than this configuration's layout");
            }
            components.getState(entryBuffer, 0, entryLength);
            readComponent(id, cursor.readFrom(entryBuffer, 0, entryLength));
            if (!cursor.atEnd())
            {
                throw new IllegalArgumentException("snapshot component " + id + " is longer than its layout");
            }
        }
        final EngineSnapshotDecoder.StrategiesDecoder strategyGroup = decoder.strategies();
        if (strategyGroup.count() != strategies.count())
        {
            throw new IllegalArgumentException("snapshot has " + strategyGroup.count() + " strategies, the session " +
                strategies.count());
        }
        while (strategyGroup.hasNext())
        {
            strategyGroup.next();
            final int id = strategyGroup.strategyId();
            final int stateLength = strategyGroup.stateLength();
            final UnsafeBuffer state = new UnsafeBuffer(new byte[stateLength]);
            strategyGroup.getState(state, 0, stateLength);
            strategies.strategy(id).readState(state, 0, stateLength);
        }
        logic.restoreClock(inputSequence, timeNs);
    }

    private int writeComponent(final int id, final MutableDirectBuffer buffer)
    {
        cursor.writeTo(buffer, 0);
        switch (id)
        {
            case COUNTERS -> counters.writeState(cursor);
            case ORDER_MANAGER -> orders.writeState(cursor);
            case BREAKERS -> breakers.writeState(cursor);
            case PRE_TRADE_RISK -> risk.writeState(cursor);
            case PRE_MARKET_GATE -> gate.writeState(cursor);
            case RECONCILER -> reconciler.writeState(cursor);
            case STATUS_WATCH -> statusWatch.writeState(cursor);
            case AMENDS -> writeAmends(cursor);
            case TRADING_STATES -> tradingStates.writeState(cursor);
            case SHADOW -> writeShadow(cursor);
            default -> throw new IllegalArgumentException("component " + id);
        }
        return cursor.position();
    }

    private void readComponent(final int id, final StateCursor in)
    {
        switch (id)
        {
            case COUNTERS -> counters.readState(in);
            case ORDER_MANAGER -> orders.readState(in);
            case BREAKERS -> breakers.readState(in);
            case PRE_TRADE_RISK -> risk.readState(in);
            case PRE_MARKET_GATE -> gate.readState(in);
            case RECONCILER -> reconciler.readState(in);
            case STATUS_WATCH -> statusWatch.readState(in);
            case AMENDS -> readAmends(in);
            case TRADING_STATES -> tradingStates.readState(in);
            case SHADOW -> readShadow(in);
            default -> throw new IllegalArgumentException("unknown snapshot component " + id);
        }
    }

    private void writeAmends(final StateCursor out)
    {
        out.putLong(counters.amendsSent);
        out.putLong(counters.replaces);
        out.putLong(counters.replaceRejects);
        out.putLong(counters.amendsRefused);
        orders.writeAmends(out);
    }

    private void readAmends(final StateCursor in)
    {
        counters.amendsSent = in.getLong();
        counters.replaces = in.getLong();
        counters.replaceRejects = in.getLong();
        counters.amendsRefused = in.getLong();
        orders.readAmends(in);
    }

    private void writeShadow(final StateCursor out)
    {
        out.putLong(counters.shadowDecisions);
        out.putLong(counters.shadowMisalignments);
        out.putLong(counters.shadowExecutions);
        out.putLong(counters.shadowFilled);
        out.putLong(counters.shadowSlippageOrders);
        out.putLong(counters.shadowSlippagePpmSum);
        out.putLong(counters.shadowExecutionQualityPpm);
        shadowJudge.writeState(out);
        shadowTwin.writeState(out);
        // the working live orders' measures, oldest first as in the orders group, padded to the pool's size
        out.putLong(orders.workingCount());
        int written = 0;
        for (Order order = orders.oldestWorking(); order != null; order = order.nextWorking)
        {
            out.putLong(order.shadowModelPrice);
            out.putLong(order.shadowSentNs);
            out.putLong(order.shadowAckNs);
            out.putLong(order.shadowFirstFillNs);
            out.putLong(order.shadowAveragePrice);
            written++;
        }
        for (int i = written * SHADOW_ORDER_LONGS; i < maxOrders * SHADOW_ORDER_LONGS; i++)
        {
            out.putLong(0);
        }
    }

    private void readShadow(final StateCursor in)
    {
        counters.shadowDecisions = in.getLong();
        counters.shadowMisalignments = in.getLong();
        counters.shadowExecutions = in.getLong();
        counters.shadowFilled = in.getLong();
        counters.shadowSlippageOrders = in.getLong();
        counters.shadowSlippagePpmSum = in.getLong();
        counters.shadowExecutionQualityPpm = in.getLong();
        shadowJudge.readState(in);
        shadowTwin.readState(in);
        final long working = in.getLong();
        if (working != orders.workingCount())
        {
            throw new IllegalArgumentException("snapshot's shadow measures cover " + working + " orders, its orders " +
                "group " + orders.workingCount());
        }
        int read = 0;
        for (Order order = orders.oldestWorking(); order != null; order = order.nextWorking)
        {
            order.shadowModelPrice = in.getLong();
            order.shadowSentNs = in.getLong();
            order.shadowAckNs = in.getLong();
            order.shadowFirstFillNs = in.getLong();
            order.shadowAveragePrice = in.getLong();
            read++;
        }
        for (int i = read * SHADOW_ORDER_LONGS; i < maxOrders * SHADOW_ORDER_LONGS; i++)
        {
            in.getLong();
        }
    }

    private static OrderStatus status(final short wire)
    {
        for (final OrderStatus status : OrderStatus.values())
        {
            if (status.wire().value() == wire)
            {
                return status;
            }
        }
        throw new IllegalArgumentException("snapshot order state " + wire + " is not a known state");
    }

    /** @return CRC32C of the manifest text, keys sorted: the configuration a snapshot belongs to. */
    static long digest(final Map<String, String> manifest)
    {
        final StringBuilder text = new StringBuilder();
        new TreeMap<>(manifest).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        final CRC32C crc = new CRC32C();
        crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
