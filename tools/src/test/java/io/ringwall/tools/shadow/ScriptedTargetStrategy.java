package io.ringwall.tools.shadow;

import io.ringwall.engine.Fixed;
import io.ringwall.engine.strategy.SingleInstrumentStrategy;
import io.ringwall.engine.strategy.StrategyParameters;

/**
 * A test strategy that sets the n-th of its scripted targets on its n-th price, then nothing more.
 * Spec: {@code io.ringwall.tools.shadow.ScriptedTargetStrategy:targets=1/2/0/1} (whole units).
 */
public final class ScriptedTargetStrategy extends SingleInstrumentStrategy
{
    private final long[] targets;
    private int prices;

    public ScriptedTargetStrategy(final StrategyParameters parameters)
    {
        super(parameters.text("symbol", "BTCUSD"));
        final String[] script = parameters.text("targets", "1").split("/");
        targets = new long[script.length];
        for (int i = 0; i < script.length; i++)
        {
            targets[i] = Long.parseLong(script[i].trim()) * Fixed.QUANTITY_SCALE;
        }
    }

    @Override
    protected void onPrice(final long price)
    {
        if (prices < targets.length)
        {
            context.setTargetPosition(instrumentId, targets[prices++]);
        }
    }
}
