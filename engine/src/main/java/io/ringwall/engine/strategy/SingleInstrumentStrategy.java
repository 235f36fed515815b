package io.ringwall.engine.strategy;

/**
 * Base for a strategy that trades one instrument on its prices: resolves the symbol at start (failing
 * the start when the engine does not trade it) and calls {@link #onPrice} with each trade price and
 * each bar close of that instrument.
 */
public abstract class SingleInstrumentStrategy implements Strategy
{
    protected final String symbol;
    protected StrategyContext context;
    protected int instrumentId = -1;

    protected SingleInstrumentStrategy(final String symbol)
    {
        this.symbol = symbol;
    }

    @Override
    public void onStart(final StrategyContext context)
    {
        this.context = context;
        instrumentId = context.requireInstrument(symbol);
    }

    @Override
    public void onTrade(final TradeEvent trade)
    {
        if (trade.instrumentId() == instrumentId)
        {
            onPrice(trade.price());
        }
    }

    @Override
    public void onBar(final BarEvent bar)
    {
        if (bar.instrumentId() == instrumentId)
        {
            onPrice(bar.close());
        }
    }

    /**
     * A new price of the instrument (price mantissa, 4 implied decimals).
     */
    protected abstract void onPrice(long price);
}
