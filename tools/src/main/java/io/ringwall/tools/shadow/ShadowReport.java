package io.ringwall.tools.shadow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.ShadowDecisionDecoder;
import io.ringwall.codecs.ShadowExecutionDecoder;
import io.ringwall.codecs.ShadowFill;
import io.ringwall.codecs.ShadowVerdict;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import io.ringwall.tools.validation.Percentiles;

/**
 * What a shadow session's journal "out" says (issue 20): every {@code ShadowDecision} and {@code ShadowExecution}
 * the logic journaled, and the figures over them. Alignment is aligned decisions over decisions; execution quality
 * is fully filled live orders over finished ones (the whole session, where the breaker looks at a rolling window);
 * slippage is per order with a fill and a model price, in basis points, positive when worse than the model; latencies
 * are event time, per order that was acknowledged (filled).
 *
 * @param misalignments every decision that was not aligned, in journal order.
 * @param slippageBps   per order with a fill, in journal order.
 * @param ackLatencyMs  send to acknowledgement, per acknowledged order, ms.
 * @param fillLatencyMs send to first fill, per order with a fill, ms.
 */
public record ShadowReport(long decisions, long aligned, List<Misalignment> misalignments, long executions,
    long filled, long partial, long notFilled, double[] slippageBps, double[] ackLatencyMs, double[] fillLatencyMs)
{
    /** The percentiles every distribution is reported at. */
    public static final double[] PERCENTILES = {50, 90, 99, 100};

    /** A decision the twin did not share; {@code decision} is its place among the decisions, from 1. */
    public record Misalignment(long decision, long timeNs, long outputSequence, long causeSequence, int strategyId,
        int instrumentId, long liveTarget, long twinTarget, ShadowVerdict verdict, long differencePpm,
        int misalignmentsInRow)
    {
    }

    /**
     * @throws IllegalStateException (from the journal) when the journal is missing or corrupt.
     */
    public static ShadowReport read(final Path journal)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final ShadowDecisionDecoder decision = new ShadowDecisionDecoder();
        final ShadowExecutionDecoder execution = new ShadowExecutionDecoder();
        final long[] counts = new long[6];
        final List<Misalignment> misalignments = new ArrayList<>();
        final List<Double> slippage = new ArrayList<>();
        final List<Double> ack = new ArrayList<>();
        final List<Double> fill = new ArrayList<>();
        try (JournalDirectory journals = JournalDirectory.openExisting(journal);
            JournalReader outputs = journals.outputReader())
        {
            outputs.readAll((sequence, timeNs, frame, offset, length) ->
            {
                header.wrap(frame, offset);
                if (header.templateId() == ShadowDecisionDecoder.TEMPLATE_ID)
                {
                    decision.wrapAndApplyHeader(frame, offset, header);
                    counts[0]++;
                    if (decision.verdict() == ShadowVerdict.ALIGNED)
                    {
                        counts[1]++;
                    }
                    else
                    {
                        misalignments.add(new Misalignment(counts[0], timeNs, sequence, decision.causeSequence(),
                            decision.strategyId(), decision.instrumentId(), decision.liveTarget(),
                            decision.twinTarget(), decision.verdict(), decision.differencePpm(),
                            decision.misalignmentsInRow()));
                    }
                }
                else if (header.templateId() == ShadowExecutionDecoder.TEMPLATE_ID)
                {
                    execution.wrapAndApplyHeader(frame, offset, header);
                    counts[2]++;
                    final ShadowFill outcome = execution.fill();
                    counts[outcome == ShadowFill.FILLED ? 3 : outcome == ShadowFill.PARTIAL ? 4 : 5]++;
                    if (execution.filledQuantity() > 0 && execution.modelPrice() > 0)
                    {
                        slippage.add(execution.slippagePpm() / 100.0);
                    }
                    if (execution.ackLatencyNs() >= 0)
                    {
                        ack.add(execution.ackLatencyNs() / 1e6);
                    }
                    if (execution.fillLatencyNs() >= 0)
                    {
                        fill.add(execution.fillLatencyNs() / 1e6);
                    }
                }
            });
        }
        return new ShadowReport(counts[0], counts[1], List.copyOf(misalignments), counts[2], counts[3], counts[4],
            counts[5], array(slippage), array(ack), array(fill));
    }

    /** @return aligned decisions over decisions; NaN without a decision. */
    public double alignment()
    {
        return decisions == 0 ? Double.NaN : (double)aligned / decisions;
    }

    /** @return fully filled live orders over finished ones; NaN without one. */
    public double executionQuality()
    {
        return executions == 0 ? Double.NaN : (double)filled / executions;
    }

    /** @return the mean slippage in bps over orders with a fill; NaN without one. */
    public double averageSlippageBps()
    {
        double sum = 0;
        for (final double value : slippageBps)
        {
            sum += value;
        }
        return slippageBps.length == 0 ? Double.NaN : sum / slippageBps.length;
    }

    /** @return the nearest-rank percentile (see {@link Percentiles}), NaN for an empty sample. */
    public static double percentile(final double[] values, final double percent)
    {
        return Percentiles.of(values, percent);
    }

    private static double[] array(final List<Double> values)
    {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
