package io.ringwall.tools.validation;

/**
 * What a Monte Carlo found: the outcomes of each method's runs and the probability of ruin (a max drawdown at or
 * past the limit) in each.
 *
 * @param trades          trades in the original sequence.
 * @param ruinDrawdown    the drawdown limit, a fraction.
 * @param bootstrap       trade bootstrap outcomes.
 * @param shuffle         trade shuffle outcomes.
 * @param costs           cost/slippage/latency perturbation outcomes (Sharpe from period returns); null when none ran.
 */
public record MonteCarloResult(int runs, long seed, int trades, double ruinDrawdown,
    TradeResampling.Outcomes bootstrap, TradeResampling.Outcomes shuffle, TradeResampling.Outcomes costs)
{
    public static double ruinProbability(final TradeResampling.Outcomes outcomes, final double ruinDrawdown)
    {
        return Percentiles.shareAtLeast(outcomes.maxDrawdown(), ruinDrawdown);
    }
}
