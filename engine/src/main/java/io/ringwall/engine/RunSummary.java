package io.ringwall.engine;

import io.ringwall.engine.logic.EngineCounters;
import io.ringwall.engine.logic.Portfolio;
import io.ringwall.engine.marketdata.SourceStats;
import org.HdrHistogram.Histogram;

/**
 * What an engine run did, for the operator: counts, PnL, throughput and tick-to-order latency.
 *
 * @param failure  the operator message when the run halted on a failure, else null.
 * @param diskFull the failure is a full disk: free space, then resume.
 */
public record RunSummary(String source, SourceStats sourceStats, EngineCounters counters, long initialCash,
    long cash, long realizedPnl, long unrealizedPnl, long fees, long equity, long elapsedNs,
    Histogram tickToOrderNs, String failure, boolean diskFull)
{
    static RunSummary of(final String source, final SourceStats stats, final EngineCounters counters,
        final long initialCash, final Portfolio portfolio, final long elapsedNs, final Histogram tickToOrderNs,
        final String failure, final boolean diskFull)
    {
        return new RunSummary(source, stats, counters, initialCash, portfolio.cash(), portfolio.realizedPnl(),
            portfolio.unrealizedPnl(), portfolio.feesPaid(), portfolio.equity(), elapsedNs, tickToOrderNs, failure,
            diskFull);
    }

    public double eventsPerSecond()
    {
        return elapsedNs == 0 ? 0 : counters.inputs * 1e9 / elapsedNs;
    }

    /**
     * @return the summary as the CLI prints it.
     */
    public String format()
    {
        final StringBuilder text = new StringBuilder();
        text.append(String.format("source        %s%n", source));
        text.append(String.format("events        %,d inputs journaled (%,d market data, %,d venue, %,d timer, %,d operator) " +
            "in %.3f s = %,.0f events/s%n", counters.inputs, counters.marketDataInputs, counters.venueInputs,
            counters.timerInputs, counters.operatorInputs, elapsedNs / 1e9, eventsPerSecond()));
        if (sourceStats != null)
        {
            text.append(String.format("data          %,d lines read, %,d events, %,d malformed lines (reported, skipped)%n",
                sourceStats.lines(), sourceStats.events(), sourceStats.malformed()));
        }
        text.append(String.format("orders        %,d sent, %,d fills, %,d risk rejects, %,d venue rejects%n",
            counters.ordersSent, counters.fills, counters.riskRejects, counters.venueRejects));
        if (counters.amendsSent > 0 || counters.amendsRefused > 0)
        {
            text.append(String.format("amends        %,d sent, %,d replaced, %,d refused by the venue, %,d not " +
                "amendable%n", counters.amendsSent, counters.replaces, counters.replaceRejects, counters.amendsRefused));
        }
        text.append(String.format("risk          rejects: %s; breakers tripped: %s%n", counters.riskRejectsText(),
            counters.breakerTripsText()));
        if (counters.shadowDecisions > 0 || counters.shadowExecutions > 0)
        {
            // ringwall run --shadow: how the live side kept to its twin (ringwall shadow-report has the detail)
            text.append(String.format("shadow        %,d decisions, %,d misaligned (alignment %s); %,d live orders " +
                "finished, %,d filled%n", counters.shadowDecisions, counters.shadowMisalignments,
                String.format("%.2f%%", counters.shadowDecisions == 0 ? Double.NaN :
                    100.0 * (counters.shadowDecisions - counters.shadowMisalignments) / counters.shadowDecisions),
                counters.shadowExecutions, counters.shadowFilled));
        }
        text.append(String.format("PnL           realised %s, unrealised %s, fees %s, net %s; equity %s (start %s)%n",
            money(realizedPnl), money(unrealizedPnl), money(fees), money(realizedPnl + unrealizedPnl - fees),
            money(equity), money(initialCash)));
        if (tickToOrderNs.getTotalCount() > 0)
        {
            text.append(String.format("tick-to-order p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  (%,d orders; input " +
                "ingress to gateway, includes queueing when replaying at full speed)%n",
                micros(tickToOrderNs.getValueAtPercentile(50)), micros(tickToOrderNs.getValueAtPercentile(90)),
                micros(tickToOrderNs.getValueAtPercentile(99)), micros(tickToOrderNs.getValueAtPercentile(99.9)),
                micros(tickToOrderNs.getMaxValue()), tickToOrderNs.getTotalCount()));
        }
        else
        {
            text.append("tick-to-order no orders, no latency recorded\n");
        }
        if (failure != null)
        {
            text.append(failure).append('\n');
        }
        return text.toString();
    }

    private static String money(final long units)
    {
        return String.format("%,.2f", units / (double)Fixed.PRICE_SCALE);
    }

    private static String micros(final long nanos)
    {
        return String.format("%.1f us", nanos / 1e3);
    }
}
