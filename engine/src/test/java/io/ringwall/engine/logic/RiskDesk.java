package io.ringwall.engine.logic;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;
import io.ringwall.engine.config.BreakerLimits;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.config.RiskLimits;
import io.ringwall.engine.strategy.RiskRejectEvent;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;

/**
 * A trading desk for risk tests: the logic on the test thread with three instruments (two crypto, one
 * technology), a strategy the test drives by hand, a venue the test plays (fills at a given price), and
 * limit records varied one component at a time.
 */
final class RiskDesk
{
    static final long BTC = 100_000_000L;
    static final long USD = 10_000L;
    static final long LOT = BTC / 10_000;
    static final long TICK = USD / 100;
    static final int BTCUSD = 0;
    static final int ETHUSD = 1;
    static final int AAPL = 2;
    static final List<InstrumentSpec> INSTRUMENTS = List.of(
        new InstrumentSpec("BTCUSD", "crypto", LOT, TICK, 1_000 * BTC, 100_000),
        new InstrumentSpec("ETHUSD", "crypto", LOT, TICK, 10_000 * BTC, 100_000),
        new InstrumentSpec("AAPL", "technology", BTC, TICK, 1_000_000 * BTC, 100_000));

    /** The hand-driven strategy: remembers risk refusals. */
    static final class Hand implements Strategy
    {
        final List<RiskRejectReason> refusals = new ArrayList<>();
        /** Each refusal's {@code amendedClOrdId}: 0 for a new order. */
        final List<Long> amendedOrders = new ArrayList<>();
        StrategyContext context;

        @Override
        public void onStart(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onRiskReject(final RiskRejectEvent event)
        {
            refusals.add(event.reason());
            amendedOrders.add(event.amendedClOrdId());
        }

        /** Driven by the test: nothing of its own to checkpoint. */
        @Override
        public int writeState(final org.agrona.MutableDirectBuffer buffer, final int offset)
        {
            return 0;
        }
    }

    final Hand hand = new Hand();
    final LogicHarness harness;

    RiskDesk(final RiskLimits risk, final BreakerLimits breakers, final long initialCash)
    {
        this(risk, breakers, initialCash, io.ringwall.engine.market.MarketModel.defaults());
    }

    RiskDesk(final RiskLimits risk, final BreakerLimits breakers, final long initialCash,
        final io.ringwall.engine.market.MarketModel market)
    {
        harness = new LogicHarness(new LogicConfig(INSTRUMENTS, List.of(), initialCash, 1024, risk, breakers, market),
            List.of(hand));
    }

    RiskDesk(final RiskLimits risk)
    {
        this(risk, BreakerLimits.off(), 1_000_000 * USD);
    }

    /** Sets every instrument's last price. */
    RiskDesk prices(final long btc, final long eth, final long aapl)
    {
        harness.trade(BTCUSD, btc, LOT);
        harness.trade(ETHUSD, eth, LOT);
        harness.trade(AAPL, aapl, BTC);
        return this;
    }

    long market(final int instrumentId, final Side side, final long quantity)
    {
        return hand.context.submitMarket(instrumentId, side, quantity);
    }

    long limit(final int instrumentId, final Side side, final long quantity, final long price)
    {
        return hand.context.submitLimit(instrumentId, side, quantity, price, TimeInForce.GTC);
    }

    /** Sends a market order and fills it at once at {@code price} without fee; fails the test if refused. */
    void position(final int instrumentId, final Side side, final long quantity, final long price)
    {
        final long clOrdId = market(instrumentId, side, quantity);
        if (clOrdId <= 0)
        {
            throw new AssertionError("setting up a position was refused: " + lastReject());
        }
        harness.filled(clOrdId, instrumentId, side, price, quantity, 0, 0);
    }

    static RiskRejectReason reason(final long result)
    {
        return result > 0 ? RiskRejectReason.NULL_VAL : RiskRejectReason.get((int)-result);
    }

    RiskRejectDecoder lastReject()
    {
        return last(RiskRejectDecoder.TEMPLATE_ID, new RiskRejectDecoder());
    }

    BreakerStateChangeDecoder lastBreakerChange()
    {
        return last(BreakerStateChangeDecoder.TEMPLATE_ID, new BreakerStateChangeDecoder());
    }

    NewOrderDecoder lastNewOrder()
    {
        return last(NewOrderDecoder.TEMPLATE_ID, new NewOrderDecoder());
    }

    long count(final int templateId)
    {
        return harness.outputs().stream().filter(o -> o.templateId() == templateId).count();
    }

    long newOrders()
    {
        return count(NewOrderDecoder.TEMPLATE_ID);
    }

    long cancels()
    {
        return count(CancelOrderDecoder.TEMPLATE_ID);
    }

    @SuppressWarnings("unchecked")
    private <T> T last(final int templateId, final T decoder)
    {
        for (int i = harness.outputs().size() - 1; i >= 0; i--)
        {
            final LogicHarness.Output output = harness.outputs().get(i);
            if (output.templateId() == templateId)
            {
                try
                {
                    decoder.getClass().getMethod("wrapAndApplyHeader", org.agrona.DirectBuffer.class, int.class,
                        MessageHeaderDecoder.class).invoke(decoder, output.buffer(), 0, new MessageHeaderDecoder());
                    return decoder;
                }
                catch (final ReflectiveOperationException ex)
                {
                    throw new IllegalStateException(ex);
                }
            }
        }
        throw new AssertionError("no output of template " + templateId);
    }

    /**
     * @return {@code base} with one component replaced (records have no withers; tests vary one limit at a time).
     */
    static <R extends Record> R with(final R base, final String component, final Object value)
    {
        try
        {
            final RecordComponent[] components = base.getClass().getRecordComponents();
            final Object[] values = new Object[components.length];
            final Class<?>[] types = new Class<?>[components.length];
            boolean found = false;
            for (int i = 0; i < components.length; i++)
            {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(base);
                found |= components[i].getName().equals(component);
            }
            if (!found)
            {
                throw new IllegalArgumentException("no component " + component);
            }
            @SuppressWarnings("unchecked")
            final R copy = (R)base.getClass().getDeclaredConstructor(types).newInstance(values);
            return copy;
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    static RiskLimits permissive(final String component, final Object value)
    {
        return with(RiskLimits.permissive(), component, value);
    }

}
