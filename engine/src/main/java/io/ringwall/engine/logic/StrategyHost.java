package io.ringwall.engine.logic;

import java.util.List;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.engine.strategy.BarEvent;
import io.ringwall.engine.strategy.OrderEvent;
import io.ringwall.engine.strategy.QuoteEvent;
import io.ringwall.engine.strategy.RiskRejectEvent;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.TradeEvent;

/**
 * Runs the strategies: gives each its context, fans market data out to all of them and order events
 * to the owner of the order.
 */
final class StrategyHost
{
    private final Strategy[] strategies;
    private final Context[] contexts;
    /** Instruments some strategy looked up: the ones it trades (a position elsewhere is stale). */
    private final boolean[] owned;

    StrategyHost(final List<Strategy> strategies, final InstrumentTable instruments, final MarketState market,
        final Portfolio portfolio, final OrderManager orders, final OrderEntry entry, final LogicClock clock)
    {
        this.strategies = strategies.toArray(new Strategy[0]);
        this.contexts = new Context[this.strategies.length];
        this.owned = new boolean[instruments.size()];
        for (int i = 0; i < contexts.length; i++)
        {
            contexts[i] = new Context(i, instruments, market, portfolio, orders, entry, clock, owned);
        }
    }

    /** Shadow trading: every live decision is also told to the judge. */
    void shadowTo(final ShadowJudge judge)
    {
        for (final Context context : contexts)
        {
            context.shadow = judge;
        }
    }

    void start()
    {
        for (int i = 0; i < strategies.length; i++)
        {
            strategies[i].onStart(contexts[i]);
        }
    }

    int count()
    {
        return strategies.length;
    }

    Strategy strategy(final int strategyId)
    {
        return strategies[strategyId];
    }

    /** @return the first strategy that does not support checkpoints, or null when all do. */
    Strategy withoutStateSupport(final org.agrona.MutableDirectBuffer probe)
    {
        for (final Strategy strategy : strategies)
        {
            if (strategy.maxStateLength() < 0 || strategy.maxStateLength() > probe.capacity() ||
                strategy.writeState(probe, 0) == Strategy.STATE_UNSUPPORTED)
            {
                return strategy;
            }
        }
        return null;
    }

    /** @return the largest state any one strategy writes. */
    int maxStateLength()
    {
        int max = 0;
        for (final Strategy strategy : strategies)
        {
            max = Math.max(max, strategy.maxStateLength());
        }
        return max;
    }

    /** @return true when every strategy reports its warm-up complete. */
    boolean warmedUp()
    {
        for (final Strategy strategy : strategies)
        {
            if (!strategy.warmedUp())
            {
                return false;
            }
        }
        return true;
    }

    /** @return true when some strategy looked the instrument up (it trades it). */
    boolean owns(final int instrumentId)
    {
        return owned[instrumentId];
    }

    void onTrade(final TradeEvent trade)
    {
        for (final Strategy strategy : strategies)
        {
            strategy.onTrade(trade);
        }
    }

    void onQuote(final QuoteEvent quote)
    {
        for (final Strategy strategy : strategies)
        {
            strategy.onQuote(quote);
        }
    }

    void onBar(final BarEvent bar)
    {
        for (final Strategy strategy : strategies)
        {
            strategy.onBar(bar);
        }
    }

    void onTimer(final int timerId, final long timeNs)
    {
        for (final Strategy strategy : strategies)
        {
            strategy.onTimer(timerId, timeNs);
        }
    }

    void onOrderEvent(final int strategyId, final OrderEvent event)
    {
        if (strategyId >= 0 && strategyId < strategies.length)
        {
            strategies[strategyId].onOrderEvent(event);
        }
    }

    void onRiskReject(final int strategyId, final RiskRejectEvent event)
    {
        if (strategyId >= 0 && strategyId < strategies.length)
        {
            strategies[strategyId].onRiskReject(event);
        }
    }

    /** The engine time the strategies see: the current input's. */
    interface LogicClock
    {
        long timeNs();
    }

    private static final class Context implements StrategyContext
    {
        private final int strategyId;
        private final InstrumentTable instruments;
        private final MarketState market;
        private final Portfolio portfolio;
        private final OrderManager orders;
        private final OrderEntry entry;
        private final LogicClock clock;
        private final boolean[] owned;
        /** Null unless the shadow is on. */
        private ShadowJudge shadow;

        Context(final int strategyId, final InstrumentTable instruments, final MarketState market,
            final Portfolio portfolio, final OrderManager orders, final OrderEntry entry, final LogicClock clock,
            final boolean[] owned)
        {
            this.owned = owned;
            this.strategyId = strategyId;
            this.instruments = instruments;
            this.market = market;
            this.portfolio = portfolio;
            this.orders = orders;
            this.entry = entry;
            this.clock = clock;
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
            final int id = instruments.idOf(symbol);
            if (id >= 0)
            {
                owned[id] = true;
            }
            return id;
        }

        @Override
        public long position(final int instrumentId)
        {
            return instruments.isValid(instrumentId) ? portfolio.position(instrumentId) : 0;
        }

        @Override
        public long openOrderQuantity(final int instrumentId)
        {
            return instruments.isValid(instrumentId) ? orders.openQuantity(instrumentId) : 0;
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
            decided(instrumentId, side, quantity);
            return entry.submit(strategyId, instrumentId, side, OrdType.MARKET, timeInForce, quantity, 0);
        }

        @Override
        public long submitStop(final int instrumentId, final Side side, final long quantity, final long stopPrice,
            final TimeInForce timeInForce)
        {
            decided(instrumentId, side, quantity);
            return entry.submit(strategyId, instrumentId, side, OrdType.STOP, timeInForce, quantity, stopPrice);
        }

        @Override
        public long submitLimit(final int instrumentId, final Side side, final long quantity, final long limitPrice,
            final TimeInForce timeInForce)
        {
            decided(instrumentId, side, quantity);
            return entry.submit(strategyId, instrumentId, side, OrdType.LIMIT, timeInForce, quantity, limitPrice);
        }

        @Override
        public boolean cancel(final long clOrdId)
        {
            return entry.cancel(strategyId, clOrdId);
        }

        @Override
        public long amend(final long clOrdId, final long quantity, final long limitPrice)
        {
            return entry.amend(strategyId, clOrdId, quantity, limitPrice);
        }

        @Override
        public long setTargetPosition(final int instrumentId, final long targetQuantity)
        {
            if (shadow != null)
            {
                shadow.onLiveTarget(strategyId, instrumentId, targetQuantity);
            }
            return entry.target(strategyId, instrumentId, targetQuantity);
        }

        /** An explicit order is a decision too: its target is what is held and open plus the order. */
        private void decided(final int instrumentId, final Side side, final long quantity)
        {
            if (shadow != null && instruments.isValid(instrumentId))
            {
                shadow.onLiveTarget(strategyId, instrumentId, portfolio.position(instrumentId) +
                    orders.openQuantity(instrumentId) + (side == Side.BUY ? quantity : -quantity));
            }
        }
    }
}
